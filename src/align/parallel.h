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
  double prior_13 = 0.8;          // 1-3 and 3-1
  size_t corridor = 10;           // initial half-width of the corridor (segments)
  size_t max_cells_per_row = 64;  // the corridor widens up to this many cells per row on average
  size_t full_matrix_cells = 250000;  // below n · m, search the whole matrix
};

// Aligns two translated documents. Returns beads covering every segment once,
// in order, each with score = raw 1-1-equivalent similarity (calibrated later
// by the caller) — see AlignParallel's use in aligner.cc.
std::vector<Bead> AlignParallel(const Scorer& scorer, const ParallelParams& params, int threads);

}  // namespace ancre::align
