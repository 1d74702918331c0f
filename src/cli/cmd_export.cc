// ancre export: writes the translation memory's units as TMX 1.4b (for CAT
// tools), TSV or JSONL, streaming.
#include <algorithm>
#include <charconv>
#include <iostream>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/core/language_tag.h"
#include "src/report/view.h"
#include "tm/tmx/export.h"
#include "tm/tmx/text.h"

namespace ancre::cli {
namespace {

po::options_description ExportOptions() {
  po::options_description o("Options");
  o.add_options()                                                                            //
      ("help,h", "show this help")                                                           //
      ("output,o", po::value<std::string>()->default_value("-"), "output file; - = stdout")  //
      ("format,f", po::value<std::string>()->default_value("tmx"), "tmx, tsv or jsonl")      //
      ("src-lang", po::value<std::string>(),
       "source language code to write (e.g. fr-FR); only units whose source language "
       "serves it (fr, fr-FR) are exported")                                                //
      ("tgt-lang", po::value<std::string>(), "target language code to write (e.g. en-US)")  //
      ("min-score", po::value<double>()->default_value(0.0),
       "only units whose alignment score is at least this (0 to 1)")  //
      ("document", po::value<std::vector<std::string>>(),
       "only units from this document: an id from 'ancre stats --documents', a path, or a "
       "provenance label; repeatable")  //
      ("since", po::value<std::string>(),
       "only units created at or after this UTC date (2024-05-01, 2024-05-01T12:00:00Z or "
       "20240501T120000Z)")  //
      ("status", po::value<std::string>()->default_value("any"),
       "confirmed: only units a reviewer confirmed or edited ('ancre review'); any: all, "
       "counting the others on stderr")  //
      ("quiet,q", "no summary on stderr");
  AddModeAndOriginOptions(&o, "parallel");
  AddDbOption(&o);
  return o;
}

// Replaces tabs and line breaks by spaces: one unit per TSV line.
std::string TsvField(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// A provenance label as export writes it: each document ("a | b" names two)
// by its file name only ("/home/ana/news/a.fr.txt | b.en.txt" ->
// "a.fr.txt | b.en.txt").
std::string DocumentFileNames(const std::string& label) {
  static constexpr std::string_view kSeparator = " | ";
  std::string out;
  size_t begin = 0;
  while (true) {
    const size_t end = label.find(kSeparator, begin);
    const std::string part = label.substr(begin, end == std::string::npos ? end : end - begin);
    const size_t slash = part.find_last_of('/');
    out += slash == std::string::npos || slash + 1 == part.size() ? part : part.substr(slash + 1);
    if (end == std::string::npos) return out;
    out += kSeparator;
    begin = end + kSeparator.size();
  }
}

// The mode an imported unit's TMX gave it (its x-mode prop), or empty.
std::string ImportedMode(const tm::TranslationUnit& u) {
  for (const tm::Prop& p : u.props) {
    if (p.type == "x-mode") return p.value;
  }
  return "";
}

// Whether any unit passes `filter` (stops at the first).
bool AnyUnit(const tm::TranslationMemory& store, const tm::UnitFilter& filter) {
  struct Found {};
  try {
    store.ForEachUnit(filter, [](const tm::TranslationUnit&) { throw Found{}; });
  } catch (const Found&) {
    return true;
  }
  return false;
}

// Why `filter` matched no unit of `store`: each filter that matches nothing
// on its own, with what the TM holds instead.
std::string NothingMatched(const tm::TranslationMemory& store, const tm::UnitFilter& filter,
                           double min_score) {
  std::vector<std::string> reasons;
  if (!filter.documents.empty() || !filter.document_ids.empty()) {
    tm::UnitFilter only;
    only.documents = filter.documents;
    only.document_ids = filter.document_ids;
    if (!AnyUnit(store, only)) {
      std::string known;
      const std::vector<tm::DocumentInfo> documents = store.Documents();
      for (size_t k = 0; k < documents.size() && k < 6; ++k) {
        known += (k ? ", " : "") + std::to_string(documents[k].id) + " " + documents[k].path;
      }
      if (documents.size() > 6) known += " ...";
      std::string asked;
      for (const std::string& d : filter.documents) asked += (asked.empty() ? "" : ", ") + d;
      for (int64_t id : filter.document_ids) {
        asked += (asked.empty() ? "" : ", ") + std::to_string(id);
      }
      reasons.push_back("no unit comes from --document " + asked +
                        (documents.empty() ? std::string(" (the TM has no aligned documents)")
                                           : " (the TM's documents: " + known +
                                                 "; see 'ancre stats --documents')"));
    }
  }
  if (!filter.src_lang.empty() || !filter.tgt_lang.empty()) {
    tm::UnitFilter only;
    only.src_lang = filter.src_lang;
    only.tgt_lang = filter.tgt_lang;
    if (!AnyUnit(store, only)) {
      std::string pairs;
      for (const auto& c : store.Stats().units_by_lang_pair) {
        pairs += (pairs.empty() ? "" : ", ") + c.name + " (" + std::to_string(c.count) +
                 (c.count == 1 ? " unit)" : " units)");
      }
      reasons.push_back(
          "no unit is in " +
          (filter.src_lang.empty() ? std::string() : "--src-lang " + filter.src_lang) +
          (!filter.src_lang.empty() && !filter.tgt_lang.empty() ? " " : "") +
          (filter.tgt_lang.empty() ? std::string() : "--tgt-lang " + filter.tgt_lang) +
          (pairs.empty() ? std::string(" (the TM is empty)") : " (the TM holds " + pairs + ")"));
    }
  }
  if (min_score > 0) {
    tm::UnitFilter only;
    only.min_score = min_score;
    if (!AnyUnit(store, only)) {
      reasons.push_back("no unit scores --min-score " + FormatNumber(min_score) + " or more");
    }
  }
  if (!filter.since.empty()) {
    tm::UnitFilter only;
    only.since = filter.since;
    if (!AnyUnit(store, only)) {
      reasons.push_back("no unit was created at or after --since " + filter.since);
    }
  }
  if (!filter.origin.empty()) {
    tm::UnitFilter only;
    only.origin = filter.origin;
    if (!AnyUnit(store, only)) reasons.push_back("no unit was " + filter.origin);
  }
  if (filter.reviewed_only) {
    tm::UnitFilter only;
    only.reviewed_only = true;
    if (!AnyUnit(store, only)) {
      reasons.push_back(
          "no unit was confirmed by a reviewer (--status confirmed; see 'ancre "
          "review')");
    }
  }
  if (filter.mode == "parallel" || filter.mode == "comparable") {
    tm::UnitFilter only;
    only.mode = filter.mode;
    if (!AnyUnit(store, only)) {
      reasons.push_back(filter.mode == "parallel"
                            ? "no unit is a translation: every unit is a comparable pair (two "
                              "sentences that report the same fact, not translations of each "
                              "other); --mode any exports them, marked x-mode comparable"
                            : "no unit is a comparable pair (--mode comparable)");
    }
  }
  if (reasons.empty() && filter.mode == "parallel") {
    tm::UnitFilter comparable = filter;
    comparable.mode = "comparable";
    if (AnyUnit(store, comparable)) {
      return "the units of " + store.name() +
             " that match are all comparable pairs (two sentences that report the same fact, "
             "not translations of each other); --mode any exports them, marked x-mode "
             "comparable";
    }
  }
  if (reasons.empty()) {
    return "no translation unit of " + store.name() +
           " matches all the filters together (each matches units on its own)";
  }
  std::string out = "no translation unit of " + store.name() + " matches: ";
  for (size_t k = 0; k < reasons.size(); ++k) out += (k ? "; " : "") + reasons[k];
  return out;
}

}  // namespace

std::string ExportHelp() {
  std::ostringstream s;
  s << "Usage: ancre export [options]\n\n"
       "Writes the translation units of the TM as TMX 1.4b for CAT tools (OmegaT, Trados,\n"
       "memoQ, Okapi ...), as TSV (src_lang, tgt_lang, source, target, score, document) or as\n"
       "JSONL. In TMX, each unit carries its provenance and evidence as props: x-score,\n"
       "x-bead (1-1, 1-2 ...), x-anchors, x-document (the documents' file names, without\n"
       "their folders), x-origin, and for aligned units x-mode\n"
       "(parallel, comparable) and x-run (the run's id).\n\n"
       "Translations only by default: comparable pairs (from comparable articles: the two\n"
       "sentences report the same fact but are not translations of each other) are left\n"
       "out of every format, and stderr says how many; --mode any exports them too, each\n"
       "marked (TMX prop x-mode comparable, JSONL \"mode\":\"comparable\"), --mode comparable\n"
       "only them. Characters XML forbids are\n"
       "removed (and counted on stderr), segments are trimmed, and a unit with an empty side\n"
       "is never written. The output file appears only when complete. A filter that\n"
       "matches no unit is an error (exit 1) that says which filter matched nothing and\n"
       "what the TM holds; nothing is written then.\n\n"
    << ExportOptions()
    << "\nWhat a score says, per mode (--min-score), measured on the development news:\n"
    << report::CalibrationTable()
    << "A translation scored 0.05-0.50 is right 9 times in 10 (2 in 3 where sentences were\n"
       "omitted): keep it, and check it; below 0.05 one pair in 50 is right.\n"
       "\nExamples:\n"
       "  ancre export --db tm.sqlite -o tm.tmx\n"
       "  ancre export --db tm.sqlite -o tm.tmx --src-lang fr-FR --tgt-lang en-US --min-score "
       "0.05\n"
       "  ancre export --db tm.sqlite -o all.tmx --mode any     # comparable pairs too, marked\n"
       "  ancre export --db tm.sqlite --format tsv --since 2024-05-01 -o -\n";
  return s.str();
}

int RunExport(const std::vector<std::string>& args) {
  po::options_description visible = ExportOptions();
  po::variables_map vm;
  ParseArgs("export", args, visible, {}, &vm);
  if (vm.count("help")) {
    std::cout << ExportHelp();
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "tmx" && format != "tsv" && format != "jsonl") {
    throw UsageError("export: --format must be tmx, tsv or jsonl");
  }
  const double min_score = RangeOption("export", vm, "min-score", 0, 1);
  tm::TmxExportOptions options;
  // Canonical tags already (ParseArgs): "fr_FR" is "fr-FR".
  if (vm.count("src-lang")) options.src_lang = vm["src-lang"].as<std::string>();
  if (vm.count("tgt-lang")) options.tgt_lang = vm["tgt-lang"].as<std::string>();
  std::string since;
  if (vm.count("since")) {
    auto date = tm::ToTmxDate(vm["since"].as<std::string>());
    if (!date) {
      throw UsageError("export: --since '" + vm["since"].as<std::string>() +
                       "' is not a date; write 2024-05-01 or 2024-05-01T12:00:00Z");
    }
    since = *date;
  }
  const auto [mode, origin] = ModeAndOriginFromArgs("export", vm);

  const std::string status = vm["status"].as<std::string>();
  if (status != "any" && status != "confirmed") {
    throw UsageError("export: --status must be confirmed or any");
  }

  RequireOutputIsNotTm("export", vm["output"].as<std::string>(), vm["db"].as<std::string>());
  // Streaming the whole TM: the backend keeps the resident memory bounded
  // whatever the TM's size.
  RequireTmPath("export", vm["db"].as<std::string>(), /*create=*/false);
  tm::OpenOptions store_options = OpenOptionsFromArgs(vm, /*write=*/false);
  store_options.streaming = true;
  tm::TranslationMemory store(vm["db"].as<std::string>(), store_options);
  // The TM matches languages with the fallback rule: "fr" finds fr-CA,
  // "fr-CA" finds fr, "fr-FR" does not find fr-CA.
  tm::UnitFilter filter;
  filter.min_score = min_score;
  filter.src_lang = options.src_lang;
  filter.tgt_lang = options.tgt_lang;
  filter.since = since;
  filter.origin = origin;
  filter.reviewed_only = status == "confirmed";
  filter.mode = mode;
  if (vm.count("document")) {
    const std::vector<tm::DocumentInfo> known = store.Documents();
    for (const std::string& d : vm["document"].as<std::vector<std::string>>()) {
      int64_t id = 0;
      const auto [ptr, ec] = std::from_chars(d.data(), d.data() + d.size(), id);
      if (ec == std::errc() && ptr == d.data() + d.size()) {
        if (std::none_of(known.begin(), known.end(),
                         [id](const tm::DocumentInfo& k) { return k.id == id; })) {
          throw UsageError("export: no document " + d + " in " + store.name() +
                           " (see 'ancre stats --documents')");
        }
        filter.document_ids.push_back(id);
      } else {
        filter.documents.push_back(d);  // a path or a provenance label
      }
    }
  }

  // Nothing is written before the first unit that matches: a filter that
  // matches nothing leaves no file (and nothing on stdout) behind.
  std::optional<Output> output;
  std::optional<tm::TmxExporter> exporter;
  auto start = [&]() -> std::ostream& {
    if (!output) {
      output.emplace(vm["output"].as<std::string>());
      exporter.emplace(output->stream(), options);
      if (format == "tsv")
        output->stream() << "src_lang\ttgt_lang\tsource\ttarget\tscore\tdocument\n";
    }
    return output->stream();
  };
  size_t matched = 0;  // units the filter passed (written or skipped for an empty side)
  size_t written = 0;
  size_t skipped = 0;
  size_t removed = 0;
  size_t unconfirmed = 0;  // units matched that no reviewer confirmed
  std::string line;
  tm::TranslationUnit shown;
  store.ForEachUnit(filter, [&](const tm::TranslationUnit& stored) {
    if ((!options.src_lang.empty() && !LanguageServes(options.src_lang, stored.src_lang)) ||
        (!options.tgt_lang.empty() && !LanguageServes(options.tgt_lang, stored.tgt_lang))) {
      return;
    }
    ++matched;
    if (!stored.reviewed) ++unconfirmed;
    std::ostream& out = start();
    // The provenance names the documents by file name only: the folders of
    // the machine that aligned them stay in the TM.
    shown = stored;
    shown.document = DocumentFileNames(stored.document);
    const tm::TranslationUnit& u = shown;
    if (format == "tmx") {
      exporter->Add(u);
      return;
    }
    std::string source = u.source, target = u.target;
    removed += tm::RemoveXmlForbidden(&source) + tm::RemoveXmlForbidden(&target);
    source = std::string(tm::TrimSpace(source));
    target = std::string(tm::TrimSpace(target));
    if (source.empty() || target.empty()) {
      ++skipped;
      return;
    }
    const std::string src_lang = options.src_lang.empty() ? u.src_lang : options.src_lang;
    const std::string tgt_lang = options.tgt_lang.empty() ? u.tgt_lang : options.tgt_lang;
    line.clear();
    if (format == "tsv") {
      line = TsvField(src_lang) + "\t" + TsvField(tgt_lang) + "\t" + TsvField(source) + "\t" +
             TsvField(target) + "\t" + tm::FormatScore(u.score) + "\t" + TsvField(u.document) +
             "\n";
    } else {
      line = "{\"id\":" + std::to_string(u.id) + ",\"src_lang\":";
      AppendJsonString(src_lang, &line);
      line += ",\"tgt_lang\":";
      AppendJsonString(tgt_lang, &line);
      line += ",\"source\":";
      AppendJsonString(source, &line);
      line += ",\"target\":";
      AppendJsonString(target, &line);
      line += ",\"score\":" + tm::FormatScore(u.score) + ",\"origin\":";
      AppendJsonString(tm::OriginName(u.origin), &line);
      line += ",\"bead\":";
      AppendJsonString(u.bead_type, &line);
      line += ",\"document\":";
      AppendJsonString(u.document, &line);
      if (u.run > 0) {
        line += ",\"mode\":";
        AppendJsonString(u.mode, &line);
        line += ",\"run\":" + std::to_string(u.run);
      } else if (const std::string imported = ImportedMode(u); !imported.empty()) {
        line += ",\"mode\":";
        AppendJsonString(imported, &line);
      }
      line += ",\"created\":";
      AppendJsonString(u.created, &line);
      line += ",\"tuid\":";
      AppendJsonString(u.tuid, &line);
      line += "}\n";
    }
    out << line;
    ++written;
  });
  // The default keeps translations only: a TM of comparable pairs alone
  // exports nothing, and says why.
  const bool filtered = !filter.documents.empty() || !filter.document_ids.empty() ||
                        !options.src_lang.empty() || !options.tgt_lang.empty() || min_score > 0 ||
                        !since.empty() || !origin.empty() || filter.reviewed_only ||
                        (mode != "any" && AnyUnit(store, tm::UnitFilter{}));
  if (matched == 0 && filtered) {
    // Nothing was written: say which filter matched nothing, and what the TM holds.
    throw Error("export: " + NothingMatched(store, filter, min_score) + "; nothing was written");
  }
  start();
  if (format == "tmx") {
    exporter->Finish();
    written = exporter->stats().units;
    skipped = exporter->stats().units_skipped;
    removed = exporter->stats().chars_removed;
  }
  output->Commit();

  const std::string where = output->is_stdout() ? "stdout" : vm["output"].as<std::string>();
  if (removed > 0) {
    std::cerr << "ancre: warning: " << removed
              << " character(s) that XML forbids (control characters, invalid UTF-8) were "
                 "removed from the exported text\n";
  }
  if (format == "tmx" && exporter->stats().markup_dropped > 0) {
    std::cerr << "ancre: warning: " << exporter->stats().markup_dropped
              << " segment(s) had invalid inline markup; their plain text was exported\n";
  }
  if (!vm.count("quiet")) {
    std::cerr << "ancre: exported " << written << " translation unit(s) from " << store.name()
              << " to " << where;
    if (skipped > 0) std::cerr << " (" << skipped << " skipped: empty source or target)";
    if (matched == 0) std::cerr << " (the translation memory is empty)";
    if (unconfirmed > 0) {
      std::cerr << "; " << unconfirmed << " of them not confirmed by a reviewer (--status "
                << "confirmed leaves them out)";
    }
    std::cerr << "\n";
  }
  if (mode == "parallel") {
    // Said even with --quiet: what the file lacks is no progress message.
    tm::UnitFilter left_out = filter;
    left_out.mode = "comparable";
    size_t comparable = 0;
    store.ForEachUnit(left_out, [&](const tm::TranslationUnit& u) {
      if ((options.src_lang.empty() || LanguageServes(options.src_lang, u.src_lang)) &&
          (options.tgt_lang.empty() || LanguageServes(options.tgt_lang, u.tgt_lang))) {
        ++comparable;
      }
    });
    if (comparable > 0) {
      std::cerr << "ancre: left out " << comparable
                << " comparable pair(s): sentences that report the same fact, not "
                   "translations of each other (--mode any exports them too, marked)\n";
    }
  }
  return 0;
}

}  // namespace ancre::cli
