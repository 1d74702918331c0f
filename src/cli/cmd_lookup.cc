// ancre lookup: fuzzy matches of a sentence in the translation memory.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <tuple>

#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/text/input.h"

namespace ancre::cli {
namespace {

po::options_description LookupOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("threshold,t", po::value<double>()->default_value(70.0),
       "minimum match percentage, 0-100")                                             //
      ("max,n", po::value<size_t>()->default_value(10), "at most this many matches")  //
      ("from", po::value<std::string>()->default_value(""),
       "the sentence's language (fr matches fr-FR): TUs with a side in it, either way")  //
      ("to", po::value<std::string>()->default_value(""),
       "only TUs whose other side is in this language")  //
      ("format,f", po::value<std::string>()->default_value("text"), "text or jsonl");
  AddModeAndOriginOptions(&o, "any");
  AddDbOption(&o);
  return o;
}

const char* EditName(tm::WordEdit::Kind kind) {
  switch (kind) {
    case tm::WordEdit::Kind::kInsert:
      return "insert";
    case tm::WordEdit::Kind::kDelete:
      return "delete";
    case tm::WordEdit::Kind::kReplace:
      return "replace";
  }
  return "replace";
}

void WriteJsonl(const std::string& query, const tm::FuzzyMatch& m, std::string* out) {
  *out += "{\"score\":" + FormatNumber(m.score) + ",\"source\":";
  AppendJsonString(m.source, out);
  *out += ",\"target\":";
  AppendJsonString(m.target, out);
  *out += ",\"tu\":" + std::to_string(m.tu) + ",\"document\":";
  AppendJsonString(m.document, out);
  *out += ",\"src_lang\":";
  AppendJsonString(m.src_lang, out);
  *out += ",\"tgt_lang\":";
  AppendJsonString(m.tgt_lang, out);
  *out += ",\"tu_score\":" + FormatNumber(m.tu_score) + ",\"mode\":\"" +
          (m.comparable ? "comparable" : "parallel") + "\",\"query\":";
  AppendJsonString(query, out);
  *out += ",\"word_score\":" + FormatNumber(m.word_score) +
          ",\"reversed\":" + (m.reversed ? "true" : "false") + ",\"differences\":[";
  for (size_t i = 0; i < m.differences.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(m.differences[i], out);
  }
  *out += "]";
  if (!m.adapted_target.empty()) {
    *out += ",\"adapted_target\":";
    AppendJsonString(m.adapted_target, out);
    *out += ",\"adaptations\":[";
    for (size_t i = 0; i < m.adaptations.size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(m.adaptations[i], out);
    }
    *out += "]";
  }
  *out += ",\"edits\":[";
  for (size_t i = 0; i < m.edits.size(); ++i) {
    const auto& e = m.edits[i];
    if (i > 0) out->push_back(',');
    *out += "{\"op\":\"" + std::string(EditName(e.kind)) + "\"";
    if (e.kind != tm::WordEdit::Kind::kInsert) {
      *out += ",\"query\":";
      AppendJsonString(e.query_word, out);
    }
    if (e.kind != tm::WordEdit::Kind::kDelete) {
      *out += ",\"tm\":";
      AppendJsonString(e.candidate_word, out);
    }
    out->push_back('}');
  }
  *out += "]}\n";
}

void WriteText(const tm::FuzzyMatch& m, std::string* out) {
  *out +=
      FormatNumber(m.score) + "%  TU " + std::to_string(m.tu) + "  (" + TerminalText(m.document) +
      ", alignment score " + FormatNumber(m.tu_score) +
      (m.reversed ? "; the TM's " + m.tgt_lang + " → " + m.src_lang + " unit, read the other way"
                  : "") +
      (m.comparable ? "; COMPARABLE pair: it reports the same fact, it is not a translation" : "") +
      ")\n";
  *out += "  " + m.src_lang + ": " + TerminalText(m.source) + "\n";
  *out += "  " + m.tgt_lang + ": " + TerminalText(m.target) + "\n";
  std::string differs;
  for (const std::string& d : m.differences) differs += (differs.empty() ? "" : ", ") + d;
  // Numbers are named above; the other word edits follow.
  std::vector<tm::WordEdit> words;
  for (const tm::WordEdit& e : m.edits) {
    const bool number =
        std::any_of(m.differences.begin(), m.differences.end(), [&e](const std::string& d) {
          return e.kind == tm::WordEdit::Kind::kReplace &&
                 d == "number " + e.query_word + " → " + e.candidate_word;
        });
    if (!number) words.push_back(e);
  }
  if (!words.empty()) differs += (differs.empty() ? "" : ", ") + tm::DescribeEdits(words);
  if (!differs.empty()) *out += "  differs: " + differs + "\n";
  if (!m.adapted_target.empty()) {
    std::string applied;
    for (const std::string& a : m.adaptations) applied += (applied.empty() ? "" : ", ") + a;
    *out += "  adapted " + m.tgt_lang + ": " + TerminalText(m.adapted_target) + "  [ADAPTED " +
            applied + ": check it]\n";
  }
}

}  // namespace

std::string LookupHelp() {
  std::ostringstream s;
  s << "Usage: ancre lookup \"SENTENCE\" [options]     (or - : one sentence per line on stdin)\n\n"
       "Finds the translation memory's fuzzy matches for a sentence, best first, as CAT\n"
       "tools show them: match = 100 × (1 − character edits / characters of the longer\n"
       "text), an inline tag (<b>) counting as one character; 100% only for identical text,\n"
       "tags included. Candidates are found by their words (case, accents and punctuation\n"
       "aside). Each match says what differs: case, accents, punctuation, spacing, tags,\n"
       "numbers (number 31 → 30: yours → the TM's) and words. Where the TU's anchors pair\n"
       "a number or date on both sides, the translation adapted to yours is shown, marked\n"
       "ADAPTED. With --from, TUs whose target is in that language are matched too, read\n"
       "the other way (an en→fr lookup in a fr→en TM). A unit aligned from comparable\n"
       "articles is no translation: it is marked COMPARABLE; --mode parallel leaves such\n"
       "units out.\n\n"
    << LookupOptions()
    << "\nJSONL fields: score, source, target, tu, document, src_lang, tgt_lang, tu_score\n"
       "(alignment confidence), mode (parallel: a translation; comparable: a pair that\n"
       "reports the same fact, not a translation), query, word_score, reversed (read from the TU's "
       "target),\n"
       "differences, adapted_target and adaptations (when adapted), edits ([{op:\n"
       "insert|delete|replace, query, tm}]).\n\n"
       "Examples:\n"
       "  ancre lookup --db out/ancre.sqlite \"Rétablies en 1998, les relations diplomatiques "
       "entre le "
       "Cambodge et la Corée du Sud ont été élevées au rang de partenariat stratégique.\"\n"
       "    (on the TM scripts/demo.sh builds: 93.71 %, differs: number 1998 → 1997 ...)\n"
       "  ancre lookup --db tm.sqlite --threshold 85 --format jsonl - < sentences.fr.txt\n";
  return s.str();
}

int RunLookup(const std::vector<std::string>& args) {
  po::options_description visible = LookupOptions();
  po::options_description all;
  all.add(visible).add_options()("query", po::value<std::string>(), "sentence");
  po::positional_options_description positional;
  positional.add("query", 1);
  po::variables_map vm;
  ParseArgs("lookup", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << LookupHelp();
    return 0;
  }
  if (!vm.count("query")) {
    throw UsageError("lookup: missing the sentence to look up; see 'ancre lookup --help'");
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "jsonl") {
    throw UsageError("lookup: --format must be text or jsonl");
  }
  tm::LookupOptions options;
  options.threshold = RangeOption("lookup", vm, "threshold", 0, 100);
  options.max = vm["max"].as<size_t>();
  options.src_lang = vm["from"].as<std::string>();
  options.tgt_lang = vm["to"].as<std::string>();
  std::tie(options.mode, options.origin) = ModeAndOriginFromArgs("lookup", vm);

  std::vector<std::string> queries;
  const std::string query = vm["query"].as<std::string>();
  if (query == "-") {
    std::string input = text::ReadFileBytes("-");
    RequireUtf8(input, "stdin");
    for (const auto& l : text::SplitLines(input)) {
      queries.push_back(input.substr(l.begin, l.end - l.begin));
    }
  } else {
    RequireUtf8(query, "lookup");
    queries.push_back(query);
  }
  tm::TranslationMemory store = OpenStoreForSearch(vm);
  std::string out;
  for (const std::string& q : queries) {
    auto matches = store.Lookup(q, options);
    if (format == "jsonl") {
      for (const auto& m : matches) WriteJsonl(q, m, &out);
    } else {
      if (queries.size() > 1) out += "== " + q + "\n";
      if (matches.empty()) {
        out += "no match at " + FormatNumber(options.threshold) + "% or more\n";
      }
      for (const auto& m : matches) WriteText(m, &out);
      if (queries.size() > 1) out += "\n";
    }
    std::cout << out;
    out.clear();
  }
  std::cout.flush();
  if (!std::cout) throw IoError("stdout: write failed");
  return 0;
}

}  // namespace ancre::cli
