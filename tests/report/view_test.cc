#include "src/report/view.h"

#include <gtest/gtest.h>

#include "src/core/error.h"
#include "tests/report/sample_view.h"

namespace ancre::report {
namespace {

using testing::ParallelView;

TEST(BandTest, SplitsScoresAtEachModesCalibratedThresholds) {
  // Parallel: a translation scored 0.3 is right nine times in ten: medium,
  // not low (the bands of the first release called everything below 0.7 low).
  EXPECT_EQ(BandOf(0.95, "parallel"), Band::kHigh);
  EXPECT_EQ(BandOf(0.5, "parallel"), Band::kHigh);
  EXPECT_EQ(BandOf(0.49, "parallel"), Band::kMedium);
  EXPECT_EQ(BandOf(0.3, "parallel"), Band::kMedium);
  EXPECT_EQ(BandOf(0.05, "parallel"), Band::kMedium);
  EXPECT_EQ(BandOf(0.04, "parallel"), Band::kLow);
  // Comparable: a same-fact link needs 0.9 to be high.
  EXPECT_EQ(BandOf(0.9, "comparable"), Band::kHigh);
  EXPECT_EQ(BandOf(0.6, "comparable"), Band::kMedium);
  EXPECT_EQ(BandOf(0.39, "comparable"), Band::kLow);
  // An unknown mode (an imported unit) reads as a translation.
  EXPECT_EQ(BandOf(0.3, ""), Band::kMedium);
  EXPECT_EQ(BandName(Band::kMedium), "medium");
}

TEST(BandTest, EachBandIsWhereItsMeasuredShareCorrectSaysItIs) {
  for (const CalibrationRow& r : kCalibration) {
    const BandThresholds t = BandThresholdsOf(r.mode);
    EXPECT_EQ(BandOf(r.from, r.mode), r.band) << r.mode << " " << r.from;
    EXPECT_GT(r.pairs, 0);
    // High is right nearly always, low mostly wrong, in both modes.
    if (r.band == Band::kHigh) {
      EXPECT_GE(r.correct, 0.98) << r.mode;
    }
    if (r.band == Band::kLow) {
      EXPECT_LT(r.correct, 0.1) << r.mode;
    }
    EXPECT_LE(r.to, r.band == Band::kHigh ? 1.0 : t.high);
  }
}

TEST(BandTest, TheTableAndTheMeaningSayWhatEachModesBandsMean) {
  const std::string table = CalibrationTable();
  EXPECT_NE(table.find("  parallel    high    0.50-1.00   105,265   99.7 %    99.4 %"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("  comparable  low     0.00-0.40        77    6.5 %"), std::string::npos)
      << table;
  EXPECT_NE(BandMeaning("comparable").find("same fact, not that they translate"),
            std::string::npos);
  EXPECT_NE(BandMeaning("parallel").find("low below 0.05 (2.1 %)"), std::string::npos)
      << BandMeaning("parallel");
}

TEST(LayoutTest, ParallelRowsFollowBothDocuments) {
  Layout l = BuildLayout(ParallelView());
  ASSERT_EQ(l.rows.size(), 4u);
  EXPECT_EQ(l.rows[0].bead, 0);
  EXPECT_TRUE(l.rows[0].pair);
  EXPECT_EQ(l.rows[1].bead, 1);
  EXPECT_EQ(l.rows[1].tgt, (std::vector<size_t>{1, 2}));
  EXPECT_EQ(l.rows[2].bead, 2);
  EXPECT_FALSE(l.rows[2].pair);
  // English sentence 3 is in no bead: it follows the row holding English 2.
  EXPECT_EQ(l.rows[3].bead, -1);
  EXPECT_EQ(l.rows[3].tgt, (std::vector<size_t>{3}));
  EXPECT_EQ(l.pairs, 2u);
  EXPECT_EQ(l.unaligned_src, 1u);
  EXPECT_EQ(l.unaligned_tgt, 1u);
  EXPECT_EQ(l.tgt_row[3], 3u);
}

TEST(LayoutTest, HighlightsOneOccurrencePerSideForEachSharedAnchor) {
  Layout l = BuildLayout(ParallelView());
  EXPECT_EQ(l.highlighted, 6u);
  EXPECT_EQ(l.src_shared[0], (std::vector<bool>{true, true, false}));  // Lee Jae-myung not shared
  EXPECT_EQ(l.tgt_shared[0], (std::vector<bool>{true, true}));
  EXPECT_EQ(l.src_shared[1], (std::vector<bool>{true}));
}

TEST(LayoutTest, PrefersTheOccurrenceWithTheSameText) {
  AlignmentView v = ParallelView();
  Sentence& f1 = v.src.sentences[1];
  f1.text = "Sur 1000 cas, 1 000 victimes.";
  f1.anchors = {testing::MarkOf(f1, "1000", AnchorKind::kNumber, "1000"),
                testing::MarkOf(f1, "1 000", AnchorKind::kNumber, "1000")};
  Layout l = BuildLayout(v);
  EXPECT_EQ(l.src_shared[1], (std::vector<bool>{false, true}));
}

TEST(LayoutTest, ComparableLinksMayShareASentence) {
  AlignmentView v = ParallelView();
  v.mode = "comparable";
  v.beads[1].src = {0};  // source 0 is linked to target 0 and to targets 1-2
  Layout l = BuildLayout(v);
  ASSERT_GE(l.rows.size(), 2u);
  EXPECT_EQ(l.rows[0].src, (std::vector<size_t>{0}));
  EXPECT_EQ(l.rows[1].src, (std::vector<size_t>{0}));
  EXPECT_EQ(l.pairs, 2u);
  EXPECT_EQ(l.src_row[0], 0u);
  // The parallel view still refuses it (RejectsASentenceInTwoBeads).
  v.mode = "parallel";
  EXPECT_THROW(BuildLayout(v), Error);
}

TEST(LayoutTest, ComparableRowsKeepSourceOrderAndGiveTheTargetOrder) {
  AlignmentView v = ParallelView();
  v.mode = "comparable";
  // fr 0 - en 3, fr 2 - en 0; fr 1, en 1, en 2 alone.
  v.beads = {Bead{.src = {0}, .tgt = {3}, .score = 0.8, .anchors = {}},
             Bead{.src = {2}, .tgt = {0}, .score = 0.6, .anchors = {}}};
  Layout l = BuildLayout(v);
  ASSERT_EQ(l.rows.size(), 5u);
  EXPECT_EQ(l.rows[0].src, (std::vector<size_t>{0}));
  EXPECT_EQ(l.rows[1].src, (std::vector<size_t>{1}));
  EXPECT_EQ(l.rows[2].src, (std::vector<size_t>{2}));
  // en 1 and en 2 follow en 0, which is in row 2.
  EXPECT_EQ(l.rows[3].tgt, (std::vector<size_t>{1}));
  EXPECT_EQ(l.rows[4].tgt, (std::vector<size_t>{2}));
  // By target: [fr 2 - en 0], en 1, en 2, [fr 0 - en 3], then fr 1 after fr 0.
  EXPECT_EQ(l.rows[2].target_order, 0u);
  EXPECT_EQ(l.rows[3].target_order, 1u);
  EXPECT_EQ(l.rows[4].target_order, 2u);
  EXPECT_EQ(l.rows[0].target_order, 3u);
  EXPECT_EQ(l.rows[1].target_order, 4u);
}

TEST(LayoutTest, RejectsABeadNamingAMissingSentence) {
  AlignmentView v = ParallelView();
  v.beads[0].tgt = {9};
  EXPECT_THROW(BuildLayout(v), Error);
}

TEST(LayoutTest, RejectsASentenceInTwoBeads) {
  AlignmentView v = ParallelView();
  v.beads[1].src = {0};
  EXPECT_THROW(BuildLayout(v), Error);
}

TEST(LayoutTest, UsesSegmentIndicesNotPositions) {
  AlignmentView v = ParallelView();
  for (Sentence& s : v.tgt.sentences) s.index += 10;  // line numbers of a presegmented file
  for (Bead& b : v.beads) {
    for (size_t& t : b.tgt) t += 10;
  }
  Layout l = BuildLayout(v);
  EXPECT_EQ(l.rows[1].tgt, (std::vector<size_t>{1, 2}));
}

}  // namespace
}  // namespace ancre::report
