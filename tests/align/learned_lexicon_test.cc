#include "src/align/learned_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ancre::align {
namespace {

// Sentences in two invented languages that share no spelling: each source
// word always comes with the same target word.
const std::vector<std::pair<std::string, std::string>> kWords = {
    {"bakuro", "zelnip"},  {"tamiso", "quorvex"},  {"lodifa", "wyntrel"},
    {"mekuna", "stroval"}, {"parito", "glenvash"}, {"sorima", "dwepkin"}};

struct Corpus {
  std::vector<std::string> src, tgt;
  std::vector<Bead> beads;
};

Corpus MakeCorpus(size_t sentences, double score) {
  Corpus c;
  for (size_t i = 0; i < sentences; ++i) {
    std::string s, t;
    // Two words a sentence, in changing company: no two always meet.
    for (size_t k : {i % kWords.size(), (i / kWords.size() + i + 1) % kWords.size()}) {
      s += kWords[k].first + " ";
      t += kWords[k].second + " ";
    }
    c.src.push_back(s);
    c.tgt.push_back(t);
    c.beads.push_back(Bead{{i}, {i}, score, {}});
  }
  return c;
}

TEST(LearnedLexiconTest, LearnsWordsThatKeepMeetingInConfidentBeads) {
  Corpus c = MakeCorpus(40, 0.9);
  Lexicon learned =
      LearnLexicon(c.src, c.tgt, c.beads, LearnOptions{.src_language = "xx", .tgt_language = "yy"});
  ASSERT_FALSE(learned.empty());
  for (const auto& [s, t] : kWords) {
    std::vector<std::string_view> got = learned.Translations(s);
    ASSERT_FALSE(got.empty()) << s;
    EXPECT_EQ(got.front(), t) << s;  // the best by Dice comes first
  }
}

TEST(LearnedLexiconTest, LearnsNothingFromTooFewOrUnsureBeads) {
  Corpus few = MakeCorpus(10, 0.9);
  EXPECT_TRUE(LearnLexicon(few.src, few.tgt, few.beads, {}).empty());
  Corpus unsure = MakeCorpus(40, 0.2);
  EXPECT_TRUE(LearnLexicon(unsure.src, unsure.tgt, unsure.beads, {}).empty());
}

TEST(LearnedLexiconTest, IsDeterministic) {
  Corpus c = MakeCorpus(60, 0.9);
  EXPECT_EQ(LearnLexicon(c.src, c.tgt, c.beads, {}).ToText(),
            LearnLexicon(c.src, c.tgt, c.beads, {}).ToText());
}

}  // namespace
}  // namespace ancre::align
