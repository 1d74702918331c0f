// ancre lexicon: the word translations learned from a translation, as TSV
// that `ancre align --dictionary` reads back; and a batch (--pairs) that
// learns from all its pairs together.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::vector<std::pair<std::string, std::string>> kSentences = {
    {"Le gouvernement a présenté un budget.", "The government presented a budget."},
    {"Les syndicats appellent à la grève.", "The unions are calling for a strike."},
    {"La croissance atteindra deux pour cent.", "Growth will reach two percent."},
    {"Le ministre a reçu les agriculteurs.", "The minister received the farmers."},
    {"Les glaciers fondent chaque année.", "The glaciers melt every year."}};

// Writes a French–English translation of `n` sentences starting at `first`
// as <name>.fr.txt and <name>.en.txt; returns "fr en" paths.
std::pair<std::string, std::string> WritePair(const ScratchDir& dir, const std::string& name,
                                              size_t first, size_t n) {
  std::string fr, en;
  for (size_t k = first; k < first + n; ++k) {
    fr += kSentences[k % kSentences.size()].first + " Dossier " + std::to_string(100 + k) + ".\n";
    en += kSentences[k % kSentences.size()].second + " File " + std::to_string(100 + k) + ".\n";
  }
  WriteFile(dir / (name + ".fr.txt"), fr);
  WriteFile(dir / (name + ".en.txt"), en);
  return {dir / (name + ".fr.txt"), dir / (name + ".en.txt")};
}

const std::string kLanguages = " --src-lang fr --tgt-lang en --presegmented --dictionary-dir none";

TEST(LexiconCliTest, ShowsWhatATranslationTeachesAsTsvThatAlignReadsBack) {
  ScratchDir dir;
  const auto [fr, en] = WritePair(dir, "long", 0, 40);
  RunResult r = RunAncre("lexicon " + fr + " " + en + kLanguages + " -o " + (dir / "learned.tsv"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string tsv = ReadAll(dir / "learned.tsv");
  EXPECT_EQ(tsv.rfind("# ancre lexicon fr-en", 0), 0u) << tsv;
  // Stems: "syndicats" ~ "unions", "grève" ~ "strike", with Dice and count.
  EXPECT_NE(tsv.find("\nsyndicat\tunion\t"), std::string::npos) << tsv;
  EXPECT_NE(tsv.find("\ngrev\tstrike\t"), std::string::npos) << tsv;
  EXPECT_NE(r.err.find("learned "), std::string::npos) << r.err;

  RunResult again = RunAncre("align " + fr + " " + en + kLanguages + " --no-learn --dictionary " +
                             (dir / "learned.tsv") + " --format jsonl");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err.find("--dictionary: 0 word pair(s)"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("--dictionary: "), std::string::npos) << again.err;
}

// Four sentences a document: too few to learn from one, enough from three.
TEST(LexiconCliTest, PairsLearnFromAllDocumentsTogether) {
  ScratchDir dir;
  std::string manifest;
  for (size_t d = 0; d < 3; ++d) {
    const auto [fr, en] = WritePair(dir, "doc" + std::to_string(d), d, 4);
    manifest += fr + "\t" + en + "\n";
  }
  WriteFile(dir / "manifest.tsv", manifest);
  const auto [fr0, en0] = std::pair{dir / "doc0.fr.txt", dir / "doc0.en.txt"};
  RunResult one = RunAncre("lexicon " + fr0 + " " + en0 + kLanguages);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out.find('\t'), std::string::npos) << one.out;  // nothing learned
  RunResult all = RunAncre("lexicon --pairs " + (dir / "manifest.tsv") + kLanguages);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("\nsyndicat\tunion\t"), std::string::npos) << all.out;
  EXPECT_NE(all.err.find("from 3 document pair(s)"), std::string::npos) << all.err;

  // align --pairs does the same before aligning each pair, unless --no-learn.
  const std::string batch = "align --pairs " + (dir / "manifest.tsv") + kLanguages +
                            " --mode parallel --db " + (dir / "tm.sqlite");
  RunResult stored = RunAncre(batch);
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_NE(stored.err.find("word translation(s) from the 3 pairs together"), std::string::npos)
      << stored.err;
  RunResult not_learned = RunAncre(batch + " --no-learn");
  ASSERT_EQ(not_learned.exit_code, 0) << not_learned.err;
  EXPECT_EQ(not_learned.err.find("together"), std::string::npos) << not_learned.err;
}

}  // namespace
}  // namespace ancre::testing
