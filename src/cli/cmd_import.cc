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

#include "src/cli/progress.h"
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
      ("quiet,q", "no progress and no summary on stderr");
  AddProgressOption(&o);
  AddDbOption(&o);
  return o;
}

// Units converted at a time between reads of the file.
constexpr size_t kBatch = 256;

// Whether `file` (a TM's file) names nothing at all (not even a dangling
// symbolic link): the import then builds a new TM. A path that cannot be
// looked at is not new: opening the TM says what is wrong with it.
bool IsNewTm(const std::filesystem::path& file) {
  if (file.empty()) return false;
  struct stat st;
  return lstat(file.c_str(), &st) != 0 && errno == ENOENT;
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
       "On a terminal, a progress line shows how much of the file was read and an ETA\n"
       "(--progress draws it elsewhere too, --quiet never).\n"
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
  RequireTmPath("import", vm["db"].as<std::string>(), /*create=*/true);
  auto reader = tm::TmxReader::Open(file);  // before the TM: a missing file creates nothing
  tm::TmxImporter importer(*reader, options, reporter);
  ReportFileSizeLimitAsError();
  // A new TM is built under a temporary name of its own, next to it, and
  // appears at its path only once complete: a failed or interrupted import
  // removes only that file, never one another program created at the path
  // meanwhile (ancre align --db, say).
  const std::string db = vm["db"].as<std::string>();
  const tm::TmFiles files = tm::TranslationMemory::Files(db);
  std::unique_ptr<TemporaryFile> building;
  if (IsNewTm(files.file)) {
    // 0644: the mode a TM gives the file when it creates it itself.
    building = std::make_unique<TemporaryFile>(files.file.string(), 0644, files.working_suffixes);
    close(building->TakeFd());  // the TM opens it by name and makes the empty file a TM
  }
  // Progress: the share of the file read (its size known when it is a file).
  ProgressLine progress(ProgressWanted(vm));
  double megabytes = 0;
  if (struct stat st; file != "-" && stat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    megabytes = static_cast<double>(st.st_size) / 1e6;
  }
  tm::AddResult added;
  bool complete = true;
  {
    // Once the whole file is read, the commit into an existing TM starts: an
    // interruption then waits for its end, so that what ancre says on exit is
    // what the TM holds. A new TM is published after it is closed.
    std::optional<CommitSection> commit;
    tm::TranslationMemory store(building ? building->path() : db,
                                OpenOptionsFromArgs(vm, /*write=*/true, /*create=*/true));
    std::vector<tm::TranslationUnit> batch;
    size_t position = 0;
    added = store.AddUnits([&](tm::TranslationUnit* unit) {
      while (position == batch.size()) {
        if (!importer.NextBatch(kBatch, &batch)) {
          if (!commit && !building) commit.emplace();
          progress.Update("reading " + file, megabytes, megabytes, "MB");
          progress.Update("storing and indexing", 0, 0, "");
          return false;
        }
        position = 0;
        progress.Update("reading " + file, static_cast<double>(reader->bytes_read()) / 1e6,
                        megabytes, "MB");
      }
      *unit = std::move(batch[position++]);
      return true;
    });
    if (commit) commit->Done();
    complete = store.Close();
  }
  progress.Finish();
  if (building) {
    // A new TM whose file does not hold every write on its own (its working
    // files do) cannot be published by renaming the file alone.
    if (!complete) {
      throw IoError(db +
                    ": the new translation memory could not be completed (its write-ahead log "
                    "was not written into it; disk full?); nothing was written");
    }
    // From here an interruption waits: the TM is published whole or not at all.
    CommitSection publish;
    if (building->PublishAsNew(files.file.string())) {
      publish.Done();
    } else {
      // Another program created the TM meanwhile: its data stays, ours joins it.
      tm::OpenOptions read_only;
      read_only.read_only = true;
      read_only.create = false;
      const tm::TranslationMemory built(building->path(), read_only);
      tm::TranslationMemory target = OpenStore(vm, /*write=*/true, /*create=*/true);
      const tm::MergeResult merged = target.Merge(built);
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
