// ancre review-export / review-import: a run's review as a spreadsheet (TSV)
// or InterText's files, and a reviewed TSV back into the TM as one change.
#include <fstream>
#include <iostream>
#include <sstream>

#include "src/cli/signals.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/review/exchange.h"

namespace ancre::cli {
namespace {

po::options_description ReviewExportOptions() {
  po::options_description o("Options");
  o.add_options()                                                                      //
      ("help,h", "show this help")                                                     //
      ("run", po::value<int64_t>(), "this alignment run (default: the latest)")        //
      ("document", po::value<int64_t>(), "the latest run that aligned this document")  //
      ("format,f", po::value<std::string>()->default_value("tsv"),
       "tsv: one line per bead, for a spreadsheet; intertext: InterText's three files "
       "(needs -o PREFIX)")  //
      ("output,o", po::value<std::string>()->default_value("-"),
       "file (tsv; - = stdout), or the prefix of the InterText files");
  AddDbOption(&o);
  return o;
}

po::options_description ReviewImportOptions() {
  po::options_description o("Options");
  o.add_options()                                                                                //
      ("help,h", "show this help")                                                               //
      ("run", po::value<int64_t>(), "the run the file was exported from (default: the latest)")  //
      ("reviewer", po::value<std::string>()->default_value(""),
       "the name written on every bead changed (default: your login name)");
  AddDbOption(&o);
  return o;
}

std::string Login() {
  const char* user = std::getenv("USER");
  return user && *user ? user : "reviewer";
}

}  // namespace

std::string ReviewExportHelp() {
  std::ostringstream s;
  s << "Usage: ancre review-export --db TM [--run ID | --document ID] [--format tsv|intertext] "
       "[-o OUT]\n\n"
       "Writes a run's beads for review in another tool: a TSV for a spreadsheet (one line per\n"
       "bead: bead, version, status, src and tgt segment numbers, score, source and target\n"
       "texts, a side's sentences joined by ' ¦ '), which 'ancre review-import' takes back; or\n"
       "InterText's files (the two documents and the links, cesAlign).\n\n"
    << ReviewExportOptions()
    << "\nExamples:\n"
       "  ancre review-export --db tm.sqlite --run 1 -o run1.tsv\n"
       "  ancre review-import run1.tsv --db tm.sqlite --run 1 --reviewer ana\n"
       "  ancre review-export --db tm.sqlite --format intertext -o review/article\n";
  return s.str();
}

std::string ReviewImportHelp() {
  std::ostringstream s;
  s << "Usage: ancre review-import FILE.tsv --db TM [--run ID] [--reviewer NAME]\n\n"
       "Takes back a TSV of 'ancre review-export' as one review change of the run: statuses\n"
       "set, sentences moved between lines (a line with an empty bead column is a new bead),\n"
       "texts edited. A line whose bead changed in the TM since the export is refused (export\n"
       "again); undo it in 'ancre review' like any change.\n\n"
    << ReviewImportOptions()
    << "\nExample:\n"
       "  ancre review-import run1.tsv --db tm.sqlite --run 1 --reviewer ana\n";
  return s.str();
}

int RunReviewExport(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!ParseCommandLine("review-export", args, ReviewExportOptions(), {}, ReviewExportHelp, &vm)) {
    return 0;
  }
  if (vm.count("document") && vm.count("run")) {
    throw UsageError("review-export: give --document or --run, not both");
  }
  const std::string format = vm["format"].as<std::string>();
  const std::string output = vm["output"].as<std::string>();
  if (format != "tsv" && format != "intertext") {
    throw UsageError("review-export: --format must be tsv or intertext");
  }
  if (format == "intertext" && output == "-") {
    throw UsageError("review-export: --format intertext writes three files; give -o PREFIX");
  }
  tm::TranslationMemory store = OpenStore(vm, /*write=*/true);  // a first review stores beads
  const int64_t run = ChooseRun(store, vm.count("run") ? vm["run"].as<int64_t>() : 0,
                                vm.count("document") ? vm["document"].as<int64_t>() : 0);
  const tm::ReviewState state = store.LoadReview(run);
  if (format == "tsv") {
    Output out(output);
    out.stream() << review::ToTsv(state);
    out.Commit();
    return 0;
  }
  const review::InterTextFiles files = review::ToInterText(state, output);
  for (const auto& [name, text] :
       {std::pair(files.source_name, &files.source), std::pair(files.target_name, &files.target),
        std::pair(files.links_name, &files.links)}) {
    Output out(name);
    out.stream() << *text;
    out.Commit();
  }
  std::cerr << "ancre: wrote " << files.source_name << ", " << files.target_name << " and "
            << files.links_name << " (" << state.beads.size() << " links)\n";
  return 0;
}

int RunReviewImport(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!ParseCommandLine("review-import", args, ReviewImportOptions(), {"file"}, ReviewImportHelp,
                        &vm)) {
    return 0;
  }
  if (!vm.count("file")) throw UsageError("review-import: give the TSV file to import");
  const std::string path = vm["file"].as<std::string>();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot be read; check the path");
  std::ostringstream text;
  text << in.rdbuf();
  std::string reviewer = vm["reviewer"].as<std::string>();
  if (reviewer.empty()) reviewer = Login();
  RequireUtf8(text.str(), path);
  tm::TranslationMemory store = OpenStore(vm, /*write=*/true);
  const int64_t run = ChooseRun(store, vm.count("run") ? vm["run"].as<int64_t>() : 0, 0);
  const tm::ReviewState state = store.LoadReview(run);
  const tm::ReviewChange change = review::FromTsv(state, text.str(), reviewer, path);
  if (change.put.empty() && change.removed.empty() && change.edits.empty()) {
    std::cerr << "ancre: " << path << " says what run " << run << " holds; nothing changed\n";
    return 0;
  }
  CommitSection section;
  store.ApplyReview(run, change);
  section.Done();
  std::cerr << "ancre: run " << run << ": " << change.put.size() << " bead(s) written, "
            << change.removed.size() << " removed, " << change.edits.size()
            << " sentence(s) edited, as " << reviewer << "\n";
  return 0;
}

}  // namespace ancre::cli
