#include "src/align/candidates.h"

#include <algorithm>
#include <cmath>
#include <thread>
#include <utility>

namespace ancre::align {
std::vector<Candidate> FindCandidates(const Scorer& scorer, size_t per_source, size_t max_df,
                                      int threads) {
  const MatchIndex& index = scorer.index();
  const size_t n = index.src.size();
  const size_t m = index.tgt.size();
  auto work = [&](size_t begin, size_t end, std::vector<Candidate>* out) {
    std::vector<float> acc(m, 0.f);
    std::vector<uint32_t> touched;
    std::vector<std::pair<float, uint32_t>> ranked;
    for (size_t i = begin; i < end; ++i) {
      touched.clear();
      for (uint32_t key : index.src.SegmentKeys(i)) {
        const uint32_t* lo = index.tgt_postings.data() + index.tgt_posting_begin[key];
        const uint32_t* hi = index.tgt_postings.data() + index.tgt_posting_begin[key + 1];
        size_t df = static_cast<size_t>(hi - lo);
        if (df == 0 || (max_df > 0 && df > max_df)) continue;
        // Rarer keys are stronger evidence (an IDF on the target side).
        float w =
            static_cast<float>(std::log(1.0 + static_cast<double>(m) / static_cast<double>(df)));
        for (const uint32_t* it = lo; it != hi; ++it) {
          if (acc[*it] == 0.f) touched.push_back(*it);
          acc[*it] += w;
        }
      }
      ranked.clear();
      for (uint32_t j : touched) {
        ranked.emplace_back(-acc[j], j);
        acc[j] = 0.f;
      }
      size_t keep = std::min(ranked.size(), per_source);
      std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                        ranked.end());
      ranked.resize(keep);
      std::sort(ranked.begin(), ranked.end(),
                [](const auto& a, const auto& b) { return a.second < b.second; });
      for (const auto& [score, j] : ranked) {
        double sim = scorer.Similarity(i, i + 1, j, j + 1);
        if (sim > 0) out->push_back({i, j, sim});
      }
    }
  };
  std::vector<Candidate> result;
  if (threads <= 1 || n < 64) {
    work(0, n, &result);
    return result;
  }
  // Two halves of the source side; concatenated in order, so deterministic.
  std::vector<Candidate> second;
  size_t mid = n / 2;
  std::thread t(work, mid, n, &second);
  work(0, mid, &result);
  t.join();
  result.insert(result.end(), second.begin(), second.end());
  return result;
}

std::vector<Candidate> HapaxPairs(const Scorer& scorer, double min_sim) {
  const MatchIndex& index = scorer.index();
  std::vector<Candidate> pairs;
  for (size_t k = 0; k < index.shared_keys; ++k) {
    if (index.src_posting_begin[k + 1] - index.src_posting_begin[k] == 1 &&
        index.tgt_posting_begin[k + 1] - index.tgt_posting_begin[k] == 1) {
      pairs.push_back({index.src_postings[index.src_posting_begin[k]],
                       index.tgt_postings[index.tgt_posting_begin[k]], 0.0});
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const Candidate& x, const Candidate& y) {
    return std::pair(x.src, x.tgt) < std::pair(y.src, y.tgt);
  });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const Candidate& x, const Candidate& y) {
                            return x.src == y.src && x.tgt == y.tgt;
                          }),
              pairs.end());
  std::vector<Candidate> kept;
  for (Candidate& c : pairs) {
    c.sim = scorer.Similarity(c.src, c.src + 1, c.tgt, c.tgt + 1);
    if (c.sim >= min_sim) kept.push_back(c);
  }
  return kept;
}

std::vector<size_t> LongestChain(const std::vector<Candidate>& pairs) {
  // Patience sorting on tgt, processing pairs of one src in decreasing tgt
  // order so that two pairs of the same source segment never chain.
  std::vector<size_t> order(pairs.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    if (pairs[x].src != pairs[y].src) return pairs[x].src < pairs[y].src;
    return pairs[x].tgt > pairs[y].tgt;
  });
  std::vector<size_t> tails;  // index into pairs of the smallest tail of each length
  std::vector<size_t> prev(pairs.size(), SIZE_MAX);
  for (size_t k : order) {
    auto it = std::lower_bound(tails.begin(), tails.end(), pairs[k].tgt,
                               [&](size_t t, size_t v) { return pairs[t].tgt < v; });
    size_t len = static_cast<size_t>(it - tails.begin());
    if (len > 0) prev[k] = tails[len - 1];
    if (it == tails.end()) {
      tails.push_back(k);
    } else {
      *it = k;
    }
  }
  std::vector<size_t> chain;
  if (tails.empty()) return chain;
  for (size_t k = tails.back(); k != SIZE_MAX; k = prev[k]) chain.push_back(k);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace ancre::align
