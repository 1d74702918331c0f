#include "src/align/comparable.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace ancre::align {

double ComparableScore(double sim, double margin, double length_penalty, bool mutual_best,
                       bool rare_anchor) {
  // Each segment's best partner, with lengths that can be a paraphrase of each
  // other, gets a bonus: real comparable pairs share less than translations.
  double bonus = mutual_best && length_penalty < 3.0 ? 1.2 : 0.0;
  // A rare name, date or figure on both sides is evidence words cannot give;
  // without one, a weak lexical match (a few common words: "economy",
  // "tourism") is discounted the more the weaker it is.
  constexpr double kRareAnchor = 0.5;
  constexpr double kWeakFloor = 0.4;
  constexpr double kWeakSlope = 6.0;
  bonus += rare_anchor ? kRareAnchor : -kWeakSlope * std::max(0.0, kWeakFloor - sim);
  double z = -4.0 + 9.0 * sim + 6.0 * margin - 0.3 * length_penalty + bonus;
  return 1.0 / (1.0 + std::exp(-z));
}

std::vector<ScoredPair> ScoreCandidates(const Scorer& scorer, const std::vector<Candidate>& cands) {
  const size_t n = scorer.src().size();
  const size_t m = scorer.tgt().size();
  // The two best similarities of each segment on each side.
  std::vector<std::array<double, 2>> best_src(n, {0.0, 0.0});
  std::vector<std::array<double, 2>> best_tgt(m, {0.0, 0.0});
  auto push = [](std::array<double, 2>* b, double v) {
    if (v > (*b)[0]) {
      (*b)[1] = (*b)[0];
      (*b)[0] = v;
    } else if (v > (*b)[1]) {
      (*b)[1] = v;
    }
  };
  for (const Candidate& c : cands) {
    push(&best_src[c.src], c.sim);
    push(&best_tgt[c.tgt], c.sim);
  }
  // Rare: in at most 2 segments, or 1% of the longer document, on each side.
  const size_t rare_df = std::max<size_t>(2, std::max(n, m) / 100);
  std::vector<ScoredPair> out;
  out.reserve(cands.size());
  for (const Candidate& c : cands) {
    // The best alternative: the best other pair of either segment.
    double alt_s = best_src[c.src][0] == c.sim ? best_src[c.src][1] : best_src[c.src][0];
    double alt_t = best_tgt[c.tgt][0] == c.sim ? best_tgt[c.tgt][1] : best_tgt[c.tgt][0];
    ScoredPair p;
    p.src = c.src;
    p.tgt = c.tgt;
    p.sim = c.sim;
    p.margin = c.sim - std::max(alt_s, alt_t);
    p.length = scorer.LengthPenalty(c.src, c.src + 1, c.tgt, c.tgt + 1);
    bool mutual = best_src[c.src][0] == c.sim && best_tgt[c.tgt][0] == c.sim;
    p.rare_anchor = scorer.SharesRareAnchor(c.src, c.tgt, rare_df);
    p.score = ComparableScore(p.sim, p.margin, p.length, mutual, p.rare_anchor);
    out.push_back(p);
  }
  return out;
}

std::vector<Bead> AlignComparable(const Scorer& scorer, const ComparableParams& params,
                                  int threads) {
  std::vector<Candidate> cands = FindCandidates(scorer, params.per_source, params.max_df, threads);
  std::vector<ScoredPair> pairs = ScoreCandidates(scorer, cands);
  // Best first; ties broken by position so the result is deterministic.
  std::vector<size_t> order(pairs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (pairs[a].score != pairs[b].score) return pairs[a].score > pairs[b].score;
    return a < b;
  });
  std::vector<bool> used_src(scorer.src().size(), false);
  std::vector<bool> used_tgt(scorer.tgt().size(), false);
  std::vector<Bead> beads;
  for (size_t k : order) {
    const ScoredPair& p = pairs[k];
    if (p.score < params.threshold) break;
    if (used_src[p.src] || used_tgt[p.tgt]) continue;
    used_src[p.src] = used_tgt[p.tgt] = true;
    Bead b;
    b.src = {p.src};
    b.tgt = {p.tgt};
    b.score = p.score;
    beads.push_back(std::move(b));
  }
  std::sort(beads.begin(), beads.end(),
            [](const Bead& a, const Bead& b) { return a.src[0] < b.src[0]; });
  return beads;
}

}  // namespace ancre::align
