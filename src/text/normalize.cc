#include "src/text/normalize.h"

#include <cstdint>
#include <cstring>

#include "src/core/utf8.h"
#include "src/unicode/fold.h"

namespace ancre::text {
namespace {

bool IsCollapsibleSpace(char32_t c) {
  // NBSP and NNBSP (and FIGURE SPACE) are typed on purpose (French spacing): keep them.
  if (c == 0x00A0 || c == 0x202F || c == 0x2007) return false;
  return IsSpace(c);
}

}  // namespace

bool IsSpace(char32_t c) {
  switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

// True if a code point cannot change under NFC, whatever surrounds it: below
// U+0300 (where the combining marks start) nothing decomposes canonically or
// composes with what precedes it, and neither does General Punctuation from
// U+2002 (quotes, dashes, NNBSP) or the currency symbols.
bool NfcStable(char32_t c) { return c < 0x300 || (c >= 0x2002 && c <= 0x20CF); }

// True if utf8 is already what NormalizeSegmentText returns: trimmed, single
// ASCII spaces only, and nothing that NFC could change. Most news sentences
// are, and one pass over the bytes is much cheaper than rebuilding them.
bool IsAlreadyNormal(std::string_view utf8) {
  const size_t n = utf8.size();
  if (n == 0) return true;
  auto byte = [&](size_t k) { return static_cast<unsigned char>(utf8[k]); };
  if (byte(0) == ' ' || byte(n - 1) == ' ') return false;
  constexpr uint64_t kOnes = UINT64_C(0x0101010101010101);
  constexpr uint64_t kHigh = UINT64_C(0x8080808080808080);
  constexpr uint64_t kLow7 = UINT64_C(0x7F7F7F7F7F7F7F7F);
  for (size_t i = 0; i < n; ++i) {
    // Eight bytes at a time while they are printable ASCII with single spaces
    // (bit tricks from "Bit Twiddling Hacks": exact per-byte masks).
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, utf8.data() + i, sizeof w);
      uint64_t below_space = (w - 0x20 * kOnes) & ~w & kHigh;  // a byte < 0x20 (or >= 0x80)
      if ((w & kHigh) != 0 || below_space != 0) break;
      uint64_t t = w ^ (0x20 * kOnes);
      uint64_t spaces = ~(((t & kLow7) + kLow7) | t) & kHigh;  // high bit of each byte == ' '
      if ((spaces & (spaces >> 8)) != 0) return false;         // two spaces in a row
      if ((spaces >> 56) != 0 && i + 8 < n && byte(i + 8) == ' ') return false;
      i += 8;
    }
    if (i >= n) break;
    unsigned char b = byte(i);
    if (b >= 0x21 && b < 0x80) continue;
    if (b == ' ') {
      if (byte(i + 1) == ' ') return false;  // i + 1 < n: the last byte is not a space
      continue;
    }
    if (b < 0x80) return false;  // a control character or other ASCII white space
    if (b >= 0xC3 && b <= 0xCB) {
      ++i;  // U+00C0..U+02FF: accented Latin letters, NFC-stable
      continue;
    }
    if (b == 0xC2) {
      if (i + 1 < n && byte(i + 1) == 0x85) return false;  // NEL
      ++i;
      continue;
    }
    if (b == 0xE2 && i + 2 < n) {
      unsigned char b1 = byte(i + 1), b2 = byte(i + 2);
      // U+2000..U+20CF (General Punctuation, currency) but not the spaces that collapse.
      if ((b1 == 0x80 && !(b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9)) || (b1 == 0x81 && b2 != 0x9F) ||
          (b1 == 0x82 && b2 <= 0x8F)) {
        i += 2;
        continue;
      }
    }
    return false;  // anything else takes the full path
  }
  return true;
}

std::string NormalizeSegmentText(std::string_view utf8) {
  if (IsAlreadyNormal(utf8)) return std::string(utf8);
  std::string collapsed;
  collapsed.reserve(utf8.size());
  bool pending_space = false;
  bool needs_nfc = false;
  size_t i = 0;
  const size_t n = utf8.size();
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(utf8[i]);
    if (b < 0x80) {  // ASCII fast path: copy a run of printable ASCII at once
      if (b == ' ' || (b >= 0x09 && b <= 0x0D)) {
        pending_space = !collapsed.empty();
        ++i;
        continue;
      }
      size_t run = i + 1;
      while (run<n&& static_cast<unsigned char>(utf8[run])> 0x20 &&
             static_cast<unsigned char>(utf8[run]) < 0x80)
        ++run;
      if (pending_space) collapsed.push_back(' ');
      pending_space = false;
      collapsed.append(utf8.data() + i, run - i);
      i = run;
      continue;
    }
    size_t start = i;
    char32_t c = NextCodePoint(utf8, &i);
    if (IsCollapsibleSpace(c)) {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) collapsed.push_back(' ');
    pending_space = false;
    needs_nfc |= !NfcStable(c);
    collapsed.append(utf8.substr(start, i - start));
  }
  if (!needs_nfc) return collapsed;
  return unicode::ToNfc(collapsed);
}

}  // namespace ancre::text
