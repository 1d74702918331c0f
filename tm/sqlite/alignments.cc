// Reading stored alignment runs back: the runs of a document, and one run with
// its documents' segments and anchors and its beads (for reports).
#include <charconv>

#include "src/core/bead_json.h"
#include "tm/errors.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

constexpr const char* kRunColumns =
    "SELECT a.id, a.mode, a.label, a.created, a.parameters, s.id, s.path, s.lang, s.title, "
    "s.content_hash, (SELECT count(*) FROM segments WHERE document_id = s.id), t.id, t.path, "
    "t.lang, t.title, t.content_hash, (SELECT count(*) FROM segments WHERE document_id = t.id), "
    "(SELECT count(*) FROM provenances WHERE alignment_id = a.id) FROM alignments a JOIN "
    "documents s ON s.id = a.src_document_id JOIN documents t ON t.id = a.tgt_document_id";

StoredRun ReadRun(sqlite3_stmt* s) {
  StoredRun run;
  run.id = ColumnInt(s, 0);
  run.mode = ColumnText(s, 1);
  run.label = ColumnText(s, 2);
  run.created = ColumnText(s, 3);
  run.parameters = ColumnText(s, 4);
  run.source = {ColumnInt(s, 5),  ColumnText(s, 6), ColumnText(s, 7),
                ColumnText(s, 8), ColumnText(s, 9), ColumnInt(s, 10)};
  run.target = {ColumnInt(s, 11),  ColumnText(s, 12), ColumnText(s, 13),
                ColumnText(s, 14), ColumnText(s, 15), ColumnInt(s, 16)};
  run.pairs = ColumnInt(s, 17);
  return run;
}

// "3,4" -> {3, 4}. Returns false for anything else.
bool ParseIndices(std::string_view text, std::vector<size_t>* out) {
  out->clear();
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find(',', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data() + begin, text.data() + end, value);
    if (ec != std::errc() || ptr != text.data() + end) return false;
    out->push_back(value);
    begin = end + 1;
  }
  return !out->empty();
}

// Every segment of a document with its anchors, spans made relative to the
// segment's original text.
std::vector<StoredSegment> LoadSegments(const internal::SqliteTm::Impl& impl, int64_t document_id) {
  Stmt segments = impl.Prepare(
      "SELECT id, idx, byte_begin, original, normalized FROM segments WHERE document_id = ?1 ORDER "
      "BY idx");
  Stmt anchors = impl.Prepare(
      "SELECT kind, subtype, text, byte_begin, byte_end, key, weight FROM anchors WHERE "
      "segment_id = ?1 ORDER BY byte_begin, id");
  BindInt(segments.get(), 1, document_id);
  std::vector<StoredSegment> out;
  while (Step(segments.get(), impl.path, "cannot read segments")) {
    sqlite3_stmt* s = segments.get();
    StoredSegment seg;
    seg.index = static_cast<size_t>(ColumnInt(s, 1));
    const int64_t begin = ColumnInt(s, 2);
    seg.original = ColumnText(s, 3);
    seg.text = ColumnText(s, 4);
    sqlite3_stmt* a = anchors.get();
    Reuse(a);
    BindInt(a, 1, ColumnInt(s, 0));
    while (Step(a, impl.path, "cannot read anchors")) {
      Anchor anchor;
      if (!ParseAnchorKind(ColumnText(a, 0), &anchor.kind)) continue;
      anchor.subtype = ColumnText(a, 1);
      anchor.text = ColumnText(a, 2);
      anchor.key = ColumnText(a, 5);
      anchor.weight = ColumnDouble(a, 6);
      // Spans count bytes of the input as given; they are offsets into the
      // UTF-8 original unless the input was in another encoding, where the
      // anchor's text is looked for instead.
      const int64_t relative = ColumnInt(a, 3) - begin;
      const size_t length = anchor.text.size();
      size_t at = std::string::npos;
      if (relative >= 0 && static_cast<size_t>(relative) + length <= seg.original.size() &&
          seg.original.compare(static_cast<size_t>(relative), length, anchor.text) == 0) {
        at = static_cast<size_t>(relative);
      } else if (length > 0) {
        at = seg.original.find(anchor.text);
      }
      if (at == std::string::npos || length == 0) continue;
      anchor.span = {at, at + length};
      seg.anchors.push_back(std::move(anchor));
    }
    out.push_back(std::move(seg));
  }
  return out;
}

}  // namespace

std::vector<StoredRun> internal::SqliteTm::Alignments(int64_t document_id) const {
  const Impl& impl = *impl_;
  std::string sql = kRunColumns;
  if (document_id > 0) sql += " WHERE a.src_document_id = ?1 OR a.tgt_document_id = ?1";
  sql += " ORDER BY a.id";
  Stmt s = impl.Prepare(sql);
  if (document_id > 0) BindInt(s.get(), 1, document_id);
  std::vector<StoredRun> runs;
  while (Step(s.get(), impl.path, "cannot read alignment runs")) runs.push_back(ReadRun(s.get()));
  return runs;
}

StoredAlignment internal::SqliteTm::LoadAlignment(int64_t alignment_id) const {
  const Impl& impl = *impl_;
  StoredAlignment out;
  {
    Stmt s = impl.Prepare(std::string(kRunColumns) + " WHERE a.id = ?1");
    BindInt(s.get(), 1, alignment_id);
    if (!Step(s.get(), impl.path, "cannot read alignment runs")) {
      throw RecordNotFound(RecordNotFound::Kind::kAlignmentRun, alignment_id, impl.path);
    }
    out.run = ReadRun(s.get());
  }
  out.source = LoadSegments(impl, out.run.source.id);
  out.target = LoadSegments(impl, out.run.target.id);
  // One provenance per bead with both sides, written in bead order; once the
  // run is reviewed, its beads in their order, rejected ones left out.
  Stmt beads = impl.Prepare(
      internal::RunIsReviewed(impl, alignment_id)
          ? "SELECT src_segments, tgt_segments, score, anchors FROM beads WHERE alignment_id = ?1 "
            "AND status != 'rejected' AND src_segments != '' AND tgt_segments != '' ORDER BY "
            "position, id"
          : "SELECT src_segments, tgt_segments, score, anchors FROM provenances WHERE "
            "alignment_id = ?1 ORDER BY id");
  BindInt(beads.get(), 1, alignment_id);
  while (Step(beads.get(), impl.path, "cannot read the beads of an alignment")) {
    sqlite3_stmt* s = beads.get();
    Bead b;
    if (!ParseIndices(ColumnText(s, 0), &b.src) || !ParseIndices(ColumnText(s, 1), &b.tgt)) {
      continue;
    }
    b.score = ColumnDouble(s, 2);
    b.anchors = SharedAnchorsFromJson(ColumnText(s, 3));  // old "source"/"target" keys too
    out.beads.push_back(std::move(b));
  }
  return out;
}

}  // namespace ancre::tm
