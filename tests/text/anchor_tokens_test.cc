#include "src/text/anchor_tokens.h"

#include <gtest/gtest.h>

#include <string>

#include "src/core/utf8.h"
#include "src/text/normalize.h"

namespace ancre::text {
namespace {

struct NumberCase {
  const char* text;
  char decimal;
  bool space_grouping;
  const char* value;
};

class TokenizeNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(TokenizeNumberTest, ReadsTheNumberAsOneToken) {
  const NumberCase& c = GetParam();
  std::vector<Token> tokens = Tokenize(c.text, {c.decimal, c.space_grouping});
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[0].norm, c.value);
  EXPECT_EQ(tokens[0].end, std::string(c.text).size()) << "the whole text is one number";
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, TokenizeNumberTest,
    ::testing::Values(
        NumberCase{"3 400", ',', true, "3400"}, NumberCase{"3\u00A0400", ',', true, "3400"},
        NumberCase{"3\u202F400", '.', false, "3400"}, NumberCase{"3.400", ',', true, "3400"},
        NumberCase{"3,400", '.', false, "3400"}, NumberCase{"3400", '.', false, "3400"},
        NumberCase{"3,5", ',', true, "3.5"}, NumberCase{"3.5", '.', false, "3.5"},
        NumberCase{"1,234,567.89", '.', false, "1234567.89"},
        NumberCase{"1.234.567,89", ',', true, "1234567.89"}, NumberCase{"0,400", ',', true, "0.4"},
        NumberCase{"26e", ',', true, "26"}, NumberCase{"26ème", ',', true, "26"},
        NumberCase{"26th", '.', false, "26"}, NumberCase{"1er", ',', true, "1"},
        NumberCase{"007", '.', false, "7"}));

TEST(TokenizeTest, PlainSpaceDoesNotGroupWhereTheLanguageDoesNot) {
  std::vector<Token> tokens = Tokenize("3 400", {'.', false});
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].norm, "3");
  EXPECT_EQ(tokens[1].norm, "400");
}

TEST(TokenizeTest, YearFollowedBySmallNumberIsNotGrouped) {
  std::vector<Token> tokens = Tokenize("2025 400", {',', true});
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].norm, "2025");
}

TEST(TokenizeTest, MarksOrdinalsAndHyphenJoinedWords) {
  std::vector<Token> tokens = Tokenize("le 26e Lee Jae-myung", {',', true});
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_TRUE(tokens[1].ordinal);
  EXPECT_TRUE(tokens[2].upper_initial);
  EXPECT_FALSE(tokens[3].joined);
  EXPECT_TRUE(tokens[4].joined);
  EXPECT_EQ(tokens[4].norm, "myung");
}

TEST(TokenizeTest, FoldsCaseAndAccents) {
  std::vector<Token> tokens = Tokenize("Séoul ÉTATS", {});
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].norm, "seoul");
  EXPECT_EQ(tokens[1].norm, "etats");
  EXPECT_TRUE(tokens[1].all_upper);
}

TEST(TokenizeTest, ReadsNumericDatesAsOneToken) {
  for (const char* d : {"2025-10-27", "27/10/2025", "27.10.2025", "10/27/25"}) {
    std::vector<Token> tokens = Tokenize(d, {});
    ASSERT_EQ(tokens.size(), 1u) << d;
    EXPECT_EQ(tokens[0].kind, TokenKind::kNumericDate) << d;
  }
}

TEST(TokenizeTest, HostileDigitsAndDotsStayLinear) {
  // One megabyte of "1.2.3.4...": every token is read once; a backtracking
  // scanner would not finish.
  std::string hostile;
  while (hostile.size() < (1u << 20)) hostile += "1.";
  std::vector<Token> tokens = Tokenize(hostile, {'.', false});
  EXPECT_GT(tokens.size(), hostile.size() / 4);
  EXPECT_EQ(tokens.back().end, hostile.size());
  std::string digits(1u << 20, '7');
  tokens = Tokenize(digits, {',', true});
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].int_digits, 255);
}

TEST(CanonicalNumberTest, WritesIntegersAndDecimalsPlainly) {
  EXPECT_EQ(CanonicalNumber(5e6), "5000000");
  EXPECT_EQ(CanonicalNumber(3.5), "3.5");
  EXPECT_EQ(CanonicalNumber(3.5e9), "3500000000");
  EXPECT_DOUBLE_EQ(NumberValue("3.25"), 3.25);
}

}  // namespace
}  // namespace ancre::text
