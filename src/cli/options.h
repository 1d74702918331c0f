// Helpers shared by the subcommands: option parsing that turns Boost errors
// into UsageError, and opening of output files ("-" is stdout).
#pragma once

#include <boost/program_options.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "src/cli/signals.h"

namespace ancre::cli {

namespace po = boost::program_options;

// Parses args against visible + positional options into vm. A --help/-h flag
// must be declared in `visible`. Throws UsageError naming `command` on bad usage.
void ParseArgs(const std::string& command, const std::vector<std::string>& args,
               const po::options_description& visible,
               const po::positional_options_description& positional, po::variables_map* vm);

// Parses a subcommand's arguments: `visible` options (which must declare
// --help) plus the positional arguments named in `positional`, one value each,
// in order. Prints help() and returns false if --help was given; throws
// UsageError on bad usage.
bool ParseCommandLine(const std::string& command, const std::vector<std::string>& args,
                      const po::options_description& visible,
                      const std::vector<std::string>& positional, std::string (*help)(),
                      po::variables_map* vm);

// An output stream: stdout for "-" or empty, else a file written to a temporary
// name and renamed over `path` by Commit(), so a failed run never leaves a
// half-written file. Destroying an uncommitted Output deletes the temporary;
// so does an interruption (see signals.h).
class Output {
 public:
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  std::ostream& stream();
  // Flushes, checks for write errors (disk full) and publishes the file. Throws IoError.
  void Commit();
  bool is_stdout() const { return path_.empty() || path_ == "-"; }

 private:
  std::string path_;
  std::string tmp_path_;
  std::unique_ptr<InterruptCleanup> cleanup_;  // registered before the temporary exists
  std::unique_ptr<std::ostream> file_;
  bool committed_ = false;
};

// True if file descriptor fd is a terminal.
bool IsTerminal(int fd);

}  // namespace ancre::cli
