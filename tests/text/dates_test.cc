#include "src/text/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "src/core/error.h"
#include "tests/text/anchor_test_util.h"

namespace ancre::text {
namespace {

using testing::Keys;

bool Has(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

struct DateCase {
  const char* language;
  const char* text;
  const char* key;  // expected "date:..." key
};

class DateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateTest, NormalizesToIso8601) {
  const DateCase& c = GetParam();
  std::vector<std::string> keys = Keys(c.language, c.text);
  EXPECT_TRUE(Has(keys, std::string("date:") + c.key))
      << c.language << " \"" << c.text << "\" gave " << ::testing::PrintToString(keys);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, DateTest,
    ::testing::Values(
        DateCase{"fr", "Publié le 28 octobre 2025.", "2025-10-28"},
        DateCase{"fr", "tenu le 27 octobre en Malaisie", "--10-27"},
        DateCase{"fr", "dès le 1er novembre", "--11-01"},
        DateCase{"fr", "depuis octobre 2025", "2025-10"},
        DateCase{"fr", "lancée en novembre", "--11"},
        DateCase{"fr", "Rétablies en 1997, les relations", "1997"},
        DateCase{"fr", "le 15 juillet 2024", "2024-07-15"},
        DateCase{"fr", "Le 15 JUIL. 2024", "2024-07-15"},
        DateCase{"fr", "le 27/10/2025", "2025-10-27"},
        DateCase{"fr", "du 10 au 12 novembre", "--11-10/--11-12"},
        DateCase{"fr", "lundi dernier", "weekday-1"}, DateCase{"fr", "le 5 fevrier", "--02-05"},
        DateCase{"en", "on October 27, in Kuala Lumpur", "--10-27"},
        DateCase{"en", "on Oct. 27, 2025", "2025-10-27"},
        DateCase{"en", "by 27 October 2025", "2025-10-27"},
        DateCase{"en", "starting July 15, 2024.", "2024-07-15"},
        DateCase{"en", "on November 10.", "--11-10"}, DateCase{"en", "in 1997, when", "1997"},
        DateCase{"en", "since Sept. 3, 2020", "2020-09-03"},
        DateCase{"en", "on 2025-10-27", "2025-10-27"},
        DateCase{"en", "on 10/27/2025", "2025-10-27"},
        DateCase{"en", "in September 2008", "2008-09"}, DateCase{"en", "in November", "--11"},
        DateCase{"en", "on November 10–12", "--11-10/--11-12"},
        DateCase{"en", "on the 27th of October", "--10-27"},
        DateCase{"en", "on Monday, October 27", "--10-27"},
        DateCase{"en-GB", "on 27/10/2025", "2025-10-27"},
        DateCase{"de", "am 27. Oktober 2025", "2025-10-27"},
        DateCase{"de", "im März 2024", "2024-03"}, DateCase{"de", "am 27.10.2025", "2025-10-27"},
        DateCase{"es", "el 27 de octubre de 2025", "--10-27"},
        DateCase{"es", "en noviembre", "--11"}, DateCase{"it", "il 27 ottobre 2025", "2025-10-27"},
        DateCase{"pt", "em 27 de outubro", "--10-27"}));

struct NotDateCase {
  const char* language;
  const char* text;
};

class NotDateTest : public ::testing::TestWithParam<NotDateCase> {};

TEST_P(NotDateTest, FindsNoDate) {
  const NotDateCase& c = GetParam();
  std::vector<std::string> keys = Keys(c.language, c.text);
  for (const std::string& k : keys) {
    EXPECT_NE(k.rfind("date:", 0), 0u) << c.language << " \"" << c.text << "\" gave " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(FalsePositives, NotDateTest,
                         ::testing::Values(NotDateCase{"en", "May I ask a question?"},
                                           NotDateCase{"en", "They may march on the capital."},
                                           NotDateCase{"en", "It costs 2,400 dollars."},
                                           NotDateCase{"en", "About 2000 people came."},
                                           NotDateCase{"fr", "La sonde a atteint Mars hier."},
                                           NotDateCase{"fr", "Environ 2000 personnes sont venues."},
                                           NotDateCase{"fr", "Il a payé 1999 euros."},
                                           NotDateCase{"en",
                                                       "Sun Microsystems and Jan Peters met."},
                                           NotDateCase{"fr", "Il y a sept personnes."},
                                           NotDateCase{"en", "The score was 31 to 40."}));

TEST(DateKeyTest, YearOfTheDocumentCompletesPartialDates) {
  std::vector<std::string> keys = Keys("fr", "tenu le 27 octobre", "2025-10-28");
  EXPECT_TRUE(Has(keys, "date:2025-10-27"));
  EXPECT_TRUE(Has(keys, "date:--10-27")) << "the year-less form stays, to meet a side without year";
}

TEST(DateKeyTest, DecemberInAJanuaryTextIsTheYearBefore) {
  std::vector<std::string> keys = Keys("en", "on December 15", "2025-01-10");
  EXPECT_TRUE(Has(keys, "date:2024-12-15"));
}

TEST(DateKeyTest, BylineDateIsInferredFromTheDocument) {
  AnchorExtractor ex(testing::Options("fr"));
  std::string text = "Titre\nPublié le 28 octobre 2025\nLe sommet du 27 octobre.";
  size_t second = text.find('\n') + 1, third = text.find('\n', second) + 1;
  std::vector<Span> spans = {{0, second - 1}, {second, third - 1}, {third, text.size()}};
  DocumentAnchors anchors = ex.ExtractUtf8(text, spans);
  EXPECT_EQ(ex.document_date(), "2025-10-28");
  ASSERT_FALSE(anchors[2].empty());
  EXPECT_EQ(anchors[2][0].key, "2025-10-27");
}

TEST(DateKeyTest, MonthAloneIsWeakerThanAFullDate) {
  AnchorExtractor ex(testing::Options("en"));
  std::vector<Anchor> month = ex.ExtractText("in November");
  std::vector<Anchor> day = ex.ExtractText("on November 10");
  ASSERT_EQ(month.size(), 1u);
  ASSERT_FALSE(day.empty());
  EXPECT_LT(month[0].weight, day[0].weight);
}

TEST(DateKeyTest, IsoKeysOfPartialDates) {
  EXPECT_EQ(IsoKey({2025, 10, 27}), "2025-10-27");
  EXPECT_EQ(IsoKey({0, 10, 27}), "--10-27");
  EXPECT_EQ(IsoKey({2025, 10, 0}), "2025-10");
  EXPECT_EQ(IsoKey({0, 11, 0}), "--11");
  EXPECT_EQ(IsoKey({1997, 0, 0}), "1997");
  CalendarDate d;
  EXPECT_TRUE(ParseIsoDate("2024-02-29", &d));
  EXPECT_FALSE(ParseIsoDate("2025-02-29", &d));
  EXPECT_FALSE(ParseIsoDate("28/10/2025", &d));
}

TEST(DateKeyTest, DatedAnchorIsFollowedByOneMarkedYearlessCopy) {
  AnchorExtractor ex(testing::Options("fr", "2025-10-28"));
  std::vector<Anchor> anchors = ex.ExtractText("le 27 octobre, en octobre 2024, en 1997");
  ASSERT_EQ(anchors.size(), 5u);
  EXPECT_EQ(anchors[0].key, "2025-10-27");
  EXPECT_FALSE(IsYearlessCopy(anchors[0]));
  EXPECT_EQ(anchors[1].key, "--10-27");
  EXPECT_EQ(anchors[1].subtype, "yearless-day");
  EXPECT_TRUE(IsYearlessCopy(anchors[1]));
  EXPECT_EQ(anchors[1].span.begin, anchors[0].span.begin);
  EXPECT_EQ(anchors[1].span.end, anchors[0].span.end);
  EXPECT_LT(anchors[1].weight, anchors[0].weight);
  EXPECT_EQ(anchors[2].key, "2024-10");
  EXPECT_EQ(anchors[3].subtype, "yearless-month-year");
  EXPECT_EQ(anchors[4].key, "1997");  // a year alone has no copy
  EXPECT_FALSE(IsYearlessCopy(anchors[4]));
  // A month alone is not a copy, though its key looks like one.
  std::vector<Anchor> month = ex.ExtractText("en novembre");
  ASSERT_EQ(month.size(), 1u);
  EXPECT_FALSE(IsYearlessCopy(month[0]));
}

TEST(DateKeyTest, YearlessKeysDropTheYears) {
  EXPECT_EQ(YearlessKey("2025-10-27"), "--10-27");
  EXPECT_EQ(YearlessKey("2025-10"), "--10");
  EXPECT_EQ(YearlessKey("2025-11-10/2025-11-12"), "--11-10/--11-12");
  EXPECT_EQ(YearlessKey("1997"), "");
  EXPECT_EQ(YearlessKey("--10-27"), "");
  EXPECT_EQ(YearlessKey("weekday-1"), "");
}

Anchor DateAnchor(const std::string& key, double weight) {
  Anchor a;
  a.kind = AnchorKind::kDate;
  a.key = key;
  a.weight = weight;
  return a;
}

TEST(AnchorKeysMatchTest, ADateMeetsTheSameDateWithoutItsYearAtHalfWeight) {
  double w = 0;
  EXPECT_TRUE(AnchorKeysMatch(DateAnchor("2025-10-27", 1), DateAnchor("2025-10-27", 1), &w));
  EXPECT_DOUBLE_EQ(w, 1.0);
  EXPECT_TRUE(AnchorKeysMatch(DateAnchor("2025-10-27", 1), DateAnchor("--10-27", 1), &w));
  EXPECT_DOUBLE_EQ(w, 0.5);
  EXPECT_TRUE(AnchorKeysMatch(DateAnchor("--11", 0.4), DateAnchor("2025-11", 0.8), &w));
  EXPECT_DOUBLE_EQ(w, 0.2);
  EXPECT_TRUE(AnchorKeysMatch(DateAnchor("2025-11-10/2025-11-12", 1),
                              DateAnchor("--11-10/--11-12", 1), nullptr));
}

TEST(AnchorKeysMatchTest, DifferentDatesKindsOrYearsDoNotMatch) {
  EXPECT_FALSE(AnchorKeysMatch(DateAnchor("2025-10-27", 1), DateAnchor("--10-28", 1), nullptr));
  EXPECT_FALSE(AnchorKeysMatch(DateAnchor("2025-10-27", 1), DateAnchor("2024-10-27", 1), nullptr));
  EXPECT_FALSE(AnchorKeysMatch(DateAnchor("2025-10-27", 1), DateAnchor("--10", 1), nullptr));
  EXPECT_FALSE(AnchorKeysMatch(DateAnchor("1997", 1), DateAnchor("--", 1), nullptr));
  Anchor number = DateAnchor("1997", 1);
  number.kind = AnchorKind::kNumber;
  EXPECT_FALSE(AnchorKeysMatch(DateAnchor("1997", 1), number, nullptr));
  Anchor entity_a = number, entity_b = number;
  entity_a.kind = entity_b.kind = AnchorKind::kEntity;
  entity_a.key = "2025-10-27";
  entity_b.key = "--10-27";
  EXPECT_FALSE(AnchorKeysMatch(entity_a, entity_b, nullptr));
}

TEST(DateKeyTest, MalformedOptionsThrow) {
  EXPECT_THROW(AnchorExtractor(testing::Options("fr", "28/10/2025")), UsageError);
  EXPECT_THROW(AnchorExtractor(testing::Options("fr", "", "ymd")), UsageError);
  EXPECT_THROW(AnchorExtractor(testing::Options("xx-nonsense")), Error);
}

TEST(DateKeyTest, ADateStandsForItsYearAndItsMonth) {
  EXPECT_EQ(CoarserDateKeys("2025-11-10"), (std::vector<std::string>{"2025"}));
  EXPECT_EQ(CoarserDateKeys("--11-10"), (std::vector<std::string>{"--11"}));
  EXPECT_EQ(CoarserDateKeys("2025-11"), (std::vector<std::string>{"2025", "--11"}));
  EXPECT_TRUE(CoarserDateKeys("1997").empty());
  EXPECT_TRUE(CoarserDateKeys("--11").empty());
  EXPECT_TRUE(CoarserDateKeys("paris").empty());
}

}  // namespace
}  // namespace ancre::text
