#include "src/core/bead.h"

#include <gtest/gtest.h>

namespace ancre {
namespace {

TEST(BeadTest, AlignModeNamesReadBack) {
  EXPECT_EQ(AlignModeName(AlignMode::kParallel), "parallel");
  EXPECT_EQ(AlignModeName(AlignMode::kComparable), "comparable");
  EXPECT_EQ(AlignModeName(AlignMode::kAuto), "auto");
  for (AlignMode m : {AlignMode::kAuto, AlignMode::kParallel, AlignMode::kComparable}) {
    AlignMode back = m == AlignMode::kAuto ? AlignMode::kParallel : AlignMode::kAuto;
    ASSERT_TRUE(ParseAlignMode(AlignModeName(m), &back));
    EXPECT_EQ(back, m);
  }
  AlignMode unchanged = AlignMode::kComparable;
  EXPECT_FALSE(ParseAlignMode("Parallel", &unchanged));
  EXPECT_EQ(unchanged, AlignMode::kComparable);
}

TEST(BeadTest, TypeCountsSegmentsOnEachSide) {
  EXPECT_EQ((Bead{{3, 4}, {7}, 0.5, {}}.type()), "2-1");
  EXPECT_EQ((Bead{{}, {7}, 0.0, {}}.type()), "0-1");
}

}  // namespace
}  // namespace ancre
