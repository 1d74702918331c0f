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

}  // namespace
}  // namespace ancre::text

namespace ancre::text {
namespace {

// The fast path (already-normal text) and the full path must agree.
TEST(NormalizeTest, FastPathAgreesWithFullPathOnEdgeCases) {
  EXPECT_EQ(NormalizeSegmentText("abcdefg  hijklmnop"),
            "abcdefg hijklmnop");  // double space mid-word-block
  EXPECT_EQ(NormalizeSegmentText("abcdefgh ijklmnop"), "abcdefgh ijklmnop");
  EXPECT_EQ(NormalizeSegmentText("abcdefg\u2003hijklmnop"),
            "abcdefg hijklmnop");  // EM SPACE collapses
  EXPECT_EQ(NormalizeSegmentText("abcdefgh\tijklmnop"), "abcdefgh ijklmnop");
  EXPECT_EQ(NormalizeSegmentText("caf\u00e9 \u00ab ok \u00bb \u2019 \u20ac"),
            "caf\u00e9 \u00ab ok \u00bb \u2019 \u20ac");
  EXPECT_EQ(NormalizeSegmentText("x\u0085y"), "x y");  // NEL collapses
}

}  // namespace
}  // namespace ancre::text
