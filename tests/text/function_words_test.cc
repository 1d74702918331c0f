#include "src/text/function_words.h"

#include <gtest/gtest.h>

namespace ancre::text {
namespace {

TEST(FunctionWordsTest, OneListServesBothPurposesWithTheirOwnAdditions) {
  const FunctionWords* fr = FunctionWordsOf("fr");
  ASSERT_NE(fr, nullptr);
  // Shared: never a name, never lexical evidence.
  EXPECT_TRUE(fr->NotAName("dans"));
  EXPECT_TRUE(fr->NoEvidence("dans"));
  // A time adverb starts sentences but is not a name; it still translates.
  EXPECT_TRUE(fr->NotAName("hier"));
  EXPECT_FALSE(fr->NoEvidence("hier"));
  // An auxiliary is no evidence, but "Est" may be a name (l'Est, Grand Est).
  EXPECT_TRUE(fr->NoEvidence("est"));
  EXPECT_FALSE(fr->NotAName("est"));
  // "Han" may begin a name in a Spanish text; it is never evidence.
  const FunctionWords* es = FunctionWordsOf("es");
  ASSERT_NE(es, nullptr);
  EXPECT_FALSE(es->NotAName("han"));
  EXPECT_TRUE(es->NoEvidence("han"));
}

TEST(FunctionWordsTest, ATagFindsItsLanguageAndAnUnlistedLanguageHasNone) {
  EXPECT_EQ(FunctionWordsOf("fr-CA"), FunctionWordsOf("fr"));
  EXPECT_EQ(FunctionWordsOf("pt"), FunctionWordsOf("it"));
  EXPECT_NE(FunctionWordsOf("de"), nullptr);
  EXPECT_TRUE(FunctionWordsOf("de")->NoEvidence("ist"));
  EXPECT_TRUE(FunctionWordsOf("en")->NotAName("yesterday"));
  EXPECT_EQ(FunctionWordsOf("cs"), nullptr);
  EXPECT_EQ(FunctionWordsOf("ru"), nullptr);
}

}  // namespace
}  // namespace ancre::text
