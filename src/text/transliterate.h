// Latin transliteration of words in other scripts (Cyrillic, Greek,
// Devanagari, Arabic, Han ...), so that a name or a loanword can meet its
// Latin-script spelling: "Обама" -> "obama", "ओबामा" -> "obama".
//
// Thread-safety: a Latinizer is not thread-safe (ICU's transliterator keeps
// state); use one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ancre::text {

class Latinizer {
 public:
  Latinizer();
  ~Latinizer();
  Latinizer(const Latinizer&) = delete;
  Latinizer& operator=(const Latinizer&) = delete;

  // True if `utf8` holds a letter outside the Latin script.
  static bool HasNonLatinLetter(std::string_view utf8);

  // The word in lowercase ASCII Latin letters (ICU "Any-Latin; Latin-ASCII;
  // Lower"); empty if it holds no letter outside the Latin script. Throws
  // Error if ICU lacks the transliterator.
  std::string ToLatin(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::text
