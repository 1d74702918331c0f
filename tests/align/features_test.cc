#include "src/align/features.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "src/align/lexicon.h"
#include "src/align/scorer.h"
#include "src/core/error.h"

namespace ancre::align {
namespace {

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
  Lexicon lex;
  lex.AddPair("voiture", "car", &fr_stem, &en_stem);
  SideFeatures fr = BuildSideFeatures({"Les voitures rouges."}, {},
                                      {.language = "fr", .side = Side::kSource, .lexicon = &lex});
  SideFeatures en = BuildSideFeatures({"The red cars."}, {},
                                      {.language = "en", .side = Side::kTarget, .lexicon = &lex});
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

TEST(LexiconTest, ParsesDictdEntriesIntoTranslations) {
  std::vector<std::string> out;
  std::string head = ParseDictEntry(
      "abandonner /abɑ̃dɔne/ <v>\n1. cede, give up (formal)\n2. abandon; forsake\n", &out);
  EXPECT_EQ(head, "abandonner");
  EXPECT_EQ(out, (std::vector<std::string>{"cede", "give up", "abandon", "forsake"}));
}

// The Ding-based dictionaries (German–English) put notes, synonyms (in the
// source language) and cross-references on their own lines, and grammar in
// angle brackets; eng-hin adds examples in quotes and joins phrases with ~.
TEST(LexiconTest, KeepsOnlyTranslationLinesOfAnEntry) {
  std::vector<std::string> out;
  std::string head = ParseDictEntry(
      "Aas /a:s/ <neut, n, sg>\nflesh <n>, carrion\n         Note: Lederzurichtung\n"
      "   Synonyms: {Aasfleisch}, {Kadaver}\n see: {Luder}\n",
      &out);
  EXPECT_EQ(head, "Aas");
  EXPECT_EQ(out, (std::vector<std::string>{"flesh", "carrion"}));
  out.clear();
  ParseDictEntry("amid /x/ <Prep>\n1. बीच~में\n      \"The firm collapsed amid fraud.\"\n", &out);
  EXPECT_EQ(out, (std::vector<std::string>{"बीच में"}));
}

// scripts/setup.sh installs the FreeDict dictionaries of the pairs ancre
// ships a lexicon for: their absence is a failure, not a skip.
TEST(LexiconTest, LoadsTheInstalledFreeDict) {
  Lexicon lex = Lexicon::Load("/usr/share/dictd", "fr", "en");
  ASSERT_GT(lex.size(), 10000u) << "dict-freedict-fra-eng / eng-fra: run scripts/setup.sh";
  Stemmer fr("fr"), en("en");
  std::vector<std::string_view> t = lex.Translations(fr.Stem("gouvernement"));
  EXPECT_NE(std::find(t.begin(), t.end(), en.Stem("government")), t.end());
  EXPECT_TRUE(lex.HasTarget(en.Stem("government")));
}

struct InstalledPair {
  const char* src;
  const char* tgt;
  const char* src_word;
  const char* tgt_word;
};

class InstalledLexiconTest : public ::testing::TestWithParam<InstalledPair> {};

TEST_P(InstalledLexiconTest, TranslatesACommonWord) {
  const InstalledPair& p = GetParam();
  // The user's cache keeps the suite fast (German–English takes seconds to parse);
  // parsing itself is tested with French–English above.
  Lexicon lex = Lexicon::Load("/usr/share/dictd", p.src, p.tgt, Lexicon::DefaultCacheDir());
  ASSERT_FALSE(lex.empty()) << "no FreeDict dictionary for " << p.src << "-" << p.tgt
                            << ": run scripts/setup.sh";
  Stemmer s(p.src), t(p.tgt);
  std::vector<std::string_view> got = lex.Translations(s.Stem(p.src_word));
  EXPECT_NE(std::find(got.begin(), got.end(), t.Stem(p.tgt_word)), got.end())
      << p.src_word << " -> " << p.tgt_word;
}

INSTANTIATE_TEST_SUITE_P(Pairs, InstalledLexiconTest,
                         ::testing::Values(InstalledPair{"de", "en", "regierung", "government"},
                                           InstalledPair{"cs", "en", "vláda", "government"},
                                           InstalledPair{"ru", "en", "правительство", "government"},
                                           InstalledPair{"de", "fr", "regierung", "gouvernement"},
                                           InstalledPair{"es", "en", "gobierno", "government"}),
                         [](const ::testing::TestParamInfo<InstalledPair>& param) {
                           return std::string(param.param.src) + "_" + param.param.tgt;
                         });

// Russian–English has a small dictionary (eng-rus): it is completed through
// German (deu-rus, deu-eng).
TEST(LexiconTest, CompletesASmallDictionaryThroughAPivotLanguage) {
  Lexicon lex = Lexicon::Load("/usr/share/dictd", "ru", "en", Lexicon::DefaultCacheDir());
  EXPECT_GE(lex.size(), Lexicon::kPivotBelow);
  Stemmer ru("ru"), en("en");
  std::vector<std::string_view> t = lex.Translations(ru.Stem("больница"));
  EXPECT_NE(std::find(t.begin(), t.end(), en.Stem("hospital")), t.end());
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

TEST(LexiconTest, CacheGivesTheSameLexiconAndADamagedCacheIsRebuilt) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ancre-lexicon-cache-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  Lexicon parsed = Lexicon::Load("/usr/share/dictd", "fr", "en", dir.string());
  ASSERT_FALSE(parsed.empty());
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  Lexicon cached = Lexicon::Load("/usr/share/dictd", "fr", "en", dir.string());
  EXPECT_EQ(cached.ToText(), parsed.ToText());
  std::filesystem::resize_file(files[0], 100);  // damaged: read as truncated, rebuilt
  Lexicon rebuilt = Lexicon::Load("/usr/share/dictd", "fr", "en", dir.string());
  EXPECT_EQ(rebuilt.ToText(), parsed.ToText());
  EXPECT_GT(std::filesystem::file_size(files[0]), 100u);
  std::filesystem::remove_all(dir);
}

TEST(LexiconTest, MissingDictionaryGivesAnEmptyLexicon) {
  EXPECT_TRUE(Lexicon::Load("/nonexistent-folder", "fr", "en").empty());
}

}  // namespace
}  // namespace ancre::align
