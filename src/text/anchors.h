// Anchor extraction: dates, numbers, percentages, money, named entities and
// acronyms in each segment, with language-independent keys so both languages
// meet ("27 octobre" / "October 27" -> "--10-27" or "2025-10-27";
// "Corée du Sud" / "South Korea" -> the same entity key).
//
// Usage (given const ancre::text::InputText& input, const ancre::Document& doc):
//   ancre::text::AnchorExtractor ex({.language = "fr"});
//   ancre::DocumentAnchors anchors = ex.Extract(input, doc);   // doc from Segmenter
//
// Thread-safety: an AnchorExtractor is not thread-safe; use one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/core/segment.h"
#include "src/core/span.h"
#include "src/text/input.h"

namespace ancre::text {

struct AnchorOptions {
  std::string language = "en";  // ICU locale id
  std::string document_date;    // YYYY-MM-DD; empty = inferred from the document
  std::string date_order;       // "dmy" or "mdy" for numeric dates; empty = from the locale
};

class AnchorExtractor {
 public:
  // Throws UsageError for an unknown language, a malformed document_date or
  // date_order. Building a language's word lists from ICU data takes a few
  // milliseconds the first time; later extractors share them.
  explicit AnchorExtractor(const AnchorOptions& options);
  ~AnchorExtractor();
  AnchorExtractor(const AnchorExtractor&) = delete;
  AnchorExtractor& operator=(const AnchorExtractor&) = delete;

  // The anchors of every segment of doc (parallel to doc.segments). Spans are
  // byte offsets into the input as given and lie inside their segment's span.
  // `input` must be the text `doc` was segmented from; the segments' utf8
  // spans say where they are in it.
  DocumentAnchors Extract(const InputText& input, const Document& doc);

  // The anchors of each of `segments`, given as byte ranges of `utf8` (valid
  // UTF-8); spans are offsets into `utf8`. The segments are one document:
  // what one says about a word's case or a person's full name helps the others.
  DocumentAnchors ExtractUtf8(std::string_view utf8, const std::vector<Span>& segments);

  // The anchors of one text taken alone; spans are offsets into `utf8`.
  std::vector<Anchor> ExtractText(std::string_view utf8);

  // The document date used by the last extraction, "YYYY-MM-DD": the
  // options' document_date, else the first full date in the first segments
  // (a byline); "" if there was none.
  std::string document_date() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for the year-less copy that follows a dated anchor on the same span
// ("--10-27" after "2025-10-27"): it lets exact key comparison meet a side
// that leaves the year out, and is the same mention, not new evidence. A
// caller that compares with AnchorKeysMatch skips these.
bool IsYearlessCopy(const Anchor& anchor);

// Whether two anchors (of two languages) name the same thing, and how
// strongly (*weight, may be null): the same kind and key at the weaker of the
// two weights; or a date with its year ("2025-10-27") and the same date
// without ("--10-27") at half that.
bool AnchorKeysMatch(const Anchor& a, const Anchor& b, double* weight);

}  // namespace ancre::text
