// Sentence segmentation: ICU's sentence BreakIterator for the language,
// wrapped in a FilteredBreakIterator with shipped per-language abbreviation
// lists, plus the fixes real text needs (closing quotes and brackets stay with
// their sentence, French spacing before » ! ? ; :, initials in any script,
// ordinals written with a period (de "am 15. März"), Hindi abbreviations, lines
// without final punctuation and paragraph breaks always end a segment), or
// LISA SRX 2.0 rules when given.
//
// Usage:
//   ancre::text::Segmenter seg({.language = "fr"});
//   ancre::Document doc = seg.Segment(ancre::text::ReadInput("a.fr.txt", {}));
//   for (const ancre::Segment& s : doc.segments)
//     std::cout << s.span.begin << " " << s.span.end << " " << s.text << "\n";
//
// Thread-safety: a Segmenter is not thread-safe (it owns ICU iterators); use
// one per thread. Construction is the expensive part: reuse it across inputs.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/segment.h"
#include "src/text/input.h"

namespace ancre::text {

enum class ParagraphMode {
  kAuto,   // decide per input: hard-wrapped text -> kBlank, else kLine
  kLine,   // every line break ends a paragraph (news, the samples)
  kBlank,  // only blank lines end a paragraph; single line breaks are soft wraps
};

// Parses "auto", "line", "blank"; throws UsageError otherwise.
ParagraphMode ParseParagraphMode(std::string_view name);

struct SegmenterOptions {
  std::string language = "en";  // any ICU locale id: fr, en, de, es, it, pt, en-GB ...
  ParagraphMode paragraphs = ParagraphMode::kAuto;
  std::string srx_path;                          // LISA SRX 2.0 rules; empty = ICU + ancre's fixes
  std::vector<std::string> extra_abbreviations;  // added to the shipped list, e.g. "Ste."
  // Every non-blank line is one segment (its span trimmed of surrounding white
  // space), numbered by its 0-based input line (Segment::number).
  bool presegmented = false;
};

class Segmenter {
 public:
  // Throws Error if the language is unknown to ICU or the SRX file is bad (ParseError).
  explicit Segmenter(const SegmenterOptions& options);
  ~Segmenter();
  Segmenter(const Segmenter&) = delete;
  Segmenter& operator=(const Segmenter&) = delete;

  // Segments a whole input. Spans are byte offsets into the input as given,
  // utf8 spans into input.utf8().
  Document Segment(const InputText& input);

  // Streams segments of a UTF-8 buffer to `sink` paragraph by paragraph; memory
  // stays bounded by the longest paragraph. `base` is added to every span
  // (the buffer's offset in its input). Used by Segment() and by the CLI.
  // `mode` must not be kAuto here (see DecideParagraphMode).
  // `position` carries the next segment index, input line and paragraph
  // number across calls. Segments come out with span == utf8 == the buffer's
  // offsets plus `base`; the caller maps them.
  struct Position {
    size_t index = 0;
    size_t line = 0;  // counted in presegmented mode only
    size_t paragraph = 0;
  };
  void SegmentUtf8(std::string_view utf8, size_t base, ParagraphMode mode,
                   const std::function<void(ancre::Segment&&)>& sink, Position* position);

  // Segments a whole stream chunk by chunk: UTF-8 input (BOM allowed) is read
  // in blocks and cut at paragraph breaks, so memory is bounded by the longest
  // paragraph; other encodings (and lenient mode) are decoded whole first.
  // Spans are byte offsets into the stream as given, utf8 spans into the
  // stream decoded to UTF-8 (as InputText::utf8()). Throws as InputText does,
  // and IoError naming `name` and the limit for input decoded whole past
  // kMaxDocumentBytes or, in ParagraphMode::kBlank, a paragraph past
  // kMaxParagraphBytes (input.h).
  void SegmentStream(std::istream& in, const std::string& name, const InputOptions& input_options,
                     const std::function<void(ancre::Segment&&)>& sink,
                     Reporter* reporter = nullptr);

  const SegmenterOptions& options() const { return options_; }

 private:
  struct Impl;
  SegmenterOptions options_;
  std::unique_ptr<Impl> impl_;
};

// Looks at (a prefix of) a text and decides whether single line breaks are
// paragraph breaks (kLine) or soft wraps of hard-wrapped text (kBlank).
ParagraphMode DecideParagraphMode(std::string_view utf8);

}  // namespace ancre::text
