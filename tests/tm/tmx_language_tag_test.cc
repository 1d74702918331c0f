#include <gtest/gtest.h>

#include "tm/language_tag.h"
#include "tm/tmx/text.h"

namespace ancre::tm {
namespace {

TEST(LanguageTagTest, NormalizesCaseAndUnderscores) {
  EXPECT_EQ(NormalizeLanguageTag("fr_FR"), "fr-FR");
  EXPECT_EQ(NormalizeLanguageTag("EN-us"), "en-US");
  EXPECT_EQ(NormalizeLanguageTag("En-uS"), "en-US");
  EXPECT_EQ(NormalizeLanguageTag(" zh-hant-tw "), "zh-Hant-TW");
  EXPECT_EQ(NormalizeLanguageTag("es-419"), "es-419");
  EXPECT_EQ(NormalizeLanguageTag("en-x-TM"), "en-x-tm");
}

TEST(LanguageTagTest, AcceptsBcp47ShapesOnly) {
  for (const char* ok :
       {"fr", "fr-FR", "fra", "zh-Hant-TW", "es-419", "de-CH-1901", "en-x-ancre"}) {
    EXPECT_TRUE(IsWellFormedLanguageTag(ok)) << ok;
  }
  for (const char* bad : {"", "english", "f", "fr-", "fr--FR", "*all*", "fr-x", "12"}) {
    EXPECT_FALSE(IsWellFormedLanguageTag(bad)) << bad;
  }
}

TEST(LanguageTagTest, MatchesCaseInsensitivelyWithRegionFallback) {
  EXPECT_EQ(LanguageMatchRank("fr-ca", "FR_CA"), LanguageMatch::kExact);
  EXPECT_EQ(LanguageMatchRank("fr", "fr-CA"), LanguageMatch::kNarrower);
  EXPECT_EQ(LanguageMatchRank("fr-FR", "fr"), LanguageMatch::kBroader);
  EXPECT_EQ(LanguageMatchRank("fr-FR", "fr-CA"), LanguageMatch::kNone);
  EXPECT_EQ(LanguageMatchRank("fr", "fry"), LanguageMatch::kNone);
  EXPECT_TRUE(LanguageServes("en", "en-GB"));
  EXPECT_FALSE(LanguageServes("en", "fr"));
}

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
