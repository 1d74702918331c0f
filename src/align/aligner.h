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
//               alternatives, one-to-one greedy selection, a threshold; then
//               every further link whose own evidence says "same fact" (a
//               fact restated in headline, lead and body links each).
//   auto        parallel if sure pairs follow the diagonal, else comparable.
//
// Usage:
//   std::vector<std::string> fr_texts = {"Le 27 octobre."}, en_texts = {"On October 27."};
//   ancre::DocumentAnchors fr_anchors, en_anchors;  // optional; text/anchors.h finds them
//   ancre::align::AlignOptions o;  // or no lexicon:
//   o.lexicon = std::make_shared<const ancre::align::Lexicon>(
//       ancre::pipeline::LoadFreeDict("/usr/share/dictd", "fr", "en"));
//   ancre::Alignment a = ancre::align::Align({fr_texts, fr_anchors}, {en_texts, en_anchors}, o);
//
// Thread-safety: Align() is reentrant; it may use options.threads threads
// internally and its result does not depend on their number.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "src/align/candidates.h"
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
  // Comparable mode: segments no link may take (page furniture); null, or
  // parallel to texts. Parallel mode aligns every segment.
  const std::vector<bool>* set_aside = nullptr;
};

struct AlignOptions {
  AlignMode mode = AlignMode::kAuto;
  std::string src_language = "fr";
  std::string tgt_language = "en";
  // Word translations (e.g. FreeDict); null or empty = none. Shared, so one
  // lexicon serves many alignments (a batch) without copies.
  std::shared_ptr<const Lexicon> lexicon;
  // The user's own dictionaries (a second lexicon, so that a large shared
  // one is not rebuilt to add them); null or empty = none. Its entries count
  // as much as the dictionary's.
  std::shared_ptr<const Lexicon> user_lexicon;
  // Pairs (beads with both sides non-empty) scoring below this are undone:
  // their segments are listed unaligned (see Align()).
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
  // Word translations learned before this alignment (from every pair of a
  // batch: pipeline::LearnFromPairs), added to what this one learns for its
  // second alignment; null = none. Read only when `learn` is set.
  std::shared_ptr<const Lexicon> learned_lexicon;
};

// The candidate pairs of the scorer an alignment was made with: what it
// weighed, chosen or not (a report's score matrix shows them).
struct CandidateScores {
  size_t per_source = 3;         // best targets kept per source segment
  size_t max_df = 200;           // only targets sharing a key seen in at most this many (0 = any)
  std::vector<Candidate> pairs;  // filled by Align(): FindCandidates() of its final scorer
};

// Aligns the two sides. Returns the beads; every segment of both sides is in
// a bead, a segment left unaligned in a 1-0 or 0-1 bead of score 0 (a segment
// never vanishes, whatever min_score). Parallel mode: each segment in exactly
// one bead, beads in document order on both sides, omissions in their place.
// Comparable mode: the links (1-1 beads; a segment may be in several) and the
// unaligned source segments in source order (links of one source segment by
// target), then the unaligned target segments in target order. Indices are positions in
// src.texts / tgt.texts. `decision` (optional) receives the mode chosen and
// why; `candidates` (optional) the candidate pairs with the similarities of
// the final scorer (its per_source and max_df are read). Throws nothing but
// std::bad_alloc. `src` and `tgt` are only read during the call.
Alignment Align(const AlignSide& src, const AlignSide& tgt, const AlignOptions& options,
                ModeDecision* decision = nullptr, CandidateScores* candidates = nullptr);

}  // namespace ancre::align
