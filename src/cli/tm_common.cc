#include "src/cli/tm_common.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "src/core/error.h"
#include "src/core/utf8.h"

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

tm::Store OpenStoreForSearch(const po::variables_map& vm) {
  tm::Store store = OpenStore(vm, /*write=*/false);
  if (const int64_t unindexed = store.UnindexedUnits(); unindexed > 0) {
    std::cerr << "ancre: warning: " << store.path() << ": " << unindexed
              << " translation unit(s) stored by an interrupted run are not indexed yet and are "
                 "not searched; any command that writes to the TM indexes them, e.g. 'ancre tm "
                 "check --db "
              << store.path() << "'\n";
  }
  return store;
}

void RequireUtf8(std::string_view s, const std::string& what) {
  size_t bad = Utf8InvalidOffset(s);
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

namespace {

report::Side StoredSide(const std::vector<tm::StoredSegment>& segments,
                        const tm::DocumentInfo& doc) {
  report::Side side;
  side.language = doc.language;
  side.name = std::filesystem::path(doc.path).filename().string();
  if (side.name.empty()) side.name = doc.path;
  side.sentences.reserve(segments.size());
  for (const tm::StoredSegment& s : segments) {
    report::Sentence sentence;
    sentence.index = s.index;
    sentence.text = s.original;
    for (const Anchor& a : s.anchors) {
      sentence.anchors.push_back({a.span.begin, a.span.end, a.kind, a.key});
    }
    side.sentences.push_back(std::move(sentence));
  }
  return side;
}

}  // namespace

report::AlignmentView StoredAlignmentView(const tm::StoredAlignment& stored) {
  report::AlignmentView view;
  view.src = StoredSide(stored.source, stored.run.source);
  view.tgt = StoredSide(stored.target, stored.run.target);
  view.mode = stored.run.mode;
  view.beads = stored.beads;
  return view;
}

int64_t ChooseRun(const tm::Store& store, int64_t run_id, int64_t document_id) {
  if (run_id > 0) return run_id;  // LoadAlignment says if it is missing
  const std::vector<tm::StoredRun> runs = store.Alignments(document_id);
  if (runs.empty()) {
    throw Error(store.path() + ": no alignment run" +
                (document_id > 0 ? " of document " + std::to_string(document_id) : "") +
                "; store one with 'ancre align FR EN --db " + store.path() +
                "' (runs and documents: 'ancre show --db " + store.path() + "')");
  }
  return runs.back().id;
}

void ReportFileSizeLimitAsError() {
  // POSIX: with SIGXFSZ ignored, a write past RLIMIT_FSIZE fails with EFBIG.
  std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace ancre::cli
