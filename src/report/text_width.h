// Display width of text in a terminal's character cells (Unicode East Asian
// Width via utf8proc: CJK and most emoji take two cells, combining marks none,
// «, » and NO-BREAK SPACE one), and the code point iteration the renderers
// share. Thread-safe: pure functions.
#pragma once

#include <cstddef>
#include <string_view>

namespace ancre::report {

// One code point of a UTF-8 text.
struct CodePoint {
  char32_t value = 0;  // U+FFFD for an invalid byte
  size_t size = 0;     // bytes it takes in the text (1 for an invalid byte)
};

// Decodes the code point that starts at byte `at` of text (at < text.size()).
// Returns it and its length; an invalid or truncated sequence is U+FFFD of size 1.
CodePoint DecodeAt(std::string_view text, size_t at);

// True for C0 and C1 control characters and DEL: never to be written raw.
bool IsControl(char32_t cp);

// True for the white space a line may break at: ASCII space, tab, line
// breaks and the Unicode spaces that are not no-break (NBSP U+00A0, U+2007
// and U+202F never break a line).
bool IsBreakingSpace(char32_t cp);

// Cells one code point takes: 0 for combining marks and format characters,
// 2 for wide (CJK, most emoji), 1 otherwise; a control character takes 1
// (renderers show it as a replacement).
int CellWidth(char32_t cp);

// Sum of CellWidth over the code points of utf8.
size_t DisplayWidth(std::string_view utf8);

}  // namespace ancre::report
