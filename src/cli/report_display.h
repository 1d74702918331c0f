// The display flags the report formats share: --color auto|always|never
// (honouring NO_COLOR) and --width for the terminal view, read into
// DisplayOptions, and the writing of a report view as html or text. Used by
// `ancre report`, `ancre align` and `ancre show`.
//
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "src/cli/options.h"
#include "src/report/view.h"

namespace ancre::cli {

// --color and --width, to add to a subcommand's options.
po::options_description ReportDisplayOptions();

// The flags of ReportDisplayOptions(), as given (checked where used).
struct DisplayOptions {
  std::string color = "auto";  // --color
  std::optional<int> width;    // --width; none = from the terminal
};

// Reads the flags of ReportDisplayOptions() from vm (the only place they are read).
DisplayOptions DisplayOptionsFromVm(const po::variables_map& vm);

// True if the terminal view should use ANSI styles: --color always; never;
// auto (default) = writing to stdout, stdout is a terminal, and NO_COLOR is
// unset or empty (https://no-color.org). Throws UsageError for another value.
bool UseColor(const DisplayOptions& display, bool to_stdout);

// Columns of the terminal view: --width, else $COLUMNS, else the terminal's
// width when stdout is one, else 100. Throws UsageError for --width < 40.
size_t TerminalWidth(const DisplayOptions& display);

// Writes `view` as `format` ("html" or "text") to os. Throws UsageError for
// another format or bad display options, Error if the view is inconsistent.
void WriteReport(const std::string& format, const report::AlignmentView& view,
                 const DisplayOptions& display, bool to_stdout, std::ostream& os);

}  // namespace ancre::cli
