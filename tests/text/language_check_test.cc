#include "src/text/language_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace ancre::text {
namespace {

std::vector<std::string> Lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

const std::string kSamples = ANCRE_SAMPLES;

TEST(LanguageCheckTest, ADocumentInItsDeclaredLanguagePasses) {
  EXPECT_EQ(LanguageMismatch(Lines(kSamples + "/cambodia-korea-scams.fr.txt"), "fr"), "");
  EXPECT_EQ(LanguageMismatch(Lines(kSamples + "/cambodia-korea-scams.en.txt"), "en"), "");
  EXPECT_EQ(LanguageMismatch(Lines(kSamples + "/cambodia-korea-scams.en.txt"), "en-GB"), "");
}

TEST(LanguageCheckTest, FunctionWordsTellAnotherListedLanguage) {
  EXPECT_EQ(LanguageMismatch(Lines(kSamples + "/cambodia-korea-scams.fr.txt"), "en"), "French");
  EXPECT_EQ(LanguageMismatch(Lines(kSamples + "/cambodia-korea-scams.en.txt"), "fr"), "English");
  // German has a list: an English text hardly uses it.
  EXPECT_EQ(LanguageMismatch(Lines(kSamples + "/cambodia-korea-scams.en.txt"), "de"), "English");
}

TEST(LanguageCheckTest, AScriptTellsALanguageWithoutAList) {
  const std::vector<std::string> ru = {
      "Президент России Владимир Путин во вторник провел переговоры с канцлером Германии.",
      "Стороны обсудили ситуацию на Украине, энергетическое сотрудничество и торговлю.",
      "По словам пресс-секретаря Кремля, разговор был конструктивным и продолжался час.",
      "Следующая встреча лидеров может состояться в конце года в Берлине или в Москве."};
  EXPECT_EQ(LanguageMismatch(ru, "ru"), "");
  EXPECT_EQ(LanguageMismatch(ru, "en"), "Cyrillic script");
  EXPECT_EQ(LanguageMismatch(ru, "cs"), "Cyrillic script");
}

// Each ASCII letter moved one place on (a -> b, z -> a): no word of any list
// is left, as in a text with scrambled letters or in an unlisted language.
std::vector<std::string> Shifted(std::vector<std::string> lines) {
  for (std::string& line : lines) {
    for (char& c : line) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + (c - 'a' + 1) % 26);
    }
  }
  return lines;
}

TEST(LanguageCheckTest, ATextOfNoListedLanguageIsDoubtedNotRefused) {
  const auto fr = Lines(kSamples + "/cambodia-korea-scams.fr.txt");
  EXPECT_EQ(LanguageDoubt(ProfileLanguage(fr), "fr"), "");
  const auto shifted = Shifted(fr);
  EXPECT_EQ(LanguageMismatch(shifted, "fr"), "");
  const std::string doubt = LanguageDoubt(ProfileLanguage(shifted), "fr");
  EXPECT_EQ(doubt.rfind("hardly any French function words (", 0), 0u) << doubt;
  // A language without a list has nothing to doubt.
  EXPECT_EQ(LanguageDoubt(ProfileLanguage(shifted), "cs"), "");
}

TEST(LanguageCheckTest, ATextTooShortToTellPasses) {
  EXPECT_EQ(LanguageMismatch({"Le chien dort dans la maison."}, "en"), "");
  EXPECT_EQ(LanguageMismatch(std::vector<std::string>{}, "en"), "");
  EXPECT_EQ(LanguageMismatch(LanguageProfile{}, "en"), "");
}

}  // namespace
}  // namespace ancre::text
