// Segment: one sentence (or title, caption, byline) of a document.
// Plain value type.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "src/core/span.h"

namespace ancre {

struct Segment {
  size_t index = 0;      // 0-based position in the document
  Span span;             // bytes of the input file as given, trimmed of surrounding white space
  std::string text;      // normalized text: NFC, white space collapsed to single spaces
  size_t paragraph = 0;  // 0-based paragraph number
};

// A segmented document: its segments in order, and the input's language.
struct Document {
  std::string language;  // BCP 47 tag or ICU locale id as given by the user, e.g. "fr"
  std::vector<Segment> segments;
};

}  // namespace ancre
