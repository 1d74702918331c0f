#include "src/cli/segment_options.h"

namespace ancre::cli {

void AddSegmentationRuleOptions(po::options_description* o) {
  o->add_options()  //
      ("paragraphs", po::value<std::string>()->default_value("auto"),
       "auto: decide per file; line: every line break ends a paragraph; blank: only blank "
       "lines do (hard-wrapped text)")  //
      ("srx", po::value<std::string>(),
       "segment with LISA SRX 2.0 rules (as OmegaT/Okapi) instead of ICU + ancre's rules")  //
      ("abbreviations", po::value<std::string>(),
       "file with extra abbreviations, one per line (e.g. \"Ste.\"), after which a period does "
       "not end a sentence")  //
      ("lenient", "replace invalid UTF-8 with U+FFFD (and report how many) instead of failing");
}

po::options_description SegmentationOptions() {
  po::options_description o("Reading and segmentation");
  o.add_options()  //
      ("lang,l", po::value<std::string>()->required(),
       "language of the text: any ICU locale (fr, en, de, es, it, pt, en-GB ...)");
  AddSegmentationRuleOptions(&o);
  o.add_options()  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding: auto (BOM, else UTF-8), utf-8, utf-16, utf-16le, utf-16be, "
       "windows-1252, or any ICU converter name")  //
      ("presegmented", "every non-empty line is one segment; its index is the line number");
  return o;
}

void ReadSegmentationRuleOptions(const po::variables_map& vm, text::SegmenterOptions* options) {
  options->paragraphs = text::ParseParagraphMode(vm["paragraphs"].as<std::string>());
  if (vm.count("srx")) {
    options->srx_path = vm["srx"].as<std::string>();
    RequireOptionFile("--srx", options->srx_path);
  }
  if (vm.count("abbreviations")) {
    RequireOptionFile("--abbreviations", vm["abbreviations"].as<std::string>());
    std::string list = text::ReadFileBytes(vm["abbreviations"].as<std::string>());
    for (const auto& l : text::SplitLines(list)) {
      std::string a = list.substr(l.begin, l.end - l.begin);
      while (!a.empty() && (a.back() == ' ' || a.back() == '\t')) a.pop_back();
      if (!a.empty() && a[0] != '#') options->extra_abbreviations.push_back(a);
    }
  }
}

text::SegmenterOptions SegmenterOptionsFrom(const po::variables_map& vm) {
  text::SegmenterOptions options;
  options.language = vm["lang"].as<std::string>();
  options.presegmented = vm.count("presegmented") > 0;
  ReadSegmentationRuleOptions(vm, &options);
  return options;
}

text::InputOptions InputOptionsFrom(const po::variables_map& vm) {
  text::InputOptions options;
  options.encoding = vm["encoding"].as<std::string>();
  options.lenient = vm.count("lenient") > 0;
  return options;
}

}  // namespace ancre::cli
