// Word folding (and the NFC it builds on), in one place for every library that matches words across
// spellings: the aligner and the anchor lexicons (src/text, src/align) and
// the translation memory's word index (tm/). Built on utf8proc; no ICU, so
// tm/ may use it. Input must be valid UTF-8. Thread-safe (pure functions;
// the Latin table is built once, thread-safely, on first use).
//
// Usage:
//   std::string key = ancre::unicode::FoldWord("Séoul");        // "seoul"
//   bool same = key == ancre::unicode::FoldForMatching("SEOUL");  // true
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ancre::unicode {

// Unicode normalization form C (canonical composition): "Se\u0301oul" -> "Séoul".
std::string ToNfc(std::string_view utf8);

// NFKC + case fold + accents stripped: "Séoul" -> "seoul", "ÉTATS" -> "etats".
// In scripts whose combining marks are vowels (Devanagari and the other Indic
// scripts, Thai, Khmer ...) the marks are kept: "ने" and "नौ" stay apart.
std::string FoldForMatching(std::string_view utf8);

// FoldForMatching of one word, faster: ASCII and the Latin letters below
// kLatinFoldEnd are folded code point by code point (NFKC, case fold and mark
// stripping leave nothing to compose across them); a word with anything else
// takes FoldForMatching. Returns exactly what FoldForMatching returns.
std::string FoldWord(std::string_view word);

// Code points below this have a precomputed fold: Latin-1 and Latin
// Extended-A/B.
constexpr char32_t kLatinFoldEnd = 0x250;
// FoldForMatching of the one code point cp (cp < kLatinFoldEnd).
const std::string& LatinFold(char32_t cp);

// The fold of the TM's word index, one code point at a time: compatibility
// decomposition (ﬁ, ², full-width letters), case fold (ß -> ss), combining
// marks dropped (é -> e), look-alike spaces, quotes and dashes unified,
// default-ignorable characters (soft hyphen, ZWJ) dropped. Unlike
// FoldForMatching nothing is recomposed and vowel marks go too: the keys are
// stored in translation memories, so this fold must not change.
// Writes the folded code points to out (room for kMaxIndexFold) and returns
// how many; a code point utf8proc cannot fold is written as it is.
constexpr size_t kMaxIndexFold = 32;
size_t FoldForIndex(char32_t cp, char32_t* out);

}  // namespace ancre::unicode
