// Text normalization with utf8proc: NFC with white space collapsed (the
// `text` of a segment). Folding for matching is in src/unicode/fold.h.
// Input must be valid UTF-8.
// Thread-safe (pure functions).
#pragma once

#include <string>
#include <string_view>

namespace ancre::text {

// NFC, every run of white space (including line breaks; not NBSP/NNBSP, which
// are kept as typed) collapsed to one space, trimmed at both ends.
std::string NormalizeSegmentText(std::string_view utf8);

// True if the code point is white space that may separate words
// (Unicode White_Space, including NBSP U+00A0 and NNBSP U+202F).
bool IsSpace(char32_t c);

}  // namespace ancre::text
