#include "src/cli/report_display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string_view>

#include "src/core/error.h"
#include "src/core/version.h"
#include "src/report/html.h"
#include "src/report/terminal.h"

namespace ancre::cli {

po::options_description ReportDisplayOptions() {
  po::options_description o("Display");
  o.add_options()  //
      ("color", po::value<std::string>()->default_value("auto"),
       "text format: ANSI styles for anchors and bands: auto (when stdout is a terminal and "
       "NO_COLOR is not set), always, never")  //
      ("width", po::value<int>(),
       "text format: columns to fit (default: $COLUMNS, else the terminal's width, else 100)");
  return o;
}

DisplayOptions DisplayOptionsFromVm(const po::variables_map& vm) {
  DisplayOptions display;
  if (vm.count("color")) display.color = vm["color"].as<std::string>();
  if (vm.count("width")) display.width = vm["width"].as<int>();
  return display;
}

bool UseColor(const DisplayOptions& display, bool to_stdout) {
  const std::string& mode = display.color;
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError("--color must be auto, always or never, not '" + mode + "'");
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return to_stdout && IsTerminal(STDOUT_FILENO);
}

size_t TerminalWidth(const DisplayOptions& display) {
  if (display.width) {
    const int w = *display.width;
    if (w < static_cast<int>(report::kMinTextWidth)) {
      throw UsageError("--width must be at least " + std::to_string(report::kMinTextWidth));
    }
    return static_cast<size_t>(w);
  }
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    size_t w = 0;
    std::string_view s(columns);
    auto r = std::from_chars(s.data(), s.data() + s.size(), w);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && w > 0) {
      return std::max(w, report::kMinTextWidth);
    }
  }
  struct winsize ws {};
  if (IsTerminal(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return std::max<size_t>(ws.ws_col, report::kMinTextWidth);
  }
  return 100;
}

void WriteReport(const std::string& format, const report::AlignmentView& view,
                 const DisplayOptions& display, bool to_stdout, std::ostream& os) {
  if (format == "html") {
    report::WriteHtml(view, {.generator = std::string("ancre ") + kVersion}, os);
  } else if (format == "text") {
    report::WriteText(view,
                      {.width = TerminalWidth(display), .color = UseColor(display, to_stdout)}, os);
  } else {
    throw UsageError("report format must be html or text, not '" + format + "'");
  }
}

}  // namespace ancre::cli
