#include "src/cli/report_view.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "src/align/candidates.h"
#include "src/align/features.h"
#include "src/align/scorer.h"
#include "src/core/error.h"
#include "src/core/version.h"
#include "src/report/html.h"
#include "src/report/terminal.h"

namespace ancre::cli {
namespace {

report::Side MakeSide(const Document& doc, const DocumentAnchors& anchors,
                      const text::InputText& input) {
  report::Side side;
  side.language = doc.language;
  side.name = std::filesystem::path(input.name()).filename().string();
  if (side.name.empty()) side.name = input.name();
  side.sentences.reserve(doc.segments.size());
  const std::string& utf8 = input.utf8();
  for (size_t p = 0; p < doc.segments.size(); ++p) {
    const Segment& seg = doc.segments[p];
    const size_t begin = Utf8Offset(input, seg.span.begin);
    const size_t end = std::max(begin, Utf8Offset(input, seg.span.end));
    report::Sentence s;
    s.index = seg.index;
    s.text = utf8.substr(begin, end - begin);
    if (p < anchors.size()) {
      for (const Anchor& a : anchors[p]) {
        const size_t ab = Utf8Offset(input, a.span.begin);
        const size_t ae = Utf8Offset(input, a.span.end);
        if (ab < begin || ae > end || ab >= ae) continue;  // not inside its segment
        s.anchors.push_back({ab - begin, ae - begin, a.kind, a.key});
      }
    }
    side.sentences.push_back(std::move(s));
  }
  return side;
}

// The best few targets of each source sentence under the similarity model,
// for the matrix: where the aligner had alternatives.
std::vector<report::CandidatePair> Candidates(const pipeline::AlignedPair& pair, int threads) {
  std::vector<std::string> src_texts, tgt_texts;
  for (const Segment& s : pair.src.segments) src_texts.push_back(s.text);
  for (const Segment& s : pair.tgt.segments) tgt_texts.push_back(s.text);
  align::FeatureOptions so{.language = pair.src.language, .side = align::Side::kSource};
  align::FeatureOptions to{.language = pair.tgt.language, .side = align::Side::kTarget};
  align::SideFeatures sf = align::BuildSideFeatures(src_texts, pair.src_anchors, so);
  align::SideFeatures tf = align::BuildSideFeatures(tgt_texts, pair.tgt_anchors, to);
  align::Scorer scorer(sf, tf, align::LengthModel{0.87, 6.8});
  std::vector<report::CandidatePair> out;
  for (const align::Candidate& c : align::FindCandidates(scorer, 3, 200, threads)) {
    if (c.sim < 0.1) continue;
    out.push_back({pair.src.segments[c.src].index, pair.tgt.segments[c.tgt].index, c.sim});
  }
  return out;
}

std::string_view ModeName(AlignMode mode) {
  switch (mode) {
    case AlignMode::kParallel:
      return "parallel";
    case AlignMode::kComparable:
      return "comparable";
    case AlignMode::kAuto:
      return "auto";
  }
  return "auto";
}

}  // namespace

size_t Utf8Offset(const text::InputText& input, size_t offset) {
  const std::string& utf8 = input.utf8();
  // ToInputOffset is non-decreasing in its argument: binary search for the
  // first position that maps at or past `offset`, then on to a character start.
  size_t lo = 0, hi = utf8.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (input.ToInputOffset(mid) < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  while (lo < utf8.size() && (static_cast<unsigned char>(utf8[lo]) & 0xC0) == 0x80) ++lo;
  return lo;
}

report::AlignmentView MakeAlignmentView(const pipeline::AlignedPair& pair,
                                        const text::InputText& src, const text::InputText& tgt,
                                        bool with_candidates) {
  report::AlignmentView view;
  view.src = MakeSide(pair.src, pair.src_anchors, src);
  view.tgt = MakeSide(pair.tgt, pair.tgt_anchors, tgt);
  view.mode = ModeName(pair.alignment.mode);
  view.beads = pair.alignment.beads;
  if (with_candidates) view.candidates = Candidates(pair, 2);
  return view;
}

po::options_description ReportDisplayOptions() {
  po::options_description o("Display");
  o.add_options()  //
      ("color", po::value<std::string>()->default_value("auto"),
       "text format: ANSI styles for anchors and bands: auto (when stdout is a terminal and "
       "NO_COLOR is not set), always, never")  //
      ("width", po::value<int>(),
       "text format: columns to fit (default: $COLUMNS, else the terminal's width, else 100)");
  return o;
}

bool UseColor(const po::variables_map& vm, bool to_stdout) {
  std::string mode = vm.count("color") ? vm["color"].as<std::string>() : "auto";
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError("--color must be auto, always or never, not '" + mode + "'");
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  return to_stdout && IsTerminal(STDOUT_FILENO);
}

size_t TerminalWidth(const po::variables_map& vm) {
  if (vm.count("width")) {
    int w = vm["width"].as<int>();
    if (w < static_cast<int>(report::kMinTextWidth)) {
      throw UsageError("--width must be at least " + std::to_string(report::kMinTextWidth));
    }
    return static_cast<size_t>(w);
  }
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    size_t w = 0;
    std::string_view s(columns);
    auto r = std::from_chars(s.data(), s.data() + s.size(), w);
    if (r.ec == std::errc() && r.ptr == s.data() + s.size() && w > 0) {
      return std::max(w, report::kMinTextWidth);
    }
  }
  struct winsize ws {};
  if (IsTerminal(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return std::max<size_t>(ws.ws_col, report::kMinTextWidth);
  }
  return 100;
}

void WriteReport(const std::string& format, const report::AlignmentView& view,
                 const po::variables_map& vm, bool to_stdout, std::ostream& os) {
  if (format == "html") {
    report::WriteHtml(view, {.generator = std::string("ancre ") + kVersion}, os);
  } else if (format == "text") {
    report::WriteText(view, {.width = TerminalWidth(vm), .color = UseColor(vm, to_stdout)}, os);
  } else {
    throw UsageError("report format must be html or text, not '" + format + "'");
  }
}

}  // namespace ancre::cli
