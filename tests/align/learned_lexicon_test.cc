#include "src/align/learned_lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "src/align/aligner.h"

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
  Corpus few = MakeCorpus(4, 0.9);
  EXPECT_TRUE(LearnLexicon(few.src, few.tgt, few.beads, {}).empty());
  Corpus unsure = MakeCorpus(40, 0.2);
  EXPECT_TRUE(LearnLexicon(unsure.src, unsure.tgt, unsure.beads, {}).empty());
}

TEST(LearnedLexiconTest, IsDeterministic) {
  Corpus c = MakeCorpus(60, 0.9);
  EXPECT_EQ(LearnLexicon(c.src, c.tgt, c.beads, {}).ToText(),
            LearnLexicon(c.src, c.tgt, c.beads, {}).ToText());
}

// Many sentences carry a number both sides share, so the first alignment is
// sure of them; three do not, and the translation leaves out the middle one.
// All three have the same length: only their words say which one is missing,
// and only the words learned from the numbered sentences can say it.
TEST(LearnedLexiconTest, LearnedWordsFindTheOmissionLengthCannot) {
  std::vector<std::pair<std::string, std::string>> words = kWords;
  words.insert(words.end(), {{"fenubo", "kratlem"}, {"gisapo", "trondek"}, {"hulemi", "vospard"}});
  auto sentence = [&](size_t a, size_t b, size_t c, bool source) {
    auto w = [&](size_t k) { return source ? words[k].first : words[k].second; };
    return w(a) + " " + w(b) + " " + w(c);
  };
  std::vector<std::string> src, tgt;
  for (size_t i = 0; i < 36; ++i) {
    const size_t a = i % 9, b = (i / 9 + a + 1) % 9, c = (a + 4) % 9;
    src.push_back(sentence(a, b, c, true) + " " + std::to_string(1000 + 7 * i) + ".");
    tgt.push_back(sentence(a, b, c, false) + " " + std::to_string(1000 + 7 * i) + ".");
    if (i == 17) {
      // The same length on the source side: three words of six letters.
      src.push_back(sentence(0, 1, 2, true) + ".");
      src.push_back(sentence(3, 4, 5, true) + ".");  // left out of the translation
      src.push_back(sentence(6, 7, 8, true) + ".");
      tgt.push_back(sentence(0, 1, 2, false) + ".");
      tgt.push_back(sentence(6, 7, 8, false) + ".");
    }
  }
  const size_t omitted = 19;  // the source index of the sentence left out
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kParallel;
  o.src_language = "xx";
  o.tgt_language = "yy";
  auto left_out = [&](bool learn) {
    o.learn = learn;
    ModeDecision decision;
    Alignment a = Align({src, none}, {tgt, none}, o, &decision);
    EXPECT_EQ(decision.learned_pairs > 0, learn);
    std::vector<size_t> out;
    for (const Bead& b : a.beads) {
      if (b.tgt.empty()) out.insert(out.end(), b.src.begin(), b.src.end());
    }
    return out;
  };
  EXPECT_EQ(left_out(true), std::vector<size_t>{omitted});
  EXPECT_NE(left_out(false), std::vector<size_t>{omitted});
}

// A batch learns from all its documents together: words that meet once in
// each of two documents meet twice in both.
TEST(LearnedLexiconTest, LearnsFromSeveralDocumentsTogether) {
  Corpus c = MakeCorpus(12, 0.9);
  Corpus first, second;
  for (size_t i = 0; i < c.src.size(); ++i) {
    Corpus& half = i < 6 ? first : second;
    half.beads.push_back(Bead{{half.src.size()}, {half.tgt.size()}, 0.9, {}});
    half.src.push_back(c.src[i]);
    half.tgt.push_back(c.tgt[i]);
  }
  const LearnOptions options{.src_language = "xx", .tgt_language = "yy", .min_beads = 8};
  EXPECT_TRUE(LearnLexicon(first.src, first.tgt, first.beads, options).empty());
  LexiconLearner learner(options);
  learner.Add(first.src, first.tgt, first.beads);
  learner.Add(second.src, second.tgt, second.beads);
  EXPECT_EQ(learner.beads(), 12u);
  const std::vector<LearnedPair> pairs = learner.Pairs();
  ASSERT_FALSE(pairs.empty());
  EXPECT_TRUE(
      std::is_sorted(pairs.begin(), pairs.end(),
                     [](const LearnedPair& a, const LearnedPair& b) { return a.src < b.src; }));
  const Lexicon together = LexiconOf(pairs);
  for (const auto& [s, t] : kWords) {
    std::vector<std::string_view> got = together.Translations(s);
    ASSERT_FALSE(got.empty()) << s;
    EXPECT_EQ(got.front(), t) << s;
  }
  for (const LearnedPair& p : pairs) {
    EXPECT_GE(p.count, 2u);
    EXPECT_GE(p.dice, options.min_dice);
  }
}

}  // namespace
}  // namespace ancre::align
