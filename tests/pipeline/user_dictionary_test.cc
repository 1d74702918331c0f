#include "src/pipeline/user_dictionary.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "src/core/error.h"
#include "src/pipeline/pipeline.h"

namespace ancre::pipeline {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs Parse(std::string_view data, DictionaryFormat format, std::string_view src = "de",
            std::string_view tgt = "en", UserDictionaryStats* stats = nullptr) {
  Pairs pairs;
  ParseUserDictionary(data, "terms", format, src, tgt, &pairs, stats);
  return pairs;
}

// The ParseError a dictionary's text throws, as text ("" if none).
std::string ErrorOf(std::string_view data, DictionaryFormat format) {
  try {
    Parse(data, format);
  } catch (const ParseError& e) {
    return e.what();
  }
  return "";
}

TEST(UserDictionaryTest, FormatComesFromTheFileName) {
  EXPECT_EQ(DictionaryFormatOf("hu-en.dic"), DictionaryFormat::kHunalign);
  EXPECT_EQ(DictionaryFormatOf("/a/b/TERMS.DIC"), DictionaryFormat::kHunalign);
  EXPECT_EQ(DictionaryFormatOf("terms.tsv"), DictionaryFormat::kTsv);
  EXPECT_EQ(DictionaryFormatOf("terms.txt"), DictionaryFormat::kTsv);
  EXPECT_EQ(DictionaryFormatOf("dic"), DictionaryFormat::kTsv);
}

TEST(UserDictionaryTest, TsvGivesSourceThenTargetStemmedOnEachSide) {
  align::Stemmer de("de"), en("en");
  EXPECT_EQ(
      Parse("# German–English\n\nHäuser\thouses\r\nSchlafen\tsleeping\n", DictionaryFormat::kTsv),
      (Pairs{{de.Stem("hauser"), en.Stem("houses")}, {de.Stem("schlafen"), en.Stem("sleeping")}}));
}

// hunalign's README: "the target language phrases come first".
// What `ancre lexicon` writes: two more columns, Dice and count.
TEST(UserDictionaryTest, TsvColumnsAfterTheSecondAreNotes) {
  align::Stemmer de("de"), en("en");
  EXPECT_EQ(Parse("# ancre lexicon de-en\nhund\tdog\t0.800\t4\n", DictionaryFormat::kTsv),
            (Pairs{{de.Stem("hund"), en.Stem("dog")}}));
}

TEST(UserDictionaryTest, HunalignDicGivesTheTargetFirst) {
  align::Stemmer de("de"), en("en");
  const Pairs want = {{de.Stem("hund"), en.Stem("dog")}, {de.Stem("garten"), en.Stem("garden")}};
  EXPECT_EQ(Parse("dog @ Hund\ngarden @N Garten\n", DictionaryFormat::kHunalign), want);
  EXPECT_EQ(Parse("\xEF\xBB\xBF"
                  "dog\t@ Hund\r\ngarden  @V  Garten\n",
                  DictionaryFormat::kHunalign),
            want);
}

TEST(UserDictionaryTest, PhrasesPairOnlyAgainstASingleWord) {
  UserDictionaryStats stats;
  align::Stemmer fr("fr"), en("en");
  const Pairs pairs =
      Parse("pomme de terre\tpotato\nNations unies\tUnited Nations\nle\tthe\nUE\tEU\n",
            DictionaryFormat::kTsv, "fr", "en", &stats);
  EXPECT_EQ(pairs, (Pairs{{fr.Stem("pomme"), en.Stem("potato")},
                          {fr.Stem("terre"), en.Stem("potato")},
                          {"ue", "eu"}}));
  EXPECT_EQ(stats.entries, 4u);
  EXPECT_EQ(stats.skipped, 2u);  // two phrases; function words only
}

TEST(UserDictionaryTest, BadLinesThrowNamingFileAndLine) {
  EXPECT_NE(ErrorOf("Hund\tdog\nKatze cat\n", DictionaryFormat::kTsv)
                .find("terms:2: expected one entry 'source<TAB>target'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("\n\nHund\t \n", DictionaryFormat::kTsv).find("terms:3: the target side"),
            std::string::npos);
  // A hunalign line in a TSV file: the message says how to name it.
  EXPECT_NE(ErrorOf("dog @ Hund\n", DictionaryFormat::kTsv).find("name the file *.dic"),
            std::string::npos);
  EXPECT_NE(ErrorOf("dog @ Hund\ncat Katze\n", DictionaryFormat::kHunalign)
                .find("terms:2: expected hunalign's 'target @ source'"),
            std::string::npos);
  EXPECT_NE(ErrorOf("dog @\n", DictionaryFormat::kHunalign).find("terms:1: the source (second)"),
            std::string::npos);
  EXPECT_NE(ErrorOf("Hund\tdog\nKatze\tc\xFF"
                    "t\n",
                    DictionaryFormat::kTsv)
                .find("terms:2:8: invalid UTF-8"),
            std::string::npos);
}

TEST(UserDictionaryTest, AMissingFileThrowsIoError) {
  EXPECT_THROW(LoadUserDictionaries({"/nonexistent/terms.tsv"}, "de", "en"), IoError);
}

// Without the user's words nothing links the first sentences (no shared
// name, number or cognate); with them they align, and score high.
TEST(UserDictionaryTest, AUserEntryMakesAPairAlign) {
  const std::string de =
      "Der Hund schläft ruhig im Garten hinter dem Bauernhaus.\n"
      "Morgen beginnt die Ernte der Äpfel.\n"
      "Die Kinder spielen Fußball auf der Wiese.\n";
  const std::string en =
      "The dog sleeps quietly in the garden behind the farmhouse.\n"
      "Tomorrow the apple harvest begins.\n"
      "The children play football in the meadow.\n";
  PairOptions o;
  o.src_language = "de";
  o.tgt_language = "en";
  o.presegmented = true;
  o.dictionary_dir = "";
  o.align.mode = AlignMode::kComparable;
  o.align.learn = false;
  auto first_pair = [&] {
    const AlignedPair a =
        AlignDocuments(text::InputText(de, "a.de", {}), text::InputText(en, "a.en", {}), o);
    for (const Bead& b : a.alignment.beads) {
      if (b.src == std::vector<size_t>{0} && b.tgt == std::vector<size_t>{0}) return b.score;
    }
    return -1.0;
  };
  EXPECT_EQ(first_pair(), -1.0);
  Pairs pairs;
  ParseUserDictionary("dog @ Hund\nsleeps @ schläft\ngarden @ Garten\nquietly @ ruhig\n",
                      "terms.dic", DictionaryFormat::kHunalign, "de", "en", &pairs);
  o.user_lexicon = std::make_shared<const align::Lexicon>(align::Lexicon::FromStemPairs(pairs));
  EXPECT_GE(first_pair(), 0.9);
}

}  // namespace
}  // namespace ancre::pipeline
