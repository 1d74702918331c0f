// Candidate sentence pairs without comparing every source segment with every
// target segment: an inverted index over match keys (cost follows the number
// of candidates, not n × m), pairs that share a key seen exactly once on each
// side (the sure points a parallel corridor is built on), and the longest
// chain of pairs in document order.
//
// Thread-safety: pure functions over immutable inputs; FindCandidates may use
// `threads` threads and returns the same result for any number of them.
#pragma once

#include <cstddef>
#include <vector>

#include "src/align/scorer.h"

namespace ancre::align {

struct Candidate {
  size_t src = 0;
  size_t tgt = 0;
  double sim = 0.0;  // Scorer::Similarity of the 1-1 pair
};

// For every source segment, its `per_source` best target segments among those
// sharing at least one key whose target document frequency is at most
// `max_df` (0 = no limit), each with its exact similarity (only sim > 0).
// Sorted by (src, tgt).
std::vector<Candidate> FindCandidates(const Scorer& scorer, size_t per_source, size_t max_df,
                                      int threads);

// Pairs that share a key occurring in exactly one source and one target
// segment, with similarity >= min_sim; sorted by (src, tgt), no duplicates.
std::vector<Candidate> HapaxPairs(const Scorer& scorer, double min_sim);

// The longest chain of pairs strictly increasing on both sides (ties broken
// towards higher similarity sums are not guaranteed; length is maximal).
// `pairs` must be sorted by (src, tgt). Returns indices into pairs, in order.
std::vector<size_t> LongestChain(const std::vector<Candidate>& pairs);

}  // namespace ancre::align
