// ancre segment: split a text into sentences.
#include <fstream>
#include <iostream>
#include <sstream>

#include "src/cli/options.h"
#include "src/cli/segment_options.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/core/reporter.h"
#include "src/pipeline/pipeline.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::cli {
namespace {

po::options_description SegmentOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: one segment per line; jsonl: one JSON object per segment with byte offsets")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  o.add(SegmentationOptions());
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
  po::variables_map vm;
  if (!ParseCommandLine("segment", args, SegmentOptions(), {"input"}, SegmentHelp, &vm)) return 0;
  if (!vm.count("input")) {
    throw UsageError("segment: missing FILE (use - for stdin); see 'ancre segment --help'");
  }
  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "jsonl") {
    throw UsageError("segment: --format must be text or jsonl");
  }
  text::SegmenterOptions options = SegmenterOptionsFrom(vm);
  text::InputOptions input_options = InputOptionsFrom(vm);

  text::Segmenter segmenter(options);
  std::string path = vm["input"].as<std::string>();
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    pipeline::RequireDocumentFile(path);
    file.open(path, std::ios::binary);
    if (!file) throw IoError(path + ": cannot open; check the path and permissions");
    in = &file;
  }
  // Binary input is refused on its first block and a line at kMaxLineBytes:
  // memory stays bounded on /dev/zero or a file without line breaks.
  text::CheckedInputBuf checked(*in, path == "-" ? "stdin" : path, input_options);
  std::istream checked_in(&checked);
  checked_in.exceptions(std::ios::badbit);  // the buffer's own error, not "read error"
  Output out(vm["output"].as<std::string>());
  std::ostream& os = out.stream();
  CountingReporter reporter;
  std::string line;
  segmenter.SegmentStream(
      checked_in, path == "-" ? "stdin" : path, input_options,
      [&](Segment&& s) {
        line.clear();
        if (format == "text") {
          line = s.text;
        } else {
          line = "{\"index\":" + std::to_string(s.number) +
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
