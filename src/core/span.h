// Span: a half-open byte range [begin, end) into a caller's original input.
// Positions in ancre's public APIs are always byte offsets into the input as
// given, so a linguist can be shown the exact original text. Plain value type.
#pragma once

#include <cstddef>

namespace ancre {

struct Span {
  size_t begin = 0;
  size_t end = 0;

  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace ancre
