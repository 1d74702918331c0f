// Segment: one sentence (or title, caption, byline) of a document.
// Plain value type.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "src/core/span.h"

namespace ancre {

struct Segment {
  // 0-based position in Document::segments: what an alignment's beads name.
  size_t index = 0;
  // The segment's number in every output (JSONL, the TM, reports): its
  // position, or for presegmented input its 0-based input line (line-aligned
  // corpora name sentences by line; blank lines leave gaps).
  size_t number = 0;
  Span span;             // bytes of the input file as given, trimmed of surrounding white space
  Span utf8;             // the same text in the input decoded to UTF-8 (InputText::utf8())
  std::string text;      // normalized text: NFC, white space collapsed to single spaces
  size_t paragraph = 0;  // 0-based paragraph number
};

// A segmented document: its segments in order, and the input's language.
struct Document {
  std::string language;  // BCP 47 tag or ICU locale id as given by the user, e.g. "fr"
  std::vector<Segment> segments;
};

}  // namespace ancre
