// The progress line's text (src/cli/progress.h): bar, share, amounts, speed,
// ETA and stage, each only where it means something.
#include "src/cli/progress.h"

#include <gtest/gtest.h>

namespace ancre::cli {
namespace {

TEST(ProgressTextTest, ShowsBarShareAmountsSpeedAndEta) {
  // A quarter of 12.8 MB read in 2 s: 6 s to go at that pace.
  EXPECT_EQ(
      ProgressText("reading a.tmx", 3.2, 12.8, "MB", 2.0),
      "[######                  ]  25%  3.2/12.8 MB  ETA 0:06  1.6 MB/s  reading a.tmx  0:02");
}

TEST(ProgressTextTest, EtaOnlyAfterASecondAndBeforeTheEnd) {
  EXPECT_EQ(ProgressText("aligning", 0.2, 1, "", 0.5),
            "[####                    ]  20%  aligning  0:01");
  EXPECT_EQ(ProgressText("aligning", 0.2, 1, "", 75),
            "[####                    ]  20%  ETA 5:00  aligning  1:15");
  EXPECT_EQ(ProgressText("done", 1, 1, "", 3700), "[########################] 100%  done  1:01:40");
}

TEST(ProgressTextTest, UnknownTotalShowsWhatWasDoneOnly) {
  EXPECT_EQ(ProgressText("reading stdin", 40, 0, "MB", 4), "40 MB  10 MB/s  reading stdin  0:04");
  EXPECT_EQ(ProgressText("storing and indexing", 0, 0, "", 12), "storing and indexing  0:12");
}

}  // namespace
}  // namespace ancre::cli
