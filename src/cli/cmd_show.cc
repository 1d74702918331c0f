// ancre show: an alignment run stored in the TM, side by side in the
// terminal; without --document or --run, the list of stored runs.
#include <iostream>
#include <sstream>

#include "src/cli/report_display.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/pipeline/view.h"

namespace ancre::cli {
namespace {

po::options_description ShowOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("document", po::value<int64_t>(),
       "show the latest run that aligned this document (the list without options gives the "
       "ids)")                                                  //
      ("run", po::value<int64_t>(), "show this alignment run")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: side by side for a terminal; html: the report page")  //
      ("output,o", po::value<std::string>()->default_value("-"),
       "write here instead of stdout (the file appears whole or not at all)");
  AddDbOption(&o);
  o.add(ReportDisplayOptions());
  return o;
}

// "20261207T210403Z" (how the TM stores a time) as "2026-12-07T21:04:03Z";
// anything else as it is.
std::string IsoExtended(const std::string& t) {
  if (t.size() != 16 || t[8] != 'T' || t[15] != 'Z') return t;
  return t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" + t.substr(9, 2) + ":" +
         t.substr(11, 2) + ":" + t.substr(13, 2) + "Z";
}

void ListRuns(const tm::TranslationMemory& store, std::ostream& os) {
  const std::vector<tm::StoredRun> runs = store.Alignments();
  if (runs.empty()) {
    std::cerr << "ancre: no alignment run in " << store.name()
              << "; store one with 'ancre align FR EN --db " << store.name() << "'\n";
    return;
  }
  os << "run\tmode\tpairs\tcreated\tsource (id: path, segments)\ttarget\n";
  for (const tm::StoredRun& r : runs) {
    os << r.id << "\t" << r.mode << "\t" << r.pairs << "\t" << IsoExtended(r.created) << "\t"
       << r.source.id << ": " << r.source.path << " (" << r.source.language << ", "
       << r.source.segments << ")\t" << r.target.id << ": " << r.target.path << " ("
       << r.target.language << ", " << r.target.segments << ")\n";
  }
}

}  // namespace

std::string ShowHelp() {
  std::ostringstream s;
  s << "Usage: ancre show --db TM [--document ID | --run ID] [options]\n\n"
       "Shows an alignment run stored by 'ancre align --db' side by side, fitted to the\n"
       "terminal (anchors in colour on a terminal), every sentence in place: pairs with\n"
       "their score and type, unaligned sentences marked. Without --document or --run,\n"
       "lists the stored runs with their documents' ids.\n\n"
    << ShowOptions()
    << "\nExamples:\n"
       "  ancre show --db tm.sqlite\n"
       "  ancre show --db tm.sqlite --document 1 | less -R\n"
       "  ancre show --db tm.sqlite --run 1 --format html -o run1.html\n";
  return s.str();
}

int RunShow(const std::vector<std::string>& args) {
  po::options_description visible = ShowOptions();
  po::variables_map vm;
  ParseArgs("show", args, visible, {}, &vm);
  if (vm.count("help")) {
    std::cout << ShowHelp();
    return 0;
  }
  if (vm.count("document") && vm.count("run")) {
    throw UsageError("show: give --document or --run, not both");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "html" && format != "text") {
    throw UsageError("show: --format must be text or html, not '" + format + "'");
  }
  const DisplayOptions display = DisplayOptionsFromVm(vm);
  const std::string output = vm["output"].as<std::string>();
  const bool to_stdout = output == "-";
  UseColor(display, to_stdout);  // reject a bad --color before the work
  if (format == "text") TerminalWidth(display);
  const tm::TranslationMemory store = OpenStore(vm, /*write=*/false);
  const bool list = !vm.count("document") && !vm.count("run");
  const int64_t run = list ? 0
                           : ChooseRun(store, vm.count("run") ? vm["run"].as<int64_t>() : 0,
                                       vm.count("document") ? vm["document"].as<int64_t>() : 0);
  Output out(output);
  if (list) {
    ListRuns(store, out.stream());
  } else {
    WriteReport(format, pipeline::StoredAlignmentView(store.LoadAlignment(run)), display, to_stdout,
                out.stream());
  }
  out.Commit();
  return 0;
}

}  // namespace ancre::cli
