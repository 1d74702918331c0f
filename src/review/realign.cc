#include "src/review/realign.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "src/core/bead_json.h"
#include "src/review/actions.h"

namespace ancre::review {
namespace {

constexpr size_t kNone = std::numeric_limits<size_t>::max();

// A stretch to re-align: its sentences (segment numbers, ascending), the
// beads it replaces, and the positions its new beads go between.
struct Stretch {
  std::vector<size_t> src, tgt;
  std::vector<const tm::ReviewBead*> replaced;
  int64_t after = 0;   // position of the reviewed bead before it (0: none)
  int64_t before = 0;  // position of the reviewed bead after it (0: none)
};

const tm::StoredSegment& SegmentOf(const tm::ReviewState& state, bool target, size_t number) {
  const auto& segments = target ? state.alignment.target : state.alignment.source;
  auto it = std::lower_bound(segments.begin(), segments.end(), number,
                             [](const tm::StoredSegment& s, size_t n) { return s.index < n; });
  if (it == segments.end() || it->index != number) {
    throw ActionError("the run has no segment " + std::to_string(number));
  }
  return *it;
}

// The beads the aligner makes for one stretch, with segment numbers.
std::vector<tm::ReviewBead> AlignStretch(const tm::ReviewState& state, const Stretch& stretch,
                                         const align::AlignOptions& options) {
  std::map<std::pair<bool, size_t>, std::string> edited;
  for (const tm::SegmentEdit& e : state.edits) edited[{e.target, e.index}] = e.text;
  std::vector<std::string> texts[2];
  DocumentAnchors anchors[2];
  for (const bool target : {false, true}) {
    for (size_t n : target ? stretch.tgt : stretch.src) {
      const tm::StoredSegment& s = SegmentOf(state, target, n);
      auto it = edited.find({target, n});
      texts[target].push_back(it != edited.end() ? it->second : s.text);
      anchors[target].push_back(s.anchors);
    }
  }
  std::vector<tm::ReviewBead> out;
  if (texts[0].empty() || texts[1].empty()) {
    for (const bool target : {false, true}) {
      for (size_t n : target ? stretch.tgt : stretch.src) {
        tm::ReviewBead lone;
        (target ? lone.tgt : lone.src).push_back(n);
        out.push_back(std::move(lone));
      }
    }
    return out;
  }
  const Alignment a = align::Align({texts[0], anchors[0]}, {texts[1], anchors[1]}, options);
  for (const Bead& b : a.beads) {
    tm::ReviewBead r;
    for (size_t i : b.src) r.src.push_back(stretch.src[i]);
    for (size_t j : b.tgt) r.tgt.push_back(stretch.tgt[j]);
    r.score = b.score;
    if (!b.anchors.empty()) r.anchors_json = SharedAnchorsJson(b.anchors);
    out.push_back(std::move(r));
  }
  return out;
}

// The stretches of state: between reviewed beads (parallel), or one
// (comparable).
std::vector<Stretch> Stretches(const tm::ReviewState& state, bool parallel) {
  std::vector<const tm::ReviewBead*> reviewed;
  std::set<size_t> fixed[2];
  for (const tm::ReviewBead& b : state.beads) {
    if (!tm::Reviewed(b.status)) continue;
    reviewed.push_back(&b);
    fixed[0].insert(b.src.begin(), b.src.end());
    fixed[1].insert(b.tgt.begin(), b.tgt.end());
  }
  std::vector<Stretch> out;
  const size_t count = parallel ? reviewed.size() + 1 : 1;
  // For stretch k (before reviewed bead k): sentences after the last one of
  // the reviewed beads before it and before the first one of those after it.
  std::vector<size_t> low[2], high[2];
  for (const bool target : {false, true}) {
    low[target].assign(count, kNone);
    high[target].assign(count, kNone);
    if (!parallel) continue;
    size_t seen = kNone;
    for (size_t k = 0; k < count; ++k) {
      low[target][k] = seen;
      if (k < reviewed.size()) {
        const auto& side = target ? reviewed[k]->tgt : reviewed[k]->src;
        if (!side.empty()) seen = seen == kNone ? side.back() : std::max(seen, side.back());
      }
    }
    seen = kNone;
    for (size_t k = count; k-- > 0;) {
      high[target][k] = seen;
      if (k > 0) {
        const auto& side = target ? reviewed[k - 1]->tgt : reviewed[k - 1]->src;
        if (!side.empty()) seen = seen == kNone ? side.front() : std::min(seen, side.front());
      }
    }
  }
  auto inside = [&](bool target, size_t k, size_t n) {
    return (low[target][k] == kNone || n > low[target][k]) &&
           (high[target][k] == kNone || n < high[target][k]) && fixed[target].count(n) == 0;
  };
  for (size_t k = 0; k < count; ++k) {
    Stretch s;
    if (parallel) {
      s.after = k > 0 ? reviewed[k - 1]->position : 0;
      s.before = k < reviewed.size() ? reviewed[k]->position : 0;
    }
    // The beads replaced: not reviewed, every sentence inside the stretch.
    std::set<size_t> kept[2];
    for (const tm::ReviewBead& b : state.beads) {
      if (tm::Reviewed(b.status)) continue;
      const bool all_in =
          std::all_of(b.src.begin(), b.src.end(), [&](size_t n) { return inside(false, k, n); }) &&
          std::all_of(b.tgt.begin(), b.tgt.end(), [&](size_t n) { return inside(true, k, n); });
      if (all_in) {
        s.replaced.push_back(&b);
      } else {
        kept[0].insert(b.src.begin(), b.src.end());
        kept[1].insert(b.tgt.begin(), b.tgt.end());
      }
    }
    for (const bool target : {false, true}) {
      std::set<size_t> numbers;
      for (const tm::ReviewBead* b : s.replaced) {
        const auto& side = target ? b->tgt : b->src;
        for (size_t n : side) {
          if (kept[target].count(n) == 0) numbers.insert(n);
        }
      }
      (target ? s.tgt : s.src).assign(numbers.begin(), numbers.end());
    }
    if (!s.replaced.empty()) out.push_back(std::move(s));
  }
  return out;
}

// Comparable mode: each new bead goes right after the staying bead whose
// first sentence on its side (source, or target for a target-only bead)
// comes last before its own, so that the page keeps document order.
void PlaceInDocumentOrder(const tm::ReviewState& state, const std::set<int64_t>& gone,
                          std::vector<tm::ReviewBead>* fresh) {
  std::vector<const tm::ReviewBead*> stay;
  for (const tm::ReviewBead& b : state.beads) {
    if (gone.count(b.id) == 0) stay.push_back(&b);
  }
  std::vector<std::pair<size_t, size_t>> firsts[2];  // (first sentence, index in stay)
  for (size_t i = 0; i < stay.size(); ++i) {
    if (!stay[i]->src.empty()) firsts[0].push_back({stay[i]->src.front(), i});
    if (!stay[i]->tgt.empty()) firsts[1].push_back({stay[i]->tgt.front(), i});
  }
  for (auto& f : firsts) std::sort(f.begin(), f.end());
  // The staying bead each new one follows (kNone: before all), new beads of
  // one place in their document order.
  std::map<size_t, std::vector<tm::ReviewBead*>> after;
  for (tm::ReviewBead& b : *fresh) {
    const bool target = b.src.empty();
    const size_t key = target ? b.tgt.front() : b.src.front();
    const auto& f = firsts[target ? 1 : 0];
    auto it = std::lower_bound(f.begin(), f.end(), std::make_pair(key, size_t{0}));
    after[it == f.begin() ? kNone : std::prev(it)->second].push_back(&b);
  }
  constexpr int64_t kStep = int64_t{1} << 20;
  for (auto& [at, beads] : after) {
    const auto n = static_cast<int64_t>(beads.size());
    const int64_t low = at == kNone ? 0 : stay[at]->position;
    const size_t next = at == kNone ? 0 : at + 1;
    const int64_t high = next < stay.size() ? stay[next]->position : low + (n + 1) * kStep;
    const int64_t step = (high - low) / (n + 1);
    if (step < 1) {
      throw ActionError("no room to place the re-aligned beads; reload and try again");
    }
    int64_t position = low;
    for (tm::ReviewBead* b : beads) b->position = position += step;
  }
}

}  // namespace

tm::ReviewChange RealignRest(const tm::ReviewState& state, align::AlignOptions options,
                             std::string_view reviewer) {
  const bool parallel = state.alignment.run.mode != "comparable";
  options.mode = parallel ? AlignMode::kParallel : AlignMode::kComparable;
  tm::ReviewChange change;
  change.action = "re-align the rest";
  change.reviewer = std::string(reviewer);
  for (const Stretch& s : Stretches(state, parallel)) {
    std::vector<tm::ReviewBead> made = AlignStretch(state, s, options);
    // A bead the aligner makes again stays as it is, where it is.
    std::vector<const tm::ReviewBead*> replaced = s.replaced;
    std::vector<int64_t> kept_at(made.size(), 0);
    for (size_t i = 0; i < made.size(); ++i) {
      auto same = std::find_if(replaced.begin(), replaced.end(), [&](const tm::ReviewBead* r) {
        return r->src == made[i].src && r->tgt == made[i].tgt;
      });
      if (same == replaced.end()) continue;
      kept_at[i] = (*same)->position;
      replaced.erase(same);
    }
    for (const tm::ReviewBead* r : replaced) change.removed.push_back(*r);
    if (!parallel) {
      std::set<int64_t> gone;
      for (const tm::ReviewBead& r : change.removed) gone.insert(r.id);
      std::vector<tm::ReviewBead> fresh;
      for (size_t i = 0; i < made.size(); ++i) {
        if (kept_at[i] == 0) fresh.push_back(std::move(made[i]));
      }
      PlaceInDocumentOrder(state, gone, &fresh);
      for (tm::ReviewBead& b : fresh) change.put.push_back(std::move(b));
      continue;
    }
    // The new beads go between the kept ones around them, in the aligner's
    // order, inside the stretch.
    int64_t low = s.after;
    for (size_t i = 0; i < made.size();) {
      if (kept_at[i] > 0) {
        low = kept_at[i++];
        continue;
      }
      size_t j = i;
      while (j < made.size() && kept_at[j] == 0) ++j;
      const int64_t high = j < made.size() ? kept_at[j]
                           : s.before > 0
                               ? s.before
                               : low + static_cast<int64_t>(j - i + 1) * (int64_t{1} << 20);
      const int64_t step = (high - low) / static_cast<int64_t>(j - i + 1);
      if (step < 1) {
        throw ActionError("no room to re-align between the reviewed beads; reload and try again");
      }
      for (; i < j; ++i) {
        low += step;
        made[i].position = low;
        change.put.push_back(std::move(made[i]));
      }
    }
  }
  return change;
}

}  // namespace ancre::review
