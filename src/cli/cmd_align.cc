// ancre align: align the sentences of two documents and print the beads.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unordered_map>

#include "src/cli/align_batch.h"
#include "src/cli/align_common.h"
#include "src/cli/options.h"
#include "src/cli/report_view.h"
#include "src/cli/tm_common.h"
#include "src/core/bead_json.h"
#include "src/core/error.h"
#include "src/pipeline/pipeline.h"
#include "tm/store.h"

namespace ancre::cli {
namespace {

po::options_description AlignOptionsDescription() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: side by side for a terminal; tsv: src_text, tgt_text, score; jsonl: one bead per "
       "line with indices, score, type, shared anchors and texts; html: the report page (as "
       "'ancre report')")  //
      ("db", po::value<std::string>()->implicit_value(""),
       "also store the documents, segments, anchors and pairs in this translation memory "
       "(created if missing; --db alone: $ANCRE_DB or ancre.sqlite), in one transaction; the "
       "beads are then printed only if --format or -o is given")  //
      ("pairs", po::value<std::string>(),
       "align every document pair of this manifest (one 'source<TAB>target' per line, paths "
       "relative to it) into --db, documents in parallel on --threads cores")             //
      ("progress", "show a progress bar for --pairs even when stderr is not a terminal")  //
      ("quiet,q", "no progress bar and no summary")                                       //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  AddBusyTimeoutOption(&o);
  o.add(AlignmentOptions());
  o.add(ReportDisplayOptions());
  return o;
}

// The texts of a bead's segments joined by a space.
std::string JoinTexts(const std::vector<size_t>& indices,
                      const std::unordered_map<size_t, const Segment*>& by_index) {
  std::string s;
  for (size_t i : indices) {
    if (!s.empty()) s.push_back(' ');
    s += by_index.at(i)->text;
  }
  return s;
}

std::string FormatScore(double score) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << score;
  return s.str();
}

std::string TsvField(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

}  // namespace

std::string AlignHelp() {
  std::ostringstream s;
  s << "Usage: ancre align SRC TGT --src-lang LANG --tgt-lang LANG [options]\n"
       "       ancre align --pairs MANIFEST --db TM --src-lang LANG --tgt-lang LANG [options]\n\n"
       "Aligns the sentences of two documents. Translations are aligned in order\n"
       "(1-1, 1-2, 2-1, 2-2 ... beads, omissions left unaligned); comparable articles\n"
       "(same event, written separately) are paired in any order, one to one, and only\n"
       "where the evidence is strong. Evidence: shared dates, numbers and names, cognates,\n"
       "a FreeDict bilingual dictionary, and sentence lengths. Each bead has a calibrated\n"
       "score in [0, 1] and lists the anchors both sides share.\n\n"
    << AlignOptionsDescription()
    << "\nJSONL: "
       "{\"src\":[i...],\"tgt\":[j...],\"score\":0.93,\"type\":\"1-1\",\"anchors\":[{\"kind\","
       "\"key\",\n"
       "\"src\",\"tgt\"}...],\"src_text\":\"...\",\"tgt_text\":\"...\"}, one per bead in source "
       "order;\n"
       "indices are those of `ancre segment` (or line numbers with --presegmented).\n\n"
       "Examples:\n"
       "  ancre align samples/cambodia-korea-scams.fr.txt samples/cambodia-korea-scams.en.txt \\\n"
       "      --src-lang fr --tgt-lang en\n"
       "  ancre align fr.txt en.txt --src-lang fr --tgt-lang en --presegmented --mode parallel \\\n"
       "      --format jsonl -o beads.jsonl\n"
       "  ancre align --pairs manifest.tsv --db tm.sqlite --src-lang fr --tgt-lang en\n";
  return s.str();
}

int RunAlign(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!ParseCommandLine("align", args, AlignOptionsDescription(), {"src", "tgt"}, AlignHelp, &vm))
    return 0;
  if (vm.count("pairs")) return RunAlignBatch(vm);
  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "tsv" && format != "jsonl" && format != "html") {
    throw UsageError("align: --format must be text, tsv, jsonl or html");
  }
  const std::string output = vm["output"].as<std::string>();
  UseColor(vm, output == "-");  // reject a bad --color before the work
  std::string db;
  if (vm.count("db")) {
    db = vm["db"].as<std::string>();
    if (db.empty()) db = tm::DefaultStorePath();
    RequireOutputIsNotTm("align", output, db);
  }
  AlignedInputs aligned = AlignFromArgs("align", vm);
  const pipeline::AlignedPair& pair = aligned.pair;

  if (vm.count("db")) {
    StoredAlignment stored = SaveToStore(db, aligned, BusyTimeoutFromArgs(vm));
    if (stored.already_stored) {
      std::cerr << "ancre: " << db << ": this alignment is already stored; nothing written\n";
    } else {
      std::cerr << "ancre: " << db << ": stored " << stored.pairs << " pairs ("
                << stored.units_added << " new translation units, " << stored.units_existing
                << " already there)\n";
    }
    if (vm["format"].defaulted() && vm["output"].defaulted()) return 0;
  }

  Output out(output);
  std::ostream& os = out.stream();
  if (format == "html" || format == "text") {
    WriteReport(format, MakeAlignmentView(pair, aligned.src, aligned.tgt, format == "html"), vm,
                out.is_stdout(), os);
    out.Commit();
    return 0;
  }
  std::unordered_map<size_t, const Segment*> src_by_index, tgt_by_index;
  for (const Segment& seg : pair.src.segments) src_by_index[seg.index] = &seg;
  for (const Segment& seg : pair.tgt.segments) tgt_by_index[seg.index] = &seg;
  for (const Bead& b : pair.alignment.beads) {
    std::string src_text = JoinTexts(b.src, src_by_index);
    std::string tgt_text = JoinTexts(b.tgt, tgt_by_index);
    if (format == "jsonl") {
      os << BeadJsonLine(b, src_text, tgt_text) << '\n';
    } else if (b.src.size() > 0 && b.tgt.size() > 0) {
      os << TsvField(src_text) << '\t' << TsvField(tgt_text) << '\t' << FormatScore(b.score)
         << '\n';
    }
  }
  out.Commit();
  return 0;
}

}  // namespace ancre::cli
