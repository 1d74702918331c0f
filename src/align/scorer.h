// Sentence-pair evidence: how much of two groups of segments is covered by
// matching tokens (IDF-weighted, both directions: a Dice coefficient over
// weights), and how well their lengths fit the Gale–Church model (character
// lengths, target ≈ ratio × source, variance ∝ length).
//
// Thread-safety: a Scorer is immutable after construction; its const methods
// may be called from several threads at once.
#pragma once

#include <cstddef>

#include "src/align/features.h"

namespace ancre::align {

// Gale–Church length model (Gale & Church 1993, on characters).
struct LengthModel {
  double ratio = 1.0;     // expected target chars per source char
  double variance = 6.8;  // variance of target chars per source char (Gale & Church's 6.8)
};

class Scorer {
 public:
  // Both feature sets must outlive the Scorer.
  Scorer(const SideFeatures& src, const SideFeatures& tgt, LengthModel length)
      : src_(src), tgt_(tgt), length_(length) {}

  // Weighted share of tokens of source segments [s0, s1) and target segments
  // [t0, t1) that find a match on the other side, in [0, 1]; 0 when neither
  // side has tokens.
  double Similarity(size_t s0, size_t s1, size_t t0, size_t t1) const;

  // -log of the two-sided Gale–Church probability of the length pair (0 for
  // a perfect fit, grows with the square of the deviation); >= 0.
  double LengthPenalty(size_t s0, size_t s1, size_t t0, size_t t1) const;

  // Sum of token weights of the source (target) segments [b, e).
  double SourceWeight(size_t b, size_t e) const;
  double TargetWeight(size_t b, size_t e) const;

  const SideFeatures& src() const { return src_; }
  const SideFeatures& tgt() const { return tgt_; }
  const LengthModel& length_model() const { return length_; }

  // The length model fitted to two documents taken as translations: the ratio
  // of their total lengths, shrunk towards `prior` when the documents are short.
  static LengthModel FitLength(const SideFeatures& src, const SideFeatures& tgt,
                               const LengthModel& prior);

 private:
  const SideFeatures& src_;
  const SideFeatures& tgt_;
  LengthModel length_;
};

// -log(2 (1 - Phi(|delta|))) for a Gale–Church delta; >= 0.
double LengthPenaltyFromChars(double src_chars, double tgt_chars, const LengthModel& model);

}  // namespace ancre::align
