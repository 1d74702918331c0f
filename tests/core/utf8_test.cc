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

}  // namespace
}  // namespace ancre
