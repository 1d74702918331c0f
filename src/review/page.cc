#include "src/review/page.h"

#include "src/report/html.h"

namespace ancre::review {
namespace {
#include "src/review/page_assets.inc"
}  // namespace

std::string PageHtml(std::string_view token) {
  // The token is hex digits (RandomToken) or what --token gave; only
  // [0-9A-Za-z_-] are kept, so it needs no escaping in an attribute.
  std::string safe;
  for (char c : token) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
        c == '-') {
      safe.push_back(c);
    }
  }
  return R"html(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>ancre review</title><link rel="stylesheet" href="/review.css?token=)html" +
         safe + R"html(">
<script src="/review.js?token=)html" +
         safe + R"html(" defer></script></head>
<body data-ready="0" data-busy="0" data-done="0">
<header class="review"><h1 id="title">ancre review</h1><p class="sub" id="sub"></p>
<div class="bar">
<button type="button" id="undo" title="undo the last change (u, Ctrl+Z)" disabled>undo</button>
<button type="button" id="redo" title="redo (r, Ctrl+Y)" disabled>redo</button>
<button type="button" id="realign" title="align again what no reviewer confirmed or edited, reviewed beads fixed">re-align the rest</button>
<label>show <select id="filter"><option value="all">all beads</option><option value="unreviewed">not reviewed</option>
<option value="odd">not 1-1</option><option value="low">low score or alone</option><option value="rejected">rejected</option></select></label>
<button type="button" id="next-unreviewed" title="next bead not reviewed (n)">next not reviewed</button>
<button type="button" id="next-odd" title="next bead that is not 1-1 (o)">next not 1-1</button>
<button type="button" id="next-low" title="next low-score bead (l)">next low score</button>
<span id="counts"></span></div>
<p class="keys"><kbd>j</kbd>/<kbd>k</kbd> next/previous bead · <kbd>c</kbd> confirm · <kbd>x</kbd> reject ·
<kbd>a</kbd> confirm all above · <kbd>m</kbd>/<kbd>M</kbd> merge with next/previous · <kbd>s</kbd> split ·
<kbd>{</kbd>/<kbd>}</kbd> move a source sentence up/down · <kbd>[</kbd>/<kbd>]</kbd> a target sentence ·
<kbd>e</kbd>/<kbd>E</kbd> edit a source/target sentence · <kbd>u</kbd>/<kbd>r</kbd> undo/redo ·
<kbd>n</kbd>/<kbd>o</kbd>/<kbd>l</kbd> next not reviewed / not 1-1 / low score · ⇄ on two sentences links them</p>
<p id="message" role="status" aria-live="polite"></p></header>
<main><div class="cols"><div>source</div><div>bead</div><div>target</div></div><div id="rows"></div></main>
<noscript>This page needs JavaScript (served by ancre itself, nothing from the network).</noscript>
</body></html>
)html";
}

std::string PageCss() {
  std::string css(report::ReportStyleSheet());
  css.append(kReviewCss);
  return css;
}

std::string_view PageScript() { return kScript; }

}  // namespace ancre::review
