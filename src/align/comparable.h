// Comparable-mode alignment, for articles on the same topic that are not
// translations: pairs come from an inverted index of match keys, each pair is
// scored by its similarity and its margin over the best alternative of either
// segment (the idea of margin-based bitext mining, Artetxe & Schwenk 2019),
// then selected one-to-one, best first, above a threshold. Order is free.
//
// The output is links, not one partner each: news restates a fact in the
// headline, the lead and the body, so the pairs the one-to-one selection
// leaves out are kept too when their own evidence says "same fact"
// (FurtherLinks): a competitor that restates the same fact does not delete a
// well-supported link. A segment may therefore be in several beads.
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
  // Minimum calibrated score of a selected pair. At 0.4 the synthetic
  // comparable news had 1-1 precision 0.93 (French–English, similar
  // articles as distractors) and 0.935 (German–English); at 0.55, 0.951 and
  // 0.952, for 1.2 and 1.0 points of recall.
  double threshold = 0.55;
  bool links = true;  // also output the further links (FurtherLinks); false: one-to-one only
  // Similarities closer than this are the same fact restated, not competitors.
  double link_tie = 0.1;
  double link_threshold = 0.9;  // minimum score of a restatement link
  // A pair sharing a rare anchor is a link from this similarity up, if its
  // length penalty is at most link_max_length (a headline and a long body
  // sentence can state one fact: 7 is a length ratio of about 1:3).
  double link_min_sim = 0.28;
  double link_max_length = 7.0;
  double link_min_share = 0.7;  // ... and a similarity of at least this share of its segments' best
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

// The pairs not `taken` (parallel to `pairs`) that are links of their own:
// each is scored by ComparableScore with its margin over the pairs clearly
// weaker than it only (more than params.link_tie below it), as the best of its
// segments; it is kept if it restates (its similarity is within link_tie of
// the best pair of both its segments and its score is at least
// link_threshold) or if it is anchored (it shares a rare anchor, has a
// similarity of at least link_min_sim and at least link_min_share of the best
// pair of its segments, and a length penalty of at most link_max_length).
// Sorted as `pairs`.
std::vector<ScoredPair> FurtherLinks(const Scorer& scorer, const ComparableParams& params,
                                     const std::vector<ScoredPair>& pairs,
                                     const std::vector<bool>& taken);

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
