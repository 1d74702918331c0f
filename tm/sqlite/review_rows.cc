// Review in the SQLite TM, the row level (review_internal.h): reading and
// writing beads and segment edits, and keeping the units and provenances of
// a run in step with its beads.
#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <utility>

#include "tm/sqlite/review_internal.h"

namespace ancre::tm {

bool ParseBeadStatus(std::string_view name, BeadStatus* status) {
  for (BeadStatus s : {BeadStatus::kAutomatic, BeadStatus::kConfirmed, BeadStatus::kRejected,
                       BeadStatus::kEdited}) {
    if (name == BeadStatusName(s)) {
      *status = s;
      return true;
    }
  }
  return false;
}

namespace internal {

std::string JoinNumbers(const std::vector<size_t>& numbers) {
  std::string out;
  for (size_t n : numbers) {
    if (!out.empty()) out.push_back(',');
    out += std::to_string(n);
  }
  return out;
}

std::vector<size_t> SplitNumbers(std::string_view text) {
  std::vector<size_t> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(',', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data() + begin, text.data() + end, value);
    if (ec == std::errc() && ptr == text.data() + end) out.push_back(value);
    begin = end + 1;
  }
  return out;
}

RunInfo ReadRunInfo(const SqliteTm::Impl& impl, int64_t run) {
  Stmt s = impl.Prepare(
      "SELECT a.src_document_id, a.tgt_document_id, a.label, s.lang, t.lang FROM alignments a "
      "JOIN documents s ON s.id = a.src_document_id JOIN documents t ON t.id = "
      "a.tgt_document_id WHERE a.id = ?1");
  BindInt(s.get(), 1, run);
  if (!Step(s.get(), impl.path, "cannot read alignment runs")) {
    throw RecordNotFound(RecordNotFound::Kind::kAlignmentRun, run, impl.path);
  }
  RunInfo info;
  info.id = run;
  info.src_document = ColumnInt(s.get(), 0);
  info.tgt_document = ColumnInt(s.get(), 1);
  info.label = ColumnText(s.get(), 2);
  info.src_lang = ColumnText(s.get(), 3);
  info.tgt_lang = ColumnText(s.get(), 4);
  return info;
}

namespace {

constexpr const char* kBeadColumns =
    "id, version, position, src_segments, tgt_segments, score, anchors, status, reviewer, "
    "reviewed";

ReviewBead ReadBead(sqlite3_stmt* s) {
  ReviewBead b;
  b.id = ColumnInt(s, 0);
  b.version = ColumnInt(s, 1);
  b.position = ColumnInt(s, 2);
  b.src = SplitNumbers(ColumnText(s, 3));
  b.tgt = SplitNumbers(ColumnText(s, 4));
  b.score = ColumnDouble(s, 5);
  b.anchors_json = ColumnText(s, 6);
  ParseBeadStatus(ColumnText(s, 7), &b.status);  // the CHECK constraint admits no other
  b.reviewer = ColumnText(s, 8);
  b.reviewed = ColumnText(s, 9);
  return b;
}

}  // namespace

std::vector<ReviewBead> ReadBeads(const SqliteTm::Impl& impl, int64_t run) {
  Stmt s = impl.Prepare(std::string("SELECT ") + kBeadColumns +
                        " FROM beads WHERE alignment_id = ?1 ORDER BY position, id");
  BindInt(s.get(), 1, run);
  std::vector<ReviewBead> out;
  while (Step(s.get(), impl.path, "cannot read the beads of a run"))
    out.push_back(ReadBead(s.get()));
  return out;
}

bool ReadBeadById(const SqliteTm::Impl& impl, int64_t id, int64_t* run, ReviewBead* bead) {
  Stmt s = impl.Prepare(std::string("SELECT ") + kBeadColumns +
                        ", alignment_id FROM beads WHERE id = ?1");
  BindInt(s.get(), 1, id);
  if (!Step(s.get(), impl.path, "cannot read a bead")) return false;
  *bead = ReadBead(s.get());
  *run = ColumnInt(s.get(), 10);
  return true;
}

std::vector<SegmentEdit> ReadEdits(const SqliteTm::Impl& impl, int64_t run) {
  Stmt s = impl.Prepare(
      "SELECT side, idx, text FROM segment_edits WHERE alignment_id = ?1 ORDER BY side, idx");
  BindInt(s.get(), 1, run);
  std::vector<SegmentEdit> out;
  while (Step(s.get(), impl.path, "cannot read the edits of a run")) {
    out.push_back({ColumnInt(s.get(), 0) == 1, static_cast<size_t>(ColumnInt(s.get(), 1)),
                   ColumnText(s.get(), 2)});
  }
  return out;
}

std::optional<std::string> ReadEdit(const SqliteTm::Impl& impl, int64_t run, bool target,
                                    size_t index) {
  Stmt s = impl.Prepare(
      "SELECT text FROM segment_edits WHERE alignment_id = ?1 AND side = ?2 AND idx = ?3");
  BindInt(s.get(), 1, run);
  BindInt(s.get(), 2, target ? 1 : 0);
  BindInt(s.get(), 3, static_cast<int64_t>(index));
  if (!Step(s.get(), impl.path, "cannot read an edit")) return std::nullopt;
  return ColumnText(s.get(), 0);
}

namespace {

// A bead's side as a unit's text: each segment's edited text, else its
// normalized text, joined by a space (as SaveAlignment joins them).
class SideText {
 public:
  SideText(const SqliteTm::Impl& impl, const RunInfo& run)
      : impl_(impl),
        run_(run),
        edit_(impl.Prepare("SELECT text FROM segment_edits WHERE alignment_id = ?1 AND side = ?2 "
                           "AND idx = ?3")),
        segment_(impl.Prepare("SELECT normalized FROM segments WHERE document_id = ?1 AND idx = "
                              "?2")) {}

  std::string Of(const std::vector<size_t>& numbers, bool target) {
    std::string out;
    for (size_t n : numbers) {
      if (!out.empty()) out.push_back(' ');
      sqlite3_stmt* e = edit_.get();
      Reuse(e);
      BindInt(e, 1, run_.id);
      BindInt(e, 2, target ? 1 : 0);
      BindInt(e, 3, static_cast<int64_t>(n));
      if (Step(e, impl_.path, "cannot read an edit")) {
        out += ColumnText(e, 0);
        continue;
      }
      sqlite3_stmt* s = segment_.get();
      Reuse(s);
      BindInt(s, 1, target ? run_.tgt_document : run_.src_document);
      BindInt(s, 2, static_cast<int64_t>(n));
      if (!Step(s, impl_.path, "cannot read a segment")) {
        throw Error(impl_.path + ": run " + std::to_string(run_.id) + " has no " +
                    (target ? "target" : "source") + " segment " + std::to_string(n));
      }
      out += ColumnText(s, 0);
    }
    return out;
  }

 private:
  const SqliteTm::Impl& impl_;
  const RunInfo& run_;
  Stmt edit_;
  Stmt segment_;
};

bool MakesUnit(const ReviewBead& b) {
  return !b.src.empty() && !b.tgt.empty() && b.status != BeadStatus::kRejected;
}

}  // namespace

void WriteRows(const SqliteTm::Impl& impl, const RunInfo& run, const std::vector<ReviewBead>& old,
               std::vector<ReviewBead>* put, const std::vector<EditChange>& edits) {
  // 1. The provenances of the beads replaced, by their segments (unique per run).
  struct OldProvenance {
    int64_t id = 0;
    int64_t unit = 0;
    std::string source, target, origin;
    bool keep = false;
  };
  std::map<std::pair<std::string, std::string>, OldProvenance> provenances;
  {
    Stmt find = impl.Prepare(
        "SELECT p.id, p.unit_id, u.source, u.target, p.origin FROM provenances p JOIN units u "
        "ON u.id = p.unit_id WHERE p.alignment_id = ?1 AND p.src_segments = ?2 AND "
        "p.tgt_segments = ?3");
    for (const ReviewBead& b : old) {
      if (b.src.empty() || b.tgt.empty()) continue;
      std::pair<std::string, std::string> key{JoinNumbers(b.src), JoinNumbers(b.tgt)};
      sqlite3_stmt* s = find.get();
      Reuse(s);
      BindInt(s, 1, run.id);
      BindText(s, 2, key.first);
      BindText(s, 3, key.second);
      if (Step(s, impl.path, "cannot read provenances")) {
        provenances[key] = {ColumnInt(s, 0), ColumnInt(s, 1), ColumnText(s, 2), ColumnText(s, 3),
                            ColumnText(s, 4)};
      }
    }
  }
  // 2. The beads: the old rows go, the new ones come (an id kept is written again).
  {
    Stmt erase = impl.Prepare("DELETE FROM beads WHERE id = ?1");
    for (const ReviewBead& b : old) {
      Reuse(erase.get());
      BindInt(erase.get(), 1, b.id);
      Step(erase.get(), impl.path, "cannot delete a bead");
    }
    Stmt insert = impl.Prepare(
        "INSERT INTO beads(id, alignment_id, position, src_segments, tgt_segments, score, "
        "anchors, status, reviewer, reviewed, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
        "?9, ?10, ?11)");
    for (ReviewBead& b : *put) {
      sqlite3_stmt* s = insert.get();
      Reuse(s);
      if (b.id > 0) {
        BindInt(s, 1, b.id);
      } else {
        BindNull(s, 1);
      }
      BindInt(s, 2, run.id);
      BindInt(s, 3, b.position);
      BindText(s, 4, JoinNumbers(b.src));
      BindText(s, 5, JoinNumbers(b.tgt));
      BindDouble(s, 6, b.score);
      BindText(s, 7, b.anchors_json);
      BindText(s, 8, BeadStatusName(b.status));
      BindText(s, 9, b.reviewer);
      BindText(s, 10, b.reviewed);
      BindInt(s, 11, b.version);
      Step(s, impl.path, "cannot write a bead");
      b.id = sqlite3_last_insert_rowid(impl.handle());
    }
  }
  // 3. The segment edits.
  {
    Stmt set = impl.Prepare(
        "INSERT OR REPLACE INTO segment_edits(alignment_id, side, idx, text) VALUES (?1, ?2, ?3, "
        "?4)");
    Stmt unset = impl.Prepare(
        "DELETE FROM segment_edits WHERE alignment_id = ?1 AND side = ?2 AND idx = ?3");
    for (const EditChange& e : edits) {
      sqlite3_stmt* s = e.text ? set.get() : unset.get();
      Reuse(s);
      BindInt(s, 1, run.id);
      BindInt(s, 2, e.target ? 1 : 0);
      BindInt(s, 3, static_cast<int64_t>(e.index));
      if (e.text) BindText(s, 4, *e.text);
      Step(s, impl.path, "cannot write a segment edit");
    }
  }
  // 4. The units of the new beads: a provenance whose unit already has the
  // bead's texts and origin stays as it is (a confirmed bead keeps its unit
  // and its place); any other is written anew.
  SideText texts(impl, run);
  UnitWriter writer(impl);
  const std::string now = NowTmxTime();
  struct NewUnit {
    const ReviewBead* bead;
    std::string source, target;
    Origin origin;
  };
  std::vector<NewUnit> fresh;
  for (const ReviewBead& b : *put) {
    if (!MakesUnit(b)) continue;
    NewUnit n{&b, texts.Of(b.src, false), texts.Of(b.tgt, true),
              b.status == BeadStatus::kEdited ? Origin::kEdited : Origin::kAligned};
    auto it = provenances.find({JoinNumbers(b.src), JoinNumbers(b.tgt)});
    if (it != provenances.end() && it->second.source == n.source && it->second.target == n.target &&
        it->second.origin == OriginName(n.origin)) {
      it->second.keep = true;
      continue;
    }
    fresh.push_back(std::move(n));
  }
  std::set<int64_t> maybe_orphans;
  {
    Stmt erase = impl.Prepare("DELETE FROM provenances WHERE id = ?1");
    for (const auto& [key, p] : provenances) {
      if (p.keep) continue;
      Reuse(erase.get());
      BindInt(erase.get(), 1, p.id);
      Step(erase.get(), impl.path, "cannot delete a provenance");
      maybe_orphans.insert(p.unit);
    }
  }
  for (const NewUnit& n : fresh) {
    const ReviewBead& b = *n.bead;
    UnitRow row;
    row.src_lang = run.src_lang;
    row.tgt_lang = run.tgt_lang;
    row.source = n.source;
    row.target = n.target;
    row.score = b.score;
    row.origin = n.origin;
    row.created = now;
    bool added = false;
    const int64_t unit = writer.Upsert(row, &added);
    maybe_orphans.erase(unit);
    const std::string src_segments = JoinNumbers(b.src), tgt_segments = JoinNumbers(b.tgt);
    const std::string bead_type = std::to_string(b.src.size()) + "-" + std::to_string(b.tgt.size());
    ProvenanceRow prov;
    prov.alignment_id = run.id;
    prov.document = run.label;
    prov.origin = n.origin;
    prov.score = b.score;
    prov.bead_type = bead_type;
    prov.src_segments = src_segments;
    prov.tgt_segments = tgt_segments;
    prov.anchors_json = b.anchors_json;
    prov.created = now;
    writer.AddProvenance(unit, prov);
  }
  // 5. Units no provenance keeps any more go, out of the search indexes first.
  if (maybe_orphans.empty()) return;
  Stmt orphan = impl.Prepare(
      "SELECT source, target, match_key FROM units u WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM "
      "provenances WHERE unit_id = u.id)");
  Stmt erase = impl.Prepare("DELETE FROM units WHERE id = ?1");
  UnitIndexEraser eraser(impl);
  for (int64_t unit : maybe_orphans) {
    Reuse(orphan.get());
    BindInt(orphan.get(), 1, unit);
    if (!Step(orphan.get(), impl.path, "cannot read translation units")) continue;
    const std::string source = ColumnText(orphan.get(), 0), target = ColumnText(orphan.get(), 1),
                      match_key = ColumnText(orphan.get(), 2);
    Reuse(orphan.get());
    eraser.Erase(unit, match_key, source, target);
    Reuse(erase.get());
    BindInt(erase.get(), 1, unit);
    Step(erase.get(), impl.path, "cannot delete a translation unit");
  }
  eraser.Finish();
}

}  // namespace internal
}  // namespace ancre::tm
