// AlignDocuments reads its languages as language tags: any spelling of a
// tag aligns as its canonical form.
#include "src/pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <string>

#include "src/core/error.h"
#include "src/core/language_tag.h"

namespace ancre::pipeline {
namespace {

const char kFrench[] =
    "Le gouvernement a présenté un budget de 320 milliards d'euros le 12 octobre. Le chien dort "
    "dans la maison. Les voitures rouges roulent vite à Paris.\n";
const char kEnglish[] =
    "The government presented a budget of 320 billion euros on October 12. The dog sleeps in the "
    "house. The red cars drive fast in Paris.\n";

AlignedPair Align(const std::string& src_language, const std::string& tgt_language) {
  PairOptions o;
  o.src_language = src_language;
  o.tgt_language = tgt_language;
  o.dictionary_dir = "";
  return AlignDocuments(text::InputText(kFrench, "a.fr.txt", {}),
                        text::InputText(kEnglish, "a.en.txt", {}), o);
}

TEST(AlignDocumentsTest, AnySpellingOfTheLanguagesAlignsAsTheCanonicalTag) {
  const AlignedPair reference = Align("fr", "en");
  ASSERT_EQ(reference.src.segments.size(), 3u);
  ASSERT_FALSE(reference.alignment.beads.empty());
  for (const auto& [src, tgt] :
       {std::pair{"FR", "EN"}, std::pair{"fr_FR", "en-gb"}, std::pair{"fra", "eng"}}) {
    const AlignedPair other = Align(src, tgt);
    EXPECT_EQ(other.src.language, LanguageTag::Parse(src).str()) << src;
    ASSERT_EQ(other.alignment.beads.size(), reference.alignment.beads.size()) << src;
    for (size_t i = 0; i < other.alignment.beads.size(); ++i) {
      EXPECT_EQ(other.alignment.beads[i].src, reference.alignment.beads[i].src) << src;
      EXPECT_EQ(other.alignment.beads[i].tgt, reference.alignment.beads[i].tgt) << src;
      EXPECT_EQ(other.alignment.beads[i].score, reference.alignment.beads[i].score) << src;
    }
  }
}

TEST(AlignDocumentsTest, AnUnknownLanguageThrowsNamingTheClosestCode) {
  try {
    Align("french", "en");
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean fr"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ancre::pipeline
