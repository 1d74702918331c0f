#include "src/align/evaluation.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "src/core/bead_json.h"
#include "src/core/error.h"

namespace ancre::align {
namespace {

using Key = std::pair<std::vector<size_t>, std::vector<size_t>>;

Key Normalize(const Bead& b) {
  Key k{b.src, b.tgt};
  std::sort(k.first.begin(), k.first.end());
  std::sort(k.second.begin(), k.second.end());
  return k;
}

template <typename T>
size_t Intersection(const std::set<T>& a, const std::set<T>& b) {
  size_t n = 0;
  for (const T& x : a) n += b.count(x);
  return n;
}

}  // namespace

double PrecisionRecall::precision() const {
  if (predicted == 0) return gold == 0 ? 1.0 : 0.0;
  return static_cast<double>(tp) / static_cast<double>(predicted);
}

double PrecisionRecall::recall() const {
  if (gold == 0) return predicted == 0 ? 1.0 : 0.0;
  return static_cast<double>(tp) / static_cast<double>(gold);
}

double PrecisionRecall::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void EvalCounts::Add(const EvalCounts& o) {
  for (auto [a, b] : {std::pair{&strict, &o.strict}, std::pair{&links, &o.links},
                      std::pair{&one_to_one, &o.one_to_one}, std::pair{&null, &o.null}}) {
    a->tp += b->tp;
    a->predicted += b->predicted;
    a->gold += b->gold;
  }
  src_in_several_beads += o.src_in_several_beads;
  tgt_in_several_beads += o.tgt_in_several_beads;
}

EvalCounts ScoreAlignment(const std::vector<Bead>& gold, const std::vector<Bead>& predicted,
                          size_t n_src, size_t n_tgt) {
  EvalCounts c;
  size_t max_src = 0, max_tgt = 0;
  for (const auto* beads : {&gold, &predicted}) {
    for (const Bead& b : *beads) {
      for (size_t i : b.src) max_src = std::max(max_src, i + 1);
      for (size_t j : b.tgt) max_tgt = std::max(max_tgt, j + 1);
    }
  }
  if (n_src == 0) n_src = max_src;
  if (n_tgt == 0) n_tgt = max_tgt;
  std::map<size_t, int> seen_src, seen_tgt;
  for (const Bead& b : predicted) {
    for (size_t i : b.src) ++seen_src[i];
    for (size_t j : b.tgt) ++seen_tgt[j];
  }
  for (const auto& [i, n] : seen_src) c.src_in_several_beads += n > 1;
  for (const auto& [j, n] : seen_tgt) c.tgt_in_several_beads += n > 1;

  auto full = [](const std::vector<Bead>& beads) {
    std::set<Key> s;
    for (const Bead& b : beads) {
      if (!b.src.empty() && !b.tgt.empty()) s.insert(Normalize(b));
    }
    return s;
  };
  std::set<Key> g = full(gold), p = full(predicted);
  c.strict = {Intersection(g, p), p.size(), g.size()};
  auto links = [](const std::set<Key>& beads) {
    std::set<std::pair<size_t, size_t>> l;
    for (const Key& k : beads) {
      for (size_t i : k.first) {
        for (size_t j : k.second) l.emplace(i, j);
      }
    }
    return l;
  };
  auto gl = links(g), pl = links(p);
  c.links = {Intersection(gl, pl), pl.size(), gl.size()};
  auto one = [](const std::set<Key>& beads) {
    std::set<Key> s;
    for (const Key& k : beads) {
      if (k.first.size() == 1 && k.second.size() == 1) s.insert(k);
    }
    return s;
  };
  auto g1 = one(g), p1 = one(p);
  c.one_to_one = {Intersection(g1, p1), p1.size(), g1.size()};
  auto unaligned = [&](const std::set<Key>& beads) {
    std::set<std::pair<int, size_t>> u;
    std::set<size_t> s, t;
    for (const Key& k : beads) {
      s.insert(k.first.begin(), k.first.end());
      t.insert(k.second.begin(), k.second.end());
    }
    for (size_t i = 0; i < n_src; ++i) {
      if (!s.count(i)) u.emplace(0, i);
    }
    for (size_t j = 0; j < n_tgt; ++j) {
      if (!t.count(j)) u.emplace(1, j);
    }
    return u;
  };
  auto gu = unaligned(g), pu = unaligned(p);
  c.null = {Intersection(gu, pu), pu.size(), gu.size()};
  return c;
}

bool ParseBeadLine(std::string_view line, const std::string& file, size_t line_number, Bead* bead) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return false;
  *bead = Bead{};
  if (!BeadFromJson(line, bead)) {
    throw ParseError(file, line_number, 0,
                     "expected a bead {\"src\":[i,...],\"tgt\":[j,...]} with integer indices");
  }
  return true;
}

}  // namespace ancre::align
