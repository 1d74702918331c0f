#include "src/core/utf8.h"

#include <gtest/gtest.h>

namespace ancre {
namespace {

TEST(Utf8Test, ValidatorAgreesOnMixedText) {
  EXPECT_EQ(Utf8InvalidOffset("plain ascii text that is long enough"), std::string_view::npos);
  EXPECT_EQ(Utf8InvalidOffset("abcdefghijklmnop\xE2\x82"), 16u);
  std::string s;
  AppendUtf8(0x1F600, &s);
  AppendUtf8(0xE9, &s);
  EXPECT_EQ(s, "\xF0\x9F\x98\x80\xC3\xA9");
}

TEST(Utf8Test, SequenceLengthRejectsWhatRfc3629Forbids) {
  EXPECT_EQ(Utf8SequenceLength("\xC3\xA9", 0), 2u);
  EXPECT_EQ(Utf8SequenceLength("\xC0\xAF", 0), 0u);          // overlong
  EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80", 0), 0u);      // surrogate
  EXPECT_EQ(Utf8SequenceLength("\xF4\x90\x80\x80", 0), 0u);  // above U+10FFFF
  EXPECT_EQ(Utf8SequenceLength("\xE2\x82", 0), 0u);          // truncated
}

TEST(Utf8Test, NextCodePointWalksValidText) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  size_t i = 0;
  EXPECT_EQ(NextCodePoint(s, &i), U'a');
  EXPECT_EQ(NextCodePoint(s, &i), U'\u00E9');
  EXPECT_EQ(i, 3u);
  EXPECT_EQ(NextCodePoint(s, &i), U'\u20AC');
  EXPECT_EQ(NextCodePoint(s, &i), U'\U0001F600');
  EXPECT_EQ(i, s.size());
}

TEST(Utf8Test, DecodeUtf8ReturnsZeroForWhatIsNotUtf8) {
  char32_t cp = 0;
  EXPECT_EQ(DecodeUtf8("x\xE2\x82\xAC", 1, &cp), 3u);
  EXPECT_EQ(cp, U'\u20AC');
  cp = U'k';
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, &cp), 0u);  // surrogate
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0, &cp), 0u);      // overlong
  EXPECT_EQ(DecodeUtf8("\xE2\x82", 0, &cp), 0u);      // truncated
  EXPECT_EQ(DecodeUtf8("\x80", 0, &cp), 0u);          // continuation byte
  EXPECT_EQ(cp, U'k');
}

}  // namespace
}  // namespace ancre
