// LISA SRX 2.0 segmentation rules (the format OmegaT and Okapi use), applied
// with ICU regular expressions so a translator's segments match their CAT tool.
// Regex matching is time-limited: a catastrophic pattern fails with an error
// instead of hanging. Not thread-safe: one SrxRules per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

class SrxRules {
 public:
  // Reads the rules of `path` that apply to `language` (every matching
  // languagemap when the header cascades, else the first). Throws IoError,
  // ParseError (file:line: what) for malformed XML or a bad regex, Error if no
  // rule applies to the language.
  static SrxRules Load(const std::string& path, const std::string& language);
  // The same from an in-memory document; `name` is used in messages.
  static SrxRules Parse(std::string_view xml, const std::string& name, const std::string& language);

  SrxRules(SrxRules&&) noexcept;
  SrxRules& operator=(SrxRules&&) noexcept;
  ~SrxRules();

  // Appends to *out the byte offsets in utf8 after which a segment ends, in
  // order, always ending with utf8.size(). Throws Error if a rule's regex
  // exceeds its time limit.
  void Boundaries(std::string_view utf8, std::vector<size_t>* out);

  size_t rule_count() const;

 private:
  struct Impl;
  explicit SrxRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::text
