#include "src/align/lexicon.h"

#include <gtest/gtest.h>

namespace ancre::align {
namespace {

TEST(StemmerTest, TakesItsAlgorithmFromTheLanguageTag) {
  EXPECT_EQ(SnowballAlgorithm("de"), "german");
  EXPECT_EQ(SnowballAlgorithm("DE_at"), "german");
  EXPECT_EQ(SnowballAlgorithm("fra"), "french");
  EXPECT_EQ(SnowballAlgorithm("cs"), "none");          // Snowball has no Czech stemmer
  EXPECT_EQ(SnowballAlgorithm("english"), "english");  // a Snowball name passes through
}

TEST(StemmerTest, StemsTheSameWhateverTheSpellingOfTheLanguage) {
  Stemmer fr("fr");
  ASSERT_TRUE(fr.available());
  ASSERT_EQ(fr.Stem("gouvernements"), "gouvern");
  for (const char* spelling : {"FR", "fr_CA", "fr-FR", "fre"}) {
    Stemmer other(spelling);
    EXPECT_TRUE(other.available()) << spelling;
    EXPECT_EQ(other.Stem("gouvernements"), "gouvern") << spelling;
  }
  EXPECT_FALSE(Stemmer("cs").available());
}

}  // namespace
}  // namespace ancre::align
