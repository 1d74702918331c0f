#include "src/cli/tm_common.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "src/core/error.h"
#include "src/text/utf8.h"

namespace ancre::cli {

void AddDbOption(po::options_description* o) {
  o->add_options()("db", po::value<std::string>()->default_value(tm::DefaultStorePath()),
                   "translation memory file (default: $ANCRE_DB, else ancre.sqlite)")  //
      ("busy-timeout", po::value<int>()->default_value(5000),
       "milliseconds to wait while another process writes to the TM");
}

tm::StoreOptions StoreOptionsFromArgs(const po::variables_map& vm, bool write, bool create) {
  tm::StoreOptions options;
  options.read_only = !write;
  options.create = create;
  options.busy_timeout_ms = vm["busy-timeout"].as<int>();
  return options;
}

tm::Store OpenStore(const po::variables_map& vm, bool write, bool create) {
  return tm::Store(vm["db"].as<std::string>(), StoreOptionsFromArgs(vm, write, create));
}

void RequireUtf8(std::string_view s, const std::string& what) {
  size_t bad = text::Utf8InvalidOffset(s);
  if (bad != std::string_view::npos) {
    throw UsageError(what + ": invalid UTF-8 at byte " + std::to_string(bad) +
                     "; pass UTF-8 text (check the terminal's encoding)");
  }
}

std::string FormatNumber(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

bool Confirm(const std::string& command, const std::string& question, bool yes) {
  if (yes) return true;
  if (!IsTerminal(STDIN_FILENO)) {
    throw UsageError(command +
                     ": this changes the translation memory; add --yes to confirm "
                     "(or --dry-run to only see what would change)");
  }
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

void ReportFileSizeLimitAsError() {
  // POSIX: with SIGXFSZ ignored, a write past RLIMIT_FSIZE fails with EFBIG.
  std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace ancre::cli
