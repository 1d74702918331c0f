#include "src/unicode/fold.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>

#include "src/core/utf8.h"

namespace ancre::unicode {
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

// Scripts whose combining marks are vowels, not accents (Devanagari ने and नौ
// differ only by them): Indic, Thai, Lao, Tibetan, Myanmar, Khmer.
bool HasVowelMarks(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    const unsigned char lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0xE0) {  // ASCII and two-byte sequences: below U+0800
      i += lead < 0x80 ? 1 : 2;
      continue;
    }
    const char32_t c = NextCodePoint(utf8, &i);
    if ((c >= 0x0900 && c <= 0x0DFF) || (c >= 0x0E00 && c <= 0x109F) ||
        (c >= 0x1780 && c <= 0x17FF)) {
      return true;
    }
  }
  return false;
}

// FoldForMatching of each code point below kLatinFoldEnd, computed once.
const std::array<std::string, kLatinFoldEnd>& LatinFolds() {
  static const std::array<std::string, kLatinFoldEnd> table = [] {
    std::array<std::string, kLatinFoldEnd> t;
    std::string one;
    for (char32_t cp = 0; cp < kLatinFoldEnd; ++cp) {
      one.clear();
      AppendUtf8(cp, &one);
      t[cp] = FoldForMatching(one);
    }
    return t;
  }();
  return table;
}

// utf8proc: COMPAT folds compatibility forms (ﬁ, ², full-width letters),
// CASEFOLD folds case (ß -> ss), STRIPMARK drops combining marks after
// decomposition (é -> e), LUMP unifies look-alike spaces, quotes and dashes,
// IGNORE drops default-ignorable characters (soft hyphen, ZWJ).
constexpr utf8proc_option_t kIndexFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                   UTF8PROC_STRIPMARK | UTF8PROC_LUMP | UTF8PROC_IGNORE);

}  // namespace

std::string ToNfc(std::string_view utf8) { return Map(utf8, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string FoldForMatching(std::string_view utf8) {
  const int keep_marks = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD;
  return Map(utf8, HasVowelMarks(utf8) ? keep_marks : keep_marks | UTF8PROC_STRIPMARK);
}

const std::string& LatinFold(char32_t cp) { return LatinFolds()[cp]; }

std::string FoldWord(std::string_view word) {
  const std::array<std::string, kLatinFoldEnd>& table = LatinFolds();
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    const unsigned char b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b));
      ++i;
      continue;
    }
    if ((b & 0xE0) != 0xC0 || i + 1 >= word.size()) return FoldForMatching(word);
    const char32_t cp = NextCodePoint(word, &i);  // two bytes: below U+0800
    if (cp >= kLatinFoldEnd) return FoldForMatching(word);
    out += table[cp];
  }
  return out;
}

size_t FoldForIndex(char32_t cp, char32_t* out) {
  utf8proc_int32_t folded[kMaxIndexFold];
  int boundclass = UTF8PROC_BOUNDCLASS_START;
  const auto c = static_cast<utf8proc_int32_t>(cp);
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      c, folded, static_cast<utf8proc_ssize_t>(kMaxIndexFold), kIndexFoldOptions, &boundclass);
  if (n < 0 || n > static_cast<utf8proc_ssize_t>(kMaxIndexFold)) {
    out[0] = cp;  // cannot happen for valid code points; keep the character as is
    return 1;
  }
  for (utf8proc_ssize_t i = 0; i < n; ++i) out[i] = static_cast<char32_t>(folded[i]);
  return static_cast<size_t>(n);
}

}  // namespace ancre::unicode
