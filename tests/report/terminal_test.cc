#include "src/report/terminal.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "src/report/text_width.h"
#include "tests/report/sample_view.h"

namespace ancre::report {
namespace {

using testing::ParallelView;

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

TEST(WrapTextTest, BreaksAtSpacesWithinTheWidth) {
  EXPECT_EQ(WrapText("the quick brown fox jumps", 10),
            (std::vector<std::string>{"the quick", "brown fox", "jumps"}));
}

TEST(WrapTextTest, NeverBreaksAtANoBreakSpace) {
  // "27\u00A0octobre" is one word of 10 cells.
  EXPECT_EQ(WrapText("le 27\u00A0octobre 2025", 12),
            (std::vector<std::string>{"le", "27\u00A0octobre", "2025"}));
}

TEST(WrapTextTest, CountsWideCharactersAsTwoCells) {
  std::vector<std::string> lines = WrapText("日本語の文章です", 6);
  EXPECT_EQ(lines, (std::vector<std::string>{"日本語", "の文章", "です"}));
}

TEST(WrapTextTest, CutsAWordLongerThanALine) {
  EXPECT_EQ(WrapText("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
}

TEST(WrapTextTest, NeverWritesControlCharacters) {
  std::vector<std::string> lines = WrapText("a\x1b[31mred", 20);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], "a?[31mred");
}

TEST(WrapTextTest, EmptyTextIsOneEmptyLine) {
  EXPECT_EQ(WrapText("", 10), (std::vector<std::string>{""}));
}

TEST(TextViewTest, NoLineIsWiderThanTheTerminal) {
  AlignmentView v = ParallelView();
  v.tgt.sentences[2].text =
      "日本語の文章です。«\u00A0Très\u00A0long\u00A0» " + std::string(50, 'x');
  for (size_t width : {40u, 61u, 100u}) {
    std::string out = RenderText(v, {.width = width, .color = false});
    for (const std::string& line : Lines(out)) {
      EXPECT_LE(DisplayWidth(line), width) << "width " << width << ": " << line;
    }
  }
}

TEST(TextViewTest, ColumnsLineUpOnTheSeparator) {
  std::string out = RenderText(ParallelView(), {.width = 80, .color = false});
  size_t rows = 0;
  for (const std::string& line : Lines(out)) {
    size_t bar = line.find("\u2502");
    if (bar == std::string::npos) continue;
    ++rows;
    EXPECT_EQ(DisplayWidth(std::string_view(line).substr(0, bar)), (80u - 3) / 2 + 1) << line;
  }
  EXPECT_GE(rows, 5u);
}

TEST(TextViewTest, SaysWhichSentencesWereSetAsideAsPageFurniture) {
  AlignmentView view = ParallelView();
  view.tgt.sentences[3].furniture = "label";
  std::string out = RenderText(view, {.width = 100, .color = false});
  EXPECT_NE(out.find("unaligned  furniture: label"), std::string::npos) << out;
  EXPECT_EQ(RenderText(ParallelView(), {.width = 100, .color = false}).find("furniture"),
            std::string::npos);
}

TEST(TextViewTest, ShowsPairsUnalignedSentencesAndEvidence) {
  std::string out = RenderText(ParallelView(), {.width = 100, .color = false});
  EXPECT_NE(out.find("#0  1-1  0.950  high"), std::string::npos);
  EXPECT_NE(out.find("#1  1-2  0.350  medium"), std::string::npos);
  EXPECT_NE(out.find("unaligned  #2"), std::string::npos);
  EXPECT_NE(out.find("anchor: date 27 octobre = October 27 \u27E8--10-27\u27E9"),
            std::string::npos);
  EXPECT_NE(out.find("Comments"), std::string::npos);
  EXPECT_NE(out.find("mode parallel, 2 pairs\nhigh 1, medium 1, low 0\n"), std::string::npos);
  // What the bands mean in this mode, as measured.
  EXPECT_NE(out.find("parallel mode: high 0.50-1.00 (99.7 %"), std::string::npos) << out;
  EXPECT_EQ(out.find('\x1b'), std::string::npos);
}

TEST(TextViewTest, ColorEmphasizesSharedAnchorsOnly) {
  std::string out = RenderText(ParallelView(), {.width = 100, .color = true});
  EXPECT_NE(out.find("\x1b[1;4;34m27 octobre\x1b[0m"), std::string::npos);
  EXPECT_NE(out.find("\x1b[1;35mHun Manet\x1b[0m"), std::string::npos);  // the space is styled too
  EXPECT_NE(out.find("\x1b[1;32m1,000\x1b[0m"), std::string::npos);
  EXPECT_EQ(out.find("\x1b[1;35mLee"), std::string::npos);  // not shared: plain
}

TEST(TextViewTest, ColorCodesDoNotCountAsWidth) {
  AlignmentView v = ParallelView();
  std::string plain = RenderText(v, {.width = 60, .color = false});
  std::string colored = RenderText(v, {.width = 60, .color = true});
  EXPECT_EQ(Lines(plain).size(), Lines(colored).size());
}

}  // namespace
}  // namespace ancre::report
