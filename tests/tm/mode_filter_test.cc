// The mode and origin filters of a TranslationMemory: translations and
// comparable pairs (records.h, CheckModeFilter) told apart by ForEachUnit,
// Lookup and Search.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/core/error.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

TranslationUnit Unit(std::string source, std::string target, Origin origin, bool comparable) {
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = std::move(source);
  u.target = std::move(target);
  u.origin = origin;
  u.document = "test.tmx";
  // As a TMX exported with comparable pairs marks them.
  if (comparable) u.props.push_back({"x-mode", "comparable"});
  return u;
}

TranslationMemory MixedTm() {
  TranslationMemory store(":memory:", {});
  store.AddUnits({
      Unit("La réunion a eu lieu à Séoul.", "The meeting took place in Seoul.", Origin::kImported,
           false),
      Unit("Séoul et Phnom Penh créent une équipe.", "Seoul police will join the task force.",
           Origin::kImported, true),
      Unit("La police de Séoul a arrêté trois suspects.", "Seoul police arrested three suspects.",
           Origin::kEdited, false),
  });
  return store;
}

std::vector<std::string> Sources(const TranslationMemory& store, const std::string& mode) {
  UnitFilter filter;
  filter.mode = mode;
  std::vector<std::string> out;
  store.ForEachUnit(filter, [&](const TranslationUnit& u) { out.push_back(u.source); });
  return out;
}

TEST(ModeFilterTest, ForEachUnitKeepsTranslationsOrComparablePairs) {
  const TranslationMemory store = MixedTm();
  EXPECT_EQ(Sources(store, "parallel"),
            (std::vector<std::string>{"La réunion a eu lieu à Séoul.",
                                      "La police de Séoul a arrêté trois suspects."}));
  EXPECT_EQ(Sources(store, "comparable"),
            (std::vector<std::string>{"Séoul et Phnom Penh créent une équipe."}));
  EXPECT_EQ(Sources(store, "any").size(), 3u);
  EXPECT_EQ(Sources(store, "").size(), 3u);
  EXPECT_THROW(Sources(store, "both"), UsageError);
}

TEST(ModeFilterTest, SearchMarksAndFiltersComparablePairsAndOrigins) {
  const TranslationMemory store = MixedTm();
  SearchOptions all;
  std::vector<ConcordanceHit> hits = store.Search("Séoul", all);
  ASSERT_EQ(hits.size(), 3u);
  size_t comparable = 0;
  for (const ConcordanceHit& h : hits) {
    comparable += h.comparable;
    EXPECT_EQ(h.comparable, h.source == "Séoul et Phnom Penh créent une équipe.") << h.source;
  }
  EXPECT_EQ(comparable, 1u);
  SearchOptions translations;
  translations.mode = "parallel";
  EXPECT_EQ(store.Search("Séoul", translations).size(), 2u);
  translations.substring = true;
  EXPECT_EQ(store.Search("oul", translations).size(), 2u);
  SearchOptions edited;
  edited.origin = "edited";
  hits = store.Search("Séoul", edited);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].source, "La police de Séoul a arrêté trois suspects.");
  edited.origin = "typed";
  EXPECT_THROW(store.Search("Séoul", edited), UsageError);
}

TEST(ModeFilterTest, LookupMarksAndFiltersComparablePairs) {
  const TranslationMemory store = MixedTm();
  LookupOptions options;
  options.threshold = 50;
  const std::string query = "Séoul et Phnom Penh créent une équipe.";
  std::vector<FuzzyMatch> matches = store.Lookup(query, options);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].source, query);
  EXPECT_TRUE(matches[0].comparable);
  options.mode = "parallel";
  for (const FuzzyMatch& m : store.Lookup(query, options)) {
    EXPECT_FALSE(m.comparable) << m.source;
    EXPECT_NE(m.source, query);
  }
  options.mode = "comparable";
  matches = store.Lookup(query, options);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_TRUE(matches[0].comparable);
}

}  // namespace
}  // namespace ancre::tm
