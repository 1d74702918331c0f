// ancre analyze: how much of a new document the translation memory already covers.
#include <iostream>
#include <sstream>

#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/core/reporter.h"
#include "src/pipeline/pipeline.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::cli {
namespace {

po::options_description AnalyzeOptions() {
  po::options_description o("Options");
  o.add_options()                                                                        //
      ("help,h", "show this help")                                                       //
      ("lang,l", po::value<std::string>()->required(), "language of FILE (fr, en ...)")  //
      ("to", po::value<std::string>()->default_value(""),
       "count only matches translated into this language")  //
      ("encoding", po::value<std::string>()->default_value("auto"),
       "input encoding (see 'ancre segment --help')")                                            //
      ("lenient", "replace invalid UTF-8 with U+FFFD (and report how many) instead of failing")  //
      ("format,f", po::value<std::string>()->default_value("text"), "text or json");
  AddDbOption(&o);
  return o;
}

}  // namespace

std::string AnalyzeHelp() {
  std::ostringstream s;
  s << "Usage: ancre analyze FILE --lang LANG [options]\n\n"
       "Segments FILE and looks every segment up in the translation memory, then counts\n"
       "segments and words in the usual CAT buckets of the best match: 100%, 95–99%,\n"
       "85–94%, 75–84%, 50–74%, no match.\n\n"
    << AnalyzeOptions()
    << "\nExamples:\n"
       "  ancre analyze new-article.fr.txt --lang fr --db tm.sqlite\n"
       "  ancre analyze new-article.fr.txt --lang fr --to en --db tm.sqlite --format json\n";
  return s.str();
}

int RunAnalyze(const std::vector<std::string>& args) {
  po::options_description visible = AnalyzeOptions();
  po::options_description all;
  all.add(visible).add_options()("input", po::value<std::string>(), "input file");
  po::positional_options_description positional;
  positional.add("input", 1);
  po::variables_map vm;
  ParseArgs("analyze", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << AnalyzeHelp();
    return 0;
  }
  if (!vm.count("input")) throw UsageError("analyze: missing FILE; see 'ancre analyze --help'");
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw UsageError("analyze: --format must be text or json");
  }
  const std::string path = vm["input"].as<std::string>();
  tm::TranslationMemory store = OpenStoreForSearch(vm);

  text::InputOptions input_options;
  input_options.encoding = vm["encoding"].as<std::string>();
  input_options.lenient = vm.count("lenient") > 0;
  pipeline::RequireDocumentFile(path);
  CountingReporter replaced;
  text::InputText input = text::ReadInput(path, input_options, &replaced);
  if (replaced.count() > 0) {
    std::cerr << "ancre: warning: " << path << ": " << replaced.count()
              << " invalid UTF-8 sequence(s) replaced with U+FFFD\n";
  }
  text::SegmenterOptions seg_options;
  seg_options.language = vm["lang"].as<std::string>();
  text::Segmenter segmenter(seg_options);
  Document doc = segmenter.Segment(input);
  std::vector<std::string> segments;
  segments.reserve(doc.segments.size());
  for (auto& s : doc.segments) segments.push_back(std::move(s.text));

  tm::LookupOptions options;
  options.src_lang = seg_options.language;
  options.tgt_lang = vm["to"].as<std::string>();
  tm::Analysis a = store.Analyze(segments, options);
  std::string out;
  auto percent = [&a](int64_t words) {
    return a.words > 0
               ? FormatNumber(100.0 * static_cast<double>(words) / static_cast<double>(a.words))
               : std::string("0");
  };
  if (format == "json") {
    out += "{\"file\":";
    AppendJsonString(path, &out);
    out += ",\"segments\":" + std::to_string(a.segments) + ",\"words\":" + std::to_string(a.words) +
           ",\"buckets\":[";
    for (size_t i = 0; i < a.buckets.size(); ++i) {
      if (i > 0) out.push_back(',');
      out += "{\"name\":";
      AppendJsonString(a.buckets[i].name, &out);
      out += ",\"segments\":" + std::to_string(a.buckets[i].segments) +
             ",\"words\":" + std::to_string(a.buckets[i].words) +
             ",\"words_percent\":" + percent(a.buckets[i].words) + "}";
    }
    out += "]}\n";
  } else {
    out += path + ": " + std::to_string(a.segments) + " segments, " + std::to_string(a.words) +
           " words, against " + store.name() + "\n";
    out += "  match       segments     words   words %\n";
    for (const auto& b : a.buckets) {
      char line[160];
      size_t columns = 0;  // "95–99%": the dash is 3 bytes, one column
      for (char c : b.name) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      std::snprintf(line, sizeof line, "  %-*s %8lld  %8lld  %7s%%\n",
                    static_cast<int>(10 + b.name.size() - columns), b.name.c_str(),
                    static_cast<long long>(b.segments), static_cast<long long>(b.words),
                    percent(b.words).c_str());
      out += line;
    }
  }
  std::cout << out;
  std::cout.flush();
  if (!std::cout) throw IoError("stdout: write failed");
  return 0;
}

}  // namespace ancre::cli
