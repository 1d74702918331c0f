#include "src/report/html_charts.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>
#include <unordered_map>

namespace ancre::report {

void AppendCoord(double v, std::string* out) {
  std::array<char, 32> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 1);
  std::string_view s(buf.data(), static_cast<size_t>(r.ptr - buf.data()));
  if (s.ends_with(".0")) s.remove_suffix(2);
  out->append(s);
}

// Histogram of pair scores in ten bins, as an SVG bar chart.
void AppendHistogram(const AlignmentView& view, const Layout& layout, std::string* out) {
  std::array<size_t, 10> bins{};
  for (const Row& r : layout.rows) {
    if (!r.pair) continue;
    double s = std::clamp(view.beads[static_cast<size_t>(r.bead)].score, 0.0, 1.0);
    bins[std::min<size_t>(9, static_cast<size_t>(s * 10))]++;
  }
  size_t top = std::max<size_t>(1, *std::max_element(bins.begin(), bins.end()));
  std::string label = "Score histogram of the pairs:";
  for (size_t i = 0; i < 10; ++i) {
    label += " " + std::to_string(static_cast<double>(i) / 10).substr(0, 3) + "\u2013" +
             std::to_string(static_cast<double>(i + 1) / 10).substr(0, 3) + ": " +
             std::to_string(bins[i]) + ";";
  }
  out->append(
      "<figure><svg class=\"hist\" width=\"260\" height=\"120\" viewBox=\"0 0 260 120\" "
      "role=\"img\" aria-label=\"");
  AppendHtmlEscaped(label, out);
  out->append("\">");
  for (size_t i = 0; i < 10; ++i) {
    double h = 80.0 * static_cast<double>(bins[i]) / static_cast<double>(top);
    // A bin takes the band of its lower edge: the thresholds are tenths but
    // parallel's 0.05, whose bin [0, 0.1) is mostly correct pairs.
    Band band = BandOf(static_cast<double>(i) / 10, view.mode);
    std::string x = std::to_string(10 + i * 24);
    out->append("<rect class=\"b-");
    out->append(BandName(band));
    out->append("\" fill=\"currentColor\" x=\"" + x + "\" y=\"");
    AppendCoord(96 - h, out);
    out->append("\" width=\"20\" height=\"");
    AppendCoord(h, out);
    out->append("\"/>");
    if (bins[i] > 0) {
      out->append("<text x=\"" + std::to_string(20 + i * 24) + "\" y=\"");
      AppendCoord(92 - h, out);
      out->append("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#424a53\">" +
                  std::to_string(bins[i]) + "</text>");
    }
  }
  out->append(
      "<line x1=\"8\" y1=\"96.5\" x2=\"252\" y2=\"96.5\" stroke=\"#8c959f\"/>"
      "<text x=\"10\" y=\"110\" font-size=\"10\" fill=\"#57606a\">0</text>"
      "<text x=\"130\" y=\"110\" font-size=\"10\" text-anchor=\"middle\" "
      "fill=\"#57606a\">0.5</text>"
      "<text x=\"250\" y=\"110\" font-size=\"10\" text-anchor=\"end\" fill=\"#57606a\">1</text>"
      "</svg><figcaption>Pairs by score (bars coloured by band).</figcaption></figure>");
}

// The score matrix: source sentences down, target sentences across; chosen
// beads as coloured dots (a bead over several sentences as a short stroke),
// other candidate pairs in grey, the diagonal a translation would follow dashed.
void AppendMatrix(const AlignmentView& view, const Layout& layout, const HtmlOptions& options,
                  std::string* out) {
  const size_t ns = std::max<size_t>(1, view.src.sentences.size());
  const size_t nt = std::max<size_t>(1, view.tgt.sentences.size());
  const double w = static_cast<double>(options.matrix_width);
  const double h = std::clamp(w * static_cast<double>(ns) / static_cast<double>(nt), 160.0, 640.0);
  std::unordered_map<size_t, size_t> src_pos, tgt_pos;
  for (size_t p = 0; p < view.src.sentences.size(); ++p) src_pos[view.src.sentences[p].index] = p;
  for (size_t p = 0; p < view.tgt.sentences.size(); ++p) tgt_pos[view.tgt.sentences[p].index] = p;

  out->append("<figure><div class=\"matrix-box\"><svg class=\"matrix\" width=\"");
  AppendCoord(w, out);
  out->append("\" height=\"");
  AppendCoord(h, out);
  out->append("\" viewBox=\"0 0 " + std::to_string(nt) + " " + std::to_string(ns) +
              "\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"Score matrix: " +
              std::to_string(layout.pairs) +
              " pairs; click a dot to go to its pair\"><title>Score matrix</title>");
  out->append(
      "<line x1=\"0\" y1=\"0\" x2=\"" + std::to_string(nt) + "\" y2=\"" + std::to_string(ns) +
      "\" stroke=\"#afb8c1\" stroke-dasharray=\"4 4\" vector-effect=\"non-scaling-stroke\"/>");
  // Candidates, light to dark by score.
  std::array<std::string, 3> cand;
  for (const CandidatePair& c : view.candidates) {
    auto s = src_pos.find(c.src);
    auto t = tgt_pos.find(c.tgt);
    if (s == src_pos.end() || t == tgt_pos.end()) continue;
    size_t bucket = c.score >= 0.6 ? 2 : c.score >= 0.3 ? 1 : 0;
    std::string& d = cand[bucket];
    d.push_back('M');
    AppendCoord(static_cast<double>(t->second) + 0.5, &d);
    d.push_back(' ');
    AppendCoord(static_cast<double>(s->second) + 0.5, &d);
    d.append("h0");
  }
  constexpr std::array<std::string_view, 3> kCandColour = {"#c4ccd4", "#8c959f", "#57606a"};
  for (size_t i = 0; i < 3; ++i) {
    if (cand[i].empty()) continue;
    out->append("<path d=\"" + cand[i] + "\" stroke=\"");
    out->append(kCandColour[i]);
    out->append(
        "\" stroke-width=\"4\" stroke-linecap=\"round\" fill=\"none\" "
        "vector-effect=\"non-scaling-stroke\"/>");
  }
  // Chosen beads, one path per band.
  std::array<std::string, 3> beads;
  for (const Row& r : layout.rows) {
    if (!r.pair) continue;
    std::string& d = beads[static_cast<size_t>(
        BandOf(view.beads[static_cast<size_t>(r.bead)].score, view.mode))];
    d.push_back('M');
    AppendCoord(static_cast<double>(r.tgt.front()) + 0.5, &d);
    d.push_back(' ');
    AppendCoord(static_cast<double>(r.src.front()) + 0.5, &d);
    d.push_back('L');
    AppendCoord(static_cast<double>(r.tgt.back()) + 0.5, &d);
    d.push_back(' ');
    AppendCoord(static_cast<double>(r.src.back()) + 0.5, &d);
  }
  for (Band band : {Band::kLow, Band::kMedium, Band::kHigh}) {
    const std::string& d = beads[static_cast<size_t>(band)];
    if (d.empty()) continue;
    out->append("<path class=\"b-");
    out->append(BandName(band));
    out->append("\" d=\"" + d +
                "\" stroke=\"currentColor\" stroke-width=\"6\" stroke-linecap=\"round\" "
                "fill=\"none\" vector-effect=\"non-scaling-stroke\"/>");
  }
  out->append("</svg><span class=\"ax x\">");
  AppendHtmlEscaped(view.tgt.language, out);
  out->append(" sentences (" + std::to_string(view.tgt.sentences.size()) +
              ") \u2192</span><span class=\"ax y\">\u2190 ");
  AppendHtmlEscaped(view.src.language, out);
  out->append(" sentences (" + std::to_string(view.src.sentences.size()) +
              ")</span></div><figcaption>Score matrix. Dots: chosen pairs by band "
              "(<span class=\"b-high\">high</span>, <span class=\"b-medium\">medium</span>, "
              "<span class=\"b-low\">low</span>)");
  if (!view.candidates.empty()) out->append("; grey: other candidate pairs, darker = closer");
  out->append(
      "; dashed: the diagonal a translation follows. Parallel texts draw a diagonal, "
      "comparable ones scatter.</figcaption></figure>");
}

}  // namespace ancre::report
