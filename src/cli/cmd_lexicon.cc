// ancre lexicon: the word translations ancre learns from a translation (or
// from every pair of a manifest together), as TSV a user can read, edit and
// give back to `ancre align --dictionary`.
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "src/cli/align_common.h"
#include "src/cli/options.h"
#include "src/core/error.h"
#include "src/pipeline/batch.h"
#include "src/pipeline/freedict.h"
#include "src/pipeline/pipeline.h"

namespace ancre::cli {
namespace {

po::options_description LexiconOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("pairs", po::value<std::string>(),
       "learn from every document pair of this manifest together (source<TAB>target a line)")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  o.add(AlignmentOptions());
  return o;
}

}  // namespace

std::string LexiconHelp() {
  std::ostringstream s;
  s << "Usage: ancre lexicon SRC TGT --src-lang LANG --tgt-lang LANG [options]\n"
       "       ancre lexicon --pairs MANIFEST --src-lang LANG --tgt-lang LANG [options]\n\n"
       "Shows the word translations ancre learns from a translation: it aligns the\n"
       "documents once (parallel mode, with what --dictionary and --dictionary-dir give),\n"
       "then counts which stems keep meeting in the confident 1-1 pairs (Dice coefficient,\n"
       "at least two pairs). `ancre align` does the same before its second alignment;\n"
       "with --pairs, every document pair of the manifest is counted together, so words\n"
       "that recur across short documents are learned too.\n\n"
       "Output: TSV, one translation a line, 'source stem<TAB>target stem<TAB>Dice<TAB>\n"
       "pairs', the best translations of a stem first, after a '#' header; a file that\n"
       "`ancre align --dictionary` reads back (it uses the first two columns).\n\n"
    << LexiconOptions()
    << "\nExamples:\n"
       "  ancre lexicon book.de.txt book.fr.txt --src-lang de --tgt-lang fr --dictionary-dir none\n"
       "  ancre lexicon --pairs manifest.tsv --src-lang cs --tgt-lang en -o learned.tsv\n"
       "  ancre align a.cs.txt a.en.txt --src-lang cs --tgt-lang en --dictionary learned.tsv\n";
  return s.str();
}

int RunLexicon(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!ParseCommandLine("lexicon", args, LexiconOptions(), {"src", "tgt"}, LexiconHelp, &vm)) {
    return 0;
  }
  AlignmentArgs alignment = AlignmentArgsFromVm("lexicon", vm);
  pipeline::PairOptions& pair = alignment.pair;
  pair.align.mode = AlignMode::kParallel;  // what is learned is learned in parallel mode
  LoadUserDictionaries(&pair, /*quiet=*/false);
  std::vector<align::LearnedPair> learned;
  size_t documents = 1;
  if (vm.count("pairs")) {
    if (vm.count("src")) throw UsageError("lexicon: give either SRC TGT or --pairs MANIFEST");
    const std::string manifest = vm["pairs"].as<std::string>();
    RequireOptionFile("--pairs", manifest);
    const std::vector<pipeline::ManifestEntry> entries = pipeline::ReadManifest(manifest);
    documents = entries.size();
    if (!pair.dictionary_dir.empty()) {  // loaded once for every pair
      pair.lexicon = std::make_shared<const align::Lexicon>(pipeline::LoadFreeDict(
          pair.dictionary_dir, pair.src_language, pair.tgt_language, pipeline::DefaultCacheDir()));
    }
    learned = pipeline::LearnFromPairs(entries, alignment.src_input, alignment.tgt_input, pair);
  } else {
    const auto [src, tgt] = DocumentArgs("lexicon", vm);
    pair.align.learn = true;
    learned = pipeline::AlignFiles(src, tgt, alignment.src_input, alignment.tgt_input, pair)
                  .pair.decision.learned;
  }
  Output out(vm["output"].as<std::string>());
  std::ostream& os = out.stream();
  os << "# ancre lexicon " << pair.src_language << "-" << pair.tgt_language
     << ": source stem, target stem, Dice, confident pairs both occur in\n";
  for (const align::LearnedPair& p : learned) {
    os << p.src << '\t' << p.tgt << '\t' << std::fixed << std::setprecision(3) << p.dice << '\t'
       << p.count << '\n';
  }
  out.Commit();
  std::cerr << "ancre: learned " << learned.size() << " word translation(s) from " << documents
            << " document pair(s)\n";
  return 0;
}

}  // namespace ancre::cli
