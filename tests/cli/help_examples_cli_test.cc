// The examples `ancre lookup --help` and `ancre search --help` give find
// something on the TM scripts/demo.sh builds from samples/.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kSamples = ANCRE_SAMPLES;

class HelpExamplesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // What scripts/demo.sh runs.
    RunResult r = RunAncre("align " + kSamples + "/cambodia-korea-scams.fr.txt " + kSamples +
                           "/cambodia-korea-scams.en.txt --src-lang fr --tgt-lang en --db '" +
                           Db() + "' --quiet");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string Db() const { return dir_ / "ancre.sqlite"; }
  ScratchDir dir_;
};

TEST_F(HelpExamplesTest, TheLookupExampleFindsItsUnitAndNamesTheNumber) {
  const std::string help = RunAncre("lookup --help").out;
  const std::string example =
      "Rétablies en 1998, les relations diplomatiques entre le Cambodge et la Corée du Sud ont été "
      "élevées au rang de partenariat stratégique.";
  ASSERT_NE(help.find(example.substr(0, 60)), std::string::npos) << help;
  RunResult r = RunAncre("lookup --db '" + Db() + "' \"" + example + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("93.71%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("differs: number 1998 → 1997"), std::string::npos) << r.out;
}

TEST_F(HelpExamplesTest, TheSearchExamplesFindUnits) {
  const std::string help = RunAncre("search --help").out;
  for (const std::string& query : {std::string("'task force'"), std::string("--lang fr 'escroq*'"),
                                   std::string("'\"task force\"' --format jsonl")}) {
    ASSERT_NE(help.find(query), std::string::npos) << query;
    RunResult r = RunAncre("search --db '" + Db() + "' " + query);
    EXPECT_EQ(r.exit_code, 0) << query << ": " << r.err;
    EXPECT_NE(r.out.find("Kampot"), std::string::npos) << query << ": " << r.out;  // the lead
  }
}

}  // namespace
}  // namespace ancre::testing
