// Comparable-mode alignment, for articles on the same topic that are not
// translations: pairs come from an inverted index of match keys, each pair is
// scored by its similarity and its margin over the best alternative of either
// segment (the idea of margin-based bitext mining, Artetxe & Schwenk 2019),
// then selected one-to-one, best first, above a threshold. Order is free.
//
// Thread-safety: reentrant; uses up to `threads` threads, deterministic.
#pragma once

#include <cstddef>
#include <vector>

#include "src/align/candidates.h"
#include "src/align/scorer.h"
#include "src/core/bead.h"

namespace ancre::align {

struct ComparableParams {
  size_t per_source = 10;  // candidate targets kept per source segment
  size_t max_df = 200;     // keys in more target segments than this propose no candidates
  double threshold = 0.4;  // minimum calibrated score of a selected pair
};

// A scored candidate pair: the evidence behind its calibrated score.
struct ScoredPair {
  size_t src = 0;
  size_t tgt = 0;
  double sim = 0;            // similarity of the pair
  double margin = 0;         // sim minus the best alternative of either segment
  double length = 0;         // Gale–Church penalty
  bool rare_anchor = false;  // shares a number or anchor rare on both sides
  double score = 0;          // calibrated probability that the pair is right
};

// Scores every candidate (see ComparableParams). Sorted by (src, tgt).
std::vector<ScoredPair> ScoreCandidates(const Scorer& scorer, const std::vector<Candidate>& cands);

// Aligns two comparable documents: returns 1-1 beads in source order, each
// with its calibrated score.
std::vector<Bead> AlignComparable(const Scorer& scorer, const ComparableParams& params,
                                  int threads);

// Calibrated probability that a 1-1 comparable pair is right; mutual_best:
// each segment is the other's most similar candidate; rare_anchor: the pair
// shares a number or anchor key that is rare on both sides.
double ComparableScore(double sim, double margin, double length_penalty, bool mutual_best,
                       bool rare_anchor);

}  // namespace ancre::align
