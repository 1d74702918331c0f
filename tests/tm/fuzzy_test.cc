#include "tm/fuzzy.h"

#include <gtest/gtest.h>

namespace ancre::tm {
namespace {

TEST(FuzzyTest, FoldsCaseAccentsAndPunctuation) {
  MatchWords w = SplitMatchWords("L’Équipe  CONJOINTE, à Séoul !");
  EXPECT_EQ(w.keys, (std::vector<std::string>{"l", "equipe", "conjointe", "a", "seoul"}));
  EXPECT_EQ(w.originals, (std::vector<std::string>{"L", "Équipe", "CONJOINTE", "à", "Séoul"}));
}

TEST(FuzzyTest, TreatsNoBreakSpacesAsWordSeparators) {
  EXPECT_EQ(MatchKey("27\u00a0octobre\u202f2025"), "27 octobre 2025");
}

TEST(FuzzyTest, KeepsNonAsciiSymbolsAsWords) { EXPECT_EQ(MatchKey("5 € ou 5 $"), "5 € ou 5"); }

TEST(FuzzyTest, TextWithoutLettersHasNoWords) { EXPECT_EQ(SplitMatchWords(" … — !? ").size(), 0u); }

TEST(FuzzyTest, IdenticalNormalizedTextScoresHundred) {
  WordDiff d = DiffWords(SplitMatchWords("Les deux pays."), SplitMatchWords("les DEUX pays"));
  EXPECT_EQ(d.distance, 0u);
  EXPECT_DOUBLE_EQ(d.score, 100.0);
  EXPECT_TRUE(d.edits.empty());
}

TEST(FuzzyTest, OneDifferentWordInEightScoresEightySevenAndAHalf) {
  WordDiff d = DiffWords(SplitMatchWords("Les deux pays créeront une équipe conjointe demain"),
                         SplitMatchWords("Les deux pays créeront une cellule conjointe demain"));
  EXPECT_EQ(d.distance, 1u);
  EXPECT_DOUBLE_EQ(d.score, 87.5);
  ASSERT_EQ(d.edits.size(), 1u);
  EXPECT_EQ(d.edits[0], (WordEdit{WordEdit::Kind::kReplace, "équipe", "cellule"}));
}

TEST(FuzzyTest, ReportsInsertedAndDeletedWords) {
  WordDiff d = DiffWords(SplitMatchWords("a b c"), SplitMatchWords("a c d"));
  EXPECT_EQ(d.distance, 2u);
  ASSERT_EQ(d.edits.size(), 2u);
  EXPECT_EQ(d.edits[0], (WordEdit{WordEdit::Kind::kDelete, "b", ""}));
  EXPECT_EQ(d.edits[1], (WordEdit{WordEdit::Kind::kInsert, "", "d"}));
  EXPECT_EQ(DescribeEdits(d.edits), "deleted \"b\", inserted \"d\"");
}

TEST(FuzzyTest, DistanceIsSymmetricAndMatchesDiff) {
  std::vector<std::string> a = {"the", "task", "force", "met", "in", "seoul"};
  std::vector<std::string> b = {"a", "task", "force", "will", "meet", "in", "phnom", "penh"};
  EXPECT_EQ(WordDistance(a, b), WordDistance(b, a));
  MatchWords ma{a, a}, mb{b, b};
  EXPECT_EQ(WordDistance(a, b), DiffWords(ma, mb).distance);
  EXPECT_EQ(WordDistance(a, b), 5u);
}

TEST(FuzzyTest, MatchPercentUsesTheLongerText) {
  EXPECT_DOUBLE_EQ(MatchPercent(1, 4, 5), 80.0);
  EXPECT_DOUBLE_EQ(MatchPercent(0, 0, 0), 100.0);
  EXPECT_DOUBLE_EQ(MatchPercent(3, 3, 0), 0.0);
}

}  // namespace
}  // namespace ancre::tm
