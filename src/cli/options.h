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
// must be declared in `visible`. The language options (--src-lang, --tgt-lang,
// --lang, --from, --to) are parsed through LanguageTag and hold their
// canonical tag afterwards ("FR" -> "fr", "fr_FR" -> "fr-FR"). Throws
// UsageError naming `command` on bad usage, and naming the option and the
// closest valid code for an unknown language ("french": did you mean fr?).
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

// A new, empty file next to `target`, named ".NAME.ancre-XXXXXX" (six random
// letters or digits), created with O_EXCL | O_NOFOLLOW: it is provably this
// run's own file, never one that existed (or a symbolic link planted there),
// and two runs writing the same target never share it. From its creation it is
// registered for removal on interruption (see signals.h), together with its
// side files: its name followed by each of `side_suffixes` (a TM's working
// files, tm::TmFiles::working_suffixes, for a TM built there); a name whose side files
// exist already is not used. The destructor removes the file and its side
// files unless Release() was called. Not thread-safe.
class TemporaryFile {
 public:
  // Creates the file with permission bits `mode` (less the umask) and keeps it
  // open for writing (fd()). Throws IoError naming `target` if the folder is
  // missing or not writable.
  TemporaryFile(const std::string& target, unsigned mode,
                const std::vector<std::string>& side_suffixes = {});
  ~TemporaryFile();
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  const std::string& path() const { return path_; }
  // The descriptor it was created with (write only, close-on-exec), -1 once taken.
  int fd() const { return fd_; }
  // Hands the descriptor over to the caller, who closes it.
  int TakeFd();
  // The file was published (renamed to its target): stops watching it, and
  // removes its side files (what a TM may leave next to its closed file).
  void Release();
  // Renames the file to `target` unless a file (or a symbolic link) is there,
  // atomically; then Release()s it and returns true. Returns false, changing
  // nothing, if `target` exists. Throws IoError if the rename fails otherwise.
  bool PublishAsNew(const std::string& target);

 private:
  std::string path_;
  std::vector<std::string> side_files_;
  std::vector<std::unique_ptr<InterruptCleanup>> cleanups_;
  int fd_ = -1;
  bool released_ = false;
};

// An output stream: stdout for "-" or empty, else a file written to a
// TemporaryFile and renamed over `path` by Commit(), so a failed run never
// leaves a half-written file, and of two runs writing the same path at once
// each publishes its own complete file. An existing file keeps its permission
// bits. Destroying an uncommitted Output deletes the temporary; so does an
// interruption (see signals.h).
class Output {
 public:
  // Throws IoError if the file cannot be created.
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  std::ostream& stream();
  // Flushes, checks for write errors (disk full), syncs the file to disk and
  // publishes it. Throws IoError.
  void Commit();
  bool is_stdout() const { return path_.empty() || path_ == "-"; }

 private:
  std::string path_;
  std::unique_ptr<TemporaryFile> tmp_;
  std::unique_ptr<std::streambuf> buffer_;  // writes to tmp_'s descriptor, which it owns
  std::unique_ptr<std::ostream> file_;
};

// Throws UsageError (naming `command`, both files and what to do) if `output`
// (an -o argument; "-" and empty are stdout) is the translation memory `db` or
// one of its working files (tm::TranslationMemory::Files): the same
// file when it exists, the same path when not. Every command taking both --db
// and -o calls it before any work.
void RequireOutputIsNotTm(const std::string& command, const std::string& output,
                          const std::string& db);

// Throws UsageError naming `option` unless `path` is an existing file that can
// be read as a document (as pipeline::RequireDocumentFile: not a folder), or "-".
void RequireOptionFile(const std::string& option, const std::string& path);

// Throws UsageError naming `option` unless `path` is an existing folder.
void RequireOptionFolder(const std::string& option, const std::string& path);

// The value of the numeric option `--name` in vm, checked against [lo, hi]
// (every command checks its numeric options here, so they all say the same).
// Throws UsageError naming `command` (if not empty), the option, the value and the range
// otherwise, NaN included; for a score option (hi == 1) given as a
// percentage (95), it says which score was meant (0.95).
double RangeOption(const std::string& command, const po::variables_map& vm, const std::string& name,
                   double lo, double hi);

// Adds --progress to o (--quiet is each command's own: it also silences
// summaries).
void AddProgressOption(po::options_description* o);

// Whether to draw progress (progress.h): not --quiet, and --progress or
// stderr is a terminal.
bool ProgressWanted(const po::variables_map& vm);

// True if file descriptor fd is a terminal.
bool IsTerminal(int fd);

}  // namespace ancre::cli
