// ancre align --db: the sample alignment lands in the TM once, whatever the number of runs.
#include <gtest/gtest.h>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kPair = "'" + std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt' '" +
                          std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt'";

TEST(AlignDbTest, StoresThePairsOnceAndSaysSo) {
  ScratchDir dir;
  std::string db = dir / "tm.sqlite";
  RunResult first = RunAncre("align " + kPair + " --src-lang fr --tgt-lang en --db '" + db + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, "");  // --db alone prints no beads
  EXPECT_NE(first.err.find("tm.sqlite: stored "), std::string::npos) << first.err;
  RunResult stats = RunAncre("stats --db '" + db + "' --format json");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  EXPECT_NE(stats.out.find("\"documents\":2"), std::string::npos) << stats.out;

  RunResult again = RunAncre("align " + kPair + " --src-lang fr --tgt-lang en --db '" + db + "'");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("already stored; nothing written"), std::string::npos) << again.err;
  EXPECT_EQ(RunAncre("stats --db '" + db + "' --format json").out, stats.out);
}

TEST(AlignDbTest, PrintsBeadsTooWhenAFormatIsGiven) {
  ScratchDir dir;
  RunResult r = RunAncre("align " + kPair + " --src-lang fr --tgt-lang en --format jsonl --db '" +
                         (dir / "tm.sqlite") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"src\":[18]"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace ancre::testing
