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

// Appends the UTF-8 encoding of cp.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace ancre
