// From an alignment made by pipeline::AlignDocuments to the report's plain view
// (src/report/view.h), and the display options the report formats share:
// --format html|text, --color auto|always|never (honouring NO_COLOR) and
// --width for the terminal view. Used by `ancre report` and `ancre align`.
//
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "src/cli/options.h"
#include "src/pipeline/pipeline.h"
#include "src/report/view.h"
#include "src/text/input.h"

namespace ancre::cli {

// The report's view of `pair`: each sentence's original text (decoded to
// UTF-8, whatever the input's encoding) with its anchors as byte offsets into
// it, the beads as `--format jsonl` lists them, and the candidate pairs of
// the similarity model (without lexicon) for the score matrix. `src` and
// `tgt` must be the inputs `pair` was aligned from; names label the documents.
// Returns the view (it copies what it needs). Throws nothing but bad_alloc.
report::AlignmentView MakeAlignmentView(const pipeline::AlignedPair& pair,
                                        const text::InputText& src, const text::InputText& tgt,
                                        bool with_candidates = true);

// The UTF-8 byte offset in input.utf8() of the character at byte `offset` of
// the input as given (the inverse of InputText::ToInputOffset). Throws nothing.
size_t Utf8Offset(const text::InputText& input, size_t offset);

// --color and --width, to add to a subcommand's options.
po::options_description ReportDisplayOptions();

// True if the terminal view should use ANSI styles: --color always; never;
// auto (default) = writing to stdout, stdout is a terminal, and NO_COLOR is
// unset or empty (https://no-color.org). Throws UsageError for another value.
bool UseColor(const po::variables_map& vm, bool to_stdout);

// Columns of the terminal view: --width, else $COLUMNS, else the terminal's
// width when stdout is one, else 100. Throws UsageError for --width < 40.
size_t TerminalWidth(const po::variables_map& vm);

// Writes `view` as `format` ("html" or "text") to os, reading --color and
// --width from vm (ReportDisplayOptions). Throws UsageError for another format
// or bad display options, Error if the view is inconsistent.
void WriteReport(const std::string& format, const report::AlignmentView& view,
                 const po::variables_map& vm, bool to_stdout, std::ostream& os);

}  // namespace ancre::cli
