// ancre import: reads a TMX file (1.1 to 1.4b, UTF-8 or UTF-16) into the
// translation memory, in one transaction.
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
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
#include "tm/tmx/import.h"
#include "tm/tmx/text.h"

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

// The side files SQLite may make next to a database.
const std::vector<std::string> kSqliteSideFiles = {"-wal", "-shm", "-journal"};

// Whether `db` names no file at all (not even a dangling symbolic link): the
// import then builds a new TM. A path that cannot be looked at is not new:
// tm::Store says what is wrong with it.
bool IsNewTm(const std::string& db) {
  if (db.empty() || db == ":memory:") return false;
  struct stat st;
  return lstat(db.c_str(), &st) != 0 && errno == ENOENT;
}

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
  // A new TM is built under a temporary name of its own, next to it, and
  // appears at its path only once complete: a failed or interrupted import
  // removes only that file, never one another program created at the path
  // meanwhile (ancre align --db, say).
  const std::string db = vm["db"].as<std::string>();
  std::unique_ptr<TemporaryFile> building;
  if (IsNewTm(db)) {
    // 0644: the mode SQLite gives the files it creates (SQLITE_DEFAULT_FILE_PERMISSIONS).
    building = std::make_unique<TemporaryFile>(db, 0644, kSqliteSideFiles);
    close(building->TakeFd());  // tm::Store opens it by name and makes the empty file a TM
  }
  tm::AddResult added;
  {
    // Once the whole file is read, the commit into an existing TM starts: an
    // interruption then waits for its end, so that what ancre says on exit is
    // what the TM holds. A new TM is published after the store is closed.
    std::optional<CommitSection> commit;
    tm::Store store(building ? building->path() : db,
                    StoreOptionsFromArgs(vm, /*write=*/true, /*create=*/true));
    std::vector<tm::TranslationUnit> batch;
    size_t position = 0;
    added = store.AddUnits([&](tm::TranslationUnit* unit) {
      while (position == batch.size()) {
        if (!importer.NextBatch(kBatch, &batch)) {
          if (!commit && !building) commit.emplace();
          return false;
        }
        position = 0;
      }
      *unit = std::move(batch[position++]);
      return true;
    });
    if (commit) commit->Done();
  }
  if (building) {
    // The last connection to close checkpoints the WAL into the database file
    // and deletes it (SQLite, "Write-Ahead Logging": "When the last connection
    // to a database closes, that connection does one last checkpoint and then
    // deletes the WAL"). A WAL left behind holds units the file lacks.
    struct stat wal;
    if (stat((building->path() + "-wal").c_str(), &wal) == 0 && wal.st_size > 0) {
      throw IoError(db +
                    ": the new translation memory could not be completed (its WAL was not "
                    "written into it; disk full?); nothing was written");
    }
    // From here an interruption waits: the TM is published whole or not at all.
    CommitSection publish;
    if (building->PublishAsNew(db)) {
      publish.Done();
    } else {
      // Another program created the TM meanwhile: its data stays, ours joins it.
      tm::Store target = OpenStore(vm, /*write=*/true, /*create=*/true);
      const tm::MergeResult merged = target.Merge(building->path());
      publish.Done();
      added.added = static_cast<size_t>(merged.units_added);
      added.existing = static_cast<size_t>(merged.units_existing);
      std::cerr << "ancre: " << db
                << " was created by another program during the import; the imported units "
                   "were merged into it\n";
    }
  }
  const tm::TmxImportStats& checked = importer.stats();

  if (!quiet) {
    std::cerr << "ancre: imported " << checked.pairs << " pair(s) from " << checked.units
              << " unit(s) of " << file << " into " << db << " (" << added.added << " new, "
              << added.existing << " already in the TM)\n";
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
