#include "src/report/text_width.h"

#include <gtest/gtest.h>

namespace ancre::report {
namespace {

TEST(TextWidthTest, CountsCellsNotBytes) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("«\u00A0été\u00A0»"), 7u);  // guillemets and NBSP take one cell
  EXPECT_EQ(DisplayWidth("日本語"), 6u);             // CJK takes two
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);            // a combining accent takes none
  EXPECT_EQ(DisplayWidth(""), 0u);
}

TEST(TextWidthTest, DecodesInvalidBytesAsReplacement) {
  CodePoint c = DecodeAt(
      "\xFF"
      "a",
      0);
  EXPECT_EQ(c.value, U'\uFFFD');
  EXPECT_EQ(c.size, 1u);
  EXPECT_EQ(DecodeAt("é", 0).size, 2u);
}

TEST(TextWidthTest, NoBreakSpacesDoNotBreakLines) {
  EXPECT_TRUE(IsBreakingSpace(U' '));
  EXPECT_TRUE(IsBreakingSpace(U'\u2009'));
  EXPECT_FALSE(IsBreakingSpace(U'\u00A0'));
  EXPECT_FALSE(IsBreakingSpace(U'\u202F'));
  EXPECT_FALSE(IsBreakingSpace(U'\u2007'));
}

TEST(TextWidthTest, KnowsControlCharacters) {
  EXPECT_TRUE(IsControl(0x1B));
  EXPECT_TRUE(IsControl(0x85));
  EXPECT_FALSE(IsControl(U'a'));
  EXPECT_FALSE(IsControl(0xA0));
}

}  // namespace
}  // namespace ancre::report
