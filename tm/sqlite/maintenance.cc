// SQLite TM maintenance: statistics, integrity check, prune, merge.
#include <algorithm>
#include <filesystem>
#include <map>

#include "src/core/language_tag.h"
#include "tm/errors.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

int64_t Count(const internal::SqliteTm::Impl& impl, const char* sql) {
  Stmt s = impl.Prepare(sql);
  return Step(s.get(), impl.path, "cannot read the database") ? ColumnInt(s.get(), 0) : 0;
}

std::vector<TmStats::Count> Counts(const internal::SqliteTm::Impl& impl, const char* sql) {
  std::vector<TmStats::Count> out;
  Stmt s = impl.Prepare(sql);
  while (Step(s.get(), impl.path, "cannot read the database")) {
    out.push_back({ColumnText(s.get(), 0), ColumnInt(s.get(), 1)});
  }
  return out;
}

// Deletes the TUs selected by `select_sql` (columns: id, source, target, match_key),
// keeping the three indexes in step; provenances and extras go by ON DELETE
// CASCADE. Returns how many were deleted.
int64_t DeleteUnits(const internal::SqliteTm::Impl& impl, const std::string& select_sql,
                    double parameter, bool bind_parameter) {
  Stmt select = impl.Prepare(select_sql);
  if (bind_parameter) BindDouble(select.get(), 1, parameter);
  struct Doomed {
    int64_t id;
    std::string source;
    std::string target;
    std::string match_key;
  };
  std::vector<Doomed> doomed;
  while (Step(select.get(), impl.path, "cannot read translation units")) {
    doomed.push_back({ColumnInt(select.get(), 0), ColumnText(select.get(), 1),
                      ColumnText(select.get(), 2), ColumnText(select.get(), 3)});
  }
  internal::UnitIndexEraser eraser(impl);
  Stmt delete_unit = impl.Prepare("DELETE FROM units WHERE id = ?1");
  for (const auto& [id, source, target, match_key] : doomed) {
    eraser.Erase(id, match_key, source, target);
    Reuse(delete_unit.get());
    BindInt(delete_unit.get(), 1, id);
    Step(delete_unit.get(), impl.path, "cannot delete a translation unit");
  }
  eraser.Finish();
  return static_cast<int64_t>(doomed.size());
}

}  // namespace

TmStats internal::SqliteTm::Stats() const {
  const Impl& impl = *impl_;
  TmStats st;
  st.schema_version = static_cast<int>(Count(impl, "PRAGMA user_version"));
  st.file_bytes = Count(impl, "PRAGMA page_count") * Count(impl, "PRAGMA page_size");
  st.documents = Count(impl, "SELECT count(*) FROM documents");
  st.segments = Count(impl, "SELECT count(*) FROM segments");
  st.alignments = Count(impl, "SELECT count(*) FROM alignments");
  st.units = Count(impl, "SELECT count(*) FROM units");
  st.provenances = Count(impl, "SELECT count(*) FROM provenances");
  st.anchors = Count(impl, "SELECT count(*) FROM anchors");
  // Tags are read canonically, so that "fr_FR" stored by an older ancre counts
  // with "fr-FR".
  std::map<std::string, int64_t> by_pair;
  for (const TmStats::Count& c : Counts(impl,
                                        "SELECT src_lang || char(9) || tgt_lang, count(*) FROM "
                                        "units GROUP BY 1")) {
    const size_t tab = c.name.find('\t');
    by_pair[NormalizeLanguageTag(c.name.substr(0, tab)) + "→" +
            NormalizeLanguageTag(c.name.substr(tab + 1))] += c.count;
  }
  for (const auto& [name, count] : by_pair) st.units_by_lang_pair.push_back({name, count});
  std::stable_sort(
      st.units_by_lang_pair.begin(), st.units_by_lang_pair.end(),
      [](const TmStats::Count& a, const TmStats::Count& b) { return a.count > b.count; });
  static const struct {
    const char* name;
    double min;
  } kBands[] = {{"0.90–1.00", 0.9},
                {"0.80–0.89", 0.8},
                {"0.60–0.79", 0.6},
                {"0.40–0.59", 0.4},
                {"0.00–0.39", -1e300}};
  Stmt band = impl.Prepare("SELECT count(*) FROM units WHERE score >= ?1 AND score < ?2");
  double upper = 1e300;
  for (const auto& b : kBands) {
    Reuse(band.get());
    BindDouble(band.get(), 1, b.min);
    BindDouble(band.get(), 2, upper);
    Step(band.get(), impl.path, "cannot read the database");
    st.units_by_score.push_back({b.name, ColumnInt(band.get(), 0)});
    upper = b.min;
  }
  st.units_by_origin =
      Counts(impl, "SELECT origin, count(*) FROM units GROUP BY 1 ORDER BY 2 DESC, 1");
  // Each unit is classified only in a TM that may hold comparable pairs.
  const bool any_comparable =
      QueryInt(impl,
               "SELECT EXISTS (SELECT 1 FROM alignments WHERE mode = 'comparable') OR EXISTS "
               "(SELECT 1 FROM unit_extras WHERE kind = 'prop' AND type = 'x-mode' AND value = "
               "'comparable')") != 0;
  if (!any_comparable) {
    if (st.units > 0) st.units_by_mode.push_back({"parallel", st.units});
  } else {
    const std::string by_mode = "SELECT CASE WHEN " + internal::ComparableCondition("units") +
                                " THEN 'comparable' ELSE 'parallel' END, count(*) FROM units "
                                "GROUP BY 1 ORDER BY 2 DESC, 1";
    st.units_by_mode = Counts(impl, by_mode.c_str());
  }
  st.anchors_by_kind =
      Counts(impl, "SELECT kind, count(*) FROM anchors GROUP BY 1 ORDER BY 2 DESC, 1");
  if (internal::HasReviewTables(impl)) {
    st.beads_by_status =
        Counts(impl, "SELECT status, count(*) FROM beads GROUP BY 1 ORDER BY 2 DESC, 1");
  }
  return st;
}

std::vector<DocumentInfo> internal::SqliteTm::Documents() const {
  const Impl& impl = *impl_;
  Stmt s = impl.Prepare(
      "SELECT d.id, d.path, d.lang, d.title, d.content_hash, (SELECT count(*) FROM segments "
      "WHERE document_id = d.id) FROM documents d ORDER BY d.id");
  std::vector<DocumentInfo> docs;
  while (Step(s.get(), impl.path, "cannot read documents")) {
    docs.push_back({ColumnInt(s.get(), 0), ColumnText(s.get(), 1),
                    NormalizeLanguageTag(ColumnText(s.get(), 2)), ColumnText(s.get(), 3),
                    ColumnText(s.get(), 4), ColumnInt(s.get(), 5)});
  }
  return docs;
}

CheckReport internal::SqliteTm::Check() const {
  const Impl& impl = *impl_;
  CheckReport report;
  {
    Stmt s = impl.Prepare("PRAGMA integrity_check");
    while (Step(s.get(), impl.path, "cannot check the database")) {
      std::string line = ColumnText(s.get(), 0);
      if (line != "ok") report.integrity_problems.push_back(line);
    }
  }
  {
    Stmt s = impl.Prepare("PRAGMA foreign_key_check");
    while (Step(s.get(), impl.path, "cannot check the database")) {
      report.foreign_key_problems.push_back(ColumnText(s.get(), 0) + " row " +
                                            std::to_string(ColumnInt(s.get(), 1)) +
                                            " refers to a missing " + ColumnText(s.get(), 2));
    }
  }
  // Units stored but not yet indexed (schema v3; older files index in the write).
  if (Count(impl, "PRAGMA user_version") >= 3)
    report.unindexed_units = internal::UnindexedUnits(impl);
  // FTS5 'integrity-check' reads only, but is written as an INSERT: it needs a
  // writable connection. It compares each index with its content table, so it
  // can only agree when every unit is indexed.
  if (!impl.read_only && report.unindexed_units == 0) {
    for (const char* table : {"unit_text", "unit_trigrams", "unit_words"}) {
      std::string sql =
          std::string("INSERT INTO ") + table + "(" + table + ") VALUES ('integrity-check')";
      int rc = sqlite3_exec(impl.handle(), sql.c_str(), nullptr, nullptr, nullptr);
      if (rc != SQLITE_OK) {
        report.integrity_problems.push_back(std::string("index ") + table +
                                            " does not match the stored units (" +
                                            sqlite3_errmsg(impl.handle()) + ")");
      }
    }
  }
  const int64_t units = Count(impl, "SELECT count(*) FROM units");
  const int64_t indexed = Count(impl, "SELECT count(*) FROM unit_words");
  if (units - report.unindexed_units != indexed) {
    report.integrity_problems.push_back(
        "the word index holds " + std::to_string(indexed) + " entries for " +
        std::to_string(units - report.unindexed_units) + " indexed units");
  }
  report.units_without_provenance = Count(
      impl,
      "SELECT count(*) FROM units u WHERE NOT EXISTS (SELECT 1 FROM provenances WHERE unit_id = "
      "u.id)");
  report.documents_without_alignment =
      Count(impl,
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM alignments a WHERE "
            "a.src_document_id = d.id OR a.tgt_document_id = d.id)");
  report.duplicate_units = Count(
      impl,
      "SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM units GROUP BY src_lang, "
      "tgt_lang, source, target HAVING c > 1)");
  return report;
}

PruneResult internal::SqliteTm::Prune(const PruneOptions& options) {
  Impl& impl = *impl_;
  if (options.below < 0 && options.document_id == 0) {
    throw UsageError(
        "prune: nothing to remove: set PruneOptions::below (a score) and/or "
        "PruneOptions::document_id");
  }
  // A dry run deletes inside a transaction that is rolled back, so it needs write access too.
  impl.RequireWritable("cannot prune");
  auto counts = [&impl] {
    return PruneResult{Count(impl, "SELECT count(*) FROM units"),
                       Count(impl, "SELECT count(*) FROM provenances"),
                       Count(impl, "SELECT count(*) FROM documents"),
                       Count(impl, "SELECT count(*) FROM alignments"),
                       Count(impl, "SELECT count(*) FROM segments")};
  };
  internal::Transaction tx(impl.handle(), impl.path);
  const PruneResult before = counts();
  if (options.document_id != 0) {
    Stmt exists = impl.Prepare("SELECT 1 FROM documents WHERE id = ?1");
    BindInt(exists.get(), 1, options.document_id);
    if (!Step(exists.get(), impl.path, "cannot read documents")) {
      throw RecordNotFound(RecordNotFound::Kind::kDocument, options.document_id, impl.path);
    }
    impl.Exec(
        "CREATE TEMP TABLE IF NOT EXISTS prune_units(id INTEGER PRIMARY KEY);"
        "DELETE FROM temp.prune_units;");
    Stmt collect = impl.Prepare(
        "INSERT OR IGNORE INTO temp.prune_units SELECT p.unit_id FROM provenances p JOIN "
        "alignments a ON a.id = p.alignment_id WHERE a.src_document_id = ?1 OR "
        "a.tgt_document_id = ?1");
    BindInt(collect.get(), 1, options.document_id);
    Step(collect.get(), impl.path, "cannot prune");
    Stmt drop_runs =
        impl.Prepare("DELETE FROM alignments WHERE src_document_id = ?1 OR tgt_document_id = ?1");
    BindInt(drop_runs.get(), 1, options.document_id);
    Step(drop_runs.get(), impl.path, "cannot prune");
    Stmt drop_doc = impl.Prepare("DELETE FROM documents WHERE id = ?1");
    BindInt(drop_doc.get(), 1, options.document_id);
    Step(drop_doc.get(), impl.path, "cannot prune");
    DeleteUnits(impl,
                "SELECT u.id, u.source, u.target, u.match_key FROM temp.prune_units t JOIN units u "
                "ON u.id = t.id WHERE "
                "NOT EXISTS (SELECT 1 FROM provenances WHERE unit_id = u.id)",
                0, false);
    // Units that keep other provenances keep the best remaining score.
    impl.Exec(
        "UPDATE units SET score = (SELECT max(score) FROM provenances WHERE unit_id = units.id) "
        "WHERE id IN (SELECT id FROM temp.prune_units)");
    impl.Exec("DELETE FROM temp.prune_units");
  }
  if (options.below >= 0) {
    DeleteUnits(impl, "SELECT id, source, target, match_key FROM units WHERE score < ?1",
                options.below, true);
  }
  const PruneResult after = counts();
  PruneResult removed{before.units - after.units, before.provenances - after.provenances,
                      before.documents - after.documents, before.alignments - after.alignments,
                      before.segments - after.segments};
  if (!options.dry_run) tx.Commit();  // else the guard rolls everything back
  return removed;
}

MergeResult internal::SqliteTm::Merge(const Backend& other_tm) {
  Impl& impl = *impl_;
  impl.RequireWritable("cannot merge into it");
  const auto* from = dynamic_cast<const SqliteTm*>(&other_tm);
  if (from == nullptr) {
    throw Error(other_tm.name() +
                ": only another SQLite translation memory can be merged into a SQLite one");
  }
  const std::string& other = from->impl_->path;
  std::error_code ec;
  if (from == this || (impl.path != ":memory:" && other != ":memory:" &&
                       std::filesystem::equivalent(impl.path, other, ec))) {
    throw Error(other + ": is the translation memory being merged into; give another file");
  }
  if (other == ":memory:") {
    throw Error(other +
                ": an in-memory translation memory cannot be merged from; save it to a "
                "file first");
  }
  if (Count(*from->impl_, "PRAGMA user_version") < kOldestReadableSchema) {
    throw DbError(other +
                      ": schema differs from this ancre's; open it once with "
                      "this ancre to upgrade it",
                  SQLITE_ERROR);
  }
  // ATTACH cannot run inside a transaction.
  Stmt attach = impl.Prepare("ATTACH DATABASE ?1 AS other");
  BindText(attach.get(), 1, internal::FileUri(other, "mode=ro"));
  Step(attach.get(), impl.path, "cannot open the other translation memory");
  struct Detach {
    const Impl& impl;
    ~Detach() { sqlite3_exec(impl.handle(), "DETACH DATABASE other", nullptr, nullptr, nullptr); }
  } detach{impl};

  MergeResult result;
  {
    internal::Transaction tx(impl.handle(), impl.path);
    auto changes = [&impl] { return static_cast<int64_t>(sqlite3_changes(impl.handle())); };
    impl.Exec(
        "INSERT OR IGNORE INTO main.documents(path, content_hash, segmentation_hash, lang, title, "
        "doc_date, bytes, imported) SELECT path, content_hash, segmentation_hash, lang, title, "
        "doc_date, bytes, imported FROM other.documents ORDER BY id");
    result.documents_added = changes();
    impl.Exec(
        "DROP TABLE IF EXISTS temp.merge_docs; DROP TABLE IF EXISTS temp.merge_alignments; "
        "DROP TABLE IF EXISTS temp.merge_units;"
        "CREATE TEMP TABLE merge_docs AS SELECT o.id AS old, m.id AS new FROM other.documents o "
        "JOIN main.documents m USING (content_hash, lang, segmentation_hash);"
        "INSERT OR IGNORE INTO main.segments(document_id, idx, paragraph, byte_begin, byte_end, "
        "original, normalized) SELECT d.new, s.idx, s.paragraph, s.byte_begin, s.byte_end, "
        "s.original, s.normalized FROM other.segments s JOIN temp.merge_docs d ON d.old = "
        "s.document_id ORDER BY s.id;"
        "INSERT OR IGNORE INTO main.anchors(segment_id, kind, subtype, text, byte_begin, "
        "byte_end, key, weight) SELECT ms.id, a.kind, a.subtype, a.text, a.byte_begin, "
        "a.byte_end, a.key, a.weight FROM other.anchors a JOIN other.segments os ON os.id = "
        "a.segment_id JOIN temp.merge_docs d ON d.old = os.document_id JOIN main.segments ms ON "
        "ms.document_id = d.new AND ms.idx = os.idx ORDER BY a.id;");
    impl.Exec(
        "INSERT OR IGNORE INTO main.alignments(src_document_id, tgt_document_id, mode, parameters, "
        "ancre_version, label, created) SELECT ds.new, dt.new, a.mode, a.parameters, "
        "a.ancre_version, a.label, a.created FROM other.alignments a JOIN temp.merge_docs ds ON "
        "ds.old = a.src_document_id JOIN temp.merge_docs dt ON dt.old = a.tgt_document_id ORDER "
        "BY a.id");
    result.alignments_added = changes();
    impl.Exec(
        "CREATE TEMP TABLE merge_alignments AS SELECT o.id AS old, m.id AS new FROM "
        "other.alignments o JOIN temp.merge_docs ds ON ds.old = o.src_document_id JOIN "
        "temp.merge_docs dt ON dt.old = o.tgt_document_id JOIN main.alignments m ON "
        "m.src_document_id = ds.new AND m.tgt_document_id = dt.new AND m.mode = o.mode AND "
        "m.parameters = o.parameters;"
        "CREATE TEMP TABLE merge_units(old INTEGER PRIMARY KEY, new INTEGER NOT NULL);");

    internal::UnitWriter writer(impl);
    Stmt units = impl.Prepare(
        "SELECT id, src_lang, tgt_lang, source, target, source_markup, target_markup, score, "
        "origin, created, tuid, has_extras FROM other.units ORDER BY id");
    Stmt extras = impl.Prepare(
        "SELECT kind, type, value FROM other.unit_extras WHERE unit_id = ?1 ORDER BY position");
    Stmt map = impl.Prepare("INSERT INTO temp.merge_units(old, new) VALUES (?1, ?2)");
    while (Step(units.get(), impl.path, "cannot read the other translation memory")) {
      sqlite3_stmt* r = units.get();
      std::string src_lang = ColumnText(r, 1), tgt_lang = ColumnText(r, 2);
      std::string source = ColumnText(r, 3), target = ColumnText(r, 4);
      std::string source_markup = ColumnText(r, 5), target_markup = ColumnText(r, 6);
      std::string origin = ColumnText(r, 8), created = ColumnText(r, 9), tuid = ColumnText(r, 10);
      std::vector<Prop> props;
      std::vector<std::string> notes;
      if (ColumnInt(r, 11) != 0) {
        Reuse(extras.get());
        BindInt(extras.get(), 1, ColumnInt(r, 0));
        while (Step(extras.get(), impl.path, "cannot read the other translation memory")) {
          if (ColumnText(extras.get(), 0) == "note") {
            notes.push_back(ColumnText(extras.get(), 2));
          } else {
            props.push_back({ColumnText(extras.get(), 1), ColumnText(extras.get(), 2)});
          }
        }
      }
      internal::UnitRow row;
      row.src_lang = src_lang;
      row.tgt_lang = tgt_lang;
      row.source = source;
      row.target = target;
      row.source_markup = source_markup;
      row.target_markup = target_markup;
      row.score = ColumnDouble(r, 7);
      ParseOrigin(origin, &row.origin);  // the CHECK constraint admits no other
      row.created = created;
      row.tuid = tuid;
      row.props = &props;
      row.notes = &notes;
      bool added = false;
      const int64_t id = writer.Upsert(row, &added);
      ++(added ? result.units_added : result.units_existing);
      Reuse(map.get());
      BindInt(map.get(), 1, ColumnInt(r, 0));
      BindInt(map.get(), 2, id);
      Step(map.get(), impl.path, "cannot merge");
    }
    impl.Exec(
        "INSERT OR IGNORE INTO main.provenances(unit_id, alignment_id, document, origin, score, "
        "bead_type, src_segments, tgt_segments, anchors, created) SELECT mu.new, ma.new, "
        "p.document, p.origin, p.score, p.bead_type, p.src_segments, p.tgt_segments, p.anchors, "
        "p.created FROM other.provenances p JOIN temp.merge_units mu ON mu.old = p.unit_id LEFT "
        "JOIN temp.merge_alignments ma ON ma.old = p.alignment_id ORDER BY p.id");
    result.provenances_added = changes();
    impl.Exec(
        "DROP TABLE temp.merge_docs; DROP TABLE temp.merge_alignments; DROP TABLE "
        "temp.merge_units;");
    tx.Commit();
  }
  if (impl.index_after_write) internal::IndexAfterCommit(impl);
  return result;
}

}  // namespace ancre::tm
