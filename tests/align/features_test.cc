#include "src/align/features.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "src/align/lexicon.h"
#include "src/align/scorer.h"
#include "src/core/error.h"

namespace ancre::align {
namespace {

TEST(FeaturesTest, PartialDatesLetAMonthMeetADayOfThatMonth) {
  // "novembre" alone against "November 10": the month key meets the day's.
  std::vector<std::string> fr = {"Une équipe commune verra le jour en novembre."};
  std::vector<std::string> en = {"A joint team will be launched on November 10."};
  DocumentAnchors fa(1), ea(1);
  fa[0].push_back({AnchorKind::kDate, "month", "novembre", {}, "--11", 0.4});
  ea[0].push_back({AnchorKind::kDate, "yearless-day", "November 10", {}, "--11-10", 0.5});
  auto similarity = [&](bool partial) {
    FeatureOptions fs;
    fs.language = "fr";
    fs.partial_dates = partial;
    FeatureOptions ft = fs;
    ft.language = "en";
    ft.side = Side::kTarget;
    Scorer s(BuildSideFeatures(fr, fa, fs), BuildSideFeatures(en, ea, ft), LengthModel{});
    return s.Similarity(0, 1, 0, 1);
  };
  EXPECT_GT(similarity(true), similarity(false));
}

TEST(FeaturesTest, SplitsWordsAndJoinsNumberGroups) {
  std::string text = "Il a payé 3 400 euros, soit 3,4 % d'aujourd'hui en 1997.";
  std::vector<Word> words = SplitWords(text);
  std::vector<std::string> numbers;
  for (const Word& w : words) {
    if (w.is_number) numbers.push_back(w.number_key);
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"3400", "34", "1997"}));
  EXPECT_EQ(text.substr(words[2].begin, words[2].end - words[2].begin), "payé");
}

TEST(FeaturesTest, MarksAcronymsButNotCapitalizedWords) {
  std::vector<Word> words = SplitWords("Un rapport de l'UN");
  ASSERT_EQ(words.size(), 5u);
  EXPECT_FALSE(words[0].all_caps);  // "Un": a sentence-initial capital, not the UN
  EXPECT_TRUE(words[4].all_caps);
}

TEST(FeaturesTest, CognatesShareAFourLetterPrefixAfterFolding) {
  SideFeatures fr = BuildSideFeatures({"La crise économique du Président.", "Il pleut."}, {},
                                      {.language = "fr", .side = Side::kSource});
  SideFeatures en = BuildSideFeatures({"The economic crisis of the president.", "Stocks fell."}, {},
                                      {.language = "en", .side = Side::kTarget});
  Scorer s(fr, en, {0.89, 6.8});
  EXPECT_GT(s.Similarity(0, 1, 0, 1), 0.8);
  EXPECT_LT(s.Similarity(1, 2, 1, 2), 0.5);
  EXPECT_GT(s.Similarity(0, 1, 0, 1), s.Similarity(0, 1, 1, 2) + 0.5);
}

TEST(FeaturesTest, FunctionWordsGiveNoEvidence) {
  // "comme" (like) would share "comm" with "committee" if it counted.
  SideFeatures fr = BuildSideFeatures({"comme pour dans"}, {}, {.language = "fr"});
  EXPECT_TRUE(fr.tokens.empty());
  EXPECT_TRUE(IsStopword("fr", "comme"));
  EXPECT_FALSE(IsStopword("fr", "comite"));
}

TEST(FeaturesTest, LexiconConnectsTranslationsThroughStems) {
  Stemmer fr_stem("fr"), en_stem("en");
  Lexicon words;
  words.AddPair("voiture", "car", &fr_stem, &en_stem);
  const auto lex = std::make_shared<const Lexicon>(words);
  SideFeatures fr = BuildSideFeatures({"Les voitures rouges."}, {},
                                      {.language = "fr", .side = Side::kSource, .lexicon = lex});
  SideFeatures en = BuildSideFeatures({"The red cars."}, {},
                                      {.language = "en", .side = Side::kTarget, .lexicon = lex});
  SideFeatures fr_plain = BuildSideFeatures({"Les voitures rouges."}, {}, {.language = "fr"});
  SideFeatures en_plain = BuildSideFeatures({"The red cars."}, {}, {.language = "en"});
  Scorer with(fr, en, {0.89, 6.8});
  Scorer without(fr_plain, en_plain, {0.89, 6.8});
  EXPECT_GT(with.Similarity(0, 1, 0, 1), without.Similarity(0, 1, 0, 1));
}

TEST(FeaturesTest, LengthPenaltyGrowsWithMismatch) {
  LengthModel m{0.9, 6.8};
  EXPECT_LT(LengthPenaltyFromChars(100, 90, m), 0.05);
  EXPECT_GT(LengthPenaltyFromChars(100, 30, m), LengthPenaltyFromChars(100, 70, m));
}

TEST(FeaturesTest, WordsInOtherScriptsMeetTheirLatinSpelling) {
  DocumentAnchors none;
  SideFeatures ru = BuildSideFeatures({"Барак Обама прилетел в Лондон."}, none,
                                      {.language = "ru", .side = Side::kSource});
  SideFeatures en = BuildSideFeatures({"Barack Obama flew to London."}, none,
                                      {.language = "en", .side = Side::kTarget});
  // barak/barack, obama/obama, london/london: the first four letters meet.
  EXPECT_GE(MatchIndex::Build(ru, en).shared_keys, 3u);
  SideFeatures hi = BuildSideFeatures({"ओबामा"}, none, {.language = "hi", .side = Side::kSource});
  EXPECT_GE(MatchIndex::Build(hi, en).shared_keys, 1u);
}

TEST(FeaturesTest, NamesMeetOnTheirConsonantsAcrossScripts) {
  DocumentAnchors none;
  // Transliterations that differ past the first four letters' reach:
  // Dzhobsa/Jobs, Skalia/Scalia, Tomas/Thomas, Fejsbuk/Facebook.
  const std::vector<std::string> ru_text = {"Джобса, Скалиа и Томаса видели в Фейсбуке."};
  const std::vector<std::string> en_text = {"Jobs, Scalia and Thomas were seen on Facebook."};
  FeatureOptions ru_options{.language = "ru", .side = Side::kSource};
  FeatureOptions en_options{.language = "en", .side = Side::kTarget};
  const size_t plain = MatchIndex::Build(BuildSideFeatures(ru_text, none, ru_options),
                                         BuildSideFeatures(en_text, none, en_options))
                           .shared_keys;
  ru_options.phonetic_names = en_options.phonetic_names = true;
  const size_t phonetic = MatchIndex::Build(BuildSideFeatures(ru_text, none, ru_options),
                                            BuildSideFeatures(en_text, none, en_options))
                              .shared_keys;
  EXPECT_GE(phonetic, plain + 4) << plain << " shared keys without skeletons";
}

TEST(LexiconTest, TextFormRoundTrips) {
  Lexicon lex;
  Stemmer fr("fr"), en("en");
  lex.AddPair("maison", "house", &fr, &en);
  lex.AddPair("maison", "home", &fr, &en);
  lex.AddPair("chat", "cat", &fr, &en);
  Lexicon back = Lexicon::FromText(lex.ToText());
  EXPECT_EQ(back.size(), 3u);
  EXPECT_EQ(back.ToText(), lex.ToText());
  EXPECT_EQ(back.Translations(fr.Stem("maison")).size(), 2u);
  EXPECT_TRUE(back.HasTarget(en.Stem("cat")));
  EXPECT_FALSE(back.HasTarget("dog"));
  EXPECT_THROW(Lexicon::FromText("not a lexicon\n"), ParseError);
  std::string truncated = lex.ToText();
  truncated.resize(truncated.size() / 2);
  EXPECT_THROW(Lexicon::FromText(truncated), ParseError);
}

}  // namespace
}  // namespace ancre::align
