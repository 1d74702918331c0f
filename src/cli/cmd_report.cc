// ancre report: align two documents and write the alignment as a page a
// linguist can inspect (HTML) or as side-by-side columns (text).
#include <algorithm>
#include <iostream>
#include <sstream>

#include "src/cli/align_common.h"
#include "src/cli/options.h"
#include "src/cli/report_display.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/view.h"

namespace ancre::cli {

std::string ReportHelp();

namespace {

po::options_description ReportOptionsDescription() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("format,f", po::value<std::string>()->default_value("html"),
       "html: one self-contained page; text: side by side for a terminal")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  o.add(AlignmentOptions());
  o.add(ReportDisplayOptions());
  return o;
}

// `ancre report --db TM [--document ID | --run ID]`: a stored run, no alignment.
po::options_description StoredReportOptions() {
  po::options_description o("Options for a run stored in a TM (--db)");
  o.add_options()  //
      ("document", po::value<int64_t>(),
       "show the latest run that aligned this document (ids: 'ancre show --db TM')")  //
      ("run", po::value<int64_t>(), "show this alignment run (default: the latest)");
  return o;
}

// What both forms of `ancre report` write: the format, the output and the
// display flags, read in one place (ReportOutputFromVm).
struct ReportOutput {
  std::string format;     // html or text
  std::string output;     // -o; "-" = stdout
  bool to_stdout = true;  // output is stdout
  DisplayOptions display;
};

// Throws UsageError for a format other than html or text.
ReportOutput ReportOutputFromVm(const po::variables_map& vm) {
  ReportOutput r;
  r.format = vm["format"].as<std::string>();
  if (r.format != "html" && r.format != "text") {
    throw UsageError("report: --format must be html or text, not '" + r.format + "'");
  }
  r.output = vm["output"].as<std::string>();
  r.to_stdout = r.output.empty() || r.output == "-";
  r.display = DisplayOptionsFromVm(vm);
  return r;
}

// Rejects bad --color and --width before the work.
void CheckDisplay(const ReportOutput& r) {
  UseColor(r.display, r.to_stdout);
  if (r.format == "text") TerminalWidth(r.display);
}

void Write(const ReportOutput& r, const report::AlignmentView& view) {
  Output out(r.output);
  WriteReport(r.format, view, r.display, r.to_stdout, out.stream());
  out.Commit();
}

bool AsksForStoredRun(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(),
                     [](const std::string& a) { return a == "--db" || a.rfind("--db=", 0) == 0; });
}

int RunStoredReport(const std::vector<std::string>& args) {
  po::options_description o("Options");
  o.add_options()                                                                    //
      ("help,h", "show this help")                                                   //
      ("format,f", po::value<std::string>()->default_value("html"), "html or text")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  AddDbOption(&o);
  o.add(StoredReportOptions());
  o.add(ReportDisplayOptions());
  po::variables_map vm;
  ParseArgs("report", args, o, {}, &vm);
  if (vm.count("help")) {
    std::cout << ReportHelp();
    return 0;
  }
  if (vm.count("document") && vm.count("run")) {
    throw UsageError("report: give --document or --run, not both");
  }
  const ReportOutput r = ReportOutputFromVm(vm);
  RequireOutputIsNotTm("report", r.output, vm["db"].as<std::string>());
  CheckDisplay(r);
  const tm::TranslationMemory store = OpenStore(vm, /*write=*/false);
  const int64_t run = ChooseRun(store, vm.count("run") ? vm["run"].as<int64_t>() : 0,
                                vm.count("document") ? vm["document"].as<int64_t>() : 0);
  Write(r, pipeline::StoredAlignmentView(store.LoadAlignment(run)));
  return 0;
}

}  // namespace

std::string ReportHelp() {
  std::ostringstream s;
  s << "Usage: ancre report SRC TGT --src-lang LANG --tgt-lang LANG [options] -o report.html\n"
       "       ancre report --db TM [--document ID | --run ID] [options] -o report.html\n\n"
       "Aligns two documents as 'ancre align' does, or reads an alignment run stored in a\n"
       "TM by 'ancre align --db' (default: the latest), and shows it for inspection.\n"
       "HTML: one self-contained page (no network; opens from disk): both documents side\n"
       "by side, every sentence in place, pairs coloured and labelled by score band, the\n"
       "shared dates, numbers and names highlighted in both sentences (key on hover or\n"
       "focus), unaligned sentences marked, a score histogram and a score matrix, filters\n"
       "and keys j/k (pairs), u/U (unaligned). Pair elements carry data-bead=K (K = the\n"
       "bead's line in 'ancre align --format jsonl') and data-score; unaligned sentences\n"
       "data-unaligned; shared anchors are <mark data-kind data-key>.\n"
       "Text: side-by-side columns fitted to the terminal, anchors in colour on a terminal.\n\n"
    << ReportOptionsDescription() << "\n"
    << StoredReportOptions()
    << "\nExamples:\n"
       "  ancre report samples/cambodia-korea-scams.fr.txt samples/cambodia-korea-scams.en.txt \\\n"
       "      --src-lang fr --tgt-lang en -o report.html\n"
       "  ancre report fr.txt en.txt --src-lang fr --tgt-lang en --format text | less -R\n"
       "  ancre report --db tm.sqlite --document 3 -o report.html\n";
  return s.str();
}

int RunReport(const std::vector<std::string>& args) {
  if (AsksForStoredRun(args)) return RunStoredReport(args);
  po::variables_map vm;
  if (!ParseCommandLine("report", args, ReportOptionsDescription(), {"src", "tgt"}, ReportHelp,
                        &vm)) {
    return 0;
  }
  const ReportOutput r = ReportOutputFromVm(vm);
  AlignmentArgs alignment = AlignmentArgsFromVm("report", vm);
  alignment.pair.candidates = true;  // the score matrix
  CheckDisplay(r);
  const auto [src, tgt] = DocumentArgs("report", vm);
  Write(r, pipeline::AlignmentView(AlignPair(src, tgt, alignment)));
  return 0;
}

}  // namespace ancre::cli
