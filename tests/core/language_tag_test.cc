#include "src/core/language_tag.h"

#include <gtest/gtest.h>

#include <string>

#include "src/core/error.h"

namespace ancre {
namespace {

std::string Canonical(std::string_view text) { return LanguageTag::Parse(text).str(); }

// The message Parse throws for text, or "" if it parses.
std::string ParseError(std::string_view text) {
  std::string error;
  return LanguageTag::TryParse(text, &error) ? "" : error;
}

TEST(LanguageTagTest, ParsesCaseInsensitivelyWithUnderscores) {
  EXPECT_EQ(Canonical("fr"), "fr");
  EXPECT_EQ(Canonical("FR"), "fr");
  EXPECT_EQ(Canonical("fr_FR"), "fr-FR");
  EXPECT_EQ(Canonical("fr-fr"), "fr-FR");
  EXPECT_EQ(Canonical(" En_us "), "en-US");
  EXPECT_EQ(Canonical("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(Canonical("sr_latn"), "sr-Latn");
  EXPECT_EQ(Canonical("es-419"), "es-419");
  EXPECT_EQ(LanguageTag::Parse("fr-CA").language(), "fr");
  EXPECT_EQ(LanguageTag::Parse("FR"), LanguageTag::Parse("fr"));
}

TEST(LanguageTagTest, WritesThreeLetterCodesAsTheirIso6391Code) {
  EXPECT_EQ(Canonical("fra"), "fr");  // ISO 639-2/T
  EXPECT_EQ(Canonical("fre"), "fr");  // ISO 639-2/B
  EXPECT_EQ(Canonical("GER_de"), "de-DE");
  EXPECT_EQ(Canonical("cze"), "cs");
  EXPECT_EQ(Canonical("cmn-Hans"), "zh-Hans");  // ISO 639-3 individual language
  EXPECT_EQ(Canonical("swh"), "sw");
  EXPECT_EQ(Canonical("iw"), "he");    // withdrawn ISO 639-1 code
  EXPECT_EQ(Canonical("fil"), "fil");  // no ISO 639-1 code: stays three letters
}

TEST(LanguageTagTest, KnowsEachLanguagesCodesNameAndStemmer) {
  const Language& fr = LanguageTag::Parse("fr-CA").info();
  EXPECT_EQ(fr.iso639_1, "fr");
  EXPECT_EQ(fr.iso639_2t, "fra");
  EXPECT_EQ(fr.iso639_2b, "fre");
  EXPECT_EQ(fr.english_name(), "French");
  EXPECT_EQ(fr.snowball, "french");
  EXPECT_EQ(FindLanguage("de")->iso639_2b, "ger");
  EXPECT_EQ(FindLanguage("cs")->iso639_2t, "ces");
  EXPECT_EQ(FindLanguage("ro")->iso639_2t, "ron");
  EXPECT_EQ(FindLanguage("es")->english_name(), "Spanish");
  EXPECT_EQ(FindLanguage("en")->iso639_2b, "eng");  // no separate /B code
  EXPECT_EQ(FindLanguage("el")->snowball, "greek");
  EXPECT_EQ(FindLanguage("cs")->snowball, "");  // Snowball has no Czech stemmer
  EXPECT_EQ(FindLanguage("qq"), nullptr);
  EXPECT_EQ(FindLanguage("french"), nullptr);
}

TEST(LanguageTagTest, RejectsAnEnglishNameNamingItsCode) {
  EXPECT_EQ(ParseError("french"), "unknown language 'french'; did you mean fr (French)?");
  EXPECT_EQ(ParseError("German"), "unknown language 'German'; did you mean de (German)?");
  EXPECT_EQ(ParseError("castilian"), "unknown language 'castilian'; did you mean es (Spanish)?");
  EXPECT_THROW(LanguageTag::Parse("french"), Error);
}

TEST(LanguageTagTest, RejectsATypoNamingTheNearestCode) {
  EXPECT_EQ(ParseError("frr"), "unknown language 'frr'; did you mean fr (French)?");
  EXPECT_EQ(ParseError("englsh"), "unknown language 'englsh'; did you mean en (English)?");
  EXPECT_EQ(ParseError("germna"), "unknown language 'germna'; did you mean de (German)?");
  EXPECT_EQ(ParseError("frr-FR"), "unknown language 'frr'; did you mean fr (French)?");
  EXPECT_EQ(ClosestLanguageCode("frr"), "fr");
  EXPECT_EQ(ClosestLanguageCode("xyzzy-plugh"), "");
}

TEST(LanguageTagTest, RejectsWhatIsNotATag) {
  EXPECT_NE(ParseError(""), "");
  EXPECT_NE(ParseError("fr-"), "");
  EXPECT_NE(ParseError("fr--FR"), "");
  EXPECT_NE(ParseError("fr-FRANCE-x"), "");
  EXPECT_NE(ParseError("xyz").find("use an ISO 639-1 code"), std::string::npos);
  EXPECT_EQ(ParseError("zh-Hant-TW"), "");
}

TEST(LanguageTagTest, NormalizesCaseAndUnderscores) {
  EXPECT_EQ(NormalizeLanguageTag("fr_FR"), "fr-FR");
  EXPECT_EQ(NormalizeLanguageTag("EN-us"), "en-US");
  EXPECT_EQ(NormalizeLanguageTag("En-uS"), "en-US");
  EXPECT_EQ(NormalizeLanguageTag(" zh-hant-tw "), "zh-Hant-TW");
  EXPECT_EQ(NormalizeLanguageTag("es-419"), "es-419");
  EXPECT_EQ(NormalizeLanguageTag("en-x-TM"), "en-x-tm");
  EXPECT_EQ(NormalizeLanguageTag("FRA-ca"), "fr-CA");
  EXPECT_EQ(NormalizeLanguageTag("tlh"), "tlh");  // not in the table: kept as written
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

TEST(LanguageTagTest, MatchesWithFallbackToThePrimaryLanguage) {
  EXPECT_EQ(LanguageMatchRank("fr-ca", "FR_CA"), LanguageMatch::kExact);
  EXPECT_EQ(LanguageMatchRank("fr", "fr-CA"), LanguageMatch::kNarrower);
  EXPECT_EQ(LanguageMatchRank("fr-FR", "fr"), LanguageMatch::kBroader);
  EXPECT_EQ(LanguageMatchRank("fr-FR", "fr-CA"), LanguageMatch::kNone);
  EXPECT_EQ(LanguageMatchRank("fr", "fry"), LanguageMatch::kNone);
  EXPECT_EQ(LanguageMatchRank("fr", "fra"), LanguageMatch::kExact);
  EXPECT_TRUE(LanguageServes("en", "en-GB"));
  EXPECT_FALSE(LanguageServes("en", "fr"));
  const LanguageTag fr_ca = LanguageTag::Parse("fr_CA");
  EXPECT_TRUE(fr_ca.Serves("fr"));
  EXPECT_TRUE(fr_ca.Serves("FR-ca"));
  EXPECT_FALSE(fr_ca.Serves("fr-FR"));
  EXPECT_TRUE(LanguageTag::Parse("fr").Serves("fr_FR"));
}

}  // namespace
}  // namespace ancre
