#include "src/align/scorer.h"

#include <algorithm>
#include <cmath>

namespace ancre::align {
namespace {

// Weight of tokens of a's segments [a0, a1) with a key among b's segments [b0, b1).
double Covered(const SideFeatures& a, size_t a0, size_t a1, const SideFeatures& b, size_t b0,
               size_t b1) {
  uint64_t mask = 0;
  for (size_t j = b0; j < b1; ++j) mask |= b.masks[j];
  if (mask == 0) return 0.0;
  double covered = 0.0;
  for (size_t i = a0; i < a1; ++i) {
    for (const Token& t : a.SegmentTokens(i)) {
      bool hit = false;
      for (uint64_t key : a.TokenKeys(t)) {
        if ((mask & (uint64_t{1} << (key & 63))) == 0) continue;
        for (size_t j = b0; j < b1 && !hit; ++j) hit = b.SegmentHasKey(j, key);
        if (hit) break;
      }
      if (hit) covered += t.weight;
    }
  }
  return covered;
}

}  // namespace

double LengthPenaltyFromChars(double src_chars, double tgt_chars, const LengthModel& model) {
  // Gale & Church: delta = (l2 - c l1) / sqrt(l1 s^2); the mean of both
  // lengths (in source units) keeps it symmetric when one side is empty-ish.
  double mean = std::max(1.0, (src_chars + tgt_chars / model.ratio) / 2.0);
  double delta = (tgt_chars - model.ratio * src_chars) / std::sqrt(mean * model.variance);
  double p = std::erfc(std::fabs(delta) / std::sqrt(2.0));
  return -std::log(std::max(p, 1e-12));
}

double Scorer::SourceWeight(size_t b, size_t e) const {
  double w = 0;
  for (size_t i = b; i < e; ++i) w += src_.total_weight[i];
  return w;
}

double Scorer::TargetWeight(size_t b, size_t e) const {
  double w = 0;
  for (size_t j = b; j < e; ++j) w += tgt_.total_weight[j];
  return w;
}

double Scorer::Similarity(size_t s0, size_t s1, size_t t0, size_t t1) const {
  double total = SourceWeight(s0, s1) + TargetWeight(t0, t1);
  double covered = 0.0;
  if (total > 0) {
    covered = Covered(src_, s0, s1, tgt_, t0, t1) + Covered(tgt_, t0, t1, src_, s0, s1);
  }
  // Smoothing: a pseudo-token of weight kSmoothing, half matched. Two
  // segments without any content word ("Oui et non." / "Yes and no.") are
  // neither evidence for nor against a pair (0.5); long segments are unaffected.
  constexpr double kSmoothing = 3.0;
  return (covered + 0.5 * kSmoothing) / (total + kSmoothing);
}

double Scorer::LengthPenalty(size_t s0, size_t s1, size_t t0, size_t t1) const {
  double ls = 0, lt = 0;
  for (size_t i = s0; i < s1; ++i) ls += src_.chars[i];
  for (size_t j = t0; j < t1; ++j) lt += tgt_.chars[j];
  return LengthPenaltyFromChars(ls, lt, length_);
}

LengthModel Scorer::FitLength(const SideFeatures& src, const SideFeatures& tgt,
                              const LengthModel& prior) {
  double ls = 0, lt = 0;
  for (uint32_t c : src.chars) ls += c;
  for (uint32_t c : tgt.chars) lt += c;
  LengthModel m = prior;
  if (ls <= 0 || lt <= 0) return m;
  // Shrink the observed ratio towards the prior with a pseudo-count of 2000
  // characters: a short document says little about the language pair.
  constexpr double kPrior = 2000.0;
  double observed = lt / ls;
  double ratio = (observed * ls + prior.ratio * kPrior) / (ls + kPrior);
  m.ratio = std::clamp(ratio, prior.ratio / 1.5, prior.ratio * 1.5);
  return m;
}

}  // namespace ancre::align
