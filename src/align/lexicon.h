// Bilingual lexicon and stemming for the aligner's lexical evidence: FreeDict
// dictionaries (dictd format, both directions) read at run time, with every
// headword and translation reduced to a Snowball stem, so inflected forms
// ("gouvernements", "governed") meet through their stems.
//
// Usage:
//   ancre::align::Lexicon lex = ancre::align::Lexicon::Load("/usr/share/dictd", "fr", "en");
//   ancre::align::Stemmer fr("fr");
//   for (const std::string& en_stem : lex.Translations(fr.Stem("gouvernement"))) ...
//
// Thread-safety: a Lexicon is immutable after Load(); share it freely between
// threads. A Stemmer is not thread-safe (Snowball keeps state): one per thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace ancre::align {

// Snowball stemmer for one language. Words are lowercased by the caller.
class Stemmer {
 public:
  // language: ISO 639-1 code or Snowball name ("fr", "english"). A language
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

// Source-stem -> target-stems map built from one or two FreeDict dictionaries.
class Lexicon {
 public:
  Lexicon() = default;

  // Loads <dir>/freedict-<src3>-<tgt3>.{index,dict.dz} and the reverse
  // dictionary when present (src3/tgt3: ISO 639-2 codes derived from the
  // 2-letter codes: fr -> fra, en -> eng ...). A missing dictionary is not an
  // error: the lexicon is then smaller, or empty (check empty()). Throws
  // IoError if a dictionary file exists but cannot be read or decompressed.
  static Lexicon Load(const std::string& dir, std::string_view src_language,
                      std::string_view tgt_language);

  // Adds one pair of single words (lowercase, unstemmed); used by Load() and by tests.
  void AddPair(std::string_view src_word, std::string_view tgt_word, Stemmer* src_stemmer,
               Stemmer* tgt_stemmer);

  // Target stems that translate the source stem; empty if none. The
  // reference lives as long as the Lexicon.
  const std::vector<std::string>& Translations(const std::string& src_stem) const;
  // True if the target stem is the translation of some source stem.
  bool HasTarget(const std::string& tgt_stem) const { return targets_.count(tgt_stem) > 0; }

  bool empty() const { return map_.empty(); }
  size_t size() const { return pairs_; }  // number of distinct (src stem, tgt stem) pairs

 private:
  void AddStems(const std::string& src_stem, const std::string& tgt_stem);
  std::unordered_map<std::string, std::vector<std::string>> map_;
  std::unordered_map<std::string, int> targets_;
  size_t pairs_ = 0;
};

// Splits a dictd entry body into single-word translation candidates: one
// entry is "headword /pron/ <pos>\n1. a, b\n2. c" (numbering optional).
// Returns the headword (text before " /" or " <") and appends the
// translations (phrases split on , and ;, parenthesized parts removed) to *out.
std::string ParseDictEntry(std::string_view entry, std::vector<std::string>* out);

}  // namespace ancre::align
