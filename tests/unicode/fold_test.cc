#include "src/unicode/fold.h"

#include <gtest/gtest.h>

#include <string>

#include "src/core/utf8.h"

namespace ancre::unicode {
namespace {

TEST(FoldTest, ToNfcComposes) {
  EXPECT_EQ(ToNfc("Se\xCC\x81oul"), "S\xC3\xA9oul");  // e + combining acute -> é
  EXPECT_EQ(ToNfc("S\xC3\xA9oul"), "S\xC3\xA9oul");
}

TEST(FoldTest, FoldingRemovesCaseAndAccents) {
  EXPECT_EQ(FoldForMatching("Séoul"), "seoul");
  EXPECT_EQ(FoldForMatching("ÉTATS-UNIS"), "etats-unis");
  EXPECT_EQ(FoldForMatching("Straße"), "strasse");
}

TEST(FoldTest, FoldingKeepsTheVowelSignsOfIndicScripts) {
  // ने (postposition) and नौ (nine) differ only by their vowel signs.
  EXPECT_NE(FoldForMatching("ने"), FoldForMatching("नौ"));
  EXPECT_EQ(FoldForMatching("ओबामा"), "ओबामा");
  EXPECT_EQ(FoldForMatching("Séoul"), "seoul");  // Latin accents still go
}

TEST(FoldTest, FoldWordAgreesWithFullFoldingOnLatinLettersAndOtherScripts) {
  // FoldWord looks Latin letters up in a table; it must fold as utf8proc does.
  std::string one;
  for (char32_t cp = 0x41; cp < kLatinFoldEnd; ++cp) {
    if (cp >= 0x80 && cp < 0xC0) continue;  // controls, signs: not letters
    one.clear();
    AppendUtf8(cp, &one);
    EXPECT_EQ(FoldWord(one), FoldForMatching(one)) << "U+" << std::hex << static_cast<int>(cp);
    EXPECT_EQ(LatinFold(cp), FoldForMatching(one));
  }
  for (const char* word : {"Séoul", "ÉTATS-UNIS", "Straße", "Łódź", "Ærøskøbing", "ŉ", "Ǆemal",
                           "Москва", "ﬁnance", "İstanbul", "Ñandú", "café́", "Hello"}) {
    EXPECT_EQ(FoldWord(word), FoldForMatching(word)) << word;
  }
  EXPECT_EQ(FoldWord("Séoul"), "seoul");
}

std::u32string IndexFold(char32_t cp) {
  char32_t out[kMaxIndexFold];
  return std::u32string(out, FoldForIndex(cp, out));
}

TEST(FoldTest, IndexFoldDecomposesLumpsAndDropsIgnorables) {
  EXPECT_EQ(IndexFold(U'\u00C9'), U"e");       // É: marks dropped
  EXPECT_EQ(IndexFold(U'\u00DF'), U"ss");      // ß: case fold
  EXPECT_EQ(IndexFold(U'\uFB01'), U"fi");      // ﬁ: compatibility form
  EXPECT_EQ(IndexFold(U'\u2019'), U"'");       // ’: look-alike quote lumped
  EXPECT_EQ(IndexFold(U'\u00AD'), U"");        // soft hyphen: ignorable
  EXPECT_EQ(IndexFold(U'\u0928'), U"\u0928");  // न: no mark to drop
  EXPECT_EQ(IndexFold(U'\u094C'), U"");        // ौ: the index drops vowel signs too
}

}  // namespace
}  // namespace ancre::unicode
