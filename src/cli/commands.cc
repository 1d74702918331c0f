#include "src/cli/command.h"

namespace ancre::cli {

// Each cmd_<name>.cc defines these two.
int RunSegment(const std::vector<std::string>& args);
std::string SegmentHelp();
int RunAlign(const std::vector<std::string>& args);
std::string AlignHelp();
int RunEval(const std::vector<std::string>& args);
std::string EvalHelp();
int RunLookup(const std::vector<std::string>& args);
std::string LookupHelp();
int RunSearch(const std::vector<std::string>& args);
std::string SearchHelp();
int RunStats(const std::vector<std::string>& args);
std::string StatsHelp();
int RunAnalyze(const std::vector<std::string>& args);
std::string AnalyzeHelp();
int RunTm(const std::vector<std::string>& args);
std::string TmHelp();
int RunAnchors(const std::vector<std::string>& args);
std::string AnchorsHelp();
int RunReport(const std::vector<std::string>& args);
std::string ReportHelp();
int RunExport(const std::vector<std::string>& args);
std::string ExportHelp();
int RunImport(const std::vector<std::string>& args);
std::string ImportHelp();
int RunShow(const std::vector<std::string>& args);
std::string ShowHelp();
int RunLexicon(const std::vector<std::string>& args);
std::string LexiconHelp();
int RunReview(const std::vector<std::string>& args);
std::string ReviewHelp();
int RunReviewExport(const std::vector<std::string>& args);
std::string ReviewExportHelp();
int RunReviewImport(const std::vector<std::string>& args);
std::string ReviewImportHelp();

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"segment", "split a text into sentences (text or JSONL with byte offsets)", RunSegment,
       SegmentHelp},
      {"align", "align the sentences of two documents (parallel or comparable)", RunAlign,
       AlignHelp},
      {"eval", "score an alignment against a hand alignment (strict, links, 1-1, null)", RunEval,
       EvalHelp},
      {"lookup", "fuzzy matches of a sentence in the translation memory", RunLookup, LookupHelp},
      {"search", "concordance: find words or phrases in both languages of the TM", RunSearch,
       SearchHelp},
      {"stats", "what the translation memory holds", RunStats, StatsHelp},
      {"analyze", "how much of a new document the TM already covers", RunAnalyze, AnalyzeHelp},
      {"tm", "translation memory maintenance: merge, prune, check", RunTm, TmHelp},
      {"lexicon", "the word translations learned from a translation (TSV, for --dictionary)",
       RunLexicon, LexiconHelp},
      {"anchors", "dates, numbers, names and acronyms of each segment, with cross-language keys",
       RunAnchors, AnchorsHelp},
      {"report", "the alignment as a page to inspect (HTML) or side by side (text)", RunReport,
       ReportHelp},
      {"export", "write the TM as TMX 1.4b for CAT tools (or TSV, JSONL)", RunExport, ExportHelp},
      {"import", "read a TMX file from any CAT tool into the TM", RunImport, ImportHelp},
      {"show", "an alignment run stored in the TM, side by side in the terminal", RunShow,
       ShowHelp},
      {"review", "review and correct a run in the browser, written back to the TM", RunReview,
       ReviewHelp},
      {"review-export", "a run's review as a TSV for a spreadsheet, or InterText's files",
       RunReviewExport, ReviewExportHelp},
      {"review-import", "a reviewed TSV back into the TM, as one review change", RunReviewImport,
       ReviewImportHelp},
  };
  return kCommands;
}

const Command* FindCommand(const std::string& name) {
  for (const auto& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

}  // namespace ancre::cli
