// Fuzzy matching as CAT tools show it: texts are compared word by word after
// normalization, and a match percentage is 100 × (1 − d / max(n, m)), where d
// is the word-level edit distance (insert, delete, replace one word) between
// the n query words and the m candidate words. 100 means the normalized word
// sequences are identical.
//
// Normalization (utf8proc): compatibility decomposition, case folding, accents
// and other combining marks stripped, "lumping" of look-alike punctuation and
// spaces (NBSP, NNBSP, curly quotes, dashes), default-ignorable characters
// dropped. A word is a maximal run of letters and digits; every non-ASCII symbol
// (€, ©, →) is a word of its own; punctuation, white space and ASCII symbols
// separate words and are not compared. "L'Équipe  conjointe" -> [l, equipe,
// conjointe].
//
// Usage:
//   ancre::tm::MatchWords q = ancre::tm::SplitMatchWords("Les deux pays créeront une équipe.");
//   ancre::tm::MatchWords c = ancre::tm::SplitMatchWords("Les deux pays créeront un groupe.");
//   ancre::tm::WordDiff diff = ancre::tm::DiffWords(q, c);  // diff.score == 66.67, 2 replaced
//
// Thread-safe: pure functions. Input must be valid UTF-8.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ancre::tm {

// The words of a text for matching: `keys` are the normalized forms compared,
// `originals` the same words as written in the text (for showing differences).
struct MatchWords {
  std::vector<std::string> keys;
  std::vector<std::string> originals;
  size_t size() const { return keys.size(); }
};

// Splits text into normalized words (see the header comment). Returns no words
// for text made only of punctuation and spaces.
MatchWords SplitMatchWords(std::string_view text);

// The normalized words of text joined by single spaces: the form stored in the
// translation memory's word index. Two texts with equal MatchKey score 100.
// With word_count, sets it to the number of words.
std::string MatchKey(std::string_view text, size_t* word_count = nullptr);

// One edit turning the query into the candidate.
struct WordEdit {
  enum class Kind { kInsert, kDelete, kReplace };
  Kind kind = Kind::kReplace;
  std::string query_word;      // as written in the query; empty for kInsert
  std::string candidate_word;  // as written in the candidate; empty for kDelete
  friend bool operator==(const WordEdit&, const WordEdit&) = default;
};

struct WordDiff {
  size_t distance = 0;          // word-level edit distance
  double score = 0.0;           // match percentage in [0, 100]
  std::vector<WordEdit> edits;  // in text order; size() == distance
};

// Levenshtein distance between two sequences of comparable elements, in
// O(|a|·|b|) time and one row of |b| + 1 numbers (`row`, kept between calls
// to save allocations).
template <typename Seq>
size_t EditDistance(const Seq& a, const Seq& b, std::vector<size_t>* row) {
  std::vector<size_t>& r = *row;
  r.resize(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) r[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = r[0];
    r[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = r[j];
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      r[j] = std::min({r[j] + 1, r[j - 1] + 1, diagonal + cost});
      diagonal = up;
    }
  }
  return r[b.size()];
}

// Word-level edit distance between a and b (keys only). O(|a|·|b|) time,
// O(min) memory. Returns the number of words inserted, deleted or replaced.
size_t WordDistance(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Match percentage for distance d between texts of n and m words: 100 × (1 − d / max(n, m));
// 100 when both are empty.
double MatchPercent(size_t distance, size_t n, size_t m);

// Distance, score and the edits turning `query` into `candidate`.
WordDiff DiffWords(const MatchWords& query, const MatchWords& candidate);

// Short human-readable summary of edits: `replaced "une"→"un", inserted "d'action"`.
// Empty when there are no edits.
std::string DescribeEdits(const std::vector<WordEdit>& edits);

}  // namespace ancre::tm
