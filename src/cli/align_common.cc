#include "src/cli/align_common.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <limits>
#include <system_error>
#include <vector>

#include "src/cli/segment_options.h"
#include "src/core/error.h"
#include "src/pipeline/user_dictionary.h"

namespace ancre::cli {
namespace {

AlignMode ParseMode(const std::string& command, const std::string& s) {
  AlignMode mode;
  if (ParseAlignMode(s, &mode)) return mode;
  throw UsageError(command + ": --mode must be auto, parallel or comparable, not '" + s + "'");
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
       "leave pairs scoring below this unaligned, a score from 0 to 1 (calibrated per mode: "
       "see the table below; a translation scored under 0.5 is still right 9 times in 10)")  //
      ("date", po::value<std::string>(), "YYYY-MM-DD publication date, for relative dates")  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding of both files: auto (BOM, else UTF-8), utf-8, utf-16, windows-1252, or "
       "any ICU converter name")                                                                  //
      ("src-encoding", po::value<std::string>(), "input encoding of SRC (overrides --encoding)")  //
      ("tgt-encoding", po::value<std::string>(), "input encoding of TGT (overrides --encoding)")  //
      ("dictionary", po::value<std::vector<std::string>>()->composing(),
       "a dictionary of your own, used with FreeDict's (repeatable): TSV, 'source<TAB>target' "
       "a line; or hunalign's format, 'target @ source' a line, in a file named *.dic; '#' "
       "starts a comment")  //
      ("dictionary-dir", po::value<std::string>()->default_value("/usr/share/dictd"),
       "folder of the FreeDict dictionaries (freedict-fra-eng.*); 'none' to align without "
       "them")  //
      ("no-learn",
       "parallel mode: do not learn word translations from a first alignment (by default the "
       "stems that keep meeting in its confident pairs are used for a second one; with --pairs, "
       "from all pairs together; 'ancre lexicon' shows them)")  //
      ("force",
       "align even when a document does not read as its declared language (by default a "
       "clear mismatch of script or function words, e.g. swapped files, is refused)")  //
      ("keep-furniture",
       "comparable mode: align page furniture too (by default credits, bylines, datelines, "
       "app and newsletter promotions, reader polls and labels are set aside, unaligned, "
       "marked \"furniture\" in JSONL)")  //
      ("threads", po::value<int>()->default_value(2),
       "worker threads (the result does not depend on it)");
  // Segmentation as `ancre segment` does it, for both documents.
  AddSegmentationRuleOptions(&o);
  return o;
}

AlignmentArgs AlignmentArgsFromVm(const std::string& command, const po::variables_map& vm) {
  AlignmentArgs args;
  pipeline::PairOptions& p = args.pair;
  p.src_language = vm["src-lang"].as<std::string>();
  p.tgt_language = vm["tgt-lang"].as<std::string>();
  p.presegmented = vm.count("presegmented") > 0;
  p.align.mode = ParseMode(command, vm["mode"].as<std::string>());
  p.align.min_score = RangeOption(command, vm, "min-score", 0, 1);
  p.align.learn = vm.count("no-learn") == 0;
  p.set_aside_furniture = vm.count("keep-furniture") == 0;
  p.check_languages = vm.count("force") == 0;
  args.threads =
      static_cast<int>(RangeOption(command, vm, "threads", 1, std::numeric_limits<double>::max()));
  p.align.threads = args.threads;
  if (vm.count("date")) p.document_date = vm["date"].as<std::string>();
  std::string dict_dir = vm["dictionary-dir"].as<std::string>();
  bool dir_given = !vm["dictionary-dir"].defaulted();
  if (vm.count("dictionary")) {
    for (const std::string& file : vm["dictionary"].as<std::vector<std::string>>()) {
      // The older spelling of --dictionary-dir: 'none' or a folder.
      std::error_code ec;
      if (file == "none" || std::filesystem::is_directory(file, ec)) {
        dict_dir = file;
        dir_given = true;
        continue;
      }
      RequireOptionFile("--dictionary", file);
      p.dictionary_files.push_back(file);
    }
  }
  p.dictionary_dir = dict_dir == "none" ? "" : dict_dir;
  // The default folder may be missing (no dictionary installed): a warning later says so.
  if (!p.dictionary_dir.empty() && dir_given) RequireOptionFolder("--dictionary-dir", dict_dir);
  ReadSegmentationRuleOptions(vm, &p.segmentation);
  args.src_input.encoding = vm["encoding"].as<std::string>();
  args.src_input.lenient = vm.count("lenient") > 0;
  args.tgt_input = args.src_input;
  if (vm.count("src-encoding")) args.src_input.encoding = vm["src-encoding"].as<std::string>();
  if (vm.count("tgt-encoding")) args.tgt_input.encoding = vm["tgt-encoding"].as<std::string>();
  return args;
}

std::pair<std::string, std::string> DocumentArgs(const std::string& command,
                                                 const po::variables_map& vm) {
  if (!vm.count("src") || !vm.count("tgt")) {
    throw UsageError(command + ": expected two files, SRC and TGT; see 'ancre " + command +
                     " --help'");
  }
  return {vm["src"].as<std::string>(), vm["tgt"].as<std::string>()};
}

std::string NoDictionaryWarning(const pipeline::PairOptions& options) {
  return "ancre: warning: no FreeDict dictionary for " + options.src_language + "-" +
         options.tgt_language + " in " + options.dictionary_dir + "; aligning without a lexicon\n";
}

void LoadUserDictionaries(pipeline::PairOptions* options, bool quiet) {
  if (options->dictionary_files.empty() || options->user_lexicon) return;
  pipeline::UserDictionaryStats stats;
  options->user_lexicon = std::make_shared<const align::Lexicon>(pipeline::LoadUserDictionaries(
      options->dictionary_files, options->src_language, options->tgt_language, &stats));
  if (quiet) return;
  std::cerr << "ancre: --dictionary: " << stats.pairs << " word pair(s) from " << stats.entries
            << " entries";
  if (stats.skipped > 0) {
    std::cerr << " (" << stats.skipped
              << " left out: phrases on both sides, or function words only)";
  }
  std::cerr << "\n";
}

pipeline::AlignedDocuments AlignPair(const std::string& src, const std::string& tgt,
                                     const AlignmentArgs& args) {
  pipeline::PairOptions options = args.pair;
  LoadUserDictionaries(&options, /*quiet=*/false);
  pipeline::AlignedDocuments aligned =
      pipeline::AlignFiles(src, tgt, args.src_input, args.tgt_input, options);
  const pipeline::AlignedPair& pair = aligned.pair;
  for (const auto& [path, replaced] :
       {std::pair{&src, aligned.src_replaced}, std::pair{&tgt, aligned.tgt_replaced}}) {
    if (replaced > 0) {
      std::cerr << "ancre: warning: " << *path << ": " << replaced
                << " invalid UTF-8 sequence(s) replaced with U+FFFD\n";
    }
  }
  for (const std::string& warning : pair.warnings)
    std::cerr << "ancre: warning: " << warning << "\n";
  if (args.pair.align.mode == AlignMode::kAuto) {
    std::cerr << "ancre: " << pair.decision.reason << "\n";
  }
  if (pair.decision.learned_pairs > 0) {
    std::cerr << "ancre: learned " << pair.decision.learned_pairs
              << " word translation(s) from the first alignment and aligned again\n";
  }
  if (pair.alignment.mode == AlignMode::kComparable) {
    auto count = [](const std::vector<text::Furniture>& f) {
      return std::count_if(f.begin(), f.end(),
                           [](text::Furniture x) { return x != text::Furniture::kNone; });
    };
    const auto src_furniture = count(pair.src_furniture), tgt_furniture = count(pair.tgt_furniture);
    if (src_furniture + tgt_furniture > 0) {
      std::cerr << "ancre: set aside as page furniture: " << src_furniture << " source and "
                << tgt_furniture << " target segment(s) (--keep-furniture aligns them)\n";
    }
  }
  const double min_score = args.pair.align.min_score;
  if (min_score > 0 &&
      std::none_of(pair.alignment.beads.begin(), pair.alignment.beads.end(),
                   [](const Bead& b) { return !b.src.empty() && !b.tgt.empty(); })) {
    std::cerr << "ancre: warning: no pair scored --min-score " << min_score
              << " or more; every segment is left unaligned\n";
  }
  if (!args.pair.dictionary_dir.empty() && pair.lexicon_pairs == 0 &&
      pair.user_lexicon_pairs == 0) {
    std::cerr << NoDictionaryWarning(args.pair);
  }
  return aligned;
}

}  // namespace ancre::cli
