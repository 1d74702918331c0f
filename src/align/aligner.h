// The sentence aligner: given the segments of a source and a target document
// (their texts and anchors), decides which segments correspond, how sure it
// is (a calibrated score in [0, 1]) and why (the anchors both sides share).
//
//   parallel    translations: monotone dynamic programming over beads 1-1,
//               1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1 in a corridor around a chain
//               of sure pairs (pairs sharing a key seen once on each side);
//               time and memory O(n · corridor width).
//   comparable  articles on the same topic: candidate pairs from an inverted
//               index of match keys, margin scoring against each side's best
//               alternatives, one-to-one greedy selection, a threshold.
//   auto        parallel if sure pairs follow the diagonal, else comparable.
//
// Usage:
//   ancre::align::Lexicon lex = ancre::pipeline::LoadFreeDict(dir, "fr", "en");  // or none
//   ancre::align::AlignOptions o;  o.lexicon = &lex;
//   ancre::Alignment a = ancre::align::Align({fr_texts, fr_anchors}, {en_texts, en_anchors}, o);
//
// Thread-safety: Align() is reentrant; it may use options.threads threads
// internally and its result does not depend on their number.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "src/align/lexicon.h"
#include "src/align/mode_decision.h"
#include "src/align/scorer.h"
#include "src/core/anchor.h"
#include "src/core/bead.h"

namespace ancre::align {

// One side of the input: segment texts and (optionally) their anchors.
struct AlignSide {
  const std::vector<std::string>& texts;  // normalized segment texts
  const DocumentAnchors& anchors;         // empty, or parallel to texts
};

struct AlignOptions {
  AlignMode mode = AlignMode::kAuto;
  std::string src_language = "fr";
  std::string tgt_language = "en";
  const Lexicon* lexicon = nullptr;  // optional; must outlive Align()
  // Beads with both sides non-empty scoring below this are dropped (their
  // segments are left unaligned).
  double min_score = 0.0;
  int threads = 2;  // worker threads for feature building and scoring (1 = none)
  // Prior of the length model: English has ~0.89 characters per French one in news, ratio measured
  // on WMT news; the variance is Gale & Church's, wider than the news (2.2) because the tails are
  // heavy.
  LengthModel length_prior = {0.89, 6.8};
  double anchor_weight = 1.0;  // multiplies anchor token weights (kind weights are in the anchors)
  // Parallel mode: learn word translations from the confident beads of a
  // first alignment and align again with them (see learned_lexicon.h).
  bool learn = true;
};

// Aligns the two sides. Returns the beads in source order; in parallel mode
// every segment is in exactly one bead (omissions as 1-0 / 0-1), in
// comparable mode only aligned pairs are returned. `decision` (optional)
// receives the mode chosen and why. Throws nothing but std::bad_alloc.
Alignment Align(const AlignSide& src, const AlignSide& tgt, const AlignOptions& options,
                ModeDecision* decision = nullptr);

}  // namespace ancre::align
