#include "src/align/scorer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/align/comparable.h"
#include "src/align/features.h"
#include "src/align/key_table.h"

namespace ancre::align {
namespace {

SideFeatures French(const std::vector<std::string>& texts) {
  return BuildSideFeatures(texts, {}, {.language = "fr", .side = Side::kSource});
}
SideFeatures English(const std::vector<std::string>& texts) {
  return BuildSideFeatures(texts, {}, {.language = "en", .side = Side::kTarget});
}

TEST(KeyTableTest, GivesDenseIdsInInsertionOrderAndFindsThemAgain) {
  KeyTable t;
  std::vector<uint64_t> keys;
  for (uint64_t k = 1; k <= 10000; ++k) keys.push_back(k * 0x9E3779B97F4A7C15ull);
  keys.push_back(0);  // the empty-slot marker is a key like any other
  for (size_t i = 0; i < keys.size(); ++i) EXPECT_EQ(t.Insert(keys[i]), i);
  EXPECT_EQ(t.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) ASSERT_EQ(t.Find(keys[i]), i);
  EXPECT_EQ(t.Insert(keys[5]), 5u);
  EXPECT_EQ(t.Find(12345), KeyTable::kNone);
}

TEST(ScorerTest, IndexesOnlyKeysBothSidesHave) {
  SideFeatures fr = French({"Une crise à Tokyo.", "Le gouvernement bancaire."});
  SideFeatures en = English({"The crisis.", "Stocks fell in Paris."});
  Scorer s(fr, en, {0.89, 6.8});
  // "cris" is the only key found on both sides.
  EXPECT_EQ(s.index().shared_keys, 1u);
  EXPECT_EQ(s.index().src.SegmentKeys(0).size(), 1u);
  EXPECT_EQ(s.index().src.SegmentKeys(1).size(), 0u);
  EXPECT_EQ(s.index().tgt.SegmentKeys(1).size(), 0u);
}

TEST(ScorerTest, PairMatchGivesTheSameSimilarityAsTheGeneralPath) {
  SideFeatures fr = French({"La crise économique du président Macron en 2024.", "Il pleut."});
  SideFeatures en = English({"The economic crisis of president Macron in 2024.", "Rain."});
  Scorer s(fr, en, {0.89, 6.8});
  for (size_t i = 0; i < 2; ++i) {
    for (size_t j = 0; j < 2; ++j) {
      EXPECT_NEAR(s.SimilarityOf(i, j, s.Match(i, j)), s.Similarity(i, i + 1, j, j + 1), 1e-9);
    }
  }
  EXPECT_GT(s.Similarity(0, 1, 0, 1), 0.8);
}

TEST(ScorerTest, SegmentwiseSimilarityCountsAnUnmatchedShortSentenceFully) {
  // A long matched pair plus a short French sentence sharing nothing.
  SideFeatures fr =
      French({"Le président Macron a présenté le budget de la défense nationale en 2024.",
              "Quel tourbillon."});
  SideFeatures en =
      English({"President Macron presented the national defence budget in 2024.", "Rain."});
  Scorer s(fr, en, {0.89, 6.8});
  double pooled = s.Similarity(0, 2, 0, 1);
  double segmentwise = s.SegmentwiseSimilarity(0, 2, 0, 1);
  EXPECT_GT(pooled, 0.6);  // the long sentence dominates the pooled weights
  EXPECT_LT(segmentwise, pooled - 0.1);
  // On a 1-1 pair both agree on which pair is better.
  EXPECT_GT(s.SegmentwiseSimilarity(0, 1, 0, 1), s.SegmentwiseSimilarity(0, 1, 1, 2));
}

TEST(ScorerTest, SharesRareAnchorOnlyForKeysRareOnBothSides) {
  DocumentAnchors fa(3), ea(3);
  Anchor year{AnchorKind::kNumber, "year", "1997", {}, "1997", 1.0};
  Anchor korea{AnchorKind::kEntity, "place", "Corée", {}, "KR", 1.0};
  fa[0] = {year, korea};
  fa[1] = {korea};
  fa[2] = {korea};
  ea[0] = {year, korea};
  ea[1] = {korea};
  ea[2] = {korea};
  std::vector<std::string> texts = {"a", "b", "c"};
  SideFeatures fr = BuildSideFeatures(texts, fa, {.language = "fr", .side = Side::kSource});
  SideFeatures en = BuildSideFeatures(texts, ea, {.language = "en", .side = Side::kTarget});
  Scorer s(fr, en, {0.89, 6.8});
  EXPECT_TRUE(s.SharesRareAnchor(0, 0, 2));
  EXPECT_FALSE(s.SharesRareAnchor(1, 1, 2));  // Korea is in every segment
  EXPECT_TRUE(s.SharesRareAnchor(1, 1, 3));
}

TEST(ComparableScoreTest, WeakPairsWithoutARareAnchorScoreLower) {
  double with = ComparableScore(0.3, 0.05, 0.5, true, true);
  double without = ComparableScore(0.3, 0.05, 0.5, true, false);
  EXPECT_GT(with, 0.5);
  EXPECT_LT(without, 0.4);
  // Strong lexical evidence needs no anchor.
  EXPECT_GT(ComparableScore(0.6, 0.2, 0.5, true, false), 0.9);
}

}  // namespace
}  // namespace ancre::align
