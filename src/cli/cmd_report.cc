// ancre report: align two documents and write the alignment as a page a
// linguist can inspect (HTML) or as side-by-side columns (text).
#include <algorithm>
#include <iostream>
#include <sstream>

#include "src/align/pipeline.h"
#include "src/cli/options.h"
#include "src/cli/report_view.h"
#include "src/core/error.h"
#include "src/text/input.h"

namespace ancre::cli {
namespace {

po::options_description ReportOptionsDescription() {
  po::options_description o("Options");
  o.add_options()                                                                             //
      ("help,h", "show this help")                                                            //
      ("src-lang", po::value<std::string>()->required(), "language of SRC (fr, en, de ...)")  //
      ("tgt-lang", po::value<std::string>()->required(), "language of TGT")                   //
      ("mode", po::value<std::string>()->default_value("auto"),
       "parallel, comparable or auto, as for 'ancre align'")                                 //
      ("presegmented", "every non-empty line is one segment (index = 0-based line number)")  //
      ("format,f", po::value<std::string>()->default_value("html"),
       "html: one self-contained page; text: side by side for a terminal")  //
      ("min-score", po::value<double>()->default_value(0.0),
       "leave pairs scoring below this unaligned")                                           //
      ("date", po::value<std::string>(), "YYYY-MM-DD publication date, for relative dates")  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding of both files (auto, utf-8, utf-16, windows-1252 ...)")  //
      ("dictionary", po::value<std::string>()->default_value("/usr/share/dictd"),
       "folder of the FreeDict dictionaries; 'none' to align without")   //
      ("threads", po::value<int>()->default_value(2), "worker threads")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  o.add(ReportDisplayOptions());
  return o;
}

AlignMode ParseMode(const std::string& s) {
  if (s == "auto") return AlignMode::kAuto;
  if (s == "parallel") return AlignMode::kParallel;
  if (s == "comparable") return AlignMode::kComparable;
  throw UsageError("report: --mode must be auto, parallel or comparable, not '" + s + "'");
}

}  // namespace

std::string ReportHelp() {
  std::ostringstream s;
  s << "Usage: ancre report SRC TGT --src-lang LANG --tgt-lang LANG [options] -o report.html\n\n"
       "Aligns two documents as 'ancre align' does and shows the result for inspection.\n"
       "HTML: one self-contained page (no network; opens from disk): both documents side\n"
       "by side, every sentence in place, pairs coloured and labelled by score band, the\n"
       "shared dates, numbers and names highlighted in both sentences (key on hover or\n"
       "focus), unaligned sentences marked, a score histogram and a score matrix, filters\n"
       "and keys j/k (pairs), u/U (unaligned). Pair elements carry data-bead=K (K = the\n"
       "bead's line in 'ancre align --format jsonl') and data-score; unaligned sentences\n"
       "data-unaligned; shared anchors are <mark data-kind data-key>.\n"
       "Text: side-by-side columns fitted to the terminal, anchors in colour on a terminal.\n\n"
    << ReportOptionsDescription()
    << "\nExamples:\n"
       "  ancre report samples/cambodia-korea-scams.fr.txt samples/cambodia-korea-scams.en.txt \\\n"
       "      --src-lang fr --tgt-lang en -o report.html\n"
       "  ancre report fr.txt en.txt --src-lang fr --tgt-lang en --format text | less -R\n";
  return s.str();
}

int RunReport(const std::vector<std::string>& args) {
  po::options_description visible = ReportOptionsDescription();
  po::options_description all;
  all.add(visible).add_options()("src", po::value<std::string>(), "source file")(
      "tgt", po::value<std::string>(), "target file");
  po::positional_options_description positional;
  positional.add("src", 1).add("tgt", 1);
  po::variables_map vm;
  ParseArgs("report", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << ReportHelp();
    return 0;
  }
  if (!vm.count("src") || !vm.count("tgt")) {
    throw UsageError("report: expected two files, SRC and TGT; see 'ancre report --help'");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "html" && format != "text") {
    throw UsageError("report: --format must be html or text, not '" + format + "'");
  }
  const std::string output = vm["output"].as<std::string>();
  const bool to_stdout = output.empty() || output == "-";
  UseColor(vm, to_stdout);  // reject a bad --color before the work
  if (format == "text") TerminalWidth(vm);

  align::PairOptions options;
  options.src_language = vm["src-lang"].as<std::string>();
  options.tgt_language = vm["tgt-lang"].as<std::string>();
  options.presegmented = vm.count("presegmented") > 0;
  options.align.mode = ParseMode(vm["mode"].as<std::string>());
  options.align.min_score = vm["min-score"].as<double>();
  options.align.threads = std::max(1, vm["threads"].as<int>());
  if (vm.count("date")) options.document_date = vm["date"].as<std::string>();
  const std::string dict = vm["dictionary"].as<std::string>();
  options.dictionary_dir = dict == "none" ? "" : dict;

  text::InputOptions input_options;
  input_options.encoding = vm["encoding"].as<std::string>();
  text::InputText src = text::ReadInput(vm["src"].as<std::string>(), input_options);
  text::InputText tgt = text::ReadInput(vm["tgt"].as<std::string>(), input_options);
  align::AlignedPair pair = align::AlignDocuments(src, tgt, options);
  if (options.align.mode == AlignMode::kAuto) {
    std::cerr << "ancre: " << pair.decision.reason << "\n";
  }
  report::AlignmentView view = MakeAlignmentView(pair, src, tgt);
  Output out(output);
  WriteReport(format, view, vm, to_stdout, out.stream());
  out.Commit();
  return 0;
}

}  // namespace ancre::cli
