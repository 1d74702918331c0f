// Fuzzy lookup over any backend: the exact candidate bound of a lookup, and
// the posting source it reads a translation memory through. A backend
// implements PostingSource (tm/sqlite/lookup.cc over SQLite's word index; a
// PostgreSQL backend would over its own) and gets Lookup's results from
// FindMatches, which reads only the postings and units the bound needs and
// returns exactly what FindMatchesByScan, which scores every unit, returns.
// Private to tm/. Used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "tm/fuzzy.h"
#include "tm/records.h"

namespace ancre::tm::internal {

// Receives a unit's id and its match key (tm/fuzzy.h MatchKey of its source).
// The key is valid only during the call.
using KeyVisitor = std::function<void(int64_t id, std::string_view key)>;

// What fuzzy lookup reads of a TM, for one lookup: for a normalized word,
// the units whose source holds it (its posting list) and how many they are;
// units by length; the match keys of units. Every call that visits or lists
// units sees only the units of the lookup's languages, except Count, Units
// and UnitsOfLength, which may list others (the bound only needs supersets).
class PostingSource {
 public:
  // ReadKeys never receives more ids than this.
  static constexpr size_t kMaxBatch = 64;

  virtual ~PostingSource() = default;

  // The number of units whose source holds word (a normalized word, as
  // MatchKey writes them); 0 for a word no unit holds.
  virtual int64_t Count(std::string_view word) = 0;

  // Replaces *ids with the units whose source holds word, in ascending order.
  virtual void Units(std::string_view word, std::vector<int64_t>* ids) = 0;

  // Replaces *ids with at most limit units whose source has between
  // min_words and max_words words (any such units when there are more).
  virtual void UnitsOfLength(int64_t min_words, int64_t max_words, int64_t limit,
                             std::vector<int64_t>* ids) = 0;

  // Calls visit for each unit of ids (at most kMaxBatch, distinct) of the
  // lookup's languages whose source has between min_words and max_words words.
  virtual void ReadKeys(const std::vector<int64_t>& ids, int64_t min_words, int64_t max_words,
                        const KeyVisitor& visit) = 0;

  // Calls visit for every unit of the lookup's languages.
  virtual void ScanKeys(const KeyVisitor& visit) = 0;
};

// A unit and its word-level match score against the query.
struct ScoredUnit {
  double score = 0.0;
  int64_t id = 0;
};

// The options.max units that score best against query, at least
// options.threshold, best first and by id among equal scores. Reads the
// rarest query words' postings first and only as many postings and units as
// the bound needs (see fuzzy_lookup.cc). Throws Error for a threshold
// outside [0, 100], and what the source throws.
std::vector<ScoredUnit> FindMatches(const MatchWords& query, const LookupOptions& options,
                                    PostingSource& source);

// The same result from scoring every unit the source scans.
std::vector<ScoredUnit> FindMatchesByScan(const MatchWords& query, const LookupOptions& options,
                                          PostingSource& source);

// The same from scoring every unit scan_keys visits (units without a word
// index: a TM's target sides).
std::vector<ScoredUnit> FindMatchesByScan(const MatchWords& query, const LookupOptions& options,
                                          const std::function<void(const KeyVisitor&)>& scan_keys);

// A unit found by words, on its source side (reversed = false) or its target
// side, with its word-level score.
struct FoundUnit {
  double word_score = 0.0;
  int64_t id = 0;
  bool reversed = false;
};

// The `max` best of the units found both ways: by word score, then id, the
// source side first.
std::vector<FoundUnit> BestBothWays(const std::vector<ScoredUnit>& by_source,
                                    const std::vector<ScoredUnit>& by_target, size_t max);

// Completes a match whose texts the backend read (source and target already
// swapped when m->reversed): its CAT score and differences against query
// (tm/cat_match.h), its word edits, and its target adapted to the query's
// numbers through anchors_json (the TU's evidence, tm/cat_match.h
// AdaptTarget; its sides are swapped here when reversed). source_markup: the
// TMX inline markup of m->source, or empty.
void CompleteMatch(std::string_view query, std::string_view source_markup,
                   std::string_view anchors_json, FuzzyMatch* m);

// Keeps the matches whose CAT score reaches threshold, best first: by score,
// then word score, then TU id, the source side first.
void OrderMatches(double threshold, std::vector<FuzzyMatch>* matches);

}  // namespace ancre::tm::internal
