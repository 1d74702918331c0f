#include <gtest/gtest.h>

#include "tm/tmx/text.h"

namespace ancre::tm {
namespace {

TEST(TmxTextTest, RemovesOnlyWhatXmlForbids) {
  std::string s = "a\tb\nc\rd\u00a0e\U0001F600f";
  EXPECT_EQ(RemoveXmlForbidden(&s), 0u);
  std::string bad = std::string("x\x00y", 3) + "\x0B\xED\xA0\x80z\xC3";
  EXPECT_EQ(RemoveXmlForbidden(&bad), 4u);  // NUL, VT, an encoded surrogate, a truncated sequence
  EXPECT_EQ(bad, "xyz");
}

TEST(TmxTextTest, TrimsUnicodeWhiteSpaceAtTheEdgesOnly) {
  EXPECT_EQ(TrimSpace("\u00a0 a\u202fb \u3000\n"), "a\u202fb");
  EXPECT_EQ(TrimSpace("   "), "");
  EXPECT_EQ(TrimSpace("\u00e9"), "\u00e9");
}

TEST(TmxTextTest, ConvertsDatesToTmxForm) {
  EXPECT_TRUE(IsTmxDate("20240229T235959Z"));
  EXPECT_FALSE(IsTmxDate("20230229T000000Z"));
  EXPECT_FALSE(IsTmxDate("20240101T000000"));
  EXPECT_EQ(ToTmxDate("2024-05-01T10:11:12Z").value_or(""), "20240501T101112Z");
  EXPECT_EQ(ToTmxDate("2024-05-01 10:11:12").value_or(""), "20240501T101112Z");
  EXPECT_EQ(ToTmxDate("2024-05-01").value_or(""), "20240501T000000Z");
  EXPECT_FALSE(ToTmxDate("01/05/2024").has_value());
  EXPECT_EQ(FormatTmxDate(0), "19700101T000000Z");
  EXPECT_TRUE(IsTmxDate(TmxDateNow()));
}

}  // namespace
}  // namespace ancre::tm
