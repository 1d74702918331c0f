// Sentence-pair evidence: how much of two groups of segments is covered by
// matching tokens (IDF-weighted, both directions: a Dice coefficient over
// weights), and how well their lengths fit the Gale–Church model (character
// lengths, target ≈ ratio × source, variance ∝ length).
//
// A Scorer first indexes the match keys that occur on both sides (a key seen
// on one side only can never match) as dense ids; each segment keeps its
// sorted ids and, for each id, which of its tokens carry it. A pair of
// segments is then one merge of two short sorted lists, and its result — the
// set of tokens of each side that found a match — can be kept and combined
// into the similarity of a many-segment bead without rescanning the tokens.
//
// Thread-safety: a Scorer is immutable after construction; its const methods
// may be called from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "src/align/features.h"

namespace ancre::align {

// Gale–Church length model (Gale & Church 1993, on characters).
struct LengthModel {
  double ratio = 1.0;     // expected target chars per source char
  double variance = 6.8;  // variance of target chars per source char (Gale & Church's 6.8)
};

// The keys one side shares with the other, per segment (see Scorer).
struct MatchSide {
  std::vector<uint32_t> key_begin;  // segment i's ids: [key_begin[i], key_begin[i+1])
  std::vector<uint32_t> keys;       // dense ids of shared keys, ascending within a segment
  // Per entry of `keys`: bit k set if the segment's k-th matchable token
  // carries the key (matchable: has at least one shared key). Segments with
  // more than 64 matchable tokens use words() words per entry.
  std::vector<uint64_t> key_tokens;
  std::vector<uint32_t> mask_begin;   // segment i's entries in key_tokens
  std::vector<uint32_t> token_begin;  // segment i's matchable tokens: [token_begin[i], ...[i+1])
  std::vector<float> token_weight;    // their weights
  std::vector<float> total_weight;    // weight of all tokens of each segment

  size_t size() const { return total_weight.size(); }
  size_t tokens(size_t i) const { return token_begin[i + 1] - token_begin[i]; }
  // 64-bit words of one entry's token set in segment i.
  size_t words(size_t i) const { return (tokens(i) + 63) / 64; }
  bool narrow(size_t i) const { return tokens(i) <= 64; }
  std::span<const uint32_t> SegmentKeys(size_t i) const {
    return {keys.data() + key_begin[i], keys.data() + key_begin[i + 1]};
  }
  // Sum of the weights of segment i's matchable tokens in `bits` (words(i) words).
  double Weigh(size_t i, const uint64_t* bits) const;
};

// The shared keys of both sides and, per dense id, the segments holding it.
struct MatchIndex {
  MatchSide src;
  MatchSide tgt;
  size_t shared_keys = 0;
  std::vector<uint8_t> anchor;  // per shared id: 1 for a number or anchor key
  // Inverted lists: the source (target) segments holding id k are
  // src_postings[src_posting_begin[k] .. src_posting_begin[k+1]), ascending.
  std::vector<uint32_t> src_posting_begin, src_postings;
  std::vector<uint32_t> tgt_posting_begin, tgt_postings;

  // Builds the index of two sides; throws nothing but std::bad_alloc.
  static MatchIndex Build(const SideFeatures& src, const SideFeatures& tgt);
};

// The match of one source and one target segment (both narrow): which
// matchable tokens of each found a key on the other side.
struct PairMatch {
  uint64_t src_bits = 0;
  uint64_t tgt_bits = 0;
};

class Scorer {
 public:
  // Builds the match index of the two sides and keeps what it needs of
  // them: the index and each segment's length and weight (the per-token data
  // is dropped, see DropTokens). Pass the features with std::move when the
  // caller no longer needs them: a copy is made otherwise.
  Scorer(SideFeatures src, SideFeatures tgt, LengthModel length);
  // The same documents and index with another length model (shared, not copied).
  Scorer(const Scorer& other, LengthModel length);

  // Weighted share of tokens of source segments [s0, s1) and target segments
  // [t0, t1) that find a match on the other side, smoothed; in (0, 1).
  double Similarity(size_t s0, size_t s1, size_t t0, size_t t1) const;

  // The match of source segment i and target segment j; only when both are
  // narrow (index().src.narrow(i) && index().tgt.narrow(j)).
  PairMatch Match(size_t i, size_t j) const;
  // True if they share a number or anchor key found in at most `max_df`
  // segments on each side (a rare name, date or figure).
  bool SharesRareAnchor(size_t i, size_t j, size_t max_df) const;
  // The similarity of a 1-1 pair from its match.
  double SimilarityOf(size_t i, size_t j, const PairMatch& m) const;
  // Mean over the segments of source [s0, s1) and target [t0, t1) of the
  // smoothed share of each segment's weight that finds a match on the other
  // side: unlike Similarity(), a segment that matches nothing counts fully
  // however short it is next to its neighbours. In (0, 1).
  double SegmentwiseSimilarity(size_t s0, size_t s1, size_t t0, size_t t1) const;
  double SegmentwiseSimilarityOf(size_t i, size_t j, const PairMatch& m) const;
  // The smoothed share of one segment: `covered` of `weight`.
  static double SmoothShare(double covered, double weight);
  // The smoothed similarity of `covered` weight out of `total`.
  static double Smooth(double covered, double total);

  // -log of the two-sided Gale–Church probability of the length pair (0 for
  // a perfect fit, grows with the square of the deviation); >= 0.
  double LengthPenalty(size_t s0, size_t s1, size_t t0, size_t t1) const;

  // Sum of token weights of the source (target) segments [b, e).
  double SourceWeight(size_t b, size_t e) const;
  double TargetWeight(size_t b, size_t e) const;

  // The sides' segment lengths and weights (chars, total_weight, size());
  // their per-token data is empty.
  const SideFeatures& src() const { return *src_; }
  const SideFeatures& tgt() const { return *tgt_; }
  const MatchIndex& index() const { return *index_; }
  const LengthModel& length_model() const { return length_; }

  // The length model fitted to two documents taken as translations: the ratio
  // of their total lengths, shrunk towards `prior` when the documents are short.
  static LengthModel FitLength(const SideFeatures& src, const SideFeatures& tgt,
                               const LengthModel& prior);

 private:
  // Shared by the scorers of the same documents.
  std::shared_ptr<const SideFeatures> src_;
  std::shared_ptr<const SideFeatures> tgt_;
  std::shared_ptr<const MatchIndex> index_;
  LengthModel length_;
};

// -log(2 (1 - Phi(|delta|))) for a Gale–Church delta; >= 0.
double LengthPenaltyFromChars(double src_chars, double tgt_chars, const LengthModel& model);

}  // namespace ancre::align
