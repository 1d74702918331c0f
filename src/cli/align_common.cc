#include "src/cli/align_common.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "src/cli/report_view.h"
#include "src/cli/signals.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "tm/store.h"

namespace ancre::cli {
namespace {

AlignMode ParseMode(const std::string& command, const std::string& s) {
  if (s == "auto") return AlignMode::kAuto;
  if (s == "parallel") return AlignMode::kParallel;
  if (s == "comparable") return AlignMode::kComparable;
  throw UsageError(command + ": --mode must be auto, parallel or comparable, not '" + s + "'");
}

std::string ModeName(AlignMode mode) {
  return mode == AlignMode::kComparable ? "comparable" : "parallel";
}

// The original text of every segment, decoded to UTF-8 (right for any input encoding).
std::vector<std::string> Originals(const text::InputText& input, const Document& doc) {
  std::vector<std::string> out;
  out.reserve(doc.segments.size());
  for (const Segment& s : doc.segments) {
    size_t b = Utf8Offset(input, s.span.begin);
    size_t e = std::max(b, Utf8Offset(input, s.span.end));
    out.push_back(input.utf8().substr(b, e - b));
  }
  return out;
}

}  // namespace

po::options_description AlignmentOptions() {
  po::options_description o("Alignment options");
  o.add_options()                                                                             //
      ("src-lang", po::value<std::string>()->required(), "language of SRC (fr, en, de ...)")  //
      ("tgt-lang", po::value<std::string>()->required(), "language of TGT")                   //
      ("mode", po::value<std::string>()->default_value("auto"),
       "parallel: translations, in order; comparable: articles on the same topic, any order; "
       "auto: decide from the data (the choice is printed on stderr)")                       //
      ("presegmented", "every non-empty line is one segment (index = 0-based line number)")  //
      ("min-score", po::value<double>()->default_value(0.0),
       "leave pairs scoring below this unaligned (scores are calibrated: among pairs >= 0.9, "
       "95% or more are right)")                                                             //
      ("date", po::value<std::string>(), "YYYY-MM-DD publication date, for relative dates")  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding of both files (auto, utf-8, utf-16, windows-1252 ...)")  //
      ("dictionary", po::value<std::string>()->default_value("/usr/share/dictd"),
       "folder of the FreeDict dictionaries (freedict-fra-eng.*); 'none' to align without")  //
      ("no-learn",
       "parallel mode: do not learn word translations from a first alignment (by default the "
       "stems that keep meeting in its confident pairs are used for a second one)")  //
      ("threads", po::value<int>()->default_value(2),
       "worker threads (the result does not depend on it)");
  return o;
}

AlignedInputs AlignFromArgs(const std::string& command, const po::variables_map& vm, bool quiet,
                            const align::Lexicon* lexicon) {
  if (!vm.count("src") || !vm.count("tgt")) {
    throw UsageError(command + ": expected two files, SRC and TGT; see 'ancre " + command +
                     " --help'");
  }
  pipeline::PairOptions options;
  options.src_language = vm["src-lang"].as<std::string>();
  options.tgt_language = vm["tgt-lang"].as<std::string>();
  options.presegmented = vm.count("presegmented") > 0;
  options.align.mode = ParseMode(command, vm["mode"].as<std::string>());
  options.align.min_score = vm["min-score"].as<double>();
  options.align.learn = vm.count("no-learn") == 0;
  options.align.threads = std::max(1, vm["threads"].as<int>());
  if (vm.count("date")) options.document_date = vm["date"].as<std::string>();
  const std::string dict = vm["dictionary"].as<std::string>();
  options.dictionary_dir = dict == "none" ? "" : dict;
  // The default folder may be missing (no dictionary installed): a warning later says so.
  if (!options.dictionary_dir.empty() && !vm["dictionary"].defaulted()) {
    RequireOptionFolder("--dictionary", options.dictionary_dir);
  }
  if (!options.dictionary_dir.empty()) options.lexicon = lexicon;

  text::InputOptions input_options;
  input_options.encoding = vm["encoding"].as<std::string>();
  std::string src_path = vm["src"].as<std::string>();
  std::string tgt_path = vm["tgt"].as<std::string>();
  RequireDocumentFile(src_path);
  RequireDocumentFile(tgt_path);
  text::InputText src = text::ReadInput(src_path, input_options);
  text::InputText tgt = text::ReadInput(tgt_path, input_options);
  pipeline::AlignedPair pair = pipeline::AlignDocuments(src, tgt, options);
  if (!quiet && options.align.mode == AlignMode::kAuto) {
    std::cerr << "ancre: " << pair.decision.reason << "\n";
  }
  if (!quiet && pair.decision.learned_pairs > 0) {
    std::cerr << "ancre: learned " << pair.decision.learned_pairs
              << " word translation(s) from the first alignment and aligned again\n";
  }
  if (!quiet && !options.dictionary_dir.empty() && pair.lexicon_pairs == 0) {
    std::cerr << "ancre: warning: no FreeDict dictionary for " << options.src_language << "-"
              << options.tgt_language << " in " << options.dictionary_dir
              << "; aligning without a lexicon\n";
  }
  return AlignedInputs{std::move(src_path), std::move(tgt_path), std::move(src),
                       std::move(tgt),      std::move(options),  std::move(pair)};
}

StoredAlignment SaveToStore(const std::string& db_path, const AlignedInputs& a,
                            int busy_timeout_ms) {
  tm::StoreOptions options;
  options.busy_timeout_ms = busy_timeout_ms;
  tm::Store store(db_path, options);
  return SaveToStore(store, a);
}

StoredAlignment SaveToStore(tm::Store& store, const AlignedInputs& a) {
  ReportFileSizeLimitAsError();
  auto record = [](const std::string& path, const text::InputText& input, const Document& doc,
                   const DocumentAnchors& anchors, const std::string& language,
                   const std::string& date) {
    tm::DocumentRecord r;
    r.path = path;
    r.content = input.utf8();
    r.language = language;
    r.title = doc.segments.empty() ? "" : doc.segments.front().text.substr(0, 200);
    r.date = date;
    r.document = &doc;
    r.anchors = &anchors;
    r.originals = Originals(input, doc);
    return r;
  };
  tm::DocumentRecord src = record(a.src_path, a.src, a.pair.src, a.pair.src_anchors,
                                  a.options.src_language, a.options.document_date);
  tm::DocumentRecord tgt = record(a.tgt_path, a.tgt, a.pair.tgt, a.pair.tgt_anchors,
                                  a.options.tgt_language, a.options.document_date);
  tm::AlignmentRecord run;
  run.mode = ModeName(a.pair.alignment.mode);
  std::ostringstream params;
  params << "{\"min_score\":" << a.options.align.min_score
         << ",\"presegmented\":" << (a.options.presegmented ? "true" : "false")
         << ",\"lexicon\":" << (a.options.dictionary_dir.empty() ? "false" : "true")
         << ",\"date\":" << JsonString(a.options.document_date) << "}";
  run.parameters = params.str();
  // An interruption while the TM is written waits for the transaction's end,
  // so that what ancre says on exit is what the TM holds.
  CommitSection section;
  tm::SaveResult saved = store.SaveAlignment(src, tgt, a.pair.alignment, run);
  section.Done();
  StoredAlignment out;
  out.db_path = store.path();
  out.already_stored = saved.already_stored;
  out.units_added = saved.units_added;
  out.units_existing = saved.units_existing;
  for (const Bead& b : a.pair.alignment.beads) out.pairs += !b.src.empty() && !b.tgt.empty();
  return out;
}

}  // namespace ancre::cli
