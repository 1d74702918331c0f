// ancre search: concordance over both languages of the translation memory.
#include <unistd.h>

#include <iostream>
#include <sstream>
#include <tuple>

#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"

namespace ancre::cli {
namespace {

po::options_description SearchOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("lang,l", po::value<std::string>()->default_value("any"),
       "search only the side in this language (fr, en ...), or any")               //
      ("max,n", po::value<size_t>()->default_value(20), "at most this many hits")  //
      ("substring,s",
       "the query is a fragment found anywhere, even inside words (3+ characters)")  //
      ("color", po::value<std::string>()->default_value("auto"),
       "highlight hits with bold: auto (on a terminal), always, never; else hits are "
       "shown [[like this]]")  //
      ("format,f", po::value<std::string>()->default_value("text"), "text or jsonl");
  AddModeAndOriginOptions(&o, "any");
  AddDbOption(&o);
  return o;
}

std::string Mark(const std::string& text, const std::vector<std::pair<size_t, size_t>>& hits,
                 bool color) {
  const char* open = color ? "\x1b[1m" : "[[";
  const char* close = color ? "\x1b[0m" : "]]";
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : hits) {
    if (begin < at || end > text.size()) continue;
    out += TerminalText(std::string_view(text).substr(at, begin - at));
    out += open;
    out += TerminalText(std::string_view(text).substr(begin, end - begin));
    out += close;
    at = end;
  }
  out += TerminalText(std::string_view(text).substr(at));
  return out;
}

void AppendRanges(const std::vector<std::pair<size_t, size_t>>& hits, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < hits.size(); ++i) {
    if (i > 0) out->push_back(',');
    *out += "[" + std::to_string(hits[i].first) + "," + std::to_string(hits[i].second) + "]";
  }
  out->push_back(']');
}

}  // namespace

std::string SearchHelp() {
  std::ostringstream s;
  s << "Usage: ancre search 'QUERY' [options]\n\n"
       "Concordance: finds the translation units whose source or target contains the\n"
       "query, case and accents ignored (seoul finds Séoul), and shows each hit with its\n"
       "translation. QUERY: words (all must occur), \"a phrase\", prefix* (escroq*),\n"
       "NEAR(task force, 3), OR, AND, NOT, ( ). Anything else is searched as plain words.\n"
       "--substring finds a fragment inside words (croquer in escroqueries). A unit aligned\n"
       "from comparable articles is no translation: it is marked COMPARABLE; --mode parallel\n"
       "leaves such units out.\n\n"
    << SearchOptions()
    << "\nJSONL fields: tu, source, target, src_lang, tgt_lang, document, tu_score,\n"
       "mode (parallel: a translation; comparable: a pair that reports the same fact, not a\n"
       "translation), source_hits and target_hits ([[begin, end], ...] byte offsets of the matched "
       "text).\n\n"
       "Examples:\n"
       "  ancre search --db tm.sqlite 'task force'\n"
       "  ancre search --db tm.sqlite --lang fr 'escroq*'\n"
       "  ancre search --db tm.sqlite '\"task force\"' --format jsonl\n"
       "  ancre search --db tm.sqlite 'task force' --mode parallel   # translations only\n";
  return s.str();
}

int RunSearch(const std::vector<std::string>& args) {
  po::options_description visible = SearchOptions();
  po::options_description all;
  all.add(visible).add_options()("query", po::value<std::string>(), "query");
  po::positional_options_description positional;
  positional.add("query", 1);
  po::variables_map vm;
  ParseArgs("search", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << SearchHelp();
    return 0;
  }
  if (!vm.count("query")) throw UsageError("search: missing QUERY; see 'ancre search --help'");
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "jsonl") {
    throw UsageError("search: --format must be text or jsonl");
  }
  const std::string color_mode = vm["color"].as<std::string>();
  if (color_mode != "auto" && color_mode != "always" && color_mode != "never") {
    throw UsageError("search: --color must be auto, always or never");
  }
  const bool color = color_mode == "always" || (color_mode == "auto" && IsTerminal(STDOUT_FILENO));
  const std::string query = vm["query"].as<std::string>();
  RequireUtf8(query, "search");
  tm::SearchOptions options;
  options.lang = vm["lang"].as<std::string>();
  options.max = vm["max"].as<size_t>();
  options.substring = vm.count("substring") > 0;
  std::tie(options.mode, options.origin) = ModeAndOriginFromArgs("search", vm);

  tm::TranslationMemory store = OpenStoreForSearch(vm);
  auto hits = store.Search(query, options);
  std::string out;
  for (const auto& h : hits) {
    if (format == "jsonl") {
      out += "{\"tu\":" + std::to_string(h.tu) + ",\"source\":";
      AppendJsonString(h.source, &out);
      out += ",\"target\":";
      AppendJsonString(h.target, &out);
      out += ",\"src_lang\":";
      AppendJsonString(h.src_lang, &out);
      out += ",\"tgt_lang\":";
      AppendJsonString(h.tgt_lang, &out);
      out += ",\"document\":";
      AppendJsonString(h.document, &out);
      out += ",\"tu_score\":" + FormatNumber(h.tu_score) + ",\"mode\":\"" +
             (h.comparable ? "comparable" : "parallel") + "\",\"source_hits\":";
      AppendRanges(h.source_hits, &out);
      out += ",\"target_hits\":";
      AppendRanges(h.target_hits, &out);
      out += "}\n";
    } else {
      out += "TU " + std::to_string(h.tu) + "  (" + TerminalText(h.document) +
             (h.comparable ? "; COMPARABLE pair: it reports the same fact, it is not a translation"
                           : "") +
             ")\n";
      out += "  " + h.src_lang + ": " + Mark(h.source, h.source_hits, color) + "\n";
      out += "  " + h.tgt_lang + ": " + Mark(h.target, h.target_hits, color) + "\n";
    }
  }
  if (format == "text" && hits.empty()) std::cerr << "ancre: no hits for " << query << "\n";
  std::cout << out;
  std::cout.flush();
  if (!std::cout) throw IoError("stdout: write failed");
  return 0;
}

}  // namespace ancre::cli
