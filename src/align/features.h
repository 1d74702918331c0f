// Per-segment evidence for the aligner: each segment becomes a length in
// characters and a bag of weighted tokens, each token carrying the match keys
// under which it can meet a token of the other language — a 4-letter prefix
// of the folded word (cognates: "gouvernement"/"government"), the word itself
// for 3-letter words, the digits of a number, an acronym, the stems of its
// dictionary translations (source side) or its own stem (target side), and
// the language-independent key of an anchor. Two tokens match when they share
// a key. Token weights are IDF over the segments of their own side.
//
// Thread-safety: SideFeatures is immutable once built; share it freely.
// BuildSideFeatures() may run concurrently for the two sides (each call uses
// its own stemmer; the lexicon is only read).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/align/lexicon.h"
#include "src/core/anchor.h"

namespace ancre::align {

// One word or number of a segment's text.
struct Word {
  size_t begin = 0;        // byte offset in the segment text
  size_t end = 0;          // byte offset one past the word
  bool is_number = false;  // digits, possibly with internal , . or a space before 3 digits
  bool all_caps = false;   // two or more letters, all uppercase ("UN", "BNP")
  std::string number_key;  // the digits of a number, separators removed
};

// Splits a segment's text into words (runs of letters, apostrophes and
// hyphens split) and numbers ("3 400", "3,4", "1997"). Returns them in order.
std::vector<Word> SplitWords(std::string_view text);

// True for function words of `language` ("fr", "en", "de", "es", "it";
// folded: lowercase, no accents) that carry no alignment evidence.
bool IsStopword(std::string_view language, std::string_view folded_word);

// Which side a document is on. The source side expands its words through the
// lexicon; the target side contributes its own stems.
enum class Side { kSource, kTarget };

struct FeatureOptions {
  std::string language = "fr";  // ISO 639-1 code of this side
  Side side = Side::kSource;
  const Lexicon* lexicon = nullptr;  // may be null or empty; must outlive the call
  double anchor_weight = 1.0;        // multiplies every anchor token's weight
};

struct Token {
  float weight = 0.f;       // IDF on its side
  uint32_t keys_begin = 0;  // into SideFeatures::token_keys
  uint32_t keys_end = 0;
};

// The features of every segment of one side.
struct SideFeatures {
  std::vector<uint32_t> chars;        // length of each segment in code points
  std::vector<uint32_t> token_begin;  // segment i's tokens: [token_begin[i], token_begin[i+1])
  std::vector<Token> tokens;
  std::vector<uint64_t> token_keys;  // keys of all tokens
  std::vector<uint32_t>
      key_begin;  // segment i's sorted unique keys: [key_begin[i], key_begin[i+1])
  std::vector<uint64_t> keys;
  std::vector<uint64_t> masks;      // one bit per key (key % 64), per segment
  std::vector<float> total_weight;  // sum of token weights per segment

  size_t size() const { return chars.size(); }
  std::span<const Token> SegmentTokens(size_t i) const {
    return {tokens.data() + token_begin[i], tokens.data() + token_begin[i + 1]};
  }
  std::span<const uint64_t> SegmentKeys(size_t i) const {
    return {keys.data() + key_begin[i], keys.data() + key_begin[i + 1]};
  }
  std::span<const uint64_t> TokenKeys(const Token& t) const {
    return {token_keys.data() + t.keys_begin, token_keys.data() + t.keys_end};
  }
  bool SegmentHasKey(size_t i, uint64_t key) const;
};

// Builds the features of one side. `anchors` is empty or parallel to `texts`.
// Returns the features; throws nothing but std::bad_alloc. `texts` and
// `anchors` are only read during the call.
SideFeatures BuildSideFeatures(const std::vector<std::string>& texts,
                               const DocumentAnchors& anchors, const FeatureOptions& options);

// The match key of an anchor (also used to report shared anchors).
uint64_t AnchorMatchKey(const Anchor& anchor);

}  // namespace ancre::align
