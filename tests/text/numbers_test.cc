#include "src/text/numbers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/text/anchor_test_util.h"

namespace ancre::text {
namespace {

using testing::Keys;

struct NumberCase {
  const char* language;
  const char* text;
  const char* key;  // "kind:key"
};

class NumberAnchorTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberAnchorTest, GivesTheLanguageIndependentKey) {
  const NumberCase& c = GetParam();
  std::vector<std::string> keys = Keys(c.language, c.text);
  EXPECT_NE(std::find(keys.begin(), keys.end(), c.key), keys.end())
      << c.language << " \"" << c.text << "\" gave " << ::testing::PrintToString(keys);
}

INSTANTIATE_TEST_SUITE_P(
    Languages, NumberAnchorTest,
    ::testing::Values(NumberCase{"fr", "plus de 3 400 suspects", "number:3400"},
                      NumberCase{"fr", "plus de 3\u202F400 suspects", "number:3400"},
                      NumberCase{"fr", "plus de 3.400 suspects", "number:3400"},
                      NumberCase{"en", "more than 3,400 suspects", "number:3400"},
                      NumberCase{"en", "more than 3400 suspects", "number:3400"},
                      NumberCase{"fr", "une hausse de 3,5 points", "number:3.5"},
                      NumberCase{"en", "a rise of 3.5 points", "number:3.5"},
                      NumberCase{"fr", "le 26e sommet", "number:26"},
                      NumberCase{"fr", "le 26ème sommet", "number:26"},
                      NumberCase{"en", "the 26th summit", "number:26"},
                      NumberCase{"fr", "pendant 60 jours", "number:60"},
                      NumberCase{"en", "a 60-day exemption", "number:60"},
                      NumberCase{"fr", "une hausse de 12 %", "percent:12%"},
                      NumberCase{"fr", "une hausse de 12%", "percent:12%"},
                      NumberCase{"fr", "une hausse de 12 pour cent", "percent:12%"},
                      NumberCase{"en", "a rise of 12 per cent", "percent:12%"},
                      NumberCase{"en", "a rise of 12 percent", "percent:12%"},
                      NumberCase{"fr", "5 millions de dollars", "money:5000000 USD"},
                      NumberCase{"en", "$5 million", "money:5000000 USD"},
                      NumberCase{"en", "US$5 million", "money:5000000 USD"},
                      NumberCase{"fr", "3,5 milliards d'euros", "money:3500000000 EUR"},
                      NumberCase{"en", "€3.5 billion", "money:3500000000 EUR"},
                      NumberCase{"fr", "20 €", "money:20 EUR"},
                      NumberCase{"de", "20 Millionen Euro", "money:20000000 EUR"},
                      NumberCase{"fr", "nos deux pays", "number:2"},
                      NumberCase{"en", "the two countries", "number:2"},
                      NumberCase{"fr", "dix-sept pays", "number:17"},
                      NumberCase{"es", "los dos países", "number:2"},
                      NumberCase{"fr", "5 millions de personnes", "number:5000000"},
                      NumberCase{"en", "5 million people", "number:5000000"},
                      NumberCase{"en", "it cost 100 dollars", "money:100 USD"},
                      NumberCase{"fr", "il coûte 100 dollars", "money:100 USD"},
                      NumberCase{"en", "10 billion pounds", "money:10000000000 GBP"}));

TEST(NumberAnchorTest, CurrencyHeadWordsThatAreEverydayWordsAreNotMoney) {
  for (const char* text : {"two real problems", "he won 3 games"}) {
    std::vector<std::string> keys = Keys("en", text);
    for (const std::string& k : keys) EXPECT_NE(k.rfind("money:", 0), 0u) << text << ": " << k;
    EXPECT_FALSE(keys.empty()) << text;
  }
}

TEST(NumberAnchorTest, YearsInsideDatesAreNotAlsoNumbers) {
  std::vector<std::string> keys = Keys("fr", "le 28 octobre 2025");
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "number:2025"), 0);
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "number:28"), 0);
}

TEST(NumberAnchorTest, NeufAsAnAdjectiveIsNotANumber) {
  std::vector<std::string> keys = Keys("fr", "un livre neuf");
  EXPECT_TRUE(keys.empty()) << ::testing::PrintToString(keys);
}

TEST(NumberAnchorTest, SpanCoversTheWholeAmount) {
  AnchorExtractor ex(testing::Options("fr"));
  std::string text = "soit 5 millions de dollars.";
  std::vector<Anchor> anchors = ex.ExtractText(text);
  ASSERT_EQ(anchors.size(), 1u);
  EXPECT_EQ(anchors[0].text, "5 millions de dollars");
  EXPECT_EQ(text.substr(anchors[0].span.begin, anchors[0].span.size()), anchors[0].text);
}

}  // namespace
}  // namespace ancre::text
