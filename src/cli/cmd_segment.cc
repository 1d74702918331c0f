// ancre segment: split a text into sentences.
#include <fstream>
#include <iostream>
#include <sstream>

#include "src/cli/options.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/core/reporter.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::cli {
namespace {

po::options_description SegmentOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("lang,l", po::value<std::string>()->required(),
       "language of the text: any ICU locale (fr, en, de, es, it, pt, en-GB ...)")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: one segment per line; jsonl: one JSON object per segment with byte offsets")  //
      ("paragraphs", po::value<std::string>()->default_value("auto"),
       "auto: decide per file; line: every line break ends a paragraph; blank: only blank lines do "
       "(hard-wrapped text)")  //
      ("srx", po::value<std::string>(),
       "segment with LISA SRX 2.0 rules (as OmegaT/Okapi) instead of ICU + ancre's rules")  //
      ("abbreviations", po::value<std::string>(),
       "file with extra abbreviations, one per line (e.g. \"Ste.\"), after which a period does not "
       "end a sentence")  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding: auto (BOM, else UTF-8), utf-8, utf-16, utf-16le, utf-16be, windows-1252, "
       "or any ICU converter name")                                                              //
      ("lenient", "replace invalid UTF-8 with U+FFFD (and report how many) instead of failing")  //
      ("presegmented", "every non-empty line is one segment")                                    //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  return o;
}

}  // namespace

std::string SegmentHelp() {
  std::ostringstream s;
  s << "Usage: ancre segment FILE|- --lang LANG [options]\n\n"
       "Splits a text into sentences: ICU's sentence rules for the language, with\n"
       "abbreviations, quotes (« … »), initials and titles handled; every line that ends\n"
       "without final punctuation (a title, a byline) is a segment of its own.\n\n"
    << SegmentOptions()
    << "\nJSONL fields: index, start, end (byte offsets into FILE as given: FILE[start:end] is\n"
       "the segment's original text), text (NFC, white space collapsed), paragraph.\n\n"
       "Examples:\n"
       "  ancre segment samples/cambodia-korea-scams.fr.txt --lang fr\n"
       "  ancre segment article.en.txt --lang en --format jsonl > article.en.jsonl\n"
       "  ancre segment legacy.txt --lang fr --encoding windows-1252 --paragraphs blank\n";
  return s.str();
}

int RunSegment(const std::vector<std::string>& args) {
  po::options_description visible = SegmentOptions();
  po::options_description all;
  all.add(visible).add_options()("input", po::value<std::string>(), "input file");
  po::positional_options_description positional;
  positional.add("input", 1);
  po::variables_map vm;
  ParseArgs("segment", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << SegmentHelp();
    return 0;
  }
  if (!vm.count("input"))
    throw UsageError("segment: missing FILE (use - for stdin); see 'ancre segment --help'");
  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "jsonl")
    throw UsageError("segment: --format must be text or jsonl");

  text::SegmenterOptions options;
  options.language = vm["lang"].as<std::string>();
  options.paragraphs = text::ParseParagraphMode(vm["paragraphs"].as<std::string>());
  options.presegmented = vm.count("presegmented") > 0;
  if (vm.count("srx")) options.srx_path = vm["srx"].as<std::string>();
  if (vm.count("abbreviations")) {
    std::string list = text::ReadFileBytes(vm["abbreviations"].as<std::string>());
    for (const auto& l : text::SplitLines(list)) {
      std::string a = list.substr(l.begin, l.end - l.begin);
      while (!a.empty() && (a.back() == ' ' || a.back() == '\t')) a.pop_back();
      if (!a.empty() && a[0] != '#') options.extra_abbreviations.push_back(a);
    }
  }
  text::InputOptions input_options;
  input_options.encoding = vm["encoding"].as<std::string>();
  input_options.lenient = vm.count("lenient") > 0;

  text::Segmenter segmenter(options);
  std::string path = vm["input"].as<std::string>();
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) throw IoError(path + ": cannot open; check the path and permissions");
    in = &file;
  }
  Output out(vm["output"].as<std::string>());
  std::ostream& os = out.stream();
  CountingReporter reporter;
  std::string line;
  segmenter.SegmentStream(
      *in, path == "-" ? "stdin" : path, input_options,
      [&](Segment&& s) {
        line.clear();
        if (format == "text") {
          line = s.text;
        } else {
          line = "{\"index\":" + std::to_string(s.index) +
                 ",\"start\":" + std::to_string(s.span.begin) +
                 ",\"end\":" + std::to_string(s.span.end) + ",\"text\":";
          AppendJsonString(s.text, &line);
          line += ",\"paragraph\":" + std::to_string(s.paragraph) + "}";
        }
        line.push_back('\n');
        os.write(line.data(), static_cast<std::streamsize>(line.size()));
      },
      &reporter);
  out.Commit();
  if (reporter.count() > 0) {
    std::cerr << "ancre: warning: " << path << ": " << reporter.count()
              << " invalid UTF-8 sequence(s) replaced with U+FFFD\n";
  }
  return 0;
}

}  // namespace ancre::cli
