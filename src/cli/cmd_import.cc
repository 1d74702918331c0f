// ancre import: reads a TMX file (1.1 to 1.4b, UTF-8 or UTF-16) into the
// translation memory, in one transaction.
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "src/cli/signals.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/reporter.h"
#include "tm/tmx_import.h"
#include "tm/tmx_text.h"

namespace ancre::cli {
namespace {

po::options_description ImportOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("src-lang", po::value<std::string>(),
       "source language to import (fr takes fr, fr-FR, fr-CA ...); default: the file's "
       "srclang")  //
      ("tgt-lang", po::value<std::string>(),
       "target language to import; default: every other language of each unit")  //
      ("on-bad-unit", po::value<std::string>()->default_value("fail"),
       "a unit that cannot be imported (broken inline markup, one language, empty segment): "
       "fail = import nothing, warn = import the others and list it, skip = import the "
       "others and count it")  //
      ("document", po::value<std::string>(),
       "provenance label of the imported units; default: the file name")  //
      ("quiet,q", "no summary on stderr");
  AddDbOption(&o);
  return o;
}

// Units converted at a time between reads of the file.
constexpr size_t kBatch = 256;

// A TM file that this run creates, removed again (with the side files SQLite
// made next to it) unless the import succeeds: a refused import leaves the
// disk as it was. A file that existed before is never touched. Declare it
// before the tm::Store, so that the store is closed when it removes the files.
class NewTmFile {
 public:
  // Creates `path` empty if it does not exist (tm::Store makes an empty file a
  // TM). O_EXCL makes "created by this run" exact: a file another process
  // made meanwhile is not ours. If `path` exists or cannot be created here,
  // nothing is registered and tm::Store reports what is wrong with it.
  explicit NewTmFile(const std::string& path) {
    if (path.empty() || path == ":memory:") return;
    // Side files that exist already (left by another program) are not ours either.
    const std::array<const char*, 3> suffixes = {"-wal", "-shm", "-journal"};
    std::vector<std::string> side_files;
    for (const char* suffix : suffixes) {
      std::error_code ec;
      if (!std::filesystem::exists(path + suffix, ec) && !ec) side_files.push_back(path + suffix);
    }
    // Signals are blocked from the creation to the registration: an
    // interruption then cannot leave the new file behind, and the handler
    // never sees a path that is not ours.
    sigset_t interrupts, previous;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &interrupts, &previous);
    // 0644: the mode SQLite gives the files it creates (SQLITE_DEFAULT_FILE_PERMISSIONS).
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      close(fd);
      paths_.push_back(path);
      for (std::string& side : side_files) paths_.push_back(std::move(side));
      for (const std::string& p : paths_)
        cleanups_.push_back(std::make_unique<InterruptCleanup>(p));
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  }
  ~NewTmFile() {
    for (const std::string& p : paths_) {
      std::error_code ec;  // best effort: the import's own error is what the user needs
      std::filesystem::remove(p, ec);
    }
  }
  NewTmFile(const NewTmFile&) = delete;
  NewTmFile& operator=(const NewTmFile&) = delete;

  // The import succeeded: the TM stays, interrupted or not.
  void Keep() {
    cleanups_.clear();
    paths_.clear();
  }

 private:
  std::vector<std::unique_ptr<InterruptCleanup>> cleanups_;
  std::vector<std::string> paths_;
};

}  // namespace

std::string ImportHelp() {
  std::ostringstream s;
  s << "Usage: ancre import FILE.tmx [options]\n\n"
       "Imports the translation units of a TMX file (versions 1.1 to 1.4b, UTF-8 or UTF-16,\n"
       "from any CAT tool) into the TM, which is created if missing. Language codes match\n"
       "whatever their case or separator (en_US, EN-us), with region fallback. A unit with\n"
       "more than two languages gives one pair per target language. Inline codes are kept\n"
       "for export and removed for matching; notes and props are kept. The file is read\n"
       "once and stored in one transaction: a file that fails (or an interrupted import)\n"
       "changes nothing in the TM, and a TM it was to create is not left behind.\n"
       "Exit code 3: finished, but bad units were skipped.\n\n"
    << ImportOptions()
    << "\nExamples:\n"
       "  ancre import legacy.tmx --db tm.sqlite\n"
       "  ancre import memoq-export.tmx --db tm.sqlite --src-lang fr --tgt-lang en "
       "--on-bad-unit warn\n";
  return s.str();
}

int RunImport(const std::vector<std::string>& args) {
  po::options_description visible = ImportOptions();
  po::options_description all = visible;
  all.add_options()("file", po::value<std::string>()->required(), "TMX file");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  ParseArgs("import", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << ImportHelp();
    return 0;
  }
  const std::string file = vm["file"].as<std::string>();
  tm::TmxImportOptions options;
  if (vm.count("src-lang")) options.src_lang = vm["src-lang"].as<std::string>();
  if (vm.count("tgt-lang")) options.tgt_lang = vm["tgt-lang"].as<std::string>();
  if (vm.count("document")) options.document = vm["document"].as<std::string>();
  const std::string policy = vm["on-bad-unit"].as<std::string>();
  if (policy == "fail") {
    options.on_bad_unit = OnBadRecord::kFail;
  } else if (policy == "warn") {
    options.on_bad_unit = OnBadRecord::kWarn;
  } else if (policy == "skip") {
    options.on_bad_unit = OnBadRecord::kSkip;
  } else {
    throw UsageError("import: --on-bad-unit must be fail, warn or skip");
  }
  options.now = tm::TmxDateNow();
  const bool quiet = vm.count("quiet") > 0;

  // One pass, one transaction: units are stored as they are read, and a file
  // that fails (not well-formed, a bad unit under "fail", a write error) or a
  // killed process changes nothing in the TM. Memory stays bounded.
  CountingReporter reporter(options.on_bad_unit == OnBadRecord::kWarn
                                ? std::function<void(const std::string&)>(
                                      [](const std::string& line) { std::cerr << line << "\n"; })
                                : nullptr);
  auto reader = tm::TmxReader::Open(file);  // before the TM: a missing file creates nothing
  tm::TmxImporter importer(*reader, options, reporter);
  ReportFileSizeLimitAsError();
  // A TM this run creates is removed if the import fails or is interrupted
  // before its commit; `new_tm` outlives `store`, which is closed first.
  NewTmFile new_tm(vm["db"].as<std::string>());
  // Once the whole file is read, the commit starts: an interruption then waits
  // for its end, so that what ancre says on exit is what the TM holds.
  std::optional<CommitSection> commit;
  tm::Store store = OpenStore(vm, /*write=*/true, /*create=*/true);
  std::vector<tm::TranslationUnit> batch;
  size_t position = 0;
  const tm::AddResult added = store.AddUnits([&](tm::TranslationUnit* unit) {
    while (position == batch.size()) {
      if (!importer.NextBatch(kBatch, &batch)) {
        if (!commit) commit.emplace();
        return false;
      }
      position = 0;
    }
    *unit = std::move(batch[position++]);
    return true;
  });
  new_tm.Keep();
  if (commit) commit->Done();
  commit.reset();
  const tm::TmxImportStats& checked = importer.stats();

  if (!quiet) {
    std::cerr << "ancre: imported " << checked.pairs << " pair(s) from " << checked.units
              << " unit(s) of " << file << " into " << store.path() << " (" << added.added
              << " new, " << added.existing << " already in the TM)\n";
    if (checked.outside_pair > 0) {
      std::cerr << "ancre: " << checked.outside_pair
                << " unit(s) lack the requested languages; the file has:";
      for (const auto& l : checked.languages) std::cerr << " " << l;
      std::cerr << "\n";
    }
    if (checked.dates_ignored > 0) {
      std::cerr << "ancre: warning: " << checked.dates_ignored
                << " creation date(s) not in TMX form were replaced by the import time\n";
    }
  }
  if (checked.bad_units > 0) {
    std::cerr << "ancre: " << checked.bad_units << " bad unit(s) skipped"
              << (options.on_bad_unit == OnBadRecord::kSkip ? " (--on-bad-unit warn lists them)\n"
                                                            : "\n");
    return 3;
  }
  return 0;
}

}  // namespace ancre::cli
