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
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
// A loaded lexicon is one compact block of text (stems and their
// translations, sorted) with an index over it, so that a large dictionary
// (German–English: 500,000 headwords) is parsed once into a cache file and
// then read back in milliseconds by every later run.
class Lexicon {
 public:
  Lexicon() = default;

  // Loads <dir>/freedict-<src3>-<tgt3>.{index,dict.dz} and the reverse
  // dictionary when present (src3/tgt3: ISO 639-2 codes derived from the
  // 2-letter codes: fr -> fra, en -> eng, cs -> ces ...). A missing
  // dictionary is not an error: the lexicon is then smaller, or empty (check
  // empty()). When `cache_dir` is not empty, the parsed lexicon is kept there
  // (one file per pair and dictionary version, written atomically) and read
  // from there when the dictionaries have not changed; a cache that cannot be
  // read or written is ignored. Throws IoError if a dictionary file exists but
  // cannot be read or decompressed.
  // A pair with a small dictionary (fewer than kPivotBelow pairs) is
  // completed through English, German or French when both sides have a large
  // dictionary with it (Russian -> German -> English).
  static Lexicon Load(const std::string& dir, std::string_view src_language,
                      std::string_view tgt_language, const std::string& cache_dir = "");
  static constexpr size_t kPivotBelow = 5000;

  // The cache folder a user's runs share: $ANCRE_CACHE_DIR, else
  // $XDG_CACHE_HOME/ancre, else $HOME/.cache/ancre; empty if none is set.
  static std::string DefaultCacheDir();

  // Adds one pair of single words (lowercase, unstemmed); used by Load() and by tests.
  void AddPair(std::string_view src_word, std::string_view tgt_word, Stemmer* src_stemmer,
               Stemmer* tgt_stemmer);

  // A lexicon of (source stem, target stem) pairs, already stemmed (a
  // learned lexicon, see learned_lexicon.h).
  static Lexicon FromStemPairs(const std::vector<std::pair<std::string, std::string>>& pairs);

  // Target stems that translate the source stem; empty if none. The views
  // live as long as the Lexicon (or a copy of it).
  std::vector<std::string_view> Translations(std::string_view src_stem) const;
  // True if the target stem is the translation of some source stem.
  bool HasTarget(std::string_view tgt_stem) const;

  bool empty() const { return pairs_ == 0; }
  size_t size() const { return pairs_; }  // number of distinct (src stem, tgt stem) pairs

  // The lexicon as text: a header line, then "src_stem<TAB>tgt tgt ...\n"
  // sorted by source stem, an empty line, and the target stems, one a line,
  // sorted. FromText(ToText()) is the same lexicon. FromText throws
  // ParseError on text that is not in this form.
  std::string ToText() const;
  static Lexicon FromText(std::string text);

 private:
  // Load() without the pivot.
  static Lexicon LoadDirect(const std::string& dir, std::string_view src_language,
                            std::string_view tgt_language, const std::string& cache_dir);
  void AddStems(const std::string& src_stem, const std::string& tgt_stem);
  // Turns what AddStems gathered into the compact form.
  void Freeze();

  struct Entry {
    std::string_view key;
    uint32_t first = 0;  // its translations: values_[first, first + count)
    uint32_t count = 0;
  };
  // While building (AddStems): source stem -> target stems.
  std::unordered_map<std::string, std::vector<std::string>> building_;
  // Frozen: every view points into *text_.
  std::shared_ptr<const std::string> text_;
  std::vector<Entry> entries_;             // sorted by key
  std::vector<std::string_view> values_;   // grouped by entry
  std::vector<std::string_view> targets_;  // sorted, distinct
  size_t pairs_ = 0;
};

// Splits a dictd entry body into single-word translation candidates: one
// entry is "headword /pron/ <pos>\n1. a, b\n2. c" (numbering optional).
// Returns the headword (text before " /" or " <") and appends the
// translations (phrases split on , and ;, parenthesized parts removed) to *out.
std::string ParseDictEntry(std::string_view entry, std::vector<std::string>* out);

}  // namespace ancre::align
