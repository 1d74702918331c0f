// Review in the SQLite TM (tm/review.h): a run's beads stored when a review
// first opens it, changes checked against the versions their caller read,
// and the log of changes that undo and redo walk.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "tm/sqlite/review_internal.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

// Beads are stored this far apart, so that a split or a new link finds a
// position between two neighbours without moving them (20 halvings).
constexpr int64_t kPositionStep = int64_t{1} << 20;

// ---------------------------------------------------------------------------
// The log: each change keeps the beads and edits as they were and as it left
// them, as JSON.

nlohmann::json BeadJson(const ReviewBead& b) {
  return {{"id", b.id},
          {"version", b.version},
          {"position", b.position},
          {"src", b.src},
          {"tgt", b.tgt},
          {"score", b.score},
          {"anchors", b.anchors_json},
          {"status", BeadStatusName(b.status)},
          {"reviewer", b.reviewer},
          {"reviewed", b.reviewed}};
}

ReviewBead BeadFromLog(const nlohmann::json& j) {
  ReviewBead b;
  b.id = j.at("id").get<int64_t>();
  b.version = j.at("version").get<int64_t>();
  b.position = j.at("position").get<int64_t>();
  b.src = j.at("src").get<std::vector<size_t>>();
  b.tgt = j.at("tgt").get<std::vector<size_t>>();
  b.score = j.at("score").get<double>();
  b.anchors_json = j.at("anchors").get<std::string>();
  ParseBeadStatus(j.at("status").get<std::string>(), &b.status);
  b.reviewer = j.at("reviewer").get<std::string>();
  b.reviewed = j.at("reviewed").get<std::string>();
  return b;
}

std::string SideJson(const std::vector<ReviewBead>& beads, const std::vector<EditChange>& edits) {
  nlohmann::json j = {{"beads", nlohmann::json::array()}, {"edits", nlohmann::json::array()}};
  for (const ReviewBead& b : beads) j["beads"].push_back(BeadJson(b));
  for (const EditChange& e : edits) {
    j["edits"].push_back({{"target", e.target},
                          {"index", e.index},
                          {"text", e.text ? nlohmann::json(*e.text) : nlohmann::json()}});
  }
  return j.dump();
}

struct LogSide {
  std::vector<ReviewBead> beads;
  std::vector<EditChange> edits;
};

LogSide SideFromJson(const std::string& text, const std::string& path) {
  LogSide side;
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    for (const auto& b : j.at("beads")) side.beads.push_back(BeadFromLog(b));
    for (const auto& e : j.at("edits")) {
      EditChange c;
      c.target = e.at("target").get<bool>();
      c.index = e.at("index").get<size_t>();
      if (!e.at("text").is_null()) c.text = e.at("text").get<std::string>();
      side.edits.push_back(std::move(c));
    }
  } catch (const nlohmann::json::exception& e) {
    throw DbError(path + ": an entry of the review log cannot be read (" + e.what() +
                      "); the log was changed outside ancre",
                  SQLITE_CORRUPT);
  }
  return side;
}

// ---------------------------------------------------------------------------
// A run's beads, first stored: its pairs (provenances, in the order the run
// wrote them) and, as 1-0 and 0-1 beads, every segment in none of them, each
// placed before the first pair that comes after it on its side.

void StoreFirstBeads(const SqliteTm::Impl& impl, const RunInfo& run) {
  std::vector<ReviewBead> beads;
  {
    Stmt s = impl.Prepare(
        "SELECT src_segments, tgt_segments, score, anchors FROM provenances WHERE alignment_id "
        "= ?1 ORDER BY id");
    BindInt(s.get(), 1, run.id);
    while (Step(s.get(), impl.path, "cannot read the beads of a run")) {
      ReviewBead b;
      b.src = SplitNumbers(ColumnText(s.get(), 0));
      b.tgt = SplitNumbers(ColumnText(s.get(), 1));
      b.score = ColumnDouble(s.get(), 2);
      b.anchors_json = ColumnText(s.get(), 3);
      if (!b.src.empty() && !b.tgt.empty()) beads.push_back(std::move(b));
    }
  }
  auto numbers = [&](int64_t document) {
    Stmt s = impl.Prepare("SELECT idx FROM segments WHERE document_id = ?1 ORDER BY idx");
    BindInt(s.get(), 1, document);
    std::vector<size_t> out;
    while (Step(s.get(), impl.path, "cannot read segments")) {
      out.push_back(static_cast<size_t>(ColumnInt(s.get(), 0)));
    }
    return out;
  };
  // One side at a time: a lone segment goes before the first bead whose
  // first segment on that side comes after it (one merge pass).
  for (const bool target : {false, true}) {
    std::set<size_t> used;
    for (const ReviewBead& b : beads) {
      const auto& side = target ? b.tgt : b.src;
      used.insert(side.begin(), side.end());
    }
    std::vector<size_t> lone;
    for (size_t n : numbers(target ? run.tgt_document : run.src_document)) {
      if (used.count(n) == 0) lone.push_back(n);
    }
    std::vector<ReviewBead> merged;
    size_t next = 0;
    for (ReviewBead& b : beads) {
      const auto& side = target ? b.tgt : b.src;
      while (!side.empty() && next < lone.size() && lone[next] < side.front()) {
        ReviewBead single;
        (target ? single.tgt : single.src).push_back(lone[next++]);
        merged.push_back(std::move(single));
      }
      merged.push_back(std::move(b));
    }
    for (; next < lone.size(); ++next) {
      ReviewBead single;
      (target ? single.tgt : single.src).push_back(lone[next]);
      merged.push_back(std::move(single));
    }
    beads = std::move(merged);
  }
  for (size_t i = 0; i < beads.size(); ++i) {
    beads[i].position = static_cast<int64_t>(i + 1) * kPositionStep;
  }
  // No provenance changes: every pair keeps the unit it has.
  WriteRows(impl, run, {}, &beads, {});
}

// Spreads the run's beads kPositionStep apart again when two neighbours have
// no position left between them. Versions stay: the order does not change.
void RespaceIfNeeded(const SqliteTm::Impl& impl, int64_t run) {
  Stmt tight = impl.Prepare(
      "SELECT count(*) FROM (SELECT position - lag(position) OVER (ORDER BY position, id) AS gap "
      "FROM beads WHERE alignment_id = ?1) WHERE gap < 2");
  BindInt(tight.get(), 1, run);
  Step(tight.get(), impl.path, "cannot read the beads of a run");
  if (ColumnInt(tight.get(), 0) == 0) return;
  Stmt update = impl.Prepare("UPDATE beads SET position = ?2 WHERE id = ?1");
  int64_t position = 0;
  for (const ReviewBead& b : ReadBeads(impl, run)) {
    position += kPositionStep;
    Reuse(update.get());
    BindInt(update.get(), 1, b.id);
    BindInt(update.get(), 2, position);
    Step(update.get(), impl.path, "cannot write a bead");
  }
}

bool HasBeads(const SqliteTm::Impl& impl, int64_t run) {
  Stmt s = impl.Prepare("SELECT EXISTS (SELECT 1 FROM beads WHERE alignment_id = ?1)");
  BindInt(s.get(), 1, run);
  Step(s.get(), impl.path, "cannot read the beads of a run");
  return ColumnInt(s.get(), 0) != 0;
}

// Throws StaleReview unless bead `expected.id` is in `run` at expected.version;
// returns it as stored.
ReviewBead CurrentBead(const SqliteTm::Impl& impl, int64_t run, const ReviewBead& expected) {
  ReviewBead stored;
  int64_t stored_run = 0;
  if (!ReadBeadById(impl, expected.id, &stored_run, &stored)) {
    throw StaleReview(expected.id, "no longer exists (another change merged or removed it)");
  }
  if (stored_run != run) {
    throw StaleReview(expected.id, "belongs to run " + std::to_string(stored_run) + ", not run " +
                                       std::to_string(run));
  }
  if (stored.version != expected.version) {
    throw StaleReview(expected.id, "was changed by another review (version " +
                                       std::to_string(stored.version) + "; this page had " +
                                       std::to_string(expected.version) + ")");
  }
  return stored;
}

// Throws Error unless every segment `bead` names exists and it names one.
void CheckSegments(const SqliteTm::Impl& impl, const RunInfo& run, const ReviewBead& bead) {
  if (bead.src.empty() && bead.tgt.empty()) throw Error("a bead needs at least one segment");
  Stmt s = impl.Prepare("SELECT 1 FROM segments WHERE document_id = ?1 AND idx = ?2");
  for (const bool target : {false, true}) {
    for (size_t n : target ? bead.tgt : bead.src) {
      Reuse(s.get());
      BindInt(s.get(), 1, target ? run.tgt_document : run.src_document);
      BindInt(s.get(), 2, static_cast<int64_t>(n));
      if (!Step(s.get(), impl.path, "cannot read segments")) {
        throw Error(impl.path + ": run " + std::to_string(run.id) + " has no " +
                    (target ? "target" : "source") + " segment " + std::to_string(n));
      }
    }
  }
}

// The run's edits and log counts after a change, into *out.
template <typename Out>
void ReadTail(const SqliteTm::Impl& impl, int64_t run, Out* out) {
  out->edits = ReadEdits(impl, run);
  Stmt counts = impl.Prepare(
      "SELECT count(*) FILTER (WHERE undone = 0), count(*) FILTER (WHERE undone = 1) FROM "
      "review_actions WHERE alignment_id = ?1");
  BindInt(counts.get(), 1, run);
  Step(counts.get(), impl.path, "cannot read the review log");
  out->undoable = static_cast<size_t>(ColumnInt(counts.get(), 0));
  out->redoable = static_cast<size_t>(ColumnInt(counts.get(), 1));
}

void Index(const SqliteTm::Impl& impl) {
  if (impl.index_after_write) IndexAfterCommit(impl, /*checkpoint=*/false);
}

}  // namespace

bool internal::HasReviewTables(const SqliteTm::Impl& impl) {
  return QueryInt(impl,
                  "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'beads'") > 0;
}

bool internal::RunIsReviewed(const SqliteTm::Impl& impl, int64_t alignment_id) {
  if (!HasReviewTables(impl)) return false;
  Stmt s =
      impl.Prepare(alignment_id > 0 ? "SELECT EXISTS (SELECT 1 FROM beads WHERE alignment_id = ?1)"
                                    : "SELECT EXISTS (SELECT 1 FROM beads)");
  if (alignment_id > 0) BindInt(s.get(), 1, alignment_id);
  Step(s.get(), impl.path, "cannot read the beads of a run");
  return ColumnInt(s.get(), 0) != 0;
}

bool internal::AnyReviewedBead(const SqliteTm::Impl& impl) {
  return HasReviewTables(impl) &&
         QueryInt(impl,
                  "SELECT EXISTS (SELECT 1 FROM beads WHERE status = 'confirmed' OR status = "
                  "'edited')") != 0;
}

ReviewState internal::SqliteTm::LoadReview(int64_t alignment_id) {
  Impl& impl = *impl_;
  ReviewState state;
  state.alignment = LoadAlignment(alignment_id);  // throws RecordNotFound
  impl.RequireWritable("cannot review an alignment run");
  {
    Transaction tx(impl.handle(), impl.path);
    if (!HasBeads(impl, alignment_id)) {
      StoreFirstBeads(impl, ReadRunInfo(impl, alignment_id));
    } else {
      RespaceIfNeeded(impl, alignment_id);
    }
    tx.Commit();
  }
  state.beads = ReadBeads(impl, alignment_id);
  ReadTail(impl, alignment_id, &state);
  return state;
}

ReviewResult internal::SqliteTm::ApplyReview(int64_t alignment_id, const ReviewChange& change) {
  Impl& impl = *impl_;
  impl.RequireWritable("cannot change the review");
  ReviewResult result;
  {
    Transaction tx(impl.handle(), impl.path);
    const RunInfo run = ReadRunInfo(impl, alignment_id);
    if (!HasBeads(impl, alignment_id)) StoreFirstBeads(impl, run);
    std::vector<ReviewBead> old;
    std::set<int64_t> seen;
    for (const auto* list : {&change.removed, &change.put}) {
      for (const ReviewBead& b : *list) {
        if (b.id <= 0) continue;
        if (!seen.insert(b.id).second)
          throw Error("a change names bead " + std::to_string(b.id) + " twice");
        old.push_back(CurrentBead(impl, alignment_id, b));
      }
    }
    for (const ReviewBead& b : change.put) CheckSegments(impl, run, b);
    std::vector<EditChange> edits_before, edits_after;
    for (const SegmentEdit& e : change.edits) {
      if (e.text.empty()) throw Error("a segment's text cannot be empty");
      ReviewBead holder;
      (e.target ? holder.tgt : holder.src).push_back(e.index);
      CheckSegments(impl, run, holder);
      edits_before.push_back({e.target, e.index, ReadEdit(impl, alignment_id, e.target, e.index)});
      edits_after.push_back({e.target, e.index, e.text});
    }
    // A new change ends what could be redone.
    {
      Stmt drop = impl.Prepare("DELETE FROM review_actions WHERE alignment_id = ?1 AND undone = 1");
      BindInt(drop.get(), 1, alignment_id);
      Step(drop.get(), impl.path, "cannot write the review log");
    }
    const std::string now = NowTmxTime();
    Stmt log = impl.Prepare(
        "INSERT INTO review_actions(alignment_id, action, reviewer, created, before_json, "
        "after_json) VALUES (?1, ?2, ?3, ?4, '', '')");
    BindInt(log.get(), 1, alignment_id);
    BindText(log.get(), 2, change.action);
    BindText(log.get(), 3, change.reviewer);
    BindText(log.get(), 4, now);
    Step(log.get(), impl.path, "cannot write the review log");
    result.version = sqlite3_last_insert_rowid(impl.handle());
    std::vector<ReviewBead> put = change.put;
    for (ReviewBead& b : put) {
      b.version = result.version;
      b.reviewer = change.reviewer;
      b.reviewed = now;
    }
    WriteRows(impl, run, old, &put, edits_after);
    Stmt update =
        impl.Prepare("UPDATE review_actions SET before_json = ?2, after_json = ?3 WHERE id = ?1");
    BindInt(update.get(), 1, result.version);
    BindText(update.get(), 2, SideJson(old, edits_before));
    BindText(update.get(), 3, SideJson(put, edits_after));
    Step(update.get(), impl.path, "cannot write the review log");
    for (const ReviewBead& b : change.removed) result.removed.push_back(b.id);
    result.beads = std::move(put);
    ReadTail(impl, alignment_id, &result);
    tx.Commit();
  }
  Index(impl);
  return result;
}

namespace {

// Undo (forward = false) or redo the latest change of the run that can be.
ReviewResult Replay(const SqliteTm::Impl& impl, int64_t alignment_id, bool forward) {
  impl.RequireWritable(forward ? "cannot redo a review change" : "cannot undo a review change");
  ReviewResult result;
  Transaction tx(impl.handle(), impl.path);
  const RunInfo run = ReadRunInfo(impl, alignment_id);
  Stmt pick = impl.Prepare(
      forward ? "SELECT id, before_json, after_json FROM review_actions WHERE alignment_id = ?1 "
                "AND undone = 1 ORDER BY id LIMIT 1"
              : "SELECT id, before_json, after_json FROM review_actions WHERE alignment_id = ?1 "
                "AND undone = 0 ORDER BY id DESC LIMIT 1");
  BindInt(pick.get(), 1, alignment_id);
  if (!Step(pick.get(), impl.path, "cannot read the review log")) {
    throw Error(std::string("nothing to ") + (forward ? "redo" : "undo") + " in run " +
                std::to_string(alignment_id));
  }
  const int64_t action = ColumnInt(pick.get(), 0);
  LogSide before = SideFromJson(ColumnText(pick.get(), 1), impl.path);
  LogSide after = SideFromJson(ColumnText(pick.get(), 2), impl.path);
  Reuse(pick.get());
  LogSide& from = forward ? before : after;
  LogSide& to = forward ? after : before;
  // The beads must be as the change left them (undo) or found them (redo).
  for (const ReviewBead& b : from.beads) CurrentBead(impl, alignment_id, b);
  std::set<int64_t> kept;
  for (const ReviewBead& b : to.beads) kept.insert(b.id);
  for (const ReviewBead& b : from.beads) {
    if (kept.count(b.id) == 0) result.removed.push_back(b.id);
  }
  WriteRows(impl, run, from.beads, &to.beads, to.edits);
  Stmt mark = impl.Prepare("UPDATE review_actions SET undone = ?2 WHERE id = ?1");
  BindInt(mark.get(), 1, action);
  BindInt(mark.get(), 2, forward ? 0 : 1);
  Step(mark.get(), impl.path, "cannot write the review log");
  result.version = action;
  result.beads = std::move(to.beads);
  ReadTail(impl, alignment_id, &result);
  tx.Commit();
  return result;
}

}  // namespace

ReviewResult internal::SqliteTm::UndoReview(int64_t alignment_id) {
  ReviewResult r = Replay(*impl_, alignment_id, false);
  Index(*impl_);
  return r;
}

ReviewResult internal::SqliteTm::RedoReview(int64_t alignment_id) {
  ReviewResult r = Replay(*impl_, alignment_id, true);
  Index(*impl_);
  return r;
}

}  // namespace ancre::tm
