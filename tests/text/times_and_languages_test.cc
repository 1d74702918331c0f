// Anchors that must meet across languages other than French: codes
// ("1MDB", "G20", "Covid-19"), times of day,
// years named with a word for "year", percentages written as words, weekdays
// glued to a time of day, capital-letter abbreviations in any script, and
// German common nouns kept out of names.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "src/text/anchors.h"
#include "tests/text/anchor_test_util.h"

namespace ancre::text {
namespace {

using testing::Keys;

bool Has(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

struct Meet {
  const char* language;
  const char* text;
  const char* english;
  const char* key;  // "kind:key" both must give
};

class OtherLanguageMeetTest : public ::testing::TestWithParam<Meet> {};

TEST_P(OtherLanguageMeetTest, BothSidesGiveTheKey) {
  const Meet& c = GetParam();
  std::vector<std::string> other = Keys(c.language, c.text);
  std::vector<std::string> en = Keys("en", c.english);
  EXPECT_TRUE(Has(other, c.key)) << c.language << " \"" << c.text << "\" gave "
                                 << ::testing::PrintToString(other);
  EXPECT_TRUE(Has(en, c.key)) << "en \"" << c.english << "\" gave " << ::testing::PrintToString(en);
}

INSTANTIATE_TEST_SUITE_P(
    Times, OtherLanguageMeetTest,
    ::testing::Values(
        Meet{"de", "Sie kamen um 15 Uhr an.", "They arrived at 3 p.m.", "date:T15:00"},
        Meet{"de", "Um 21.30 Uhr war es vorbei.", "By 9:30 p.m. it was over.", "date:T21:30"},
        Meet{"fr", "La réunion commence à 15h30.", "The meeting starts at 3:30 pm.", "date:T15:30"},
        Meet{"fr", "Rendez-vous à 16 h 45 demain.", "See you at 16:45 tomorrow.", "date:T16:45"},
        Meet{"cs", "Schůze začala ve 14:00.", "The meeting began at 2pm.", "date:T14:00"},
        Meet{"ru", "Встреча началась в 15 часов.", "The meeting began at 3 p.m.", "date:T15:00"}));

INSTANTIATE_TEST_SUITE_P(
    YearsAndPercentages, OtherLanguageMeetTest,
    ::testing::Values(
        Meet{"de", "Im Jahr 2015 kamen viele.", "In 2015 many came.", "date:2015"},
        Meet{"ru", "Это случилось в 2014 году в Москве.", "It happened in 2014 in Moscow.",
             "date:2014"},
        Meet{"cs", "Stalo se to v roce 2012.", "It happened in 2012.", "date:2012"},
        Meet{"ru", "Его поддержали 45 процентов жителей.", "45 percent of residents backed him.",
             "percent:45%"},
        Meet{"cs", "Souhlasí 30 procent lidí.", "30 percent of people agree.", "percent:30%"},
        Meet{"hi", "45 प्रतिशत लोगों ने वोट दिया।", "45 percent of people voted.", "percent:45%"},
        Meet{"ru", "Президент США прибыл.", "The US president arrived.", "entity:US"},
        Meet{"de", "Am Dienstagabend sprach er.", "On Tuesday evening he spoke.",
             "date:weekday-2"}));

INSTANTIATE_TEST_SUITE_P(Codes, OtherLanguageMeetTest,
                         ::testing::Values(Meet{"fr", "Le scandale 1MDB a éclaté.",
                                                "The 1MDB scandal broke.", "acronym:1mdb"},
                                           Meet{"de", "Beim G20-Gipfel sprach er.",
                                                "At the G20 summit he spoke.", "acronym:g20"},
                                           Meet{"de", "Der Covid-19-Ausbruch begann.",
                                                "The COVID-19 outbreak began.",
                                                "acronym:covid19"}));

TEST(CodeTest, NumbersAndWordsThatAreNotCodesStayApart) {
  std::vector<std::string> keys = Keys("en", "They won 3-2 over 10km in the 2020s with 5 MDB.");
  for (const std::string& key : keys) {
    EXPECT_FALSE(key.rfind("acronym:", 0) == 0 && key.find_first_of("0123456789") != key.npos)
        << key;
  }
  EXPECT_TRUE(Has(keys, "number:10")) << ::testing::PrintToString(keys);
}

TEST(TimeTest, ADecimalBeforeUhrIsATimeNotANumber) {
  std::vector<std::string> keys = Keys("de", "Um 21.30 Uhr begann das Spiel.");
  EXPECT_TRUE(Has(keys, "date:T21:30")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "number:21.3")) << ::testing::PrintToString(keys);
}

TEST(TimeTest, NumbersWithoutAClockAreNotTimes) {
  // A score, a plain count, a version and a German "am" (on) after a number.
  for (const char* text : {"Das Spiel endete 2:1.", "Er hat 15 Bücher.", "Version 3.10 ist da.",
                           "Die Nummer 3 am Dienstag."}) {
    for (const std::string& key : Keys("de", text)) {
      EXPECT_EQ(key.rfind("date:T", 0), std::string::npos) << text << " gave " << key;
    }
  }
  std::vector<std::string> en = Keys("en", "He read 15 pages and slept.");
  EXPECT_FALSE(Has(en, "date:T15:00")) << ::testing::PrintToString(en);
}

TEST(GermanNounTest, CommonNounsAreNotNamesOrPartOfThem) {
  std::vector<std::string> keys =
      Keys("de",
           "Am Montag hat der Fussballer Juan Izquierdo mit seinem Verein gespielt. Danach sprach "
           "die Deutsche Bank mit dem Iran und mit Trump über das Jahr.");
  EXPECT_TRUE(Has(keys, "entity:juan izquierdo")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "entity:fussballer juan izquierdo")) << ::testing::PrintToString(keys);
  // Names after an article stay names when the lexicon knows them; others too
  // when no article stands before them.
  EXPECT_TRUE(Has(keys, "entity:deutsche bank")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(Has(keys, "entity:IR")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(Has(keys, "entity:trump")) << ::testing::PrintToString(keys);
}

TEST(GermanNounTest, ASentenceOfCapitalisedNounsIsNoTitleCaseHeadline) {
  // Nine capitalised nouns and one verb: German, not a headline in title
  // case, so the name in it is found as in any sentence.
  std::vector<std::string> keys =
      Keys("de",
           "Im Kampf gegen Gewalt und Übergriffe an Bord von Flugzeugen fordert Ryanair-Chef "
           "Michael Smith ein Getränke-Limit vor Abflug.");
  EXPECT_TRUE(Has(keys, "entity:michael smith")) << ::testing::PrintToString(keys);
}

TEST(NameTest, ACompoundEndingInATitleIsNoPartOfTheName) {
  EXPECT_TRUE(
      Has(Keys("de", "Dagegen will Ryanair-Chef Michael Smith vorgehen."), "entity:michael smith"));
  EXPECT_TRUE(Has(Keys("de", "Das sagt SpaceX-Gründer Elon Musk."), "entity:elon musk"));
}

TEST(NameTest, AnIrishSurnameIsOneName) {
  // Straight or typographic apostrophe: one key on both sides.
  std::vector<std::string> de = Keys("de", "Dagegen will Michael O'Leary vorgehen.");
  std::vector<std::string> fr = Keys("fr", "Selon Michael O’Leary, le limite est simple.");
  EXPECT_TRUE(Has(de, "entity:michael o leary")) << ::testing::PrintToString(de);
  EXPECT_TRUE(Has(fr, "entity:michael o leary")) << ::testing::PrintToString(fr);
  // An elision stays an elision.
  EXPECT_TRUE(Has(Keys("fr", "Il arrive à l'ONU demain."), "entity:UN"));
}

TEST(NameTest, ASentenceFullOfNamesIsNoHeadlineOutsideEnglish) {
  // Title-case headlines are English: a Russian or Czech sentence with six
  // capitalised words is a sentence with names; their titles are no part of them.
  std::vector<std::string> ru =
      Keys("ru", "Президент Владимир Путин встретился с канцлером Меркель в Берлине.");
  EXPECT_TRUE(Has(ru, "entity:vladimir putin")) << ::testing::PrintToString(ru);
  // The soft sign of "Меркель" is no letter of the name other languages write.
  EXPECT_TRUE(Has(ru, "entity:merkel")) << ::testing::PrintToString(ru);
  std::vector<std::string> cs =
      Keys("cs", "Premiér Petr Nečas a prezident Václav Klaus přijeli do Brna.");
  EXPECT_TRUE(Has(cs, "entity:petr necas")) << ::testing::PrintToString(cs);
  EXPECT_TRUE(Has(cs, "entity:vaclav klaus")) << ::testing::PrintToString(cs);
  // English headlines in title case still say nothing by their capitals.
  std::vector<std::string> en = Keys("en", "Stocks Rally As Investors Cheer Strong Earnings");
  EXPECT_FALSE(Has(en, "entity:stocks rally")) << ::testing::PrintToString(en);
}

TEST(GermanYearTest, ACapitalizedNounAfterANumberMakesItACount) {
  std::vector<std::string> keys = Keys("de", "Dort lebten 2000 Menschen, die 2015 kamen.");
  EXPECT_TRUE(Has(keys, "number:2000")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "entity:menschen")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "date:2000")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(Has(keys, "date:2015")) << ::testing::PrintToString(keys);
}

}  // namespace
}  // namespace ancre::text
