// The report page's charts: the score histogram and the score matrix, as
// inline SVG. Internal to src/report (html.cc draws the page around them).
//
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include <string>

#include "src/report/html.h"
#include "src/report/view.h"

namespace ancre::report {

// Appends v with at most one decimal, without a trailing ".0" (SVG coordinates).
void AppendCoord(double v, std::string* out);

// Histogram of pair scores in ten bins, as an SVG bar chart.
void AppendHistogram(const AlignmentView& view, const Layout& layout, std::string* out);

// The score matrix (source sentences down, target across) as an SVG plot.
void AppendMatrix(const AlignmentView& view, const Layout& layout, const HtmlOptions& options,
                  std::string* out);

}  // namespace ancre::report
