#include "src/report/text_width.h"

#include <utf8proc.h>

#include "src/core/utf8.h"

namespace ancre::report {

CodePoint DecodeAt(std::string_view text, size_t at) {
  char32_t cp = 0;
  const size_t n = DecodeUtf8(text, at, &cp);
  if (n == 0) return {U'\uFFFD', 1};
  return {cp, n};
}

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool IsBreakingSpace(char32_t cp) {
  switch (cp) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      // U+2000..U+200A are spaces of various widths; U+2007 FIGURE SPACE is no-break.
      return cp >= 0x2000 && cp <= 0x200A && cp != 0x2007;
  }
}

int CellWidth(char32_t cp) {
  if (IsControl(cp)) return 1;
  int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w < 0 ? 0 : w;
}

size_t DisplayWidth(std::string_view utf8) {
  size_t width = 0;
  for (size_t at = 0; at < utf8.size();) {
    CodePoint c = DecodeAt(utf8, at);
    width += static_cast<size_t>(CellWidth(c.value));
    at += c.size;
  }
  return width;
}

}  // namespace ancre::report
