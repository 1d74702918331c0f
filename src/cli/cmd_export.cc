// ancre export: writes the translation memory's units as TMX 1.4b (for CAT
// tools), TSV or JSONL, streaming.
#include <algorithm>
#include <charconv>
#include <iostream>
#include <sstream>

#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/core/language_tag.h"
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
       "20240501T120000Z)")                                                                     //
      ("origin", po::value<std::string>(), "only units that were aligned, imported or edited")  //
      ("quiet,q", "no summary on stderr");
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

}  // namespace

std::string ExportHelp() {
  std::ostringstream s;
  s << "Usage: ancre export [options]\n\n"
       "Writes the translation units of the TM as TMX 1.4b for CAT tools (OmegaT, Trados,\n"
       "memoQ, Okapi ...), as TSV (src_lang, tgt_lang, source, target, score, document) or as\n"
       "JSONL. In TMX, each unit carries its provenance and evidence as props: x-score,\n"
       "x-bead (1-1, 1-2 ...), x-anchors, x-document, x-origin, and for aligned units x-mode\n"
       "(parallel, comparable) and x-run (the run's id). Characters XML forbids are\n"
       "removed (and counted on stderr), segments are trimmed, and a unit with an empty side\n"
       "is never written. The output file appears only when complete.\n\n"
    << ExportOptions()
    << "\nExamples:\n"
       "  ancre export --db tm.sqlite -o tm.tmx\n"
       "  ancre export --db tm.sqlite -o tm.tmx --src-lang fr-FR --tgt-lang en-US --min-score "
       "0.6\n"
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
  const double min_score = vm["min-score"].as<double>();
  if (!(min_score >= 0.0 && min_score <= 1.0)) {
    throw UsageError("export: --min-score must be between 0 and 1");
  }
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
  std::string origin;
  if (vm.count("origin")) {
    origin = vm["origin"].as<std::string>();
    if (origin != "aligned" && origin != "imported" && origin != "edited") {
      throw UsageError("export: --origin must be aligned, imported or edited");
    }
  }

  RequireOutputIsNotTm("export", vm["output"].as<std::string>(), vm["db"].as<std::string>());
  // Streaming the whole TM: the backend keeps the resident memory bounded
  // whatever the TM's size.
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

  Output output(vm["output"].as<std::string>());
  std::ostream& out = output.stream();
  tm::TmxExporter exporter(out, options);
  size_t written = 0;
  size_t skipped = 0;
  size_t removed = 0;
  std::string line;
  if (format == "tsv") out << "src_lang\ttgt_lang\tsource\ttarget\tscore\tdocument\n";
  store.ForEachUnit(filter, [&](const tm::TranslationUnit& u) {
    if (format == "tmx") {
      exporter.Add(u);
      return;
    }
    if ((!options.src_lang.empty() && !LanguageServes(options.src_lang, u.src_lang)) ||
        (!options.tgt_lang.empty() && !LanguageServes(options.tgt_lang, u.tgt_lang))) {
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
  if (format == "tmx") {
    exporter.Finish();
    written = exporter.stats().units;
    skipped = exporter.stats().units_skipped;
    removed = exporter.stats().chars_removed;
  }
  output.Commit();

  const std::string where = output.is_stdout() ? "stdout" : vm["output"].as<std::string>();
  if (removed > 0) {
    std::cerr << "ancre: warning: " << removed
              << " character(s) that XML forbids (control characters, invalid UTF-8) were "
                 "removed from the exported text\n";
  }
  if (format == "tmx" && exporter.stats().markup_dropped > 0) {
    std::cerr << "ancre: warning: " << exporter.stats().markup_dropped
              << " segment(s) had invalid inline markup; their plain text was exported\n";
  }
  if (!vm.count("quiet")) {
    std::cerr << "ancre: exported " << written << " translation unit(s) from " << store.name()
              << " to " << where;
    if (skipped > 0) std::cerr << " (" << skipped << " skipped: empty source or target)";
    std::cerr << "\n";
  }
  return 0;
}

}  // namespace ancre::cli
