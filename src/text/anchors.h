// Anchor extraction: dates, numbers, percentages, money, named entities and
// acronyms in each segment, with language-independent keys so both languages
// meet ("27 octobre" / "October 27" -> "--10-27" or "2025-10-27";
// "Corée du Sud" / "South Korea" -> the same entity key).
//
// Usage:
//   ancre::text::AnchorExtractor ex({.language = "fr"});
//   ancre::DocumentAnchors anchors = ex.Extract(input, doc);   // doc from Segmenter
//
// Thread-safety: an AnchorExtractor is not thread-safe; use one per thread.
#pragma once

#include <memory>
#include <string>

#include "src/core/anchor.h"
#include "src/core/segment.h"
#include "src/text/input.h"

namespace ancre::text {

struct AnchorOptions {
  std::string language = "en";  // ICU locale id
  std::string document_date;    // YYYY-MM-DD; empty = inferred from the document
  std::string date_order;       // "dmy" or "mdy"; empty = from the locale
};

class AnchorExtractor {
 public:
  // Throws Error for an unknown language or a malformed document_date.
  explicit AnchorExtractor(const AnchorOptions& options);
  ~AnchorExtractor();
  AnchorExtractor(const AnchorExtractor&) = delete;
  AnchorExtractor& operator=(const AnchorExtractor&) = delete;

  // The anchors of every segment of doc (parallel to doc.segments). Spans are
  // byte offsets into the input as given and lie inside their segment's span.
  // `input` must be the text `doc` was segmented from.
  DocumentAnchors Extract(const InputText& input, const Document& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::text
