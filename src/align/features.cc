#include "src/align/features.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "src/core/utf8.h"
#include "src/text/dates.h"
#include "src/text/function_words.h"
#include "src/text/normalize.h"
#include "src/text/transliterate.h"
#include "src/unicode/fold.h"

namespace ancre::align {
namespace {

// FNV-1a, 64 bits: match keys are hashes of short tagged strings, so both
// sides compute them independently and identically (collisions among a few
// hundred thousand keys are negligible: ~1e-9).
uint64_t HashKey(char tag, std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  h = (h ^ static_cast<unsigned char>(tag)) * 1099511628211ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// Letters of the scripts news text is written in; punctuation, symbols and
// spaces (U+2000-U+2BFF, U+3000-U+303F) are not letters.
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7) return false;
  if (c < 0x2000) return true;
  if (c < 0x2C00) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE00 && c <= 0xFFFF) return false;
  return true;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

// True if every letter of the word is uppercase (non-ASCII letters: folded
// form differs from the original, a good enough test for Latin capitals).
bool AllCaps(std::string_view word, std::string_view folded) {
  size_t letters = 0;
  for (char c : word) {
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c >= 'a' && c <= 'z') return false;
      if (IsUpperAscii(c)) ++letters;
    }
  }
  if (letters < 2) return false;
  // Non-ASCII lowercase letters would fold to themselves; accept the ASCII test.
  return folded.size() >= 2;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Where a word ends: letters only (apostrophes and hyphens split words).
size_t ScanLetters(std::string_view text, size_t i) {
  while (i < text.size()) {
    size_t next = i;
    char32_t c = NextCodePoint(text, &next);
    if (!IsLetter(c)) break;
    i = next;
  }
  return i;
}

// Digits of a number starting at i; internal "," "." join digits, and a space
// (also NBSP, NNBSP) joins a following group of exactly three digits
// ("3 400", "3,4", "1.5"). Appends the digits to *digits.
size_t ScanNumber(std::string_view text, size_t i, std::string* digits) {
  while (i < text.size()) {
    while (i < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[i]))) {
      digits->push_back(text[i]);
      ++i;
    }
    if (i + 1 < text.size() && (text[i] == ',' || text[i] == '.') &&
        IsAsciiDigit(static_cast<unsigned char>(text[i + 1]))) {
      ++i;
      continue;
    }
    // A space followed by exactly three digits: a thousands group.
    size_t j = i;
    if (j < text.size()) {
      char32_t c = NextCodePoint(text, &j);
      if (c == ' ' || c == 0xA0 || c == 0x202F) {
        size_t k = j;
        while (k < text.size() && IsAsciiDigit(static_cast<unsigned char>(text[k]))) ++k;
        bool group =
            k - j == 3 && (k == text.size() || !IsAsciiDigit(static_cast<unsigned char>(text[k])));
        if (group) {
          i = j;
          continue;
        }
      }
    }
    break;
  }
  return i;
}

// Token types: a distinct word (folded, and whether it is all capitals), number
// or anchor key, with its match keys. Tokens refer to their type, so a word's
// keys are stored once however often it occurs.
class TypeTable {
 public:
  TypeTable(const FeatureOptions& options, SideFeatures* f)
      : options_(options), stemmer_(options.language), f_(f) {}

  // The type of a word, or kNone for a word without keys (function words).
  // `name_like`: the word may be a name (see FeatureOptions::phonetic_names).
  uint32_t Word(const std::string& folded, bool all_caps, bool name_like) {
    auto& memo = words_[(all_caps ? 1 : 0) + (name_like ? 2 : 0)];
    auto it = memo.find(folded);
    if (it != memo.end()) return it->second;
    keys_.clear();
    size_t cps = CountCodePoints(folded);
    bool stop = IsStopword(options_.language, folded);
    if (all_caps) keys_.push_back(HashKey('A', folded));
    if (!stop) {
      if (cps >= 4) {
        size_t cut = 0;
        for (int k = 0; k < 4; ++k) NextCodePoint(folded, &cut);
        keys_.push_back(HashKey('P', std::string_view(folded).substr(0, cut)));
      } else if (cps == 3) {
        keys_.push_back(HashKey('W', folded));
      }
      // A word in another script also meets the Latin spelling of its sound
      // (names, loanwords: "Обама" / "Obama").
      bool latinized = false;
      std::string latin;
      if (cps >= 3 && static_cast<unsigned char>(folded[0]) >= 0x80) {
        for (char c : latinizer_.ToLatin(folded)) {
          if (c >= 'a' && c <= 'z') latin += c;
        }
        latinized = !latin.empty();
        if (latin.size() >= 4) {
          keys_.push_back(HashKey('P', std::string_view(latin).substr(0, 4)));
        } else if (latin.size() == 3) {
          keys_.push_back(HashKey('W', latin));
        }
      }
      // ... and, facing another script, on the consonants of its sound,
      // whatever the transliteration ("Джобса" / "Jobs").
      if (options_.phonetic_names && name_like && cps >= 3) {
        std::string skeleton = text::PhoneticSkeleton(latinized ? latin : folded, latinized);
        if (skeleton.size() >= 3) keys_.push_back(HashKey('K', skeleton.substr(0, 4)));
      }
      const Lexicon* lexicons[] = {options_.lexicon.get(), options_.user_lexicon.get(),
                                   options_.learned.get()};
      const bool any_lexicon = std::any_of(std::begin(lexicons), std::end(lexicons),
                                           [](const Lexicon* l) { return l && !l->empty(); });
      if (!keys_.empty() && any_lexicon) {
        std::string stem = stemmer_.Stem(folded);
        bool target = false;
        for (const Lexicon* lex : lexicons) {
          if (lex == nullptr || lex->empty()) continue;
          if (options_.side == Side::kSource) {
            for (std::string_view t : lex->Translations(stem)) keys_.push_back(HashKey('L', t));
          } else {
            target = target || lex->HasTarget(stem);
          }
        }
        if (target) keys_.push_back(HashKey('L', stem));
      }
    }
    uint32_t type = keys_.empty() ? KeyTable::kNone : NewType(keys_);
    memo.emplace(folded, type);
    return type;
  }

  // The type of a number or an anchor: its one key.
  uint32_t Single(uint64_t key) {
    uint32_t id = singles_.Insert(key);
    if (id == single_types_.size()) {
      keys_.assign(1, key);
      single_types_.push_back(NewType(keys_));
      anchor_keys_.push_back(f_->type_keys.back());
    }
    return single_types_[id];
  }

  // Fills f->vocabulary from the keys seen.
  void Finish() {
    f_->type_key_begin.push_back(static_cast<uint32_t>(f_->type_keys.size()));
    f_->vocabulary.resize(vocabulary_.size());
    vocabulary_.ForEach([&](uint64_t key, uint32_t id) { f_->vocabulary[id] = key; });
    f_->anchor_key.assign(f_->vocabulary.size(), 0);
    for (uint32_t id : anchor_keys_) f_->anchor_key[id] = 1;
  }

 private:
  uint32_t NewType(const std::vector<uint64_t>& keys) {
    f_->type_key_begin.push_back(static_cast<uint32_t>(f_->type_keys.size()));
    for (uint64_t k : keys) f_->type_keys.push_back(vocabulary_.Insert(k));
    return static_cast<uint32_t>(f_->type_key_begin.size() - 1);
  }

  const FeatureOptions& options_;
  Stemmer stemmer_;
  text::Latinizer latinizer_;
  SideFeatures* f_;
  KeyTable vocabulary_;
  KeyTable singles_;                    // number and anchor keys -> index in single_types_
  std::vector<uint32_t> single_types_;  // their types
  std::vector<uint32_t> anchor_keys_;   // vocabulary ids of number and anchor keys
  std::vector<uint64_t> keys_;          // scratch
  // By (all caps) + 2 * (may be a name).
  std::unordered_map<std::string, uint32_t> words_[4];
};

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    size_t next = i;
    char32_t c = NextCodePoint(text, &next);
    if (IsAsciiDigit(c)) {
      Word w;
      w.begin = start;
      w.is_number = true;
      i = ScanNumber(text, i, &w.number_key);
      w.end = i;
      words.push_back(std::move(w));
    } else if (IsLetter(c)) {
      Word w;
      w.begin = start;
      i = ScanLetters(text, i);
      w.end = i;
      std::string_view s = text.substr(w.begin, w.end - w.begin);
      w.all_caps = AllCaps(s, s);
      words.push_back(std::move(w));
    } else {
      i = next;
    }
  }
  return words;
}

bool IsStopword(std::string_view language, std::string_view folded_word) {
  const text::FunctionWords* words = text::FunctionWordsOf(language);
  return words && words->NoEvidence(folded_word);
}

uint64_t AnchorMatchKey(const Anchor& anchor) {
  std::string tagged(AnchorKindName(anchor.kind));
  tagged.push_back(':');
  tagged += anchor.key;
  return HashKey('X', tagged);
}

void DropTokens(SideFeatures* f) {
  std::vector<Token>().swap(f->tokens);
  std::vector<uint32_t>().swap(f->type_key_begin);
  std::vector<uint32_t>().swap(f->type_keys);
  std::vector<uint64_t>().swap(f->vocabulary);
  std::vector<uint8_t>().swap(f->anchor_key);
  std::vector<uint32_t>(f->size() + 1, 0).swap(f->token_begin);
}

SideFeatures BuildSideFeatures(const std::vector<std::string>& texts,
                               const DocumentAnchors& anchors, const FeatureOptions& options) {
  SideFeatures f;
  const size_t n = texts.size();
  f.chars.reserve(n);
  f.token_begin.reserve(n + 1);
  TypeTable types(options, &f);
  std::string folded;
  for (size_t i = 0; i < n; ++i) {
    const std::string& text = texts[i];
    f.chars.push_back(static_cast<uint32_t>(CountCodePoints(text)));
    f.token_begin.push_back(static_cast<uint32_t>(f.tokens.size()));
    for (const Word& w : SplitWords(text)) {
      uint32_t type;
      if (w.is_number) {
        type = types.Single(HashKey('N', w.number_key));
      } else {
        folded = unicode::FoldWord(std::string_view(text).substr(w.begin, w.end - w.begin));
        const bool name_like =
            options.phonetic_names &&
            text::Latinizer::MayBeName(std::string_view(text).substr(w.begin, w.end - w.begin));
        type = types.Word(folded, w.all_caps, name_like);
      }
      if (type == KeyTable::kNone) continue;  // a function word: no evidence
      f.tokens.push_back({0.f, type});
    }
    if (i < anchors.size()) {
      for (const Anchor& a : anchors[i]) {
        if (a.key.empty()) continue;
        // The weight field holds the anchor's factor until the IDF is known.
        float factor = static_cast<float>(std::max(0.05, a.weight * options.anchor_weight));
        f.tokens.push_back({factor, types.Single(AnchorMatchKey(a))});
        if (options.partial_dates && a.kind == AnchorKind::kDate) {
          for (const std::string& key : text::CoarserDateKeys(a.key)) {
            Anchor coarse = a;
            coarse.key = key;
            f.tokens.push_back({static_cast<float>(std::max(0.05, factor * kPartialDateFactor)),
                                types.Single(AnchorMatchKey(coarse))});
          }
        }
      }
    }
  }
  f.token_begin.push_back(static_cast<uint32_t>(f.tokens.size()));
  types.Finish();

  // IDF of each token's identity (its type's first key) over this side's
  // segments, counted once per segment.
  auto identity = [&](const Token& t) { return f.type_keys[f.type_key_begin[t.type]]; };
  std::vector<uint32_t> df(f.vocabulary.size(), 0);
  std::vector<uint32_t> last_segment(f.vocabulary.size(), UINT32_MAX);
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t = f.token_begin[i]; t < f.token_begin[i + 1]; ++t) {
      uint32_t id = identity(f.tokens[t]);
      if (last_segment[id] != i) {
        last_segment[id] = static_cast<uint32_t>(i);
        ++df[id];
      }
    }
  }
  f.total_weight.assign(n, 0.f);
  const double segments = static_cast<double>(std::max<size_t>(n, 1));
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t t = f.token_begin[i]; t < f.token_begin[i + 1]; ++t) {
      Token& token = f.tokens[t];
      double w = std::log(1.0 + segments / df[identity(token)]);
      if (token.weight > 0.f) w *= token.weight;
      token.weight = static_cast<float>(w);
      f.total_weight[i] += token.weight;
    }
  }
  f.tokens.shrink_to_fit();
  return f;
}

}  // namespace ancre::align
