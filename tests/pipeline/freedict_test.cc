#include "src/pipeline/freedict.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace ancre::pipeline {
namespace {

using align::Lexicon;
using align::Stemmer;

TEST(FreeDictTest, ParsesDictdEntriesIntoTranslations) {
  std::vector<std::string> out;
  std::string head = ParseDictEntry(
      "abandonner /abɑ̃dɔne/ <v>\n1. cede, give up (formal)\n2. abandon; forsake\n", &out);
  EXPECT_EQ(head, "abandonner");
  EXPECT_EQ(out, (std::vector<std::string>{"cede", "give up", "abandon", "forsake"}));
}

// The Ding-based dictionaries (German–English) put notes, synonyms (in the
// source language) and cross-references on their own lines, and grammar in
// angle brackets; eng-hin adds examples in quotes and joins phrases with ~.
TEST(FreeDictTest, KeepsOnlyTranslationLinesOfAnEntry) {
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
TEST(FreeDictTest, LoadsTheInstalledFreeDict) {
  Lexicon lex = LoadFreeDict("/usr/share/dictd", "fr", "en");
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
  Lexicon lex = LoadFreeDict("/usr/share/dictd", p.src, p.tgt, DefaultCacheDir());
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
TEST(FreeDictTest, CompletesASmallDictionaryThroughAPivotLanguage) {
  Lexicon lex = LoadFreeDict("/usr/share/dictd", "ru", "en", DefaultCacheDir());
  EXPECT_GE(lex.size(), kPivotBelow);
  Stemmer ru("ru"), en("en");
  std::vector<std::string_view> t = lex.Translations(ru.Stem("больница"));
  EXPECT_NE(std::find(t.begin(), t.end(), en.Stem("hospital")), t.end());
}

TEST(FreeDictTest, CacheGivesTheSameLexiconAndADamagedCacheIsRebuilt) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ancre-lexicon-cache-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  Lexicon parsed = LoadFreeDict("/usr/share/dictd", "fr", "en", dir.string());
  ASSERT_FALSE(parsed.empty());
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  Lexicon cached = LoadFreeDict("/usr/share/dictd", "fr", "en", dir.string());
  EXPECT_EQ(cached.ToText(), parsed.ToText());
  std::filesystem::resize_file(files[0], 100);  // damaged: read as truncated, rebuilt
  Lexicon rebuilt = LoadFreeDict("/usr/share/dictd", "fr", "en", dir.string());
  EXPECT_EQ(rebuilt.ToText(), parsed.ToText());
  EXPECT_GT(std::filesystem::file_size(files[0]), 100u);
  std::filesystem::remove_all(dir);
}

// The dictionaries are found from any spelling of the language tags: "FR"
// used to look for freedict-FR-EN and align without a dictionary.
TEST(FreeDictTest, FindsTheDictionaryFromAnySpellingOfTheLanguages) {
  const std::string expected =
      LoadFreeDict("/usr/share/dictd", "fr", "en", DefaultCacheDir()).ToText();
  ASSERT_GT(expected.size(), 100000u);
  EXPECT_EQ(LoadFreeDict("/usr/share/dictd", "FR", "EN", DefaultCacheDir()).ToText(), expected);
  EXPECT_EQ(LoadFreeDict("/usr/share/dictd", "fr_FR", "en-us", DefaultCacheDir()).ToText(),
            expected);
  EXPECT_EQ(LoadFreeDict("/usr/share/dictd", "fra", "eng", DefaultCacheDir()).ToText(), expected);
}

TEST(FreeDictTest, MissingDictionaryGivesAnEmptyLexicon) {
  EXPECT_TRUE(LoadFreeDict("/nonexistent-folder", "fr", "en").empty());
}

}  // namespace
}  // namespace ancre::pipeline
