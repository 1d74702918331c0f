#include "src/text/normalize.h"

#include <gtest/gtest.h>

namespace ancre::text {
namespace {

TEST(NormalizeTest, CollapsesWhiteSpaceButKeepsNoBreakSpaces) {
  EXPECT_EQ(NormalizeSegmentText("  Il a dit\n\t :  « oui\u202f»  "), "Il a dit : « oui\u202f»");
  EXPECT_EQ(NormalizeSegmentText("3\u00a0400"), "3\u00a0400");
}

TEST(NormalizeTest, ComposesToNfc) {
  EXPECT_EQ(NormalizeSegmentText("Se\xCC\x81oul"), "Séoul");  // e + combining acute
}

TEST(NormalizeTest, FoldingRemovesCaseAndAccents) {
  EXPECT_EQ(FoldForMatching("Séoul"), "seoul");
  EXPECT_EQ(FoldForMatching("ÉTATS-UNIS"), "etats-unis");
  EXPECT_EQ(FoldForMatching("Straße"), "strasse");
}

}  // namespace
}  // namespace ancre::text
