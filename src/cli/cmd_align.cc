// ancre align: align the sentences of two documents and print the beads.
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <unordered_map>

#include "src/align/pipeline.h"
#include "src/cli/options.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/text/input.h"
#include "src/text/normalize.h"

namespace ancre::cli {
namespace {

po::options_description AlignOptionsDescription() {
  po::options_description o("Options");
  o.add_options()                                                                             //
      ("help,h", "show this help")                                                            //
      ("src-lang", po::value<std::string>()->required(), "language of SRC (fr, en, de ...)")  //
      ("tgt-lang", po::value<std::string>()->required(), "language of TGT")                   //
      ("mode", po::value<std::string>()->default_value("auto"),
       "parallel: translations, in order; comparable: articles on the same topic, any order; "
       "auto: decide from the data (the choice is printed on stderr)")                       //
      ("presegmented", "every non-empty line is one segment (index = 0-based line number)")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: side by side for a terminal; tsv: src_text, tgt_text, score; jsonl: one bead per "
       "line with indices, score, type, shared anchors and texts")  //
      ("min-score", po::value<double>()->default_value(0.0),
       "leave pairs scoring below this unaligned (scores are calibrated: among pairs >= 0.9, "
       "95% or more are right)")                                                             //
      ("date", po::value<std::string>(), "YYYY-MM-DD publication date, for relative dates")  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding of both files (auto, utf-8, utf-16, windows-1252 ...)")  //
      ("dictionary", po::value<std::string>()->default_value("/usr/share/dictd"),
       "folder of the FreeDict dictionaries (freedict-fra-eng.*); 'none' to align without")  //
      ("threads", po::value<int>()->default_value(2),
       "worker threads (the result does not depend on it)")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  return o;
}

AlignMode ParseMode(const std::string& s) {
  if (s == "auto") return AlignMode::kAuto;
  if (s == "parallel") return AlignMode::kParallel;
  if (s == "comparable") return AlignMode::kComparable;
  throw UsageError("align: --mode must be auto, parallel or comparable, not '" + s + "'");
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

void AppendIndices(const std::vector<size_t>& v, std::string* out) {
  out->push_back('[');
  for (size_t k = 0; k < v.size(); ++k) {
    if (k > 0) out->push_back(',');
    *out += std::to_string(v[k]);
  }
  out->push_back(']');
}

std::string JsonlLine(const Bead& b, const std::string& src_text, const std::string& tgt_text) {
  std::string line = "{\"src\":";
  AppendIndices(b.src, &line);
  line += ",\"tgt\":";
  AppendIndices(b.tgt, &line);
  line += ",\"score\":" + FormatScore(b.score) + ",\"type\":\"" + b.type() + "\",\"anchors\":[";
  for (size_t k = 0; k < b.anchors.size(); ++k) {
    const SharedAnchor& a = b.anchors[k];
    if (k > 0) line.push_back(',');
    line += "{\"kind\":";
    AppendJsonString(AnchorKindName(a.kind), &line);
    line += ",\"key\":";
    AppendJsonString(a.key, &line);
    line += ",\"src\":";
    AppendJsonString(a.src_text, &line);
    line += ",\"tgt\":";
    AppendJsonString(a.tgt_text, &line);
    line.push_back('}');
  }
  line += "],\"src_text\":";
  AppendJsonString(src_text, &line);
  line += ",\"tgt_text\":";
  AppendJsonString(tgt_text, &line);
  line += "}\n";
  return line;
}

std::string TsvField(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

// Wraps text into lines of at most `width` code points (breaking at spaces).
std::vector<std::string> Wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::string line;
  size_t line_cps = 0;
  std::istringstream words(text);
  std::string w;
  while (words >> w) {
    size_t cps = 0;
    for (char c : w) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (line_cps > 0 && line_cps + 1 + cps > width) {
      lines.push_back(line);
      line.clear();
      line_cps = 0;
    }
    if (line_cps > 0) {
      line.push_back(' ');
      ++line_cps;
    }
    line += w;
    line_cps += cps;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

std::string Pad(const std::string& s, size_t width) {
  size_t cps = 0;
  for (char c : s) cps += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return cps >= width ? s : s + std::string(width - cps, ' ');
}

std::string TextBlock(const Bead& b, const std::string& src_text, const std::string& tgt_text) {
  constexpr size_t kColumn = 52;
  std::string head =
      b.type() + "  " + (b.src.empty() || b.tgt.empty() ? "  -  " : FormatScore(b.score));
  std::vector<std::string> left = Wrap(src_text, kColumn);
  std::vector<std::string> right = Wrap(tgt_text, kColumn);
  std::string out;
  size_t rows = std::max(left.size(), right.size());
  for (size_t r = 0; r < rows; ++r) {
    out += Pad(r == 0 ? head : "", 11);
    out += Pad(r < left.size() ? left[r] : "", kColumn);
    out += " | ";
    out += r < right.size() ? right[r] : "";
    out.push_back('\n');
  }
  if (!b.anchors.empty()) {
    std::string ev = "           anchors:";
    for (const SharedAnchor& a : b.anchors) {
      ev += " " + std::string(AnchorKindName(a.kind)) + " " + a.src_text + " = " + a.tgt_text + ";";
    }
    out += ev + "\n";
  }
  out.push_back('\n');
  return out;
}

}  // namespace

std::string AlignHelp() {
  std::ostringstream s;
  s << "Usage: ancre align SRC TGT --src-lang LANG --tgt-lang LANG [options]\n\n"
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
       "      --format jsonl -o beads.jsonl\n";
  return s.str();
}

int RunAlign(const std::vector<std::string>& args) {
  po::options_description visible = AlignOptionsDescription();
  po::options_description all;
  all.add(visible).add_options()("src", po::value<std::string>(), "source file")(
      "tgt", po::value<std::string>(), "target file");
  po::positional_options_description positional;
  positional.add("src", 1).add("tgt", 1);
  po::variables_map vm;
  ParseArgs("align", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << AlignHelp();
    return 0;
  }
  if (!vm.count("src") || !vm.count("tgt")) {
    throw UsageError("align: expected two files, SRC and TGT; see 'ancre align --help'");
  }
  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "tsv" && format != "jsonl") {
    throw UsageError("align: --format must be text, tsv or jsonl");
  }
  align::PairOptions options;
  options.src_language = vm["src-lang"].as<std::string>();
  options.tgt_language = vm["tgt-lang"].as<std::string>();
  options.presegmented = vm.count("presegmented") > 0;
  options.align.mode = ParseMode(vm["mode"].as<std::string>());
  options.align.min_score = vm["min-score"].as<double>();
  options.align.threads = std::max(1, vm["threads"].as<int>());
  if (vm.count("date")) options.document_date = vm["date"].as<std::string>();
  std::string dict = vm["dictionary"].as<std::string>();
  options.dictionary_dir = dict == "none" ? "" : dict;

  text::InputOptions input_options;
  input_options.encoding = vm["encoding"].as<std::string>();
  text::InputText src = text::ReadInput(vm["src"].as<std::string>(), input_options);
  text::InputText tgt = text::ReadInput(vm["tgt"].as<std::string>(), input_options);
  align::AlignedPair pair = align::AlignDocuments(src, tgt, options);
  if (options.align.mode == AlignMode::kAuto)
    std::cerr << "ancre: " << pair.decision.reason << "\n";
  if (!options.dictionary_dir.empty() && pair.lexicon_pairs == 0) {
    std::cerr << "ancre: warning: no FreeDict dictionary for " << options.src_language << "-"
              << options.tgt_language << " in " << options.dictionary_dir
              << "; aligning without a lexicon\n";
  }

  std::unordered_map<size_t, const Segment*> src_by_index, tgt_by_index;
  for (const Segment& s : pair.src.segments) src_by_index[s.index] = &s;
  for (const Segment& s : pair.tgt.segments) tgt_by_index[s.index] = &s;
  Output out(vm["output"].as<std::string>());
  std::ostream& os = out.stream();
  for (const Bead& b : pair.alignment.beads) {
    std::string src_text = JoinTexts(b.src, src_by_index);
    std::string tgt_text = JoinTexts(b.tgt, tgt_by_index);
    if (format == "jsonl") {
      os << JsonlLine(b, src_text, tgt_text);
    } else if (format == "tsv") {
      if (b.src.empty() || b.tgt.empty()) continue;
      os << TsvField(src_text) << '\t' << TsvField(tgt_text) << '\t' << FormatScore(b.score)
         << '\n';
    } else {
      os << TextBlock(b, src_text, tgt_text);
    }
  }
  out.Commit();
  return 0;
}

}  // namespace ancre::cli
