#include "src/report/html.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "tests/report/sample_view.h"

namespace ancre::report {
namespace {

using testing::ParallelView;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST(HtmlEscapeTest, EscapesMarkupAndQuotes) {
  std::string out;
  AppendHtmlEscaped("a<b>&\"c'", &out);
  EXPECT_EQ(out, "a&lt;b&gt;&amp;&quot;c&#39;");
}

TEST(HtmlEscapeTest, ReplacesControlCharactersButKeepsText) {
  std::string out;
  AppendHtmlEscaped("x\x01y\tz\xC2\x85\xC2\xA0«é", &out);
  EXPECT_EQ(out, "x\uFFFDy\tz\uFFFD\u00A0«é");
}

TEST(HtmlTest, IsOneSelfContainedPage) {
  std::string page = RenderHtml(ParallelView(), {});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<style>"), std::string::npos);
  EXPECT_NE(page.find("<script>"), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("src=\""), std::string::npos);
  EXPECT_NE(page.find("@media print"), std::string::npos);
  EXPECT_NE(page.find("</html>"), std::string::npos);
}

TEST(HtmlTest, EveryPairCarriesItsBeadNumberAndScore) {
  std::string page = RenderHtml(ParallelView(), {});
  EXPECT_EQ(Count(page, "data-bead=\""), 2u);
  EXPECT_NE(page.find("data-bead=\"0\" data-score=\"0.950\" data-band=\"high\" data-type=\"1-1\""),
            std::string::npos);
  EXPECT_NE(
      page.find("data-bead=\"1\" data-score=\"0.350\" data-band=\"medium\" data-type=\"1-2\""),
      std::string::npos);
}

TEST(HtmlTest, SaysWhatAComparablePairIsAndWhatItsBandsMean) {
  AlignmentView v = ParallelView();
  std::string page = RenderHtml(v, {});
  EXPECT_NE(page.find("parallel mode: high 0.50-1.00"), std::string::npos);
  EXPECT_EQ(page.find("not translations"), std::string::npos);
  v.mode = "comparable";
  page = RenderHtml(v, {});
  EXPECT_NE(page.find("comparable mode: a pair says that both sentences report the same fact"),
            std::string::npos);
  EXPECT_NE(page.find("the pairs are not translations"), std::string::npos);
  // 0.35 is a medium translation but a low comparable link.
  EXPECT_NE(page.find("data-score=\"0.350\" data-band=\"low\""), std::string::npos);
}

TEST(HtmlTest, SaysWhichSentencesWereSetAsideAsPageFurniture) {
  AlignmentView view = ParallelView();
  view.src.sentences[2].furniture = "label";
  std::string page = RenderHtml(view, {});
  EXPECT_EQ(Count(page, "data-furniture=\""), 1u);
  EXPECT_NE(page.find("<p id=\"s2\" data-unaligned=\"src\" data-furniture=\"label\"><span "
                      "class=\"ix\">2</span> <span class=\"fu\""),
            std::string::npos);
}

TEST(HtmlTest, MarksEveryUnalignedSentenceInPlace) {
  std::string page = RenderHtml(ParallelView(), {});
  EXPECT_EQ(Count(page, "data-unaligned=\""), 2u);
  EXPECT_NE(page.find("<p id=\"s2\" data-unaligned=\"src\"><span class=\"ix\">2</span> "
                      "Édition internationale</p>"),
            std::string::npos);
  EXPECT_NE(page.find("<p id=\"t3\" data-unaligned=\"tgt\">"), std::string::npos);
  // The 1-0 bead's row says which bead it is; it is no pair.
  EXPECT_NE(page.find("data-lone-bead=\"2\""), std::string::npos);
  // Unaligned rows come after the pairs they follow.
  EXPECT_LT(page.find("data-bead=\"1\""), page.find("id=\"s2\""));
}

TEST(HtmlTest, HighlightsSharedAnchorsWithKindAndKey) {
  std::string page = RenderHtml(ParallelView(), {});
  EXPECT_EQ(Count(page, "<mark "), 6u);
  EXPECT_NE(page.find("<mark class=\"k-date\" data-kind=\"date\" data-key=\"--10-27\" "
                      "title=\"date: --10-27\">27 octobre</mark>"),
            std::string::npos);
  EXPECT_NE(page.find("data-key=\"1000\" title=\"number: 1000\">1,000</mark>"), std::string::npos);
  // An anchor the other side lacks is shown, but not as a highlight.
  EXPECT_NE(page.find("<span class=\"a k-ent\" data-kind=\"entity\" data-key=\"lee jae-myung\""),
            std::string::npos);
}

TEST(HtmlTest, EscapesUntrustedTextEverywhere) {
  AlignmentView v = ParallelView();
  v.src.name = "<script>alert(1)</script>";
  v.src.sentences[2].text = "<img src=x onerror=alert(1)> & co";
  v.beads[0].anchors[0].key = "\"><b>";
  v.src.sentences[0].anchors[0].key = "\"><b>";
  v.tgt.sentences[0].anchors[0].key = "\"><b>";
  std::string page = RenderHtml(v, {});
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("\"><b>"), std::string::npos);
  EXPECT_NE(page.find("&lt;img src=x onerror=alert(1)&gt; &amp; co"), std::string::npos);
  EXPECT_NE(page.find("data-key=\"&quot;&gt;&lt;b&gt;\""), std::string::npos);
  EXPECT_EQ(Count(page, "<mark "), 6u);
}

TEST(HtmlTest, NestsAnchorsInsideAnchorsAndDropsCrossingOnes) {
  AlignmentView v = ParallelView();
  Sentence& f0 = v.src.sentences[0];
  f0.anchors.push_back(testing::MarkOf(f0, "27", AnchorKind::kNumber, "27"));  // inside the date
  f0.anchors.push_back(testing::MarkOf(f0, "octobre, Hun", AnchorKind::kEntity, "x"));  // crosses
  std::string page = RenderHtml(v, {});
  EXPECT_NE(page.find("title=\"date: --10-27\"><span class=\"a k-num\" data-kind=\"number\" "
                      "data-key=\"27\" title=\"number: 27 (not shared with the other side)\">27"
                      "</span> octobre</mark>"),
            std::string::npos);
  EXPECT_EQ(page.find("data-key=\"x\""), std::string::npos);
}

TEST(HtmlTest, IgnoresAnchorsOutsideTheirSentence) {
  AlignmentView v = ParallelView();
  v.src.sentences[2].anchors = {{5, 500, AnchorKind::kNumber, "5"}, {3, 4, AnchorKind::kDate, "d"}};
  std::string page = RenderHtml(v, {});
  EXPECT_EQ(page.find("data-key=\"5\""), std::string::npos);
  EXPECT_NE(page.find("data-key=\"d\""), std::string::npos);
  v.src.sentences[2].anchors = {{1, 3, AnchorKind::kDate, "half"}};  // splits the 2-byte É
  EXPECT_EQ(RenderHtml(v, {}).find("data-key=\"half\""), std::string::npos);
}

TEST(HtmlTest, DrawsTheScoreMatrixWithBeadsAndCandidates) {
  std::string page = RenderHtml(ParallelView(), {});
  EXPECT_NE(page.find("<svg class=\"matrix\""), std::string::npos);
  EXPECT_NE(page.find("viewBox=\"0 0 4 3\""), std::string::npos);
  // Bead 1 spans en 1..2 at fr 1: a stroke from (1.5, 1.5) to (2.5, 1.5).
  EXPECT_NE(page.find("M1.5 1.5L2.5 1.5"), std::string::npos);
  EXPECT_NE(page.find("class=\"b-high\" d=\"M0.5 0.5L0.5 0.5\""), std::string::npos);
  EXPECT_NE(page.find("M3.5 1.5h0"), std::string::npos);  // candidate fr 1 - en 3
}

TEST(HtmlTest, SummarisesCountsModeAndAnchors) {
  std::string page = RenderHtml(ParallelView(), {.generator = "ancre 9.9", .matrix_width = 300});
  EXPECT_NE(page.find("<dt>Mode</dt><dd>parallel</dd>"), std::string::npos);
  EXPECT_NE(page.find("<dt>Pairs</dt><dd>2 (1-1 \u00D71, 1-2 \u00D71)</dd>"), std::string::npos);
  EXPECT_NE(page.find("3 sentences, 1 unaligned"), std::string::npos);
  EXPECT_NE(page.find("4 sentences, 1 unaligned"), std::string::npos);
  EXPECT_NE(page.find("date 1, entity 1, number 1"), std::string::npos);
  EXPECT_NE(page.find("content=\"ancre 9.9\""), std::string::npos);
  EXPECT_NE(page.find("aria-label=\"Score histogram"), std::string::npos);
}

TEST(HtmlTest, OffersTheTargetOrderOnlyWhenItDiffers) {
  EXPECT_EQ(RenderHtml(ParallelView(), {}).find("name=\"order\""), std::string::npos);
  AlignmentView v = ParallelView();
  v.beads = {Bead{.src = {0}, .tgt = {3}, .score = 0.8, .anchors = {}},
             Bead{.src = {2}, .tgt = {0}, .score = 0.6, .anchors = {}}};
  EXPECT_NE(RenderHtml(v, {}).find("name=\"order\""), std::string::npos);
}

TEST(HtmlTest, RendersAnEmptyAlignment) {
  AlignmentView v;
  v.src.name = "empty.fr";
  std::string page = RenderHtml(v, {});
  EXPECT_NE(page.find("<dt>Pairs</dt><dd>0</dd>"), std::string::npos);
  EXPECT_EQ(Count(page, "data-bead=\""), 0u);
}

}  // namespace
}  // namespace ancre::report
