#include "src/text/normalize.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace ancre::text {
namespace {

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }  // utf8proc allocates with malloc
};

std::string Map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out,
                                    static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(out);
  if (n < 0) return std::string(s);  // input is validated upstream; keep it as is
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
}

bool IsCollapsibleSpace(char32_t c) {
  // NBSP and NNBSP (and FIGURE SPACE) are typed on purpose (French spacing): keep them.
  if (c == 0x00A0 || c == 0x202F || c == 0x2007) return false;
  return IsSpace(c);
}

}  // namespace

bool IsSpace(char32_t c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

char32_t NextCodePoint(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
  for (int k = 1; k < len && *i + static_cast<size_t>(k) < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + static_cast<size_t>(k)]) & 0x3F);
  }
  *i += static_cast<size_t>(len);
  return cp;
}

std::string NormalizeSegmentText(std::string_view utf8) {
  std::string collapsed;
  collapsed.reserve(utf8.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < utf8.size()) {
    size_t start = i;
    char32_t c = NextCodePoint(utf8, &i);
    if (IsCollapsibleSpace(c)) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    collapsed.append(utf8.substr(start, i - start));
  }
  return Map(collapsed, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string FoldForMatching(std::string_view utf8) {
  return Map(utf8, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                       UTF8PROC_STRIPMARK);
}

}  // namespace ancre::text
