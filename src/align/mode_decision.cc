#include "src/align/mode_decision.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <vector>

#include "src/align/candidates.h"

namespace ancre::align {
namespace {

// Costs of the length-only alignment: a bead type's prior (-log of Gale &
// Church's bead probabilities, relative to 1-1) and an omission cost low
// enough that a translation with omitted sentences still fits well.
constexpr double kSkip = 2.0;
constexpr double kPrior21 = 2.3;
constexpr double kMaxPenalty = 12.0;

double Penalty(double s, double t, const LengthModel& model) {
  return std::min(LengthPenaltyFromChars(s, t, model), kMaxPenalty);
}

// The best monotone alignment cost of src against tgt[order[0]], tgt[order[1]], ...
// in a band around the diagonal, three rolling rows.
double BandCost(std::span<const uint32_t> src, std::span<const uint32_t> tgt,
                const std::vector<uint32_t>& order, const LengthModel& model) {
  const int64_t n = static_cast<int64_t>(src.size());
  const int64_t m = static_cast<int64_t>(tgt.size());
  const int64_t w =
      std::min<int64_t>(200, std::max<int64_t>(10, std::llabs(n - m) + std::min(n, m) / 10));
  const int64_t width = 2 * w + 1;
  auto center = [&](int64_t i) { return n == 0 ? 0 : (i * m + n / 2) / n; };
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::array<std::vector<double>, 3> rows;
  for (auto& r : rows) r.assign(static_cast<size_t>(width), kInf);
  auto t_len = [&](int64_t j) { return static_cast<double>(tgt[order[static_cast<size_t>(j)]]); };
  // Cost at (i, j), or infinity outside the band.
  auto at = [&](int64_t i, int64_t j) -> double {
    if (i < 0 || j < 0 || j > m) return kInf;
    const int64_t k = j - center(i) + w;
    if (k < 0 || k >= width) return kInf;
    return rows[static_cast<size_t>(i % 3)][static_cast<size_t>(k)];
  };
  for (int64_t i = 0; i <= n; ++i) {
    std::vector<double>& row = rows[static_cast<size_t>(i % 3)];
    const int64_t c = center(i);
    for (int64_t k = 0; k < width; ++k) {
      const int64_t j = c - w + k;
      double best = kInf;
      if (j < 0 || j > m) {
        row[static_cast<size_t>(k)] = kInf;
        continue;
      }
      if (i == 0 && j == 0) best = 0.0;
      const double s1 = i >= 1 ? src[static_cast<size_t>(i - 1)] : 0.0;
      const double t1 = j >= 1 ? t_len(j - 1) : 0.0;
      if (i >= 1) best = std::min(best, at(i - 1, j) + kSkip);
      if (j >= 1) {
        // at(i, j - 1) is this row, already filled for k - 1.
        const double left = k >= 1 ? row[static_cast<size_t>(k - 1)] : kInf;
        best = std::min(best, left + kSkip);
      }
      if (i >= 1 && j >= 1) best = std::min(best, at(i - 1, j - 1) + Penalty(s1, t1, model));
      if (i >= 2 && j >= 1) {
        const double s2 = s1 + src[static_cast<size_t>(i - 2)];
        best = std::min(best, at(i - 2, j - 1) + kPrior21 + Penalty(s2, t1, model));
      }
      if (i >= 1 && j >= 2) {
        const double t2 = t1 + t_len(j - 2);
        best = std::min(best, at(i - 1, j - 2) + kPrior21 + Penalty(s1, t2, model));
      }
      row[static_cast<size_t>(k)] = best;
    }
  }
  const double end = at(n, m);
  return std::isfinite(end) ? end : static_cast<double>(n + m) * kSkip;
}

// A fixed shuffle of 0..m-1: i -> (i·k + seed) mod m with k coprime to m, k ≈ 0.618 m.
std::vector<uint32_t> Shuffle(size_t m, size_t seed) {
  std::vector<uint32_t> order(m);
  size_t k = std::max<size_t>(1, static_cast<size_t>(static_cast<double>(m) * 0.618));
  while (std::gcd(k, m) != 1) ++k;
  for (size_t i = 0; i < m; ++i) order[i] = static_cast<uint32_t>((i * k + seed) % m);
  return order;
}

}  // namespace

double LengthOrderRatio(std::span<const uint32_t> src_chars, std::span<const uint32_t> tgt_chars) {
  if (src_chars.empty() || tgt_chars.empty()) return 1.0;
  // A long document is judged on its beginning: the first kSample source
  // segments against the same share of the target, so the cost stays bounded.
  constexpr size_t kSample = 1000;
  if (src_chars.size() > kSample) {
    const size_t m = std::max<size_t>(
        1, std::min(tgt_chars.size(), tgt_chars.size() * kSample / src_chars.size()));
    src_chars = src_chars.first(kSample);
    tgt_chars = tgt_chars.first(m);
  }
  const double s = std::accumulate(src_chars.begin(), src_chars.end(), 0.0);
  const double t = std::accumulate(tgt_chars.begin(), tgt_chars.end(), 0.0);
  const LengthModel model{std::max(t, 1.0) / std::max(s, 1.0), 6.8};
  std::vector<uint32_t> identity(tgt_chars.size());
  std::iota(identity.begin(), identity.end(), 0u);
  const double in_order = BandCost(src_chars, tgt_chars, identity, model);
  double shuffled = 0.0;
  for (size_t seed : {1, 2})
    shuffled += BandCost(src_chars, tgt_chars, Shuffle(tgt_chars.size(), seed), model);
  shuffled /= 2.0;
  return shuffled > 0.0 ? in_order / shuffled : 1.0;
}

ModeDecision DecideMode(const Scorer& scorer) {
  ModeDecision d;
  const size_t n = scorer.src().size();
  const size_t m = scorer.tgt().size();
  std::vector<Candidate> cands = FindCandidates(scorer, 4, 200, 1);
  // Sure pairs: each is the other's only best candidate, with a strong
  // similarity. A tie is not sure: a text that repeats itself (the same
  // sentence in many places) would otherwise pair each copy with every other
  // one, out of order.
  std::vector<double> best_src(n, 0.0), best_tgt(m, 0.0);
  for (const Candidate& c : cands) {
    best_src[c.src] = std::max(best_src[c.src], c.sim);
    best_tgt[c.tgt] = std::max(best_tgt[c.tgt], c.sim);
  }
  std::vector<uint8_t> ties_src(n, 0), ties_tgt(m, 0);  // candidates at the best (counted to 2)
  auto tie = [](uint8_t* count) { *count = static_cast<uint8_t>(std::min(*count + 1, 2)); };
  for (const Candidate& c : cands) {
    if (c.sim == best_src[c.src]) tie(&ties_src[c.src]);
    if (c.sim == best_tgt[c.tgt]) tie(&ties_tgt[c.tgt]);
  }
  std::vector<Candidate> sure;
  for (const Candidate& c : cands) {
    if (c.sim >= 0.3 && c.sim == best_src[c.src] && c.sim == best_tgt[c.tgt] &&
        ties_src[c.src] == 1 && ties_tgt[c.tgt] == 1) {
      sure.push_back(c);
    }
  }
  d.sure_pairs = sure.size();
  d.monotone_pairs = LongestChain(sure).size();
  d.length_order = LengthOrderRatio(scorer.src().chars, scorer.tgt().chars);
  const size_t shorter = std::min(n, m);
  const double sure_count = static_cast<double>(d.sure_pairs);
  const double monotone = static_cast<double>(d.monotone_pairs);
  // Fitted on the development news of six language pairs (translations with
  // omissions and merges against synthetic comparable articles):
  //  1. sure pairs in order that cover most of the shorter document: a
  //     translation, whatever the lengths say;
  //  2. sure pairs out of order: sentences moved, comparable;
  //  3. otherwise the lengths decide: in order they fit far better than
  //     shuffled only when one document translates the other.
  const bool ordered = d.sure_pairs > 0 && monotone >= 0.9 * sure_count;
  const char* why = nullptr;
  if (ordered && monotone >= 0.7 * static_cast<double>(shorter)) {
    d.mode = AlignMode::kParallel;
    why = "sure pairs in order cover the document";
  } else if (d.sure_pairs >= 3 && monotone < 0.8 * sure_count) {
    d.mode = AlignMode::kComparable;
    why = "sure pairs out of order";
  } else if (d.length_order < 0.8) {
    d.mode = AlignMode::kParallel;
    why = "sentence lengths follow each other in order";
  } else {
    d.mode = AlignMode::kComparable;
    why = "too few sure pairs and sentence lengths do not follow each other";
  }
  char lengths[32];
  std::snprintf(lengths, sizeof lengths, "%.2f", d.length_order);
  d.reason = "auto: " + std::string(AlignModeName(d.mode)) + " (" + why + ": " +
             std::to_string(d.monotone_pairs) + " of " + std::to_string(d.sure_pairs) +
             " sure pairs in order, covering " + std::to_string(d.monotone_pairs) + " of " +
             std::to_string(shorter) + " segments; length order " + lengths + ")";
  return d;
}

}  // namespace ancre::align
