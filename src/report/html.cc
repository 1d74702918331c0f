#include "src/report/html.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace ancre::report {
namespace {

// The page's style sheet. Colour is never the only signal: bands also differ
// by symbol, word and border style; anchor kinds by underline style and title.
constexpr std::string_view kCss = R"css(
:root{--hi:#1a7f37;--me:#9a6700;--lo:#cf222e;--na:#6e7781;--line:#d0d7de;--bg:#fff;--fg:#1f2328;
--date:#0969da;--num:#1a7f37;--ent:#8250df;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--fg);background:var(--bg)}
body{margin:0 auto;max-width:1400px;padding:0 1rem 3rem}
h1{font-size:1.35rem;margin:1rem 0 .25rem}
h2{font-size:1rem;margin:.5rem 0}
.sub{color:#57606a;margin:0 0 .75rem}
.summary{display:flex;flex-wrap:wrap;gap:1rem 2rem;align-items:flex-start;border-bottom:1px solid var(--line);padding-bottom:1rem}
.summary dl{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;margin:0;flex:1 1 18rem}
.summary dt{font-weight:600;color:#57606a}
.summary dd{margin:0}
figure{margin:0}
figcaption{font-size:.8rem;color:#57606a;max-width:28rem}
.matrix-box{position:relative;display:inline-block;padding:0 0 1.1rem 1.6rem}
.matrix-box .ax{position:absolute;font-size:.75rem;color:#57606a}
.matrix-box .ax.x{bottom:0;left:1.6rem}
.matrix-box .ax.y{left:0;top:0;writing-mode:vertical-rl;transform:rotate(180deg)}
svg.matrix{border:1px solid var(--line);background:#fafbfc;cursor:crosshair;display:block}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.85rem;margin:.5rem 0;padding:0;list-style:none}
.b-high{color:var(--hi)}.b-medium{color:var(--me)}.b-low{color:var(--lo)}.b-none{color:var(--na)}
form.filters{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);
padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center;font-size:.9rem}
form.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:.6rem;align-items:center}
form.filters legend{float:left;font-weight:600;margin-right:.4rem;padding:0}
#shown{color:#57606a}
.keys{font-size:.8rem;color:#57606a;margin:.4rem 0}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 .25rem;font-size:.75rem;background:#f6f8fa}
.cols{display:grid;grid-template-columns:1fr 7.5rem 1fr;gap:0 .75rem;font-weight:600;
border-bottom:2px solid var(--fg);padding:.4rem 0;margin-top:.5rem}
.cols>div:nth-child(2){text-align:center}
.row{display:grid;grid-template-columns:1fr 7.5rem 1fr;gap:0 .75rem;padding:.45rem .4rem;
border-bottom:1px solid var(--line);border-left:6px solid transparent;
content-visibility:auto;contain-intrinsic-size:auto 5.5rem}
.row:focus{outline:3px solid var(--date);outline-offset:-3px;background:#f6f8fa}
.row.high{border-left:6px solid var(--hi)}
.row.medium{border-left:6px dashed var(--me)}
.row.low{border-left:6px dotted var(--lo)}
.row.lone{background:#f6f8fa;border-left:6px double var(--na)}
.row p{margin:0 0 .25rem}
.ix{display:inline-block;min-width:2.2em;color:#6e7781;font-size:.75rem;font-variant-numeric:tabular-nums}
.g{text-align:center;font-size:.8rem;display:flex;flex-direction:column;align-items:center;gap:.1rem}
.score{font-size:1rem;font-weight:700;font-variant-numeric:tabular-nums}
.ty{color:#57606a}
.lone [data-unaligned]{color:#424a53}
.lone .g{color:var(--na)}
ul.ev{grid-column:1/-1;list-style:none;margin:.2rem 0 0;padding:0;font-size:.8rem;color:#424a53;
display:flex;flex-wrap:wrap;gap:.1rem 1.2rem}
ul.ev code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
mark,.mk,.a{color:inherit;border-radius:2px;padding:0 1px}
mark.k-date,.mk.k-date{background:#ddf4ff;border-bottom:2px solid var(--date)}
mark.k-num,.mk.k-num{background:#dafbe1;border-bottom:3px double var(--num)}
mark.k-ent,.mk.k-ent{background:#fbefff;border-bottom:2px dotted var(--ent)}
.a{border-bottom:1px dashed #8c959f}
.kind{font-weight:600}.kind.k-date{color:var(--date)}.kind.k-num{color:var(--num)}.kind.k-ent{color:var(--ent)}
.row:focus mark::after,.row:focus-within mark::after{content:" \27E8" attr(data-key) "\27E9";font-size:.7rem;color:#57606a}
[hidden]{display:none!important}
footer{margin-top:1.5rem;font-size:.8rem;color:#57606a}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:760px){.row,.cols{grid-template-columns:1fr 4.5rem 1fr;font-size:.9rem}}
@media print{
:root{font-size:10pt}body{max-width:none;padding:0}
form.filters,.keys,noscript{display:none!important}
.row{content-visibility:visible;break-inside:avoid;background:none!important}
.row:focus{outline:none}
mark{background:none!important}
svg.matrix{cursor:auto}
a{color:inherit;text-decoration:none}
}
)css";

// Filters, ordering and keyboard navigation. The page is complete without it.
constexpr std::string_view kScript = R"js(
(function(){
'use strict';
var main=document.getElementById('rows');
var rows=Array.prototype.slice.call(main.children);
var form=document.getElementById('filters');
var shown=document.getElementById('shown');
form.hidden=false;document.getElementById('keys').hidden=false;
function apply(){
  var bands={};form.querySelectorAll('input[name=band]').forEach(function(e){bands[e.value]=e.checked;});
  var kind=form.elements.kind.value,only=form.elements.only.checked,n=0;
  rows.forEach(function(r){
    var show;
    if(r.hasAttribute('data-bead')){
      var ks=' '+r.getAttribute('data-kinds')+' ';
      show=!only&&bands[r.getAttribute('data-band')]&&
        (kind==='any'||(kind==='none'?ks==='  ':ks.indexOf(' '+kind+' ')>=0));
    }else{show=only||(bands.unaligned&&kind==='any');}
    r.hidden=!show;if(show)n++;
  });
  shown.textContent=n+' of '+rows.length+' rows shown';
}
function order(){
  var byTgt=form.elements.order&&form.elements.order.value==='tgt';
  var sorted=rows.slice();
  if(byTgt)sorted.sort(function(a,b){return a.getAttribute('data-ot')-b.getAttribute('data-ot');});
  var f=document.createDocumentFragment();sorted.forEach(function(r){f.appendChild(r);});
  main.appendChild(f);
}
form.addEventListener('change',function(e){if(e.target.name==='order')order();apply();});
function visible(sel){return Array.prototype.filter.call(main.querySelectorAll(sel),function(r){return !r.hidden;});}
function move(sel,step){
  var list=visible(sel);if(!list.length)return;
  var cur=document.activeElement,i=list.indexOf(cur);
  if(i<0){
    var y=window.innerHeight/3;i=step>0?-1:list.length;
    for(var k=0;k<list.length;k++){if(list[k].getBoundingClientRect().top>y){i=step>0?k-1:k;break;}}
  }
  var next=list[Math.max(0,Math.min(list.length-1,i+step))];
  if(!next.hasAttribute('tabindex'))next.setAttribute('tabindex','-1');
  next.focus({preventScroll:true});next.scrollIntoView({block:'center'});
}
document.addEventListener('keydown',function(e){
  if(e.ctrlKey||e.metaKey||e.altKey)return;
  var t=e.target.tagName;if(t==='INPUT'||t==='SELECT'||t==='TEXTAREA')return;
  var k=e.key;
  if(k==='j'||k==='n')move('[data-bead]',1);
  else if(k==='k'||k==='p')move('[data-bead]',-1);
  else if(k==='u')move('.lone',1);
  else if(k==='U')move('.lone',-1);
  else if(k==='J')move('.row',1);
  else if(k==='K')move('.row',-1);
  else return;
  e.preventDefault();
});
var svg=document.querySelector('svg.matrix');
if(svg){svg.addEventListener('click',function(e){
  var box=svg.getBoundingClientRect(),vb=svg.viewBox.baseVal;
  var x=(e.clientX-box.left)/box.width*vb.width,y=(e.clientY-box.top)/box.height*vb.height;
  var sx=box.width/vb.width,sy=box.height/vb.height,best=null,bd=Infinity;
  main.querySelectorAll('[data-bead]').forEach(function(r){
    var dx=(r.getAttribute('data-x')-x)*sx,dy=(r.getAttribute('data-y')-y)*sy,d=dx*dx+dy*dy;
    if(d<bd){bd=d;best=r;}
  });
  if(best&&!best.hidden){best.focus({preventScroll:true});best.scrollIntoView({block:'center'});}
});}
apply();
})();
)js";

void AppendScore(double score, std::string* out) {
  std::array<char, 32> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), score, std::chars_format::fixed, 3);
  out->append(buf.data(), r.ptr);
}

void AppendCoord(double v, std::string* out) {
  std::array<char, 32> buf;
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 1);
  std::string_view s(buf.data(), static_cast<size_t>(r.ptr - buf.data()));
  if (s.ends_with(".0")) s.remove_suffix(2);
  out->append(s);
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
    out->append("><span class=\"ix\">");
    out->append(std::to_string(s.index));
    out->append("</span> ");
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
    Band band = BandOf(b.score);
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
    Band band = BandOf((static_cast<double>(i) + 0.5) / 10);
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
    std::string& d =
        beads[static_cast<size_t>(BandOf(view.beads[static_cast<size_t>(r.bead)].score))];
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

void AppendSummary(const AlignmentView& view, const Layout& layout, const HtmlOptions& options,
                   std::string* out) {
  std::map<std::string, size_t> types;
  std::array<size_t, 3> bands{};
  std::map<std::string_view, size_t> kinds;
  for (const Row& r : layout.rows) {
    if (!r.pair) continue;
    const Bead& b = view.beads[static_cast<size_t>(r.bead)];
    types[b.type()]++;
    bands[static_cast<size_t>(BandOf(b.score))]++;
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
      "Scores are calibrated: among pairs scoring 0.90 or more, 95% or more are right.</p>");
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

}  // namespace ancre::report
