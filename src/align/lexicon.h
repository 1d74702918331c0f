// Bilingual lexicon and stemming for the aligner's lexical evidence: source
// stems and the target stems that translate them, so inflected forms
// ("gouvernements", "governed") meet through their stems. Built from stem
// pairs (a dictionary, read by src/pipeline/freedict.h; or learned, see
// learned_lexicon.h) or from its text form; no file is read here.
//
// Usage:
//   ancre::align::Stemmer fr("fr"), en("en");
//   ancre::align::Lexicon lex = ancre::align::Lexicon::FromStemPairs(
//       {{fr.Stem("gouvernement"), en.Stem("government")}});
//   for (std::string_view en_stem : lex.Translations(fr.Stem("gouvernements")))
//     std::cout << en_stem << "\n";  // "govern"
//
// Thread-safety: a Lexicon is immutable once built; share it freely between
// threads. A Stemmer is not thread-safe (Snowball keeps state): one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sb_stemmer;

namespace ancre::align {

// Snowball stemmer for one language. Words are lowercased by the caller.
class Stemmer {
 public:
  // language: a language tag or a Snowball name ("fr", "fr-CA", "english"). A language
  // Snowball does not know gives a stemmer that returns words unchanged
  // (available() is false). Throws nothing.
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(Stemmer&&) noexcept;
  Stemmer& operator=(Stemmer&&) noexcept;

  // Returns the stem of a lowercase UTF-8 word, accents folded afterwards
  // ("gouvernements" -> "gouvern", "élections" -> "election").
  std::string Stem(std::string_view lowercase_word);
  bool available() const { return stemmer_ != nullptr; }

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

// The Snowball algorithm a Stemmer for `language` uses: the table's
// (LanguageTag::info().snowball: "de", "DE_at" -> "german"), "none" when
// Snowball has none; the text itself when it is not a language tag (Snowball
// also takes its own names: "english").
std::string SnowballAlgorithm(std::string_view language);

// Source-stem -> target-stems map.
// A lexicon is one compact block of text (stems and their translations,
// sorted) with an index over it, so that a large dictionary (German–English:
// 500,000 headwords) can be kept as a cache file and read back in
// milliseconds.
class Lexicon {
 public:
  Lexicon() = default;

  // Adds one pair of single words (lowercase, unstemmed), rebuilding the
  // lexicon: for small lexicons and tests (a dictionary uses FromStemPairs).
  void AddPair(std::string_view src_word, std::string_view tgt_word, Stemmer* src_stemmer,
               Stemmer* tgt_stemmer);

  // A lexicon of (source stem, target stem) pairs, already stemmed (a
  // dictionary, or a learned lexicon, see learned_lexicon.h); the first
  // translations given for a stem come first. Pairs with an empty stem or a
  // stem holding white space are left out.
  static Lexicon FromStemPairs(const std::vector<std::pair<std::string, std::string>>& pairs);

  // Target stems that translate the source stem; empty if none. The views
  // live as long as the Lexicon (or a copy of it).
  std::vector<std::string_view> Translations(std::string_view src_stem) const;
  // True if the target stem is the translation of some source stem.
  bool HasTarget(std::string_view tgt_stem) const;

  // Calls f(source stem, its target stems) for every entry, in stem order.
  template <typename F>
  void ForEachEntry(F f) const {
    for (const Entry& e : entries_) {
      f(e.key, std::span<const std::string_view>(values_.data() + e.first, e.count));
    }
  }

  bool empty() const { return pairs_ == 0; }
  size_t size() const { return pairs_; }  // number of distinct (src stem, tgt stem) pairs

  // The lexicon as text: a header line, then "src_stem<TAB>tgt tgt ...\n"
  // sorted by source stem, an empty line, and the target stems, one a line,
  // sorted. FromText(ToText()) is the same lexicon. FromText throws
  // ParseError on text that is not in this form.
  std::string ToText() const;
  static Lexicon FromText(std::string text);

 private:
  struct Entry {
    std::string_view key;
    uint32_t first = 0;  // its translations: values_[first, first + count)
    uint32_t count = 0;
  };
  // Every view points into *text_.
  std::shared_ptr<const std::string> text_;
  std::vector<Entry> entries_;             // sorted by key
  std::vector<std::string_view> values_;   // grouped by entry
  std::vector<std::string_view> targets_;  // sorted, distinct
  size_t pairs_ = 0;
};

}  // namespace ancre::align
