// The terminal view of an alignment: the two documents side by side in
// columns fitted to a width, one block per row of the layout (a pair with its
// score, band and bead type, or sentences left unaligned), the shared anchors
// listed under each pair. Widths count terminal cells (CJK takes two, NBSP and
// « one); lines break at spaces, never at a no-break space. With color, the
// shared anchors, bands and indices get ANSI styles; without, the output is
// plain text (control characters of the input are never written raw).
//
// Usage (given const ancre::report::AlignmentView& view):
//   ancre::report::WriteText(view, {.width = 120, .color = true}, std::cout);
//
// Thread-safety: reentrant; the view is only read.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "src/report/view.h"

namespace ancre::report {

struct TextOptions {
  size_t width = 100;  // terminal columns; at least kMinTextWidth is used
  bool color = false;  // ANSI SGR styles; only for a terminal that wants them
};

inline constexpr size_t kMinTextWidth = 40;

// Writes the side-by-side view to out. Throws what BuildLayout throws.
void WriteText(const AlignmentView& view, const TextOptions& options, std::ostream& out);

// The view as a string. Throws what WriteText throws.
std::string RenderText(const AlignmentView& view, const TextOptions& options);

// Splits text into lines of at most `width` cells (width >= 2), breaking at
// breaking spaces, and inside a word only when the word alone is wider than a
// line. Control characters become '?'. Returns the lines without trailing
// spaces; an empty text gives one empty line. Throws nothing but bad_alloc.
std::vector<std::string> WrapText(std::string_view text, size_t width);

}  // namespace ancre::report
