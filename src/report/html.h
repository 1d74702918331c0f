// The HTML report of an alignment: one self-contained page (inline CSS and
// JavaScript, no network) that a linguist opens from disk to see what the
// aligner paired and why. Both documents side by side, every sentence in
// place; pairs colour-coded and labelled by score band; the shared anchors
// highlighted in both sentences; unaligned sentences marked; a summary with a
// score histogram and an SVG score matrix; filters and keyboard navigation
// (JavaScript); readable with JavaScript off and printable.
//
// Stable hooks for tests and scripts: every pair element carries
// data-bead="K" (K = the bead's line in `--format jsonl`) and data-score;
// every unaligned sentence carries data-unaligned="src|tgt"; every highlighted
// shared anchor is <mark data-kind="date|number|..." data-key="...">.
//
// Usage (given const ancre::report::AlignmentView& view):
//   ancre::report::WriteHtml(view, {.generator = "ancre 0.1.0"}, std::cout);
//
// Thread-safety: reentrant; the view is only read.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "src/report/view.h"

namespace ancre::report {

struct HtmlOptions {
  std::string generator = "ancre";  // named in the page footer, e.g. "ancre 0.1.0"
  size_t matrix_width = 380;        // CSS pixels of the score matrix
};

// Writes the page to out. Every text of the view is HTML-escaped. Throws what
// BuildLayout throws (Error for a bead naming a missing sentence); write
// errors are left in out's state for the caller to check.
void WriteHtml(const AlignmentView& view, const HtmlOptions& options, std::ostream& out);

// The page as a string. Throws what WriteHtml throws.
std::string RenderHtml(const AlignmentView& view, const HtmlOptions& options);

// Appends text to out with &, <, >, " and ' escaped and control characters
// (other than tab and line breaks) replaced by U+FFFD. Throws nothing but bad_alloc.
void AppendHtmlEscaped(std::string_view text, std::string* out);

// The report page's style sheet (bands, anchors, rows): other pages that show
// an alignment (the review page) look the same. A static string.
std::string_view ReportStyleSheet();

}  // namespace ancre::report
