#include "src/review/actions.h"

#include <algorithm>
#include <set>
#include <utility>

#include "src/core/bead_json.h"

namespace ancre::review {
namespace {

tm::ReviewChange NewChange(std::string action, std::string_view reviewer) {
  tm::ReviewChange change;
  change.action = std::move(action);
  change.reviewer = std::string(reviewer);
  return change;
}

std::vector<size_t> Union(const std::vector<size_t>& a, const std::vector<size_t>& b) {
  std::set<size_t> all(a.begin(), a.end());
  all.insert(b.begin(), b.end());
  return {all.begin(), all.end()};
}

bool Pair(const tm::ReviewBead& b) { return !b.src.empty() && !b.tgt.empty(); }

const tm::StoredSegment* SegmentOf(const tm::ReviewState& state, bool target, size_t number) {
  const auto& segments = target ? state.alignment.target : state.alignment.source;
  auto it = std::lower_bound(segments.begin(), segments.end(), number,
                             [](const tm::StoredSegment& s, size_t n) { return s.index < n; });
  return it != segments.end() && it->index == number ? &*it : nullptr;
}

std::string SideText(const tm::ReviewState& state, const std::vector<size_t>& numbers,
                     bool target) {
  std::string out;
  for (size_t n : numbers) {
    if (const tm::StoredSegment* s = SegmentOf(state, target, n)) out += s->original + "\n";
  }
  return out;
}

// The anchors of `anchors_json` whose texts are in both sides of `bead`.
std::string AnchorsWithin(const tm::ReviewState& state, const std::string& anchors_json,
                          const tm::ReviewBead& bead) {
  if (anchors_json.empty() || !Pair(bead)) return "";
  const std::string src = SideText(state, bead.src, false);
  const std::string tgt = SideText(state, bead.tgt, true);
  std::vector<SharedAnchor> kept;
  for (SharedAnchor& a : SharedAnchorsFromJson(anchors_json)) {
    if (src.find(a.src_text) != std::string::npos && tgt.find(a.tgt_text) != std::string::npos) {
      kept.push_back(std::move(a));
    }
  }
  return kept.empty() ? "" : SharedAnchorsJson(kept);
}

std::string BeadName(const tm::ReviewBead& b) { return "bead " + std::to_string(b.id); }

}  // namespace

size_t FindBead(const tm::ReviewState& state, int64_t bead) {
  for (size_t i = 0; i < state.beads.size(); ++i) {
    if (state.beads[i].id == bead) return i;
  }
  throw ActionError("no bead " + std::to_string(bead) +
                    " in this run (it was merged or removed); reload the alignment");
}

int64_t PositionAfter(const tm::ReviewState& state, size_t at) {
  const int64_t here = state.beads[at].position;
  if (at + 1 == state.beads.size()) return here + (int64_t{1} << 20);
  const int64_t next = state.beads[at + 1].position;
  if (next - here < 2) {
    throw ActionError("no room for a new bead after " + BeadName(state.beads[at]) +
                      "; reload the alignment and try again");
  }
  return here + (next - here) / 2;
}

namespace {

// The change `action` that gives one bead `status`.
tm::ReviewChange SetStatus(const tm::ReviewState& state, int64_t bead, std::string_view reviewer,
                           std::string_view action, tm::BeadStatus status) {
  tm::ReviewChange change = NewChange(std::string(action), reviewer);
  tm::ReviewBead b = state.beads[FindBead(state, bead)];
  b.status = status;
  change.put.push_back(std::move(b));
  return change;
}

}  // namespace

tm::ReviewChange Confirm(const tm::ReviewState& state, int64_t bead, std::string_view reviewer) {
  return SetStatus(state, bead, reviewer, "confirm", tm::BeadStatus::kConfirmed);
}

tm::ReviewChange Reject(const tm::ReviewState& state, int64_t bead, std::string_view reviewer) {
  return SetStatus(state, bead, reviewer, "reject", tm::BeadStatus::kRejected);
}

tm::ReviewChange ConfirmAllAbove(const tm::ReviewState& state, int64_t bead,
                                 std::string_view reviewer) {
  tm::ReviewChange change = NewChange("confirm all above", reviewer);
  const size_t last = FindBead(state, bead);
  for (size_t i = 0; i <= last; ++i) {
    if (state.beads[i].status != tm::BeadStatus::kAutomatic) continue;
    tm::ReviewBead b = state.beads[i];
    b.status = tm::BeadStatus::kConfirmed;
    change.put.push_back(std::move(b));
  }
  if (change.put.empty()) {
    throw ActionError("every bead up to " + BeadName(state.beads[last]) + " is already reviewed");
  }
  return change;
}

tm::ReviewChange Merge(const tm::ReviewState& state, int64_t bead, bool with_next,
                       std::string_view reviewer) {
  const size_t at = FindBead(state, bead);
  if (with_next ? at + 1 >= state.beads.size() : at == 0) {
    throw ActionError(BeadName(state.beads[at]) + " is the " + (with_next ? "last" : "first") +
                      " bead: there is no " + (with_next ? "next" : "previous") +
                      " bead to merge it with");
  }
  const tm::ReviewBead& first = state.beads[with_next ? at : at - 1];
  const tm::ReviewBead& second = state.beads[with_next ? at + 1 : at];
  tm::ReviewBead merged = first;
  merged.src = Union(first.src, second.src);
  merged.tgt = Union(first.tgt, second.tgt);
  // The weaker pair's confidence: the merge is only as sure as its parts.
  if (Pair(first) && Pair(second)) {
    merged.score = std::min(first.score, second.score);
  } else if (Pair(second)) {
    merged.score = second.score;
  }
  std::vector<SharedAnchor> anchors = SharedAnchorsFromJson(first.anchors_json);
  for (SharedAnchor& a : SharedAnchorsFromJson(second.anchors_json)) anchors.push_back(a);
  merged.anchors_json = anchors.empty() ? "" : SharedAnchorsJson(anchors);
  merged.status = tm::BeadStatus::kEdited;
  tm::ReviewChange change = NewChange("merge", reviewer);
  change.removed.push_back(second);
  change.put.push_back(std::move(merged));
  return change;
}

tm::ReviewChange Split(const tm::ReviewState& state, int64_t bead, size_t src_at, size_t tgt_at,
                       std::string_view reviewer) {
  const size_t at = FindBead(state, bead);
  const tm::ReviewBead& whole = state.beads[at];
  src_at = std::min(src_at, whole.src.size());
  tgt_at = std::min(tgt_at, whole.tgt.size());
  tm::ReviewBead first = whole, second;
  first.src.assign(whole.src.begin(), whole.src.begin() + static_cast<std::ptrdiff_t>(src_at));
  first.tgt.assign(whole.tgt.begin(), whole.tgt.begin() + static_cast<std::ptrdiff_t>(tgt_at));
  second.src.assign(whole.src.begin() + static_cast<std::ptrdiff_t>(src_at), whole.src.end());
  second.tgt.assign(whole.tgt.begin() + static_cast<std::ptrdiff_t>(tgt_at), whole.tgt.end());
  if ((first.src.empty() && first.tgt.empty()) || (second.src.empty() && second.tgt.empty())) {
    throw ActionError(BeadName(whole) + " (" + std::to_string(whole.src.size()) + "-" +
                      std::to_string(whole.tgt.size()) +
                      ") cannot be split there: each part needs a sentence");
  }
  second.position = PositionAfter(state, at);
  second.score = whole.score;
  second.anchors_json = AnchorsWithin(state, whole.anchors_json, second);
  first.anchors_json = AnchorsWithin(state, whole.anchors_json, first);
  first.status = second.status = tm::BeadStatus::kEdited;
  tm::ReviewChange change = NewChange("split", reviewer);
  change.put.push_back(std::move(first));
  change.put.push_back(std::move(second));
  return change;
}

tm::ReviewChange Move(const tm::ReviewState& state, int64_t bead, bool target, bool down,
                      std::string_view reviewer) {
  const size_t at = FindBead(state, bead);
  tm::ReviewBead from = state.beads[at];
  std::vector<size_t>& side = target ? from.tgt : from.src;
  const char* which = target ? "target" : "source";
  if (side.empty()) throw ActionError(BeadName(from) + " has no " + which + " sentence to move");
  if (down ? at + 1 >= state.beads.size() : at == 0) {
    throw ActionError(BeadName(from) + " is the " + (down ? "last" : "first") +
                      " bead: there is no bead to move its sentence to");
  }
  tm::ReviewBead to = state.beads[down ? at + 1 : at - 1];
  const size_t moved = down ? side.back() : side.front();
  side.erase(down ? side.end() - 1 : side.begin());
  std::vector<size_t>& other = target ? to.tgt : to.src;
  other = Union(other, {moved});
  from.anchors_json = AnchorsWithin(state, from.anchors_json, from);
  from.status = to.status = tm::BeadStatus::kEdited;
  tm::ReviewChange change = NewChange(down ? "move down" : "move up", reviewer);
  if (from.src.empty() && from.tgt.empty()) {
    change.removed.push_back(state.beads[at]);
  } else {
    change.put.push_back(std::move(from));
  }
  change.put.push_back(std::move(to));
  return change;
}

tm::ReviewChange Link(const tm::ReviewState& state, size_t src, size_t tgt,
                      std::string_view reviewer) {
  if (!SegmentOf(state, false, src) || !SegmentOf(state, true, tgt)) {
    throw ActionError("no source sentence " + std::to_string(src) + " or no target sentence " +
                      std::to_string(tgt) + " in this run");
  }
  tm::ReviewChange change = NewChange("link", reviewer);
  size_t after = state.beads.size();
  for (size_t i = 0; i < state.beads.size(); ++i) {
    const tm::ReviewBead& b = state.beads[i];
    const bool has_src = std::count(b.src.begin(), b.src.end(), src) > 0;
    const bool has_tgt = std::count(b.tgt.begin(), b.tgt.end(), tgt) > 0;
    if (has_src && has_tgt) {
      throw ActionError(BeadName(b) + " already links these sentences");
    }
    if (has_src && after == state.beads.size()) after = i;
    if ((has_src && b.src.size() == 1 && b.tgt.empty()) ||
        (has_tgt && b.tgt.size() == 1 && b.src.empty())) {
      change.removed.push_back(b);
    }
  }
  tm::ReviewBead link;
  link.src = {src};
  link.tgt = {tgt};
  link.position = after == state.beads.size() ? state.beads.back().position + (int64_t{1} << 20)
                                              : PositionAfter(state, after);
  link.status = tm::BeadStatus::kEdited;
  change.put.push_back(std::move(link));
  return change;
}

tm::ReviewChange EditSegment(const tm::ReviewState& state, bool target, size_t index,
                             std::string_view text, std::string_view reviewer) {
  if (!SegmentOf(state, target, index)) {
    throw ActionError(std::string("no ") + (target ? "target" : "source") + " sentence " +
                      std::to_string(index) + " in this run");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw ActionError("a sentence cannot be empty; to leave it out, reject its bead");
  }
  tm::ReviewChange change = NewChange("edit", reviewer);
  change.edits.push_back({target, index, std::string(text)});
  for (const tm::ReviewBead& b : state.beads) {
    const auto& side = target ? b.tgt : b.src;
    if (std::count(side.begin(), side.end(), index) == 0) continue;
    tm::ReviewBead edited = b;
    edited.status = tm::BeadStatus::kEdited;
    change.put.push_back(std::move(edited));
  }
  return change;
}

}  // namespace ancre::review
