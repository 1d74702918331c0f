// ancre align: align the sentences of two documents and print the beads.

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "src/cli/align_common.h"
#include "src/cli/options.h"
#include "src/cli/progress.h"
#include "src/cli/report_display.h"
#include "src/cli/tm_common.h"
#include "src/core/bead_json.h"
#include "src/core/error.h"
#include "src/pipeline/batch.h"
#include "src/pipeline/freedict.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/store.h"
#include "src/pipeline/view.h"
#include "src/report/view.h"
#include "tm/translation_memory.h"

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
       "relative to it) into --db, documents in parallel on --threads cores")  //
      ("quiet,q", "no progress and no summary on stderr")                      //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  AddProgressOption(&o);
  AddBusyTimeoutOption(&o);
  o.add(AlignmentOptions());
  o.add(ReportDisplayOptions());
  return o;
}

// The texts of a bead's segments (positions in doc) joined by a space.
std::string JoinTexts(const std::vector<size_t>& positions, const Document& doc) {
  std::string s;
  for (size_t p : positions) {
    if (!s.empty()) s.push_back(' ');
    s += doc.segments[p].text;
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

// The command line of `ancre align`, read in one place (AlignArgsFromVm).
struct AlignArgs {
  std::string src;     // SRC (empty with --pairs)
  std::string tgt;     // TGT
  std::string pairs;   // --pairs MANIFEST; empty = the one pair SRC TGT
  std::string format;  // --format: text, tsv, jsonl, html
  bool format_given = false;
  std::string output;  // -o; "-" = stdout
  bool output_given = false;
  bool store = false;       // --db given
  std::string db;           // the TM (--db alone: the default TM)
  int busy_timeout_ms = 0;  // --busy-timeout
  bool quiet = false;       // -q
  bool progress = false;    // draw progress (--progress, or stderr is a terminal; never -q)
  AlignmentArgs alignment;  // languages, mode, dictionary ...
  DisplayOptions display;   // --color, --width
};

AlignArgs AlignArgsFromVm(const po::variables_map& vm) {
  AlignArgs a;
  a.alignment = AlignmentArgsFromVm("align", vm);
  if (vm.count("pairs")) a.pairs = vm["pairs"].as<std::string>();
  if (vm.count("src")) a.src = vm["src"].as<std::string>();
  if (vm.count("tgt")) a.tgt = vm["tgt"].as<std::string>();
  a.format = vm["format"].as<std::string>();
  a.format_given = !vm["format"].defaulted();
  a.output = vm["output"].as<std::string>();
  a.output_given = !vm["output"].defaulted();
  a.store = vm.count("db") > 0;
  if (a.store) a.db = vm["db"].as<std::string>();
  if (a.store && a.db.empty()) a.db = tm::DefaultStorePath();
  a.busy_timeout_ms = BusyTimeoutFromArgs(vm);
  a.quiet = vm.count("quiet") > 0;
  a.progress = ProgressWanted(vm);
  a.display = DisplayOptionsFromVm(vm);
  return a;
}

// What an exception says, with the --busy-timeout hint for a locked TM.
std::string ErrorMessage(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const DbError& e) {
    return DbErrorMessage(e);
  } catch (const std::exception& e) {
    return e.what();
  }
}

// `ancre align --pairs MANIFEST --db TM`: every pair of the manifest into the
// TM (pipeline::RunBatch), with a progress bar and a summary on stderr.
// Returns 0 if every pair was stored, 3 if some failed (each reported with
// its manifest line).
int RunAlignBatch(const AlignArgs& a) {
  if (!a.src.empty() || !a.tgt.empty()) {
    throw UsageError("align: give either SRC TGT or --pairs MANIFEST, not both");
  }
  if (!a.store) throw UsageError("align: --pairs stores into a TM: add --db tm.sqlite");
  RequireTmPath("align", a.db, /*create=*/true);  // before any pair is aligned
  RequireOptionFile("--pairs", a.pairs);          // a folder would read as an empty manifest
  pipeline::BatchOptions batch;
  batch.pairs = pipeline::ReadManifest(a.pairs);
  batch.pair = a.alignment.pair;
  batch.input = a.alignment.src_input;
  batch.tgt_input = a.alignment.tgt_input;
  batch.db_path = a.db;
  batch.lock_wait_ms = a.busy_timeout_ms;
  batch.workers = static_cast<size_t>(a.alignment.threads);
  ProgressLine progress(a.progress);
  LoadUserDictionaries(&batch.pair, a.quiet);
  const bool user_words = batch.pair.user_lexicon && !batch.pair.user_lexicon->empty();
  if (!batch.pair.dictionary_dir.empty()) {
    // Loaded once for every pair (about 45 ms of CPU each time otherwise).
    batch.pair.lexicon = std::make_shared<const align::Lexicon>(
        pipeline::LoadFreeDict(batch.pair.dictionary_dir, batch.pair.src_language,
                               batch.pair.tgt_language, pipeline::DefaultCacheDir()));
    if (!a.quiet && batch.pair.lexicon->empty() && !user_words)
      std::cerr << NoDictionaryWarning(batch.pair);
  }
  batch.on_learned = [&](size_t learned) {
    if (!a.quiet) {
      std::cerr << "ancre: learned " << learned << " word translation(s) from the "
                << batch.pairs.size() << " pairs together (--no-learn: none)\n";
    }
  };
  size_t failed = 0;
  batch.on_pair = [&](const pipeline::PairOutcome& o) {
    if (o.error) {
      ++failed;
      progress.Finish();  // the error on a line of its own
      std::cerr << "ancre: error: " << a.pairs << ":" << batch.pairs[o.entry].line << ": "
                << ErrorMessage(o.error) << "\n";
    }
    progress.Update(failed ? "aligning, " + std::to_string(failed) + " failed" : "aligning",
                    static_cast<double>(o.entry + 1), static_cast<double>(batch.pairs.size()),
                    "pairs");
  };
  ReportFileSizeLimitAsError();
  const pipeline::BatchSummary s = pipeline::RunBatch(batch);
  progress.Finish();
  if (!a.quiet) {
    std::cerr << "ancre: " << a.db << ": " << s.stored << " document pairs stored (" << s.units
              << " new translation units), " << s.already << " already there, " << s.failed
              << " failed\n";
  }
  return s.failed > 0 ? 3 : 0;
}

// Stores an alignment in the TM and says what it did.
void Store(const AlignArgs& a, const pipeline::AlignedDocuments& aligned) {
  ReportFileSizeLimitAsError();
  tm::OpenOptions options;
  options.lock_wait_ms = a.busy_timeout_ms;
  tm::TranslationMemory store(a.db, options);
  // An interruption while the TM is written waits for the transaction's end,
  // so that what ancre says on exit is what the TM holds.
  CommitSection section;
  const pipeline::StoreSummary stored = pipeline::StoreAlignment(store, aligned);
  section.Done();
  if (stored.already_stored) {
    std::cerr << "ancre: " << a.db << ": this alignment is already stored; nothing written\n";
  } else {
    std::cerr << "ancre: " << a.db << ": stored " << stored.pairs << " pairs ("
              << stored.units_added << " new translation units, " << stored.units_existing
              << " already there)\n";
  }
}

}  // namespace

std::string AlignHelp() {
  std::ostringstream s;
  s << "Usage: ancre align SRC TGT --src-lang LANG --tgt-lang LANG [options]\n"
       "       ancre align --pairs MANIFEST --db TM --src-lang LANG --tgt-lang LANG [options]\n\n"
       "Aligns the sentences of two documents. Translations are aligned in order\n"
       "(1-1, 1-2, 2-1, 2-2 ... beads, omissions left unaligned); comparable articles\n"
       "(same event, written separately) are linked in any order where the evidence is\n"
       "strong. A comparable link says: these two sentences report the same fact. It\n"
       "is not one partner each: a sentence restated in the headline, the lead and the\n"
       "body is linked to each of them, one bead per link, so a sentence may be in\n"
       "several beads. Evidence: shared dates, numbers and names, cognates, the FreeDict\n"
       "bilingual dictionaries, your own (--dictionary), word translations learned from\n"
       "a first alignment, and sentence lengths. Each bead has a score in [0, 1],\n"
       "calibrated per mode, and lists the anchors both sides share. --db stores every\n"
       "link as a translation unit of a comparable run (x-mode comparable in TMX), which\n"
       "'ancre export' leaves out unless --mode any: it is no translation.\n\n"
       "What a score says, per mode, measured on the development news (fr, de, cs, es,\n"
       "ru -> en, de -> fr; parallel: translations, also with omitted and merged sentences\n"
       "and raw text; comparable: synthetic comparable documents). Correct: in parallel\n"
       "mode, the bead is the translation; in comparable mode, both sentences report the\n"
       "same fact. The bands of the report and the terminal view are these:\n"
    << report::CalibrationTable()
    << "On real comparable articles (German-French news, hand gold), 6 of 6 links scored\n"
       "0.90 or more and 7 of 8 scored 0.40-0.90 reported the same fact.\n\n"
    << AlignOptionsDescription()
    << "\nJSONL: "
       "{\"src\":[i...],\"tgt\":[j...],\"score\":0.93,\"type\":\"1-1\",\"mode\":\"parallel\",\n"
       "\"anchors\":[{\"kind\",\"key\",\n"
       "\"src\",\"tgt\"}...],\"src_text\":\"...\",\"tgt_text\":\"...\"}, one per bead (comparable: "
       "per link)\nin source order; mode: parallel (the bead is a translation) or comparable "
       "(both\n"
       "sides report the same fact; not a translation);\n"
       "indices are those of `ancre segment` (or line numbers with --presegmented).\n\n"
       "Examples:\n"
       "  ancre align samples/cambodia-korea-scams.fr.txt samples/cambodia-korea-scams.en.txt \\\n"
       "      --src-lang fr --tgt-lang en\n"
       "  ancre align fr.txt en.txt --src-lang fr --tgt-lang en --presegmented --mode parallel \\\n"
       "      --format jsonl -o beads.jsonl\n"
       "  ancre align legacy.fr.txt new.en.txt --src-lang fr --tgt-lang en \\\n"
       "      --src-encoding windows-1252 --paragraphs blank --srx omegat-defaults.srx\n"
       "  ancre align --pairs manifest.tsv --db tm.sqlite --src-lang fr --tgt-lang en\n"
       "  ancre align a.hu.txt a.en.txt --src-lang hu --tgt-lang en --dictionary terms.tsv \\\n"
       "      --dictionary hu-en.dic     # your words: 'hu<TAB>en', or hunalign's 'en @ hu'\n"
       "  ancre align a.de.txt a.fr.txt --src-lang de --tgt-lang fr --dictionary-dir none \\\n"
       "      --no-learn                 # length, anchors and cognates only\n";
  return s.str();
}

int RunAlign(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!ParseCommandLine("align", args, AlignOptionsDescription(), {"src", "tgt"}, AlignHelp, &vm))
    return 0;
  const AlignArgs a = AlignArgsFromVm(vm);
  if (!a.pairs.empty()) return RunAlignBatch(a);
  if (a.format != "text" && a.format != "tsv" && a.format != "jsonl" && a.format != "html") {
    throw UsageError("align: --format must be text, tsv, jsonl or html");
  }
  UseColor(a.display, a.output == "-");  // reject a bad --color before the work
  if (a.store) {
    // Before the alignment: a --db that cannot be a TM fails at once.
    RequireOutputIsNotTm("align", a.output, a.db);
    RequireTmPath("align", a.db, /*create=*/true);
  }
  const auto [src, tgt] = DocumentArgs("align", vm);
  AlignmentArgs alignment = a.alignment;
  alignment.pair.candidates = a.format == "html";  // the report's score matrix
  ProgressLine progress(a.progress);
  alignment.pair.progress = [&progress](const pipeline::AlignProgress& p) {
    progress.Update(p.stage, p.done, 1, "");
    if (p.done >= 1) progress.Finish();  // before what AlignPair says on stderr
  };
  const pipeline::AlignedDocuments aligned = AlignPair(src, tgt, alignment);
  const pipeline::AlignedPair& pair = aligned.pair;

  if (a.store) {
    Store(a, aligned);
    if (!a.format_given && !a.output_given) return 0;
  }

  Output out(a.output);
  std::ostream& os = out.stream();
  if (a.format == "html" || a.format == "text") {
    WriteReport(a.format, pipeline::AlignmentView(aligned), a.display, out.is_stdout(), os);
    out.Commit();
    return 0;
  }
  for (const Bead& b : pair.alignment.beads) {
    std::string src_text = JoinTexts(b.src, pair.src);
    std::string tgt_text = JoinTexts(b.tgt, pair.tgt);
    if (a.format == "jsonl") {
      os << BeadJsonLine(pipeline::Numbered(b, pair.src, pair.tgt), src_text, tgt_text,
                         pipeline::FurnitureOf(b, pair), AlignModeName(pair.alignment.mode))
         << '\n';
    } else if (b.src.size() > 0 && b.tgt.size() > 0) {
      os << TsvField(src_text) << '\t' << TsvField(tgt_text) << '\t' << FormatScore(b.score)
         << '\n';
    }
  }
  out.Commit();
  return 0;
}

}  // namespace ancre::cli
