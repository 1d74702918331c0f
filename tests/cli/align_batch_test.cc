// ancre align --pairs: many document pairs into one TM, failures reported by manifest line.
#include <gtest/gtest.h>

#include <fstream>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kSamples = ANCRE_SAMPLES;

TEST(AlignBatchTest, StoresEveryPairAndReportsTheBadLine) {
  ScratchDir dir;
  {
    std::ofstream m(dir / "manifest.tsv");
    m << "# sample pair, then the same pair swapped, then a missing file\n"
      << kSamples << "/cambodia-korea-scams.fr.txt\t" << kSamples
      << "/cambodia-korea-scams.en.txt\n"
      << "\n"
      << kSamples << "/cambodia-korea-scams.fr.txt\tmissing.en.txt\n";
  }
  std::string db = dir / "tm.sqlite";
  RunResult r = RunAncre("align --pairs '" + (dir / "manifest.tsv") + "' --db '" + db +
                         "' --src-lang fr --tgt-lang en");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("manifest.tsv:4: " + (dir / "missing.en.txt") + ": cannot open"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 document pairs stored"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 failed"), std::string::npos) << r.err;
  RunResult stats = RunAncre("stats --db '" + db + "' --format json");
  EXPECT_NE(stats.out.find("\"documents\":2"), std::string::npos) << stats.out;

  // A rerun stores nothing new.
  RunResult again = RunAncre("align --pairs '" + (dir / "manifest.tsv") + "' --db '" + db +
                             "' --src-lang fr --tgt-lang en");
  EXPECT_NE(again.err.find("0 document pairs stored (0 new translation units), 1 already there"),
            std::string::npos)
      << again.err;
}

TEST(AlignBatchTest, MalformedManifestIsRejectedBeforeAnyWork) {
  ScratchDir dir;
  std::ofstream(dir / "manifest.tsv") << "only-one-field\n";
  RunResult r = RunAncre("align --pairs '" + (dir / "manifest.tsv") + "' --db '" +
                         (dir / "tm.sqlite") + "' --src-lang fr --tgt-lang en");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("manifest.tsv:1: expected two paths separated by one tab"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "tm.sqlite"));
}

TEST(AlignBatchTest, PairsNeedsADatabase) {
  RunResult r = RunAncre("align --pairs m.tsv --src-lang fr --tgt-lang en");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("add --db"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ancre::testing
