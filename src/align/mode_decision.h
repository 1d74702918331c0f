// Auto mode: are two documents translations of each other (parallel mode) or
// two articles on the same subject (comparable mode)? Decided from two kinds
// of evidence that exist in any language pair, with or without a lexicon:
//
//   order    the sure pairs (mutual best candidates with a strong
//            similarity): translations keep them in document order;
//   length   how much better the sentence lengths of the two documents fit
//            in document order than in a shuffled order (LengthOrderRatio):
//            a translation's lengths follow its source sentence by sentence,
//            an article's lengths follow nothing in particular.
//
// Thread-safety: pure functions over immutable inputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "src/align/learned_lexicon.h"
#include "src/align/scorer.h"
#include "src/core/bead.h"

namespace ancre::align {

// How Align() chose its mode (auto), for the user.
struct ModeDecision {
  AlignMode mode = AlignMode::kParallel;
  size_t sure_pairs = 0;      // mutual-best pairs with a strong similarity
  size_t monotone_pairs = 0;  // the longest chain of them in document order
  // LengthOrderRatio() of the two documents: well below 1 for translations,
  // about 1 for unrelated orders; 1 when a side is empty.
  double length_order = 1.0;
  size_t learned_pairs = 0;  // word translations learned from a first alignment (parallel mode)
  std::vector<LearnedPair> learned;  // those translations, with their evidence
  std::string reason;  // one line, e.g. "auto: parallel (41 of 43 sure pairs in order, ...)"
};

// The cost of the best monotone alignment of the two length sequences under
// a Gale–Church length model (1-1, 2-1, 1-2 beads and omissions), divided by
// the mean cost of the same alignment against two fixed shuffles of the
// target sequence. Deterministic. A document of more than 1,000 segments is
// judged on its first 1,000 and the same share of the other side, so time is
// O(min(n, 1000) · band) and memory O(band), where the band is at most 401
// cells a row around the diagonal.
double LengthOrderRatio(std::span<const uint32_t> src_chars, std::span<const uint32_t> tgt_chars);

// Decides between parallel and comparable for auto mode from the features.
ModeDecision DecideMode(const Scorer& scorer);

}  // namespace ancre::align
