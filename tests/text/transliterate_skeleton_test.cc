// The consonant skeletons names meet on across scripts, and which languages
// write in Latin.
#include <gtest/gtest.h>

#include <string>

#include "src/text/transliterate.h"

namespace ancre::text {
namespace {

std::string Latinized(const std::string& word) {
  Latinizer latinizer;
  std::string latin;
  for (char c : latinizer.ToLatin(word)) {
    if (c >= 'a' && c <= 'z') latin += c;
  }
  return PhoneticSkeleton(latin, true);
}

TEST(PhoneticSkeletonTest, ANameAndItsCyrillicSpellingShareTheSkeleton) {
  const std::pair<const char*, const char*> names[] = {
      {"Путина", "putin"},     {"Джобса", "jobs"},      {"Скалиа", "scalia"},
      {"Томас", "thomas"},     {"Фейсбук", "facebook"}, {"Рэнделс", "randalls"},
      {"Зукотти", "zuccotti"}, {"Ельцин", "yeltsin"},   {"Меркель", "merkel"},
      {"Жуков", "zhukov"},     {"Обама", "obama"}};
  for (const auto& [cyrillic, latin] : names) {
    EXPECT_EQ(Latinized(cyrillic), PhoneticSkeleton(latin, false)) << cyrillic << " / " << latin;
  }
}

TEST(PhoneticSkeletonTest, DifferentNamesDiffer) {
  EXPECT_NE(Latinized("Путина"), PhoneticSkeleton("medvedev", false));
  EXPECT_NE(PhoneticSkeleton("scalia", false), PhoneticSkeleton("thomas", false));
  EXPECT_EQ(PhoneticSkeleton("thomas", false), "tms");
  EXPECT_EQ(PhoneticSkeleton("obama", false), "abm");
}

TEST(WritesInLatinScriptTest, KnowsTheScriptOfEachLanguage) {
  for (const char* latin : {"fr", "en", "de", "cs", "pl", "tr", "vi", "sr-Latn"}) {
    EXPECT_TRUE(WritesInLatinScript(latin)) << latin;
  }
  for (const char* other : {"ru", "uk", "bg", "el", "hi", "ar", "zh", "ja", "he"}) {
    EXPECT_FALSE(WritesInLatinScript(other)) << other;
  }
}

}  // namespace
}  // namespace ancre::text
