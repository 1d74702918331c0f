// Tokens for anchor extraction: one segment's UTF-8 text cut into words,
// numbers and punctuation, each with its byte range, its case shape and (for
// words) its folded form, so the date, number and entity recognizers work on
// the same view of the text. Numbers are read here, with the language's
// decimal separator, so "3 400", "3.400", "3,400" and "3,5" are settled once.
// The scan is a single left-to-right pass with bounded lookahead: linear in
// the input, whatever it holds.
//
// Thread-safety: pure functions over their arguments.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

struct WordFacts;

enum class TokenKind : uint8_t {
  kWord,         // letters (and marks); hyphenated words are split, see joined
  kNumber,       // digits with grouping/decimal separators, an optional ordinal suffix
  kNumericDate,  // 2025-10-27, 27/10/2025, 10/27/2025, 27.10.2025
  kPunct,        // any other non-space character
};

struct Token {
  size_t begin = 0;  // byte offset in the text given to Tokenize
  size_t end = 0;    // one past the last byte
  TokenKind kind = TokenKind::kPunct;
  bool space_before = false;   // white space (or start of text) right before
  bool joined = false;         // glued to the previous word by a hyphen ("Jae-myung": "myung")
  bool upper_initial = false;  // word starts with an upper-case letter
  bool all_upper = false;      // word has >= 2 letters, all upper case
  bool ordinal = false;        // number with an ordinal suffix: 1er, 26e, 26th, 2nd
  bool grouped = false;        // number written with thousands separators
  bool decimal = false;        // number with a decimal part
  uint8_t int_digits = 0;      // digits before any separator (capped at 255)
  // kWord: case-folded, accents removed ("Séoul" -> "seoul").
  // kNumber: canonical value ("3400", "3.5"). kNumericDate: the raw text.
  // kPunct: the character itself.
  std::string norm;
  // What the lexicon knows about the token, once CaseEvidence::Add() has
  // seen it; nullptr before (the lexicon then looks `norm` up).
  const WordFacts* facts = nullptr;
};

struct TokenizeOptions {
  char decimal_separator = '.';  // the language's decimal mark ('.' or ',')
  bool space_grouping = false;   // plain spaces may group thousands ("3 400", French)
};

// Cuts `text` (valid UTF-8) into tokens. Returns them in text order.
std::vector<Token> Tokenize(std::string_view text, const TokenizeOptions& options);

// Builds the phrase of `words` word tokens starting at tokens[k]: their
// folded forms joined by single spaces, skipping apostrophes between words
// ("d'euros" -> "d euros"). Any other token in between ends the phrase.
// Returns false if fewer than `words` words follow; *next is the token after.
bool WordPhrase(const std::vector<Token>& tokens, size_t k, size_t words, std::string* phrase,
                size_t* next);

// True for ' and its typographic forms (U+2019, U+02BC).
bool IsApostrophe(const Token& token);

// The numeric value of a canonical number string ("3400", "3.5"); 0 if empty.
double NumberValue(std::string_view canonical);

// Writes a non-negative value canonically: integers without a decimal part,
// others with at most 6 decimals and no trailing zeros ("3.5", "5000000").
std::string CanonicalNumber(double value);

}  // namespace ancre::text
