// ancre anchors: the dates, numbers, entities and acronyms of each segment,
// with the language-independent keys the aligner compares.
#include <iostream>
#include <sstream>

#include "src/cli/options.h"
#include "src/cli/segment_options.h"
#include "src/core/anchor.h"
#include "src/core/error.h"
#include "src/core/json.h"
#include "src/core/reporter.h"
#include "src/pipeline/pipeline.h"
#include "src/text/anchors.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::cli {
namespace {

po::options_description AnchorsOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("format,f", po::value<std::string>()->default_value("text"),
       "text: one line per anchor; jsonl: one JSON object per segment")  //
      ("date", po::value<std::string>(),
       "the document's date, YYYY-MM-DD, for dates written without a year (default: the "
       "first full date near the top, e.g. a byline)")  //
      ("date-order", po::value<std::string>(),
       "dmy or mdy: how to read numeric dates like 10/11/2025 (default: the locale's)")  //
      ("output,o", po::value<std::string>()->default_value("-"), "write here instead of stdout");
  o.add(SegmentationOptions());
  return o;
}

}  // namespace

std::string AnchorsHelp() {
  std::ostringstream s;
  s << "Usage: ancre anchors FILE|- --lang LANG [options]\n\n"
       "Lists what each segment mentions that another language can recognize: dates,\n"
       "numbers, percentages, money, named entities (person, place, organization,\n"
       "nationality) and acronyms, each with a language-independent key: \"27 octobre\"\n"
       "and \"October 27\" share --10-27, \"Corée du Sud\" and \"South Korea\" share KR.\n"
       "Segments are those of `ancre segment` with the same options.\n\n"
    << AnchorsOptions()
    << "\nJSONL: {\"index\":i,\"anchors\":[{\"kind\":\"date\",\"subtype\":\"day\",\"text\":\"27 "
       "octobre\",\n"
       "\"start\":B,\"end\":E,\"key\":\"2025-10-27\",\"weight\":1}, ...]} where start/end are "
       "byte\n"
       "offsets into FILE as given. Kinds: date, number, percent, money, entity, acronym.\n"
       "A dated day, month or range is followed in JSONL by its year-less copy on the\n"
       "same span (subtype yearless-day, yearless-month-year or yearless-range, key\n"
       "--MM-DD or --MM, lower weight), so that a side written without the year meets it.\n"
       "Text: segment index, kind/subtype, key, weight and the text, tab-separated;\n"
       "each mention once (no year-less copies).\n\n"
       "Examples:\n"
       "  ancre anchors samples/cambodia-korea-scams.fr.txt --lang fr\n"
       "  ancre anchors article.en.txt --lang en --format jsonl --date 2025-10-28\n";
  return s.str();
}

int RunAnchors(const std::vector<std::string>& args) {
  po::variables_map vm;
  if (!ParseCommandLine("anchors", args, AnchorsOptions(), {"input"}, AnchorsHelp, &vm)) return 0;
  if (!vm.count("input")) {
    throw UsageError("anchors: missing FILE (use - for stdin); see 'ancre anchors --help'");
  }
  std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "jsonl") {
    throw UsageError("anchors: --format must be text or jsonl");
  }
  text::SegmenterOptions seg_options = SegmenterOptionsFrom(vm);
  text::AnchorOptions anchor_options;
  anchor_options.language = seg_options.language;
  if (vm.count("date")) anchor_options.document_date = vm["date"].as<std::string>();
  if (vm.count("date-order")) anchor_options.date_order = vm["date-order"].as<std::string>();
  text::InputOptions input_options = InputOptionsFrom(vm);

  text::AnchorExtractor extractor(anchor_options);
  text::Segmenter segmenter(seg_options);
  std::string path = vm["input"].as<std::string>();
  CountingReporter reporter;
  pipeline::RequireDocumentFile(path);
  text::InputText input = text::ReadInput(path, input_options, &reporter);
  Document doc = segmenter.Segment(input);
  DocumentAnchors anchors = extractor.Extract(input, doc);

  Output out(vm["output"].as<std::string>());
  std::ostream& os = out.stream();
  std::string line;
  for (size_t i = 0; i < doc.segments.size(); ++i) {
    const size_t index = doc.segments[i].number;
    if (format == "jsonl") {
      line = "{\"index\":" + std::to_string(index) + ",\"anchors\":[";
      for (size_t k = 0; k < anchors[i].size(); ++k) {
        const Anchor& a = anchors[i][k];
        if (k > 0) line.push_back(',');
        line += "{\"kind\":";
        AppendJsonString(AnchorKindName(a.kind), &line);
        if (!a.subtype.empty()) {
          line += ",\"subtype\":";
          AppendJsonString(a.subtype, &line);
        }
        line += ",\"text\":";
        AppendJsonString(a.text, &line);
        line += ",\"start\":" + std::to_string(a.span.begin) +
                ",\"end\":" + std::to_string(a.span.end) + ",\"key\":";
        AppendJsonString(a.key, &line);
        std::ostringstream weight;
        weight << a.weight;
        line += ",\"weight\":" + weight.str() + "}";
      }
      line += "]}\n";
    } else {
      line.clear();
      for (const Anchor& a : anchors[i]) {
        if (text::IsYearlessCopy(a)) continue;  // the same mention as the dated anchor before it
        std::ostringstream row;
        row << index << '\t' << AnchorKindName(a.kind) << (a.subtype.empty() ? "" : "/")
            << a.subtype << '\t' << a.key << '\t' << a.weight << '\t' << a.text << '\n';
        line += row.str();
      }
    }
    os.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
  out.Commit();
  if (reporter.count() > 0) {
    std::cerr << "ancre: warning: " << path << ": " << reporter.count()
              << " invalid UTF-8 sequence(s) replaced with U+FFFD\n";
  }
  return 0;
}

}  // namespace ancre::cli
