// Parallel-mode alignment: monotone dynamic programming over beads in a
// corridor around the chain of sure pairs, widened locally where the best
// path runs along its edge (up to a bound on the cells per row). Time and
// memory are O(n · width), never O(n · m).
//
// Thread-safety: reentrant; uses up to `threads` threads, deterministic.
#pragma once

#include <cstddef>
#include <vector>

#include "src/align/scorer.h"
#include "src/core/bead.h"

namespace ancre::align {

// Costs of the bead types (lower is better). A bead of k source and l target
// segments (k, l >= 1) costs (k + l) / 2 · dissimilarity_weight · (1 − sim)
// + length_weight · min(Gale–Church penalty, length_cap) + its type's prior,
// where sim is Scorer::SegmentwiseSimilarity (each segment's own matched
// share, averaged: a short sentence that matches nothing cannot hide inside a
// long neighbour's bead); a 1-0 or 0-1 bead costs skip.
struct ParallelParams {
  double dissimilarity_weight = 1.0;
  double length_weight = 0.15;
  // Lengths only break ties between lexically similar candidates: a free
  // translation three times longer than its source is still its translation.
  double length_cap = 2.0;
  double skip = 0.6;
  double prior_12 = 0.35;  // 1-2 and 2-1
  double prior_22 = 1.0;
  double prior_13 = 0.8;  // 1-3 and 3-1
  // The same costs when the lexical similarity tells nothing (no lexicon, no
  // shared words or anchors): Gale & Church's length model and bead priors
  // (-log of their bead probabilities relative to 1-1), so that length alone
  // aligns as well as a length-based aligner and an omission has to be earned.
  // The costs used lie between the two sets, by how much the similarity
  // separates each segment's best partner from the rest (EvidenceLevel).
  double length_only_weight = 1.0;
  double length_only_cap = 12.0;
  double length_only_skip = 2.5;
  double length_only_prior_12 = 2.2;
  double length_only_prior_22 = 4.4;
  double length_only_prior_13 = 5.0;
  // Evidence level 1 when the median best 1-1 similarity of a source segment
  // exceeds the median 1-1 similarity by this much; 0 when they are equal.
  // (On the development news, a lexicon gives 1; Russian–English through
  // transliterated words 0.2–0.6; letters scrambled 0.)
  double evidence_span = 0.15;
  // A given evidence level in [0, 1] instead of the measured one (negative:
  // measure it). A second alignment with learned words keeps the first's
  // (aligner.cc): a lexicon learned from a few dozen sentences covers few
  // words, and trusting similarity as much as a dictionary's would turn
  // merges into omissions (Russian–English news, merged sentences, no
  // dictionary: strict F1 0.964 with the measured level, 0.983 kept).
  double evidence_level = -1.0;
  size_t corridor = 10;           // initial half-width of the corridor (segments)
  size_t max_cells_per_row = 64;  // the corridor widens up to this many cells per row on average
  size_t full_matrix_cells = 250000;  // below n · m, search the whole matrix
};

// Aligns two translated documents. Returns beads covering every segment once,
// in order, each with score = raw 1-1-equivalent similarity (calibrated later
// by the caller) — see AlignParallel's use in aligner.cc.
// `level` (optional) receives the evidence level the costs were taken at.
std::vector<Bead> AlignParallel(const Scorer& scorer, const ParallelParams& params, int threads,
                                double* level = nullptr);

// The costs of `params` at evidence level `alpha` in [0, 1]: the lexical
// costs at 1, the length-only costs at 0, linear in between.
ParallelParams AtEvidenceLevel(const ParallelParams& params, double alpha);

}  // namespace ancre::align
