#include "src/report/html.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <sstream>
#include <string_view>

#include "src/report/html_charts.h"

namespace ancre::report {
namespace {

#include "src/report/html_assets.inc"

void AppendScore(double score, std::string* out) {
  std::array<char, 32> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), score, std::chars_format::fixed, 3);
  out->append(buf.data(), r.ptr);
}

std::string_view KindClass(AnchorKind kind) {
  switch (kind) {
    case AnchorKind::kDate:
      return "k-date";
    case AnchorKind::kNumber:
    case AnchorKind::kPercent:
    case AnchorKind::kMoney:
      return "k-num";
    case AnchorKind::kEntity:
    case AnchorKind::kAcronym:
      return "k-ent";
  }
  return "k-num";
}

std::string_view BandSymbol(Band band) {
  switch (band) {
    case Band::kHigh:
      return "\u25CF\u25CF\u25CF";
    case Band::kMedium:
      return "\u25CF\u25CF\u25CB";
    case Band::kLow:
      return "\u25CF\u25CB\u25CB";
  }
  return "";
}

bool IsBoundary(std::string_view text, size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

struct Span2 {
  size_t begin, end, anchor;
};

// A sentence's text with its anchors as (nested) elements: shared anchors as
// <mark>, the others as a discreet <span class="a">. Crossing spans are dropped.
void AppendSentenceText(const Sentence& s, const std::vector<bool>& shared, std::string* out) {
  std::vector<Span2> spans;
  for (size_t k = 0; k < s.anchors.size(); ++k) {
    const AnchorMark& m = s.anchors[k];
    if (m.begin >= m.end || m.end > s.text.size() || !IsBoundary(s.text, m.begin) ||
        !IsBoundary(s.text, m.end)) {
      continue;
    }
    spans.push_back({m.begin, m.end, k});
  }
  // Outer spans first; at equal extent, shared before not shared.
  std::sort(spans.begin(), spans.end(), [&](const Span2& a, const Span2& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return shared[a.anchor] > shared[b.anchor];
  });
  std::vector<const Span2*> open;
  size_t at = 0;
  auto close_until = [&](size_t pos) {
    while (!open.empty() && open.back()->end <= pos) {
      AppendHtmlEscaped(std::string_view(s.text).substr(at, open.back()->end - at), out);
      at = open.back()->end;
      out->append(shared[open.back()->anchor] ? "</mark>" : "</span>");
      open.pop_back();
    }
  };
  for (const Span2& sp : spans) {
    close_until(sp.begin);
    if (!open.empty() && sp.end > open.back()->end) continue;  // crosses the open span
    if (sp.begin < at) continue;                               // starts inside a dropped region
    AppendHtmlEscaped(std::string_view(s.text).substr(at, sp.begin - at), out);
    at = sp.begin;
    const AnchorMark& m = s.anchors[sp.anchor];
    std::string_view kind = AnchorKindName(m.kind);
    bool is_shared = shared[sp.anchor];
    out->append(is_shared ? "<mark class=\"" : "<span class=\"a ");
    out->append(KindClass(m.kind));
    out->append("\" data-kind=\"");
    out->append(kind);
    out->append("\" data-key=\"");
    AppendHtmlEscaped(m.key, out);
    out->append("\" title=\"");
    out->append(kind);
    out->append(": ");
    AppendHtmlEscaped(m.key, out);
    if (!is_shared) out->append(" (not shared with the other side)");
    out->append("\">");
    open.push_back(&sp);
  }
  close_until(s.text.size());
  AppendHtmlEscaped(std::string_view(s.text).substr(at), out);
}

void AppendSentences(const Side& side, const std::vector<size_t>& positions,
                     const std::vector<std::vector<bool>>& shared, char prefix, bool unaligned,
                     std::string* out) {
  out->append("<div class=\"");
  out->push_back(prefix);
  out->append("\" lang=\"");
  AppendHtmlEscaped(side.language, out);
  out->append("\">");
  for (size_t p : positions) {
    const Sentence& s = side.sentences[p];
    out->append("<p id=\"");
    out->push_back(prefix);
    out->append(std::to_string(s.index));
    out->push_back('"');
    if (unaligned) {
      out->append(prefix == 's' ? " data-unaligned=\"src\"" : " data-unaligned=\"tgt\"");
    }
    if (!s.furniture.empty()) {
      out->append(" data-furniture=\"");
      AppendHtmlEscaped(s.furniture, out);
      out->push_back('"');
    }
    out->append("><span class=\"ix\">");
    out->append(std::to_string(s.index));
    out->append("</span> ");
    if (!s.furniture.empty()) {
      out->append("<span class=\"fu\" title=\"page furniture, set aside\">");
      AppendHtmlEscaped(s.furniture, out);
      out->append("</span> ");
    }
    AppendSentenceText(s, shared[p], out);
    out->append("</p>");
  }
  out->append("</div>");
}

// Distinct anchor kinds of a bead, space-separated, in a fixed order.
std::string BeadKinds(const Bead& b) {
  std::vector<std::string_view> kinds;
  for (const SharedAnchor& a : b.anchors) kinds.push_back(AnchorKindName(a.kind));
  std::sort(kinds.begin(), kinds.end());
  kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
  std::string s;
  for (std::string_view k : kinds) {
    if (!s.empty()) s.push_back(' ');
    s += k;
  }
  return s;
}

double Middle(const std::vector<size_t>& positions) {
  return (static_cast<double>(positions.front()) + static_cast<double>(positions.back())) / 2 + 0.5;
}

void AppendRow(const AlignmentView& view, const Layout& layout, const Row& row, std::string* out) {
  if (row.pair) {
    const Bead& b = view.beads[static_cast<size_t>(row.bead)];
    Band band = BandOf(b.score, view.mode);
    std::string_view bn = BandName(band);
    out->append("<div class=\"row pair ");
    out->append(bn);
    out->append("\" id=\"b");
    out->append(std::to_string(row.bead));
    out->append("\" data-bead=\"");
    out->append(std::to_string(row.bead));
    out->append("\" data-score=\"");
    AppendScore(b.score, out);
    out->append("\" data-band=\"");
    out->append(bn);
    out->append("\" data-type=\"");
    out->append(b.type());
    out->append("\" data-kinds=\"");
    out->append(BeadKinds(b));
    out->append("\" data-x=\"");
    AppendCoord(Middle(row.tgt), out);
    out->append("\" data-y=\"");
    AppendCoord(Middle(row.src), out);
    out->append("\" data-ot=\"");
    out->append(std::to_string(row.target_order));
    out->append("\" tabindex=\"-1\" role=\"group\" aria-label=\"Pair ");
    out->append(std::to_string(row.bead));
    out->append(", score ");
    AppendScore(b.score, out);
    out->append(", ");
    out->append(bn);
    out->append("\">");
    AppendSentences(view.src, row.src, layout.src_shared, 's', false, out);
    out->append("<div class=\"g\"><a class=\"score b-");
    out->append(bn);
    out->append("\" href=\"#b");
    out->append(std::to_string(row.bead));
    out->append("\" title=\"calibrated score\">");
    AppendScore(b.score, out);
    out->append("</a><span class=\"b-");
    out->append(bn);
    out->append("\"><span aria-hidden=\"true\">");
    out->append(BandSymbol(band));
    out->append("</span> ");
    out->append(bn);
    out->append("</span><span class=\"ty\">");
    out->append(b.type());
    out->append(" #");
    out->append(std::to_string(row.bead));
    out->append("</span></div>");
    AppendSentences(view.tgt, row.tgt, layout.tgt_shared, 't', false, out);
    if (!b.anchors.empty()) {
      out->append("<ul class=\"ev\" aria-label=\"Shared anchors\">");
      for (const SharedAnchor& a : b.anchors) {
        out->append("<li><span class=\"kind ");
        out->append(KindClass(a.kind));
        out->append("\">");
        out->append(AnchorKindName(a.kind));
        out->append("</span> ");
        AppendHtmlEscaped(a.src_text, out);
        out->append(" \u2194 ");
        AppendHtmlEscaped(a.tgt_text, out);
        out->append(" <code>");
        AppendHtmlEscaped(a.key, out);
        out->append("</code></li>");
      }
      out->append("</ul>");
    }
    out->append("</div>\n");
    return;
  }
  out->append("<div class=\"row lone\" data-ot=\"");
  out->append(std::to_string(row.target_order));
  out->append("\" role=\"group\" aria-label=\"Unaligned\"");
  if (row.bead >= 0) {
    out->append(" data-lone-bead=\"");
    out->append(std::to_string(row.bead));
    out->push_back('"');
  }
  out->push_back('>');
  AppendSentences(view.src, row.src, layout.src_shared, 's', true, out);
  out->append("<div class=\"g\"><span><span aria-hidden=\"true\">\u2205</span> unaligned</span>");
  if (row.bead >= 0) {
    out->append("<span class=\"ty\">");
    out->append(std::to_string(row.src.size()) + "-" + std::to_string(row.tgt.size()));
    out->append(" #");
    out->append(std::to_string(row.bead));
    out->append("</span>");
  }
  out->append("</div>");
  AppendSentences(view.tgt, row.tgt, layout.tgt_shared, 't', true, out);
  out->append("</div>\n");
}

void AppendSummary(const AlignmentView& view, const Layout& layout, const HtmlOptions& options,
                   std::string* out) {
  std::map<std::string, size_t> types;
  std::array<size_t, 3> bands{};
  std::map<std::string_view, size_t> kinds;
  for (const Row& r : layout.rows) {
    if (!r.pair) continue;
    const Bead& b = view.beads[static_cast<size_t>(r.bead)];
    types[b.type()]++;
    bands[static_cast<size_t>(BandOf(b.score, view.mode))]++;
    for (const SharedAnchor& a : b.anchors) kinds[AnchorKindName(a.kind)]++;
  }
  auto side = [&](const Side& s, size_t unaligned) {
    out->append("<dd>");
    AppendHtmlEscaped(s.name, out);
    out->append(" <span class=\"ty\">(");
    AppendHtmlEscaped(s.language, out);
    out->append(")</span>, " + std::to_string(s.sentences.size()) + " sentences, " +
                std::to_string(unaligned) + " unaligned</dd>");
  };
  out->append("<section class=\"summary\" aria-label=\"Summary\"><dl><dt>Source</dt>");
  side(view.src, layout.unaligned_src);
  out->append("<dt>Target</dt>");
  side(view.tgt, layout.unaligned_tgt);
  out->append("<dt>Mode</dt><dd>");
  AppendHtmlEscaped(view.mode.empty() ? "unknown" : view.mode, out);
  // A comparable pair's score says "the same fact", never "a translation".
  if (view.mode == "comparable") {
    out->append(" (each pair reports the same fact; the pairs are not translations)");
  }
  out->append("</dd><dt>Pairs</dt><dd>" + std::to_string(layout.pairs));
  if (!types.empty()) {
    out->append(" (");
    bool first = true;
    for (const auto& [type, n] : types) {
      if (!first) out->append(", ");
      first = false;
      out->append(type + " \u00D7" + std::to_string(n));
    }
    out->append(")");
  }
  out->append("</dd><dt>By band</dt><dd>");
  for (Band b : {Band::kHigh, Band::kMedium, Band::kLow}) {
    out->append("<span class=\"b-");
    out->append(BandName(b));
    out->append("\"><span aria-hidden=\"true\">");
    out->append(BandSymbol(b));
    out->append("</span> ");
    out->append(BandName(b));
    out->append("</span> " + std::to_string(bands[static_cast<size_t>(b)]) +
                (b == Band::kLow ? "" : " \u00B7 "));
  }
  out->append("</dd><dt>Shared anchors</dt><dd>");
  if (kinds.empty()) out->append("none");
  bool first = true;
  for (const auto& [kind, n] : kinds) {
    if (!first) out->append(", ");
    first = false;
    out->append(std::string(kind) + " " + std::to_string(n));
  }
  out->append("</dd><dt>Highlighted</dt><dd>" + std::to_string(layout.highlighted) +
              " anchor occurrences</dd></dl>");
  AppendHistogram(view, layout, out);
  AppendMatrix(view, layout, options, out);
  out->append("</section>");
}

void AppendFilters(const AlignmentView& view, const Layout& layout, std::string* out) {
  out->append(
      "<form class=\"filters\" id=\"filters\" hidden aria-label=\"Filters\">"
      "<fieldset><legend>Show</legend>"
      "<label><input type=\"checkbox\" name=\"band\" value=\"high\" checked> "
      "<span class=\"b-high\">\u25CF\u25CF\u25CF high</span></label>"
      "<label><input type=\"checkbox\" name=\"band\" value=\"medium\" checked> "
      "<span class=\"b-medium\">\u25CF\u25CF\u25CB medium</span></label>"
      "<label><input type=\"checkbox\" name=\"band\" value=\"low\" checked> "
      "<span class=\"b-low\">\u25CF\u25CB\u25CB low</span></label>"
      "<label><input type=\"checkbox\" name=\"band\" value=\"unaligned\" checked> "
      "<span class=\"b-none\">\u2205 unaligned</span></label></fieldset>"
      "<label>Anchor <select name=\"kind\"><option value=\"any\">any or none</option>");
  for (AnchorKind k : {AnchorKind::kDate, AnchorKind::kNumber, AnchorKind::kPercent,
                       AnchorKind::kMoney, AnchorKind::kEntity, AnchorKind::kAcronym}) {
    out->append("<option value=\"");
    out->append(AnchorKindName(k));
    out->append("\">");
    out->append(AnchorKindName(k));
    out->append("</option>");
  }
  out->append(
      "<option value=\"none\">no shared anchor</option></select></label>"
      "<label><input type=\"checkbox\" name=\"only\"> only unaligned</label>");
  // Offer the target's order when the pairs cross (comparable texts).
  bool orders_differ = false;
  size_t last = 0;
  for (const Row& r : layout.rows) {
    if (!r.pair) continue;
    orders_differ |= r.target_order < last;
    last = r.target_order;
  }
  if (orders_differ) {
    out->append(
        "<fieldset><legend>Order</legend><label><input type=\"radio\" name=\"order\" "
        "value=\"src\" checked> ");
    AppendHtmlEscaped(view.src.language, out);
    out->append("</label><label><input type=\"radio\" name=\"order\" value=\"tgt\"> ");
    AppendHtmlEscaped(view.tgt.language, out);
    out->append("</label></fieldset>");
  }
  out->append("<span id=\"shown\" aria-live=\"polite\"></span></form>");
  out->append(
      "<p class=\"keys\" id=\"keys\" hidden>Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous pair, "
      "<kbd>u</kbd>/<kbd>U</kbd> next/previous unaligned, <kbd>J</kbd>/<kbd>K</kbd> any row. "
      "Click a dot of the matrix to go to its pair. A focused pair shows its anchors' keys.</p>");
}

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  size_t run = 0;  // start of the pending run of bytes copied as they are
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    std::string_view rep;
    size_t len = 1;
    switch (c) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '"':
        rep = "&quot;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          rep = "\uFFFD";
        } else if (c == 0xC2 && i + 1 < text.size() &&
                   static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
          rep = "\uFFFD";  // C1 control, U+0080..U+009F
          len = 2;
        }
    }
    if (!rep.empty()) {
      out->append(text.substr(run, i - run));
      out->append(rep);
      run = i + len;
    }
    i += len;
  }
  out->append(text.substr(run));
}

void WriteHtml(const AlignmentView& view, const HtmlOptions& options, std::ostream& os) {
  const Layout layout = BuildLayout(view);
  std::string out;
  out.reserve(1 << 16);
  std::string title = view.title;
  if (title.empty()) title = "Alignment: " + view.src.name + " \u2194 " + view.tgt.name;

  out.append(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<meta name=\"generator\" content=\"");
  AppendHtmlEscaped(options.generator, &out);
  out.append("\"><title>");
  AppendHtmlEscaped(title, &out);
  out.append("</title><style>");
  out.append(kCss);
  out.append("</style></head>\n<body>\n<header><h1>");
  AppendHtmlEscaped(title, &out);
  out.append(
      "</h1><p class=\"sub\">What the aligner paired, how sure it is, and on what evidence. "
      "Scores are calibrated per mode; in ");
  AppendHtmlEscaped(BandMeaning(view.mode), &out);
  out.append("</p>");
  AppendSummary(view, layout, options, &out);
  out.append(
      "<ul class=\"legend\" aria-label=\"Legend\">"
      "<li><span class=\"mk k-date\">date</span></li>"
      "<li><span class=\"mk k-num\">number, percent, money</span></li>"
      "<li><span class=\"mk k-ent\">entity, acronym</span></li>"
      "<li><span class=\"a\">anchor without counterpart</span></li>"
      "<li>Left border: solid = high, dashed = medium, dotted = low, "
      "double on grey = unaligned</li></ul></header>\n");
  AppendFilters(view, layout, &out);
  out.append(
      "<noscript><p class=\"keys\">Filters and keyboard navigation need JavaScript; "
      "everything else is here.</p></noscript>\n<main>");
  out.append("<div class=\"cols\" aria-hidden=\"true\"><div>");
  AppendHtmlEscaped(view.src.name, &out);
  out.append(" (");
  AppendHtmlEscaped(view.src.language, &out);
  out.append(")</div><div>score</div><div>");
  AppendHtmlEscaped(view.tgt.name, &out);
  out.append(" (");
  AppendHtmlEscaped(view.tgt.language, &out);
  out.append(")</div></div>\n<div id=\"rows\">\n");
  for (const Row& row : layout.rows) {
    AppendRow(view, layout, row, &out);
    if (out.size() > (1 << 16)) {
      os.write(out.data(), static_cast<std::streamsize>(out.size()));
      out.clear();
    }
  }
  out.append("</div></main>\n<footer>Made by ");
  AppendHtmlEscaped(options.generator, &out);
  out.append(
      ". Bead numbers (#K) are the lines of <code>ancre align --format "
      "jsonl</code>.</footer>\n<script>");
  out.append(kScript);
  out.append("</script>\n</body></html>\n");
  os.write(out.data(), static_cast<std::streamsize>(out.size()));
}

std::string RenderHtml(const AlignmentView& view, const HtmlOptions& options) {
  std::ostringstream s;
  WriteHtml(view, options, s);
  return std::move(s).str();
}

std::string_view ReportStyleSheet() { return kCss; }

}  // namespace ancre::report
