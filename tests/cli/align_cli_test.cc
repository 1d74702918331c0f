// End-to-end: `ancre align` and `ancre eval` on the sample articles.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kSamples = ANCRE_SAMPLES;
const std::string kPairArgs = kSamples + "/cambodia-korea-scams.fr.txt " + kSamples +
                              "/cambodia-korea-scams.en.txt --src-lang fr --tgt-lang en";

// The jsonl line of the bead whose source text contains `needle`, or "".
std::string BeadWith(const std::string& jsonl, const std::string& needle) {
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    size_t src_text = line.find("\"src_text\":");
    if (src_text != std::string::npos && line.find(needle, src_text) != std::string::npos) {
      return line;
    }
  }
  return "";
}

TEST(AlignCliTest, AutoModePicksComparableForTheSampleArticles) {
  RunResult r = RunAncre("align " + kPairArgs + " --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("auto: comparable"), std::string::npos) << r.err;
}

TEST(AlignCliTest, PairsThe1997SentencesAndLeavesPageFurnitureUnaligned) {
  RunResult r = RunAncre("align " + kPairArgs + " --mode comparable --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string bead = BeadWith(r.out, "Rétablies en 1997");
  ASSERT_FALSE(bead.empty());
  EXPECT_NE(bead.find("Under the efforts of former Prime Minister Hun Sen"), std::string::npos)
      << bead;
  EXPECT_NE(bead.find("\"type\":\"1-1\""), std::string::npos);
  for (const char* furniture : {"Édition internationale", "Commentaires"}) {
    std::string b = BeadWith(r.out, furniture);
    ASSERT_FALSE(b.empty()) << furniture;
    EXPECT_NE(b.find("\"tgt\":[]"), std::string::npos) << b;
  }
  // The photo credit stays unaligned: its bead, if any, has no source side.
  size_t supplied = r.out.find("\"tgt_text\":\"Supplied\"");
  if (supplied != std::string::npos) {
    size_t line_start = r.out.rfind('\n', supplied);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    EXPECT_EQ(r.out.compare(line_start, 9, "{\"src\":[]"), 0);
  }
}

TEST(AlignCliTest, PresegmentedIndicesAreLineNumbersAndTextsMatch) {
  ScratchDir dir;
  std::ofstream(dir / "a.fr") << "Le gouvernement a présenté le budget.\n\nLe président a parlé.\n";
  std::ofstream(dir / "a.en") << "The government presented the budget.\nThe president spoke.\n";
  RunResult r =
      RunAncre("align " + (dir / "a.fr") + " " + (dir / "a.en") +
               " --src-lang fr --tgt-lang en --presegmented --mode parallel --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("{\"src\":[0],\"tgt\":[0],"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"src\":[2],\"tgt\":[1],"), std::string::npos) << r.out;
  EXPECT_NE(BeadWith(r.out, "Le président a parlé.").find("\"tgt_text\":\"The president spoke.\""),
            std::string::npos);
}

TEST(AlignCliTest, EvalScoresPredictionAgainstGold) {
  ScratchDir dir;
  std::ofstream(dir / "gold.jsonl") << "{\"src\":[0],\"tgt\":[0]}\n{\"src\":[1],\"tgt\":[1,2]}\n";
  std::ofstream(dir / "pred.jsonl") << "{\"src\":[0],\"tgt\":[0],\"score\":0.9}\n"
                                       "{\"src\":[1],\"tgt\":[1]}\n{\"src\":[],\"tgt\":[2]}\n";
  RunResult r = RunAncre("eval --gold " + (dir / "gold.jsonl") + " --pred " + (dir / "pred.jsonl") +
                         " --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"strict\":{\"P\":0.500,\"R\":0.500"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"links\":{\"P\":1.000,\"R\":0.667"), std::string::npos) << r.out;
}

TEST(AlignCliTest, BadModeIsAUsageError) {
  RunResult r = RunAncre("align " + kPairArgs + " --mode sideways");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--mode"), std::string::npos);
}

}  // namespace
}  // namespace ancre::testing
