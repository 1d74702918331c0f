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
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/align/key_table.h"
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
  std::shared_ptr<const Lexicon> lexicon = nullptr;  // word translations; may be null or empty
  // The user's dictionaries, used like `lexicon`; may be null.
  std::shared_ptr<const Lexicon> user_lexicon = nullptr;
  // A learned lexicon, used like `lexicon`; may be null.
  std::shared_ptr<const Lexicon> learned = nullptr;
  double anchor_weight = 1.0;  // multiplies every anchor token's weight
  // The other side writes in another script (Cyrillic against Latin ...):
  // words that may be names (capitalized, or in a script without case) also
  // meet on their consonant skeleton ("Джобса" / "Jobs", "Скалиа" / "Scalia").
  bool phonetic_names = false;
  // A date also stands, at kPartialDateFactor of its weight, for its year and
  // its month ("2025-11-10" meets "2025", "--11-10" meets "novembre" = "--11"):
  // comparable articles name one event at different granularities.
  bool partial_dates = false;
};

// The weight factor of the year or month a date stands for (partial_dates).
inline constexpr double kPartialDateFactor = 0.5;

struct Token {
  float weight = 0.f;  // IDF on its side
  uint32_t type = 0;   // the word, number or anchor it is (see SideFeatures)
};

// The features of every segment of one side.
struct SideFeatures {
  std::vector<uint32_t> chars;        // length of each segment in code points
  std::vector<uint32_t> token_begin;  // segment i's tokens: [token_begin[i], token_begin[i+1])
  std::vector<Token> tokens;
  // Token types (distinct words, numbers, anchor keys): type k's keys are
  // type_keys[type_key_begin[k] .. type_key_begin[k+1]), indices into `vocabulary`.
  std::vector<uint32_t> type_key_begin;
  std::vector<uint32_t> type_keys;
  std::vector<uint64_t> vocabulary;  // the distinct match keys of this side
  std::vector<uint8_t> anchor_key;   // per vocabulary key: 1 for a number or anchor key
  std::vector<float> total_weight;   // sum of token weights per segment

  size_t size() const { return chars.size(); }
  std::span<const Token> SegmentTokens(size_t i) const {
    return {tokens.data() + token_begin[i], tokens.data() + token_begin[i + 1]};
  }
  // A token's keys, as indices into `vocabulary`.
  std::span<const uint32_t> TokenKeys(const Token& t) const {
    return {type_keys.data() + type_key_begin[t.type],
            type_keys.data() + type_key_begin[t.type + 1]};
  }
};

// Builds the features of one side. `anchors` is empty or parallel to `texts`.
// Returns the features; throws nothing but std::bad_alloc. `texts` and
// `anchors` are only read during the call.
SideFeatures BuildSideFeatures(const std::vector<std::string>& texts,
                               const DocumentAnchors& anchors, const FeatureOptions& options);

// Frees the per-token data of `f` (tokens, their keys, the vocabulary) once
// a Scorer has indexed it; the lengths and total weights stay, which is all a
// Scorer reads afterwards.
void DropTokens(SideFeatures* f);

// The match key of an anchor (also used to report shared anchors).
uint64_t AnchorMatchKey(const Anchor& anchor);

}  // namespace ancre::align
