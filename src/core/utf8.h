// Low-level UTF-8 validation and encoding, shared by the libraries (no dependencies).
// Thread-safe (pure functions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ancre {

// Length of the valid UTF-8 sequence starting at s[i] (1-4), or 0 if it is
// invalid (bad lead byte, truncated, overlong, surrogate, > U+10FFFF).
size_t Utf8SequenceLength(std::string_view s, size_t i);

// Offset of the first invalid byte, or npos if s is valid UTF-8.
size_t Utf8InvalidOffset(std::string_view s);

// Decodes the code point at s[*i] and advances *i past it. s must be valid
// UTF-8 at *i (validated where it entered); a sequence cut short by the end
// of s is decoded from the bytes there are. Inline: every byte of a segment
// goes through it.
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  const unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  char32_t cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
  for (size_t k = 1; k < len && *i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += len;
  return cp;
}

// Decodes the sequence at s[i] (i < s.size()) when it is valid UTF-8 (as
// Utf8SequenceLength checks): returns its length (1-4) and sets *cp. Returns
// 0 and leaves *cp alone if it is not.
size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp);

// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace ancre
