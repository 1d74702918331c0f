// ancre eval: score predicted beads against a hand alignment.
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "src/align/evaluation.h"
#include "src/cli/options.h"
#include "src/core/error.h"
#include "src/text/input.h"

namespace ancre::cli {
namespace {

po::options_description EvalOptionsDescription() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("gold", po::value<std::string>()->required(),
       "hand alignment, JSONL beads {\"src\":[...],\"tgt\":[...]}")  //
      ("pred", po::value<std::string>()->required(),
       "predicted beads (ancre align --format jsonl)")  //
      ("n-src", po::value<size_t>()->default_value(0),
       "number of source segments (default: largest index seen + 1)")                //
      ("n-tgt", po::value<size_t>()->default_value(0), "number of target segments")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: a table; jsonl: one JSON object");
  return o;
}

std::vector<Bead> ReadBeads(const std::string& path) {
  std::string data = text::ReadFileBytes(path);
  std::vector<Bead> beads;
  size_t line_number = 0;
  for (const text::LineSpan& l : text::SplitLines(data)) {
    ++line_number;
    Bead b;
    if (align::ParseBeadLine(std::string_view(data).substr(l.begin, l.end - l.begin), path,
                             line_number, &b)) {
      beads.push_back(std::move(b));
    }
  }
  return beads;
}

std::string Fixed(double v) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << v;
  return s.str();
}

}  // namespace

std::string EvalHelp() {
  std::ostringstream s;
  s << "Usage: ancre eval --gold GOLD.jsonl --pred PRED.jsonl [options]\n\n"
       "Scores an alignment against a hand alignment (both as JSONL beads):\n"
       "  strict  a predicted bead is right if its source and target sets equal a gold bead's\n"
       "  links   precision/recall of the (i, j) links every bead implies\n"
       "  1-1     only beads with one segment on each side (what a translation memory gets)\n"
       "  null    detection of segments that must stay unaligned (both sides pooled)\n"
       "Beads with an empty side (1-0, 0-1) only count for null.\n\n"
    << EvalOptionsDescription()
    << "\nExample:\n"
       "  ancre align a.fr.txt a.en.txt --src-lang fr --tgt-lang en --format jsonl -o pred.jsonl\n"
       "  ancre eval --gold hand.jsonl --pred pred.jsonl\n";
  return s.str();
}

int RunEval(const std::vector<std::string>& args) {
  po::options_description visible = EvalOptionsDescription();
  po::positional_options_description positional;
  po::variables_map vm;
  ParseArgs("eval", args, visible, positional, &vm);
  if (vm.count("help")) {
    std::cout << EvalHelp();
    return 0;
  }
  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "jsonl")
    throw UsageError("eval: --format must be text or jsonl");
  std::vector<Bead> gold = ReadBeads(vm["gold"].as<std::string>());
  std::vector<Bead> pred = ReadBeads(vm["pred"].as<std::string>());
  align::EvalCounts c =
      align::ScoreAlignment(gold, pred, vm["n-src"].as<size_t>(), vm["n-tgt"].as<size_t>());
  const std::pair<const char*, const align::PrecisionRecall*> rows[] = {
      {"strict", &c.strict}, {"links", &c.links}, {"1-1", &c.one_to_one}, {"null", &c.null}};
  if (format == "jsonl") {
    std::cout << "{";
    bool first = true;
    for (const auto& [name, pr] : rows) {
      if (!first) std::cout << ",";
      first = false;
      std::cout << "\"" << name << "\":{\"P\":" << Fixed(pr->precision())
                << ",\"R\":" << Fixed(pr->recall()) << ",\"F1\":" << Fixed(pr->f1())
                << ",\"tp\":" << pr->tp << ",\"pred\":" << pr->predicted << ",\"gold\":" << pr->gold
                << "}";
    }
    std::cout << ",\"src_in_several_beads\":" << c.src_in_several_beads
              << ",\"tgt_in_several_beads\":" << c.tgt_in_several_beads << "}\n";
  } else {
    std::cout << "metric  P      R      F1     tp     pred   gold\n";
    for (const auto& [name, pr] : rows) {
      char line[128];
      std::snprintf(line, sizeof line, "%-7s %.3f  %.3f  %.3f  %-6zu %-6zu %zu\n", name,
                    pr->precision(), pr->recall(), pr->f1(), pr->tp, pr->predicted, pr->gold);
      std::cout << line;
    }
    if (c.src_in_several_beads + c.tgt_in_several_beads > 0) {
      std::cout << "warning: " << c.src_in_several_beads << " source and " << c.tgt_in_several_beads
                << " target segments are in several predicted beads\n";
    }
  }
  return 0;
}

}  // namespace ancre::cli
