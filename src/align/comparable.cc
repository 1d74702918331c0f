#include "src/align/comparable.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>
#include <utility>

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

namespace {

// The similarities of the pairs of each segment of one side, best first.
std::vector<std::vector<double>> SimsBySegment(const std::vector<ScoredPair>& pairs, size_t n,
                                               bool source) {
  std::vector<std::vector<double>> sims(n);
  for (const ScoredPair& p : pairs) sims[source ? p.src : p.tgt].push_back(p.sim);
  for (std::vector<double>& v : sims) std::sort(v.begin(), v.end(), std::greater<>());
  return sims;
}

// The best similarity in `sims` (best first) below `below`; 0 if none.
double BestBelow(const std::vector<double>& sims, double below) {
  // With greater<>, upper_bound finds the first e with below > e.
  auto it = std::upper_bound(sims.begin(), sims.end(), below, std::greater<>());
  return it == sims.end() ? 0.0 : *it;
}

}  // namespace

std::vector<ScoredPair> FurtherLinks(const Scorer& scorer, const ComparableParams& params,
                                     const std::vector<ScoredPair>& pairs,
                                     const std::vector<bool>& taken) {
  const std::vector<std::vector<double>> by_src =
      SimsBySegment(pairs, scorer.src().size(), /*source=*/true);
  const std::vector<std::vector<double>> by_tgt =
      SimsBySegment(pairs, scorer.tgt().size(), /*source=*/false);
  const double tie = params.link_tie;
  std::vector<ScoredPair> links;
  for (size_t k = 0; k < pairs.size(); ++k) {
    if (taken[k]) continue;
    ScoredPair p = pairs[k];
    const std::vector<double>& s = by_src[p.src];
    const std::vector<double>& t = by_tgt[p.tgt];
    // Scored against the pairs clearly weaker than it only: a restatement of
    // the same fact elsewhere in the article, or a fuller one, does not
    // count against it.
    p.margin = p.sim - std::max(BestBelow(s, p.sim - tie), BestBelow(t, p.sim - tie));
    p.score = ComparableScore(p.sim, p.margin, p.length, /*mutual_best=*/true, p.rare_anchor);
    // A restatement: about as similar as the best pair of both its segments.
    const bool restates =
        p.sim >= s.front() - tie && p.sim >= t.front() - tie && p.score >= params.link_threshold;
    // A fact of its own: a rare name, date or figure and a fair share of
    // matching words, with lengths a paraphrase can have, near the best pair
    // of its segments (a pair far weaker than that shares a side remark, a
    // figure, not the fact).
    const bool anchored = p.rare_anchor && p.sim >= params.link_min_sim &&
                          p.length <= params.link_max_length &&
                          p.sim >= params.link_min_share * std::max(s.front(), t.front());
    if (restates || anchored) links.push_back(p);
  }
  return links;
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
  std::vector<bool> taken(pairs.size(), false);
  std::vector<Bead> beads;
  auto link = [&beads](const ScoredPair& p) {
    Bead b;
    b.src = {p.src};
    b.tgt = {p.tgt};
    b.score = p.score;
    beads.push_back(std::move(b));
  };
  for (size_t k : order) {
    const ScoredPair& p = pairs[k];
    if (p.score < params.threshold) break;
    if (used_src[p.src] || used_tgt[p.tgt]) continue;
    used_src[p.src] = used_tgt[p.tgt] = true;
    taken[k] = true;
    link(p);
  }
  if (params.links) {
    for (const ScoredPair& l : FurtherLinks(scorer, params, pairs, taken)) link(l);
  }
  std::stable_sort(beads.begin(), beads.end(), [](const Bead& a, const Bead& b) {
    return std::pair(a.src[0], a.tgt[0]) < std::pair(b.src[0], b.tgt[0]);
  });
  return beads;
}

}  // namespace ancre::align
