#include "src/align/parallel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <thread>

#include "src/align/candidates.h"

namespace ancre::align {
namespace {

struct BeadType {
  int k;  // source segments
  int l;  // target segments
};
constexpr std::array<BeadType, 8> kTypes = {
    {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}}};

// Row r of the DP (r source segments consumed) allows target columns [lo[r], hi[r]].
struct Corridor {
  std::vector<int64_t> lo;
  std::vector<int64_t> hi;
  std::vector<size_t> offset;  // first cell of each row in the flat arrays
  size_t cells = 0;
  bool full = false;

  bool Contains(int64_t r, int64_t j) const {
    return r >= 0 && r < static_cast<int64_t>(lo.size()) && j >= lo[static_cast<size_t>(r)] &&
           j <= hi[static_cast<size_t>(r)];
  }
  size_t Cell(int64_t r, int64_t j) const {
    return offset[static_cast<size_t>(r)] + static_cast<size_t>(j - lo[static_cast<size_t>(r)]);
  }
};

void Finish(Corridor* c, int64_t m) {
  const size_t rows = c->lo.size();
  for (size_t r = 0; r < rows; ++r) {
    c->lo[r] = std::clamp<int64_t>(c->lo[r], 0, m);
    c->hi[r] = std::clamp<int64_t>(c->hi[r], 0, m);
  }
  c->lo[0] = 0;
  c->hi[rows - 1] = m;
  // Monotone edges keep every cell reachable: lo never decreases downwards,
  // hi never decreases downwards, and consecutive rows overlap.
  for (size_t r = rows - 1; r-- > 0;) c->lo[r] = std::min(c->lo[r], c->lo[r + 1]);
  for (size_t r = 1; r < rows; ++r) c->hi[r] = std::max(c->hi[r], c->hi[r - 1]);
  for (size_t r = 0; r + 1 < rows; ++r) c->hi[r] = std::max(c->hi[r], c->lo[r + 1]);
  c->offset.resize(rows);
  size_t cells = 0;
  for (size_t r = 0; r < rows; ++r) {
    c->offset[r] = cells;
    cells += static_cast<size_t>(c->hi[r] - c->lo[r] + 1);
  }
  c->cells = cells;
}

Corridor FullCorridor(size_t n, size_t m) {
  Corridor c;
  c.lo.assign(n + 1, 0);
  c.hi.assign(n + 1, static_cast<int64_t>(m));
  c.full = true;
  Finish(&c, static_cast<int64_t>(m));
  return c;
}

// Widens rows of [lo, hi] to half-width w around the piecewise-linear path
// through `points`, wider where consecutive points disagree with the diagonal.
void AddPath(const std::vector<std::pair<int64_t, int64_t>>& points, int64_t w, Corridor* c) {
  for (size_t p = 0; p + 1 < points.size(); ++p) {
    auto [r1, j1] = points[p];
    auto [r2, j2] = points[p + 1];
    int64_t skew = std::abs((j2 - j1) - (r2 - r1)) / 2;
    for (int64_t r = r1; r <= r2; ++r) {
      double t = r2 == r1 ? 0.0 : static_cast<double>(r - r1) / static_cast<double>(r2 - r1);
      int64_t center = j1 + static_cast<int64_t>(std::llround(t * static_cast<double>(j2 - j1)));
      size_t row = static_cast<size_t>(r);
      c->lo[row] = std::min(c->lo[row], center - w - skew);
      c->hi[row] = std::max(c->hi[row], center + w + skew);
      if (r2 == r1) {  // several target points on one row
        c->lo[row] = std::min(c->lo[row], j1 - w);
        c->hi[row] = std::max(c->hi[row], j2 + w);
      }
    }
  }
}

// Where each source boundary falls in the target if both documents run at
// an even pace in characters: row r -> the target boundary nearest to the
// same share of the target's characters (the path a length-based aligner
// starts from).
std::vector<std::pair<int64_t, int64_t>> LengthDiagonal(const Scorer& scorer) {
  const std::vector<uint32_t>& src = scorer.src().chars;
  const std::vector<uint32_t>& tgt = scorer.tgt().chars;
  std::vector<double> tgt_ends(tgt.size() + 1, 0.0);
  for (size_t j = 0; j < tgt.size(); ++j) tgt_ends[j + 1] = tgt_ends[j] + tgt[j] + 1.0;
  double src_total = 0.0;
  for (uint32_t c : src) src_total += c + 1.0;
  std::vector<std::pair<int64_t, int64_t>> points;
  points.reserve(src.size() + 1);
  double at = 0.0;
  for (size_t r = 0; r <= src.size(); ++r) {
    const double want = src_total > 0 ? at / src_total * tgt_ends.back() : 0.0;
    auto it = std::lower_bound(tgt_ends.begin(), tgt_ends.end(), want);
    if (it != tgt_ends.begin() && (it == tgt_ends.end() || *it - want > want - *(it - 1))) --it;
    points.emplace_back(static_cast<int64_t>(r), static_cast<int64_t>(it - tgt_ends.begin()));
    if (r < src.size()) at += src[r] + 1.0;
  }
  return points;
}

// The points of a chain that a neighbour in the chain confirms: a chain of
// sure pairs runs along the translation's path, at a nearly constant offset
// between source and target positions (merges and omissions move it a
// little); chance matches (short tokens two unrelated texts share) chain
// into a zigzag whose neighbours disagree. A point is kept if the previous or
// the next one lies at an offset within 2 segments + a tenth of their
// distance.
std::vector<size_t> ConsistentPoints(const std::vector<Candidate>& pairs,
                                     const std::vector<size_t>& chain) {
  auto agree = [&](size_t a, size_t b) {
    const Candidate& x = pairs[chain[a]];
    const Candidate& y = pairs[chain[b]];
    const int64_t dx = static_cast<int64_t>(x.tgt) - static_cast<int64_t>(x.src);
    const int64_t dy = static_cast<int64_t>(y.tgt) - static_cast<int64_t>(y.src);
    const int64_t distance = std::abs(static_cast<int64_t>(y.src) - static_cast<int64_t>(x.src));
    return std::abs(dx - dy) <= 2 + distance / 10;
  };
  std::vector<size_t> kept;
  for (size_t k = 0; k < chain.size(); ++k) {
    if ((k > 0 && agree(k - 1, k)) || (k + 1 < chain.size() && agree(k, k + 1))) {
      kept.push_back(chain[k]);
    }
  }
  return kept;
}

// A corridor of half-width w around each of the paths.
Corridor PathsCorridor(const std::vector<std::vector<std::pair<int64_t, int64_t>>>& paths, size_t n,
                       size_t m, int64_t w) {
  Corridor c;
  c.lo.assign(n + 1, std::numeric_limits<int64_t>::max());
  c.hi.assign(n + 1, std::numeric_limits<int64_t>::min());
  for (const auto& points : paths) AddPath(points, w, &c);
  Finish(&c, static_cast<int64_t>(m));
  return c;
}

class Dp {
 public:
  Dp(const Scorer& scorer, const ParallelParams& params, const Corridor& corridor, int threads)
      : s_(scorer), c_(corridor) {
    PrecomputeOneToOne(threads);
    level_ = params.evidence_level >= 0.0 ? std::min(params.evidence_level, 1.0)
                                          : EvidenceLevel(params.evidence_span);
    p_ = AtEvidenceLevel(params, level_);
  }

  double level() const { return level_; }

  // Runs the DP; returns the path as (type index, end row, end column) in order.
  std::vector<std::array<int64_t, 3>> Run() {
    const int64_t n = static_cast<int64_t>(c_.lo.size()) - 1;
    constexpr float kInf = std::numeric_limits<float>::infinity();
    cost_.assign(c_.cells, kInf);
    back_.assign(c_.cells, 0);
    for (int64_t r = 0; r <= n; ++r) {
      for (int64_t j = c_.lo[static_cast<size_t>(r)]; j <= c_.hi[static_cast<size_t>(r)]; ++j) {
        size_t cell = c_.Cell(r, j);
        if (r == 0 && j == 0) {
          cost_[cell] = 0.f;
          continue;
        }
        float best = kInf;
        uint8_t best_type = 0;
        for (size_t t = 0; t < kTypes.size(); ++t) {
          int64_t pr = r - kTypes[t].k;
          int64_t pj = j - kTypes[t].l;
          if (pr < 0 || pj < 0 || !c_.Contains(pr, pj)) continue;
          float prev = cost_[c_.Cell(pr, pj)];
          if (prev == kInf) continue;
          float bead = BeadCost(t, pr, r, pj, j);
          if (prev + bead < best) {
            best = prev + bead;
            best_type = static_cast<uint8_t>(t);
          }
        }
        cost_[cell] = best;
        back_[cell] = best_type;
      }
    }
    std::vector<std::array<int64_t, 3>> path;
    int64_t r = n;
    int64_t j = c_.hi[static_cast<size_t>(n)];
    while (r > 0 || j > 0) {
      uint8_t t = back_[c_.Cell(r, j)];
      path.push_back({t, r, j});
      r -= kTypes[t].k;
      j -= kTypes[t].l;
    }
    std::reverse(path.begin(), path.end());
    return path;
  }

  float BeadCost(size_t t, int64_t r0, int64_t r1, int64_t j0, int64_t j1) const {
    const BeadType& bt = kTypes[t];
    if (bt.k == 0 || bt.l == 0) return static_cast<float>(p_.skip);
    double sim = bt.k == 1 && bt.l == 1 ? sim11_[c_.Cell(r1, j1)] : BeadSimilarity(r0, r1, j0, j1);
    double prior = 0.0;
    if (bt.k + bt.l == 3) prior = p_.prior_12;
    if (bt.k == 2 && bt.l == 2) prior = p_.prior_22;
    if (bt.k + bt.l == 4 && bt.k != bt.l) prior = p_.prior_13;
    double len = s_.LengthPenalty(static_cast<size_t>(r0), static_cast<size_t>(r1),
                                  static_cast<size_t>(j0), static_cast<size_t>(j1));
    return static_cast<float>((bt.k + bt.l) / 2.0 * p_.dissimilarity_weight * (1.0 - sim) +
                              p_.length_weight * std::min(len, p_.length_cap) + prior);
  }

 private:
  // The segmentwise similarity of a many-segment bead from the cached matches
  // of its 1-1 pairs: a source token is covered if any of the bead's target
  // segments matched it, and the other way round. Falls back to the scorer when a
  // segment is wide or a pair lies outside the corridor.
  double BeadSimilarity(int64_t r0, int64_t r1, int64_t j0, int64_t j1) const {
    const MatchIndex& index = s_.index();
    bool cached = true;
    for (int64_t i = r0; i < r1 && cached; ++i) {
      cached = index.src.narrow(static_cast<size_t>(i)) && c_.Contains(i + 1, j0 + 1) &&
               c_.Contains(i + 1, j1);
    }
    for (int64_t j = j0; j < j1 && cached; ++j) cached = index.tgt.narrow(static_cast<size_t>(j));
    if (!cached) {
      return s_.SegmentwiseSimilarity(static_cast<size_t>(r0), static_cast<size_t>(r1),
                                      static_cast<size_t>(j0), static_cast<size_t>(j1));
    }
    std::array<uint64_t, 3> tgt_bits = {0, 0, 0};
    double shares = 0.0;
    for (int64_t i = r0; i < r1; ++i) {
      uint64_t src_bits = 0;
      for (int64_t j = j0; j < j1; ++j) {
        const PairMatch& m = match_[c_.Cell(i + 1, j + 1)];
        src_bits |= m.src_bits;
        tgt_bits[static_cast<size_t>(j - j0)] |= m.tgt_bits;
      }
      const double c = index.src.Weigh(static_cast<size_t>(i), &src_bits);
      shares += Scorer::SmoothShare(c, s_.src().total_weight[static_cast<size_t>(i)]);
    }
    for (int64_t j = j0; j < j1; ++j) {
      const double c =
          index.tgt.Weigh(static_cast<size_t>(j), &tgt_bits[static_cast<size_t>(j - j0)]);
      shares += Scorer::SmoothShare(c, s_.tgt().total_weight[static_cast<size_t>(j)]);
    }
    return shares / static_cast<double>((r1 - r0) + (j1 - j0));
  }

  void PrecomputeOneToOne(int threads) {
    sim11_.assign(c_.cells, 0.f);
    match_.assign(c_.cells, PairMatch{});
    const int64_t rows = static_cast<int64_t>(c_.lo.size());
    const MatchIndex& index = s_.index();
    auto work = [&](int64_t begin, int64_t end) {
      for (int64_t r = std::max<int64_t>(begin, 1); r < end; ++r) {
        const size_t i = static_cast<size_t>(r - 1);
        const bool narrow = index.src.narrow(i);
        for (int64_t j = std::max<int64_t>(c_.lo[static_cast<size_t>(r)], 1);
             j <= c_.hi[static_cast<size_t>(r)]; ++j) {
          const size_t cell = c_.Cell(r, j);
          const size_t tj = static_cast<size_t>(j - 1);
          if (narrow && index.tgt.narrow(tj)) {
            match_[cell] = s_.Match(i, tj);
            sim11_[cell] = static_cast<float>(s_.SegmentwiseSimilarityOf(i, tj, match_[cell]));
          } else {
            sim11_[cell] = static_cast<float>(s_.SegmentwiseSimilarity(i, i + 1, tj, tj + 1));
          }
        }
      }
    };
    if (threads <= 1 || c_.cells < 20000) {
      work(0, rows);
      return;
    }
    // Split rows so both threads get about the same number of cells.
    int64_t mid = 0;
    while (mid < rows && c_.offset[static_cast<size_t>(mid)] < c_.cells / 2) ++mid;
    std::thread t(work, mid, rows);
    work(0, mid);
    t.join();
  }

  // How well 1-1 similarities single out a partner: the median over source
  // segments of their best similarity, minus the median of all, over `span`,
  // clamped to [0, 1].
  double EvidenceLevel(double span) const {
    const int64_t rows = static_cast<int64_t>(c_.lo.size());
    std::vector<float> best, all;
    best.reserve(static_cast<size_t>(rows));
    all.reserve(sim11_.size());
    for (int64_t r = 1; r < rows; ++r) {
      float b = 0.f;
      for (int64_t j = std::max<int64_t>(c_.lo[static_cast<size_t>(r)], 1);
           j <= c_.hi[static_cast<size_t>(r)]; ++j) {
        const float sim = sim11_[c_.Cell(r, j)];
        b = std::max(b, sim);
        all.push_back(sim);
      }
      best.push_back(b);
    }
    if (best.empty() || all.empty() || span <= 0.0) return 1.0;
    auto median = [](std::vector<float>* v) {
      std::nth_element(v->begin(), v->begin() + static_cast<std::ptrdiff_t>(v->size() / 2),
                       v->end());
      return static_cast<double>((*v)[v->size() / 2]);
    };
    const double level = (median(&best) - median(&all)) / span;
    return std::clamp(level, 0.0, 1.0);
  }

  const Scorer& s_;
  ParallelParams p_;
  double level_ = 1.0;
  const Corridor& c_;
  std::vector<float> sim11_;
  std::vector<PairMatch> match_;  // per cell (r, j): the match of source r-1 and target j-1
  std::vector<float> cost_;
  std::vector<uint8_t> back_;
};

// Where the path runs along an edge of the corridor that is not the matrix
// border, the corridor may have cut off a better path: widens the rows within
// `w` of each such step by `w` on both sides. Returns false (and leaves the
// corridor as it was) if no step touches an inner edge.
bool WidenWhereTouched(const std::vector<std::array<int64_t, 3>>& path, int64_t m, int64_t w,
                       Corridor* c) {
  const int64_t rows = static_cast<int64_t>(c->lo.size());
  std::vector<int64_t> lo = c->lo, hi = c->hi;
  bool touched = false;
  for (const auto& step : path) {
    const size_t r = static_cast<size_t>(step[1]);
    const int64_t j = step[2];
    if (!((j <= c->lo[r] && c->lo[r] > 0) || (j >= c->hi[r] && c->hi[r] < m))) continue;
    touched = true;
    for (int64_t rr = std::max<int64_t>(0, step[1] - w); rr <= std::min(rows - 1, step[1] + w);
         ++rr) {
      lo[static_cast<size_t>(rr)] = std::min(lo[static_cast<size_t>(rr)], c->lo[r] - w);
      hi[static_cast<size_t>(rr)] = std::max(hi[static_cast<size_t>(rr)], c->hi[r] + w);
    }
  }
  if (!touched) return false;
  c->lo = std::move(lo);
  c->hi = std::move(hi);
  Finish(c, m);
  return true;
}

}  // namespace

ParallelParams AtEvidenceLevel(const ParallelParams& params, double alpha) {
  ParallelParams p = params;
  auto mix = [alpha](double lexical, double length_only) {
    return alpha * lexical + (1.0 - alpha) * length_only;
  };
  p.dissimilarity_weight = alpha * params.dissimilarity_weight;
  p.length_weight = mix(params.length_weight, params.length_only_weight);
  p.length_cap = mix(params.length_cap, params.length_only_cap);
  p.skip = mix(params.skip, params.length_only_skip);
  p.prior_12 = mix(params.prior_12, params.length_only_prior_12);
  p.prior_22 = mix(params.prior_22, params.length_only_prior_22);
  p.prior_13 = mix(params.prior_13, params.length_only_prior_13);
  return p;
}

std::vector<Bead> AlignParallel(const Scorer& scorer, const ParallelParams& params, int threads,
                                double* level) {
  const size_t n = scorer.src().size();
  const size_t m = scorer.tgt().size();
  std::vector<Bead> beads;
  if (n == 0 && m == 0) return beads;

  // Sure points: pairs sharing a key seen once on each side, in order.
  std::vector<std::pair<int64_t, int64_t>> points;
  bool full = n * m <= params.full_matrix_cells || n == 0 || m == 0;
  if (!full) {
    std::vector<Candidate> hapax = HapaxPairs(scorer, 0.3);
    std::vector<size_t> chain = ConsistentPoints(hapax, LongestChain(hapax));
    points.emplace_back(0, 0);
    for (size_t k : chain) {
      points.emplace_back(static_cast<int64_t>(hapax[k].src), static_cast<int64_t>(hapax[k].tgt));
      points.emplace_back(static_cast<int64_t>(hapax[k].src) + 1,
                          static_cast<int64_t>(hapax[k].tgt) + 1);
    }
    points.emplace_back(static_cast<int64_t>(n), static_cast<int64_t>(m));
  }
  int64_t w = static_cast<int64_t>(params.corridor);
  // The chain's sure pairs may be chance matches (short shared tokens of two
  // texts without a common word): the path at an even pace in characters is
  // searched too, so that length alone still finds a translation.
  Corridor corridor =
      full ? FullCorridor(n, m) : PathsCorridor({points, LengthDiagonal(scorer)}, n, m, w);
  // Widening stops at this many cells: memory stays linear in the documents.
  const size_t max_cells = std::max(params.full_matrix_cells, params.max_cells_per_row * (n + 1));
  std::vector<std::array<int64_t, 3>> path;
  for (int attempt = 0;; ++attempt) {
    if (!corridor.full && corridor.cells >= (n + 1) * (m + 1) / 2) corridor = FullCorridor(n, m);
    Dp dp(scorer, params, corridor, threads);
    path = dp.Run();
    if (level != nullptr) *level = dp.level();
    if (corridor.full || attempt >= 4 || corridor.cells >= max_cells) break;
    w *= 2;
    if (!WidenWhereTouched(path, static_cast<int64_t>(m), w, &corridor)) break;
  }
  for (const auto& step : path) {
    const BeadType& bt = kTypes[static_cast<size_t>(step[0])];
    Bead b;
    for (int64_t i = step[1] - bt.k; i < step[1]; ++i) b.src.push_back(static_cast<size_t>(i));
    for (int64_t j = step[2] - bt.l; j < step[2]; ++j) b.tgt.push_back(static_cast<size_t>(j));
    beads.push_back(std::move(b));
  }
  return beads;
}

}  // namespace ancre::align
