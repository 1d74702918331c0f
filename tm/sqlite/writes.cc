// The write and read paths of whole records in the SQLite TM: SaveAlignment, AddUnits, ForEachUnit.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <map>
#include <unordered_map>
#include <utility>

#include "src/core/bead_json.h"
#include "src/core/language_tag.h"
#include "src/core/version.h"
#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_memory.h"
#include "tm/unit_feed.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

struct StoredDoc {
  int64_t id = 0;
  bool added = false;
  size_t segments_added = 0;
};

StoredDoc StoreDocument(const internal::SqliteTm::Impl& impl, const DocumentRecord& doc,
                        const std::string& now) {
  if (!doc.document) throw Error(doc.path + ": no segments given to store");
  const auto& segments = doc.document->segments;
  if (!doc.originals.empty() && doc.originals.size() != segments.size()) {
    throw Error(doc.path + ": " + std::to_string(doc.originals.size()) + " original texts for " +
                std::to_string(segments.size()) + " segments");
  }
  std::string spans;
  for (const auto& s : segments) {
    spans += std::to_string(s.span.begin) + "-" + std::to_string(s.span.end) + "/" +
             std::to_string(s.paragraph) + ";";
  }
  const std::string content_hash = Sha256Hex(doc.content);
  const std::string segmentation_hash = Sha256Hex(spans);
  Stmt find = impl.Prepare(
      "SELECT id FROM documents WHERE content_hash = ?1 AND lang = ?2 AND segmentation_hash = ?3");
  BindText(find.get(), 1, content_hash);
  const std::string language = NormalizeLanguageTag(doc.language);  // stored canonical: fr-FR
  BindText(find.get(), 2, language);
  BindText(find.get(), 3, segmentation_hash);
  StoredDoc stored;
  if (Step(find.get(), impl.path, "cannot look up a document")) {
    stored.id = ColumnInt(find.get(), 0);
    return stored;
  }
  Stmt insert = impl.Prepare(
      "INSERT INTO documents(path, content_hash, segmentation_hash, lang, title, doc_date, bytes, "
      "imported) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  BindText(insert.get(), 1, doc.path);
  BindText(insert.get(), 2, content_hash);
  BindText(insert.get(), 3, segmentation_hash);
  BindText(insert.get(), 4, language);
  BindText(insert.get(), 5, doc.title);
  BindText(insert.get(), 6, doc.date);
  BindInt(insert.get(), 7, static_cast<int64_t>(doc.content.size()));
  BindText(insert.get(), 8, now);
  Step(insert.get(), impl.path, "cannot add a document");
  stored.id = sqlite3_last_insert_rowid(impl.handle());
  stored.added = true;

  Stmt seg = impl.Prepare(
      "INSERT INTO segments(document_id, idx, paragraph, byte_begin, byte_end, original, "
      "normalized) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Stmt anchor = impl.Prepare(
      "INSERT OR IGNORE INTO anchors(segment_id, kind, subtype, text, byte_begin, byte_end, key, "
      "weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = segments[i];
    std::string_view original;
    if (!doc.originals.empty()) {
      original = doc.originals[i];
    } else if (s.span.end <= doc.content.size() && s.span.begin <= s.span.end) {
      original = doc.content.substr(s.span.begin, s.span.size());
    } else {
      throw Error(doc.path + ": segment " + std::to_string(i) + " lies outside the document");
    }
    sqlite3_stmt* st = seg.get();
    Reuse(st);
    BindInt(st, 1, stored.id);
    BindInt(st, 2, static_cast<int64_t>(s.number));
    BindInt(st, 3, static_cast<int64_t>(s.paragraph));
    BindInt(st, 4, static_cast<int64_t>(s.span.begin));
    BindInt(st, 5, static_cast<int64_t>(s.span.end));
    BindText(st, 6, original);
    BindText(st, 7, s.text);
    Step(st, impl.path, "cannot add a segment");
    ++stored.segments_added;
    if (!doc.anchors || i >= doc.anchors->size()) continue;
    const int64_t segment_id = sqlite3_last_insert_rowid(impl.handle());
    for (const Anchor& a : (*doc.anchors)[i]) {
      sqlite3_stmt* at = anchor.get();
      Reuse(at);
      BindInt(at, 1, segment_id);
      BindText(at, 2, AnchorKindName(a.kind));
      BindText(at, 3, a.subtype);
      BindText(at, 4, a.text);
      BindInt(at, 5, static_cast<int64_t>(a.span.begin));
      BindInt(at, 6, static_cast<int64_t>(a.span.end));
      BindText(at, 7, a.key);
      BindDouble(at, 8, a.weight);
      Step(at, impl.path, "cannot add an anchor");
    }
  }
  return stored;
}

// The segments a bead names by position in doc, checked: their texts joined
// by a space into *text, their numbers (Segment::number) comma-separated into
// *numbers. Throws Error for a position the document does not have.
void BeadSide(const std::vector<size_t>& positions, const Document& doc, const std::string& path,
              std::string* text, std::string* numbers) {
  for (size_t p : positions) {
    if (p >= doc.segments.size()) {
      throw Error(path + ": the alignment names segment " + std::to_string(p) +
                  ", which the document does not have");
    }
    if (!text->empty()) text->push_back(' ');
    *text += doc.segments[p].text;
    if (!numbers->empty()) numbers->push_back(',');
    *numbers += std::to_string(doc.segments[p].number);
  }
}

}  // namespace

SaveResult internal::SqliteTm::SaveAlignment(const DocumentRecord& source,
                                             const DocumentRecord& target,
                                             const Alignment& alignment,
                                             const AlignmentRecord& run) {
  Impl& impl = *impl_;
  impl.RequireWritable("cannot store the alignment");
  if (!source.document || !target.document) throw Error("SaveAlignment: segments are required");
  const std::string now = internal::NowTmxTime();
  internal::Transaction tx(impl.handle(), impl.path);
  SaveResult result;
  StoredDoc src = StoreDocument(impl, source, now);
  StoredDoc tgt = StoreDocument(impl, target, now);
  result.documents_added = (src.added ? 1 : 0) + (tgt.added ? 1 : 0);
  result.segments_added = src.segments_added + tgt.segments_added;

  Stmt find = impl.Prepare(
      "SELECT id FROM alignments WHERE src_document_id = ?1 AND tgt_document_id = ?2 AND mode = ?3 "
      "AND parameters = ?4");
  BindInt(find.get(), 1, src.id);
  BindInt(find.get(), 2, tgt.id);
  BindText(find.get(), 3, run.mode);
  BindText(find.get(), 4, run.parameters);
  if (Step(find.get(), impl.path, "cannot look up an alignment")) {
    result.alignment_id = ColumnInt(find.get(), 0);
    result.already_stored = true;
    tx.Commit();
    return result;
  }
  const std::string label = run.label.empty() ? source.path + " | " + target.path : run.label;
  Stmt insert = impl.Prepare(
      "INSERT INTO alignments(src_document_id, tgt_document_id, mode, parameters, ancre_version, "
      "label, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  BindInt(insert.get(), 1, src.id);
  BindInt(insert.get(), 2, tgt.id);
  BindText(insert.get(), 3, run.mode);
  BindText(insert.get(), 4, run.parameters);
  BindText(insert.get(), 5, kVersion);
  BindText(insert.get(), 6, label);
  BindText(insert.get(), 7, now);
  Step(insert.get(), impl.path, "cannot add an alignment");
  result.alignment_id = sqlite3_last_insert_rowid(impl.handle());

  internal::UnitWriter writer(impl);
  const std::string src_lang = NormalizeLanguageTag(source.language);
  const std::string tgt_lang = NormalizeLanguageTag(target.language);
  for (const Bead& bead : alignment.beads) {
    if (bead.src.empty() || bead.tgt.empty()) {
      ++result.beads_skipped;
      continue;
    }
    std::string src_text, tgt_text, src_segments, tgt_segments;
    BeadSide(bead.src, *source.document, source.path, &src_text, &src_segments);
    BeadSide(bead.tgt, *target.document, target.path, &tgt_text, &tgt_segments);
    if (src_text.empty() || tgt_text.empty()) {
      ++result.beads_skipped;
      continue;
    }
    const std::string bead_type = bead.type();
    // No evidence is stored as no value (TMX export leaves the prop out).
    const std::string anchors =
        bead.anchors.empty() ? std::string() : SharedAnchorsJson(bead.anchors);
    internal::UnitRow row;
    row.src_lang = src_lang;
    row.tgt_lang = tgt_lang;
    row.source = src_text;
    row.target = tgt_text;
    row.score = bead.score;
    row.origin = Origin::kAligned;
    row.created = now;
    bool added = false;
    const int64_t unit_id = writer.Upsert(row, &added);
    ++(added ? result.units_added : result.units_existing);
    internal::ProvenanceRow prov;
    prov.alignment_id = result.alignment_id;
    prov.document = label;
    prov.origin = Origin::kAligned;
    prov.score = bead.score;
    prov.bead_type = bead_type;
    prov.src_segments = src_segments;
    prov.tgt_segments = tgt_segments;
    prov.anchors_json = anchors;
    prov.created = now;
    writer.AddProvenance(unit_id, prov);
  }
  tx.Commit();
  if (impl.index_after_write) internal::IndexAfterCommit(impl);
  return result;
}

namespace {

// Throws Error if u cannot be stored; `number` (1-based) names it when it has no label.
void CheckUnit(const TranslationUnit& u, size_t number) {
  auto where = [&u] { return u.document + (u.tuid.empty() ? "" : " tu " + u.tuid); };
  if (u.src_lang.empty() || u.tgt_lang.empty()) {
    throw Error(where() + ": translation unit without a source or target language");
  }
  if (u.source.empty() || u.target.empty()) {
    throw Error(where() + ": translation unit with an empty source or target text");
  }
  if (u.document.empty()) {
    throw Error("translation unit " + std::to_string(number) +
                " has no document (provenance label)");
  }
}

// Adds the units next() gives in one transaction. next, the checks and the
// units' keys run on a second thread (UnitFeed) while this one writes.
AddResult AddUnitsFrom(internal::SqliteTm::Impl& impl, std::function<bool(TranslationUnit*)> next) {
  impl.RequireWritable("cannot add translation units");
  const std::string now = internal::NowTmxTime();
  AddResult result;
  {
    internal::Transaction tx(impl.handle(), impl.path);
    internal::UnitWriter writer(impl);
    internal::UnitFeed feed(std::move(next), CheckUnit);
    std::vector<Prop> stored_props;
    while (internal::UnitFeed::Chunk* chunk = feed.Next()) {
      for (size_t i = 0; i < chunk->units.size(); ++i) {
        const TranslationUnit& u = chunk->units[i];
        const std::string& created = u.created.empty() ? now : u.created;
        internal::UnitRow row;
        row.src_lang = u.src_lang;
        row.tgt_lang = u.tgt_lang;
        row.source = u.source;
        row.target = u.target;
        row.source_markup = u.source_markup;
        row.target_markup = u.target_markup;
        row.score = u.score;
        row.origin = u.origin;
        row.created = created;
        row.tuid = u.tuid;
        const std::vector<Prop>* props = &u.props;
        if (!u.attributes.empty() || !u.source_notes.empty() || !u.target_notes.empty()) {
          stored_props = u.props;
          internal::AppendStoredExtras(u, &stored_props);
          props = &stored_props;
        }
        row.props = props;
        row.notes = &u.notes;
        row.key = &chunk->keys[i];
        bool added = false;
        const int64_t id = writer.Upsert(row, &added);
        ++(added ? result.added : result.existing);
        internal::ProvenanceRow prov;
        prov.document = u.document;
        prov.origin = u.origin;
        prov.score = u.score;
        prov.bead_type = u.bead_type;
        prov.anchors_json = u.anchors_json;
        prov.created = created;
        writer.AddProvenance(id, prov);
      }
    }
    tx.Commit();
  }
  if (impl.index_after_write) internal::IndexAfterCommit(impl);
  return result;
}

// SQL: a bead of one of unit u's provenances is confirmed or edited.
constexpr const char* kReviewedUnit =
    "EXISTS (SELECT 1 FROM provenances q JOIN beads b ON b.alignment_id = q.alignment_id AND "
    "b.src_segments = q.src_segments AND b.tgt_segments = q.tgt_segments WHERE q.unit_id = u.id "
    "AND (b.status = 'confirmed' OR b.status = 'edited'))";

}  // namespace

AddResult internal::SqliteTm::AddUnits(const std::function<bool(TranslationUnit*)>& next) {
  return AddUnitsFrom(*impl_, next);
}

void internal::SqliteTm::ForEachUnit(
    const UnitFilter& filter, const std::function<void(const TranslationUnit&)>& visit) const {
  const Impl& impl = *impl_;
  // The first provenance (lowest id) of each unit that is no comparable run's,
  // else its first, its run by primary key: a unit a parallel run found too
  // says so (x-mode). Every filter is a condition of the query. Whether a
  // reviewer vouched for the unit is asked only of a TM where one did.
  const bool any_reviewed = internal::AnyReviewedBead(impl);
  std::string sql =
      "SELECT u.id, u.src_lang, u.tgt_lang, u.source, u.target, u.source_markup, "
      "u.target_markup, u.score, u.origin, u.created, u.tuid, u.has_extras, p.document, "
      "p.bead_type, p.anchors, p.alignment_id, a.mode, " +
      std::string(any_reviewed ? kReviewedUnit : "0") +
      " FROM units u LEFT JOIN provenances p ON "
      "p.id = coalesce((SELECT min(f.id) FROM provenances f WHERE f.unit_id = u.id AND "
      "(f.alignment_id IS NULL OR f.alignment_id NOT IN (SELECT id FROM alignments WHERE mode = "
      "'comparable'))), (SELECT min(id) FROM provenances WHERE unit_id = u.id)) "
      "LEFT JOIN alignments a ON a.id = p.alignment_id WHERE u.score >= ?1";
  int parameter = 1;
  std::vector<std::function<void(sqlite3_stmt*)>> binds;
  auto bind_text = [&](const std::string& value) {
    const int at = ++parameter;
    binds.push_back([at, &value](sqlite3_stmt* s) { BindText(s, at, value); });
    return "?" + std::to_string(at);
  };
  if (!filter.src_lang.empty()) {
    bind_text(filter.src_lang);
    sql += " AND " + internal::LangCondition("u.src_lang", parameter);
  }
  if (!filter.tgt_lang.empty()) {
    bind_text(filter.tgt_lang);
    sql += " AND " + internal::LangCondition("u.tgt_lang", parameter);
  }
  if (!filter.since.empty()) sql += " AND u.created >= " + bind_text(filter.since);
  if (!filter.origin.empty()) sql += " AND u.origin = " + bind_text(filter.origin);
  if (filter.reviewed_only) sql += any_reviewed ? std::string(" AND ") + kReviewedUnit : " AND 0";
  sql += internal::KindConditions("u", filter.mode, "");
  if (!filter.document_ids.empty() || !filter.documents.empty()) {
    std::string any;
    for (const std::string& label : filter.documents) {
      const std::string x = bind_text(label);
      if (!any.empty()) any += " OR ";
      // The whole label, or one side of "<source> | <target>".
      any += "q.document = " + x + " OR substr(q.document, 1, length(" + x + ") + 3) = " + x +
             " || ' | ' OR substr(q.document, -length(" + x + ") - 3) = ' | ' || " + x;
    }
    for (const int64_t id : filter.document_ids) {
      const int at = ++parameter;
      binds.push_back([at, id](sqlite3_stmt* s) { BindInt(s, at, id); });
      if (!any.empty()) any += " OR ";
      any += "qa.src_document_id = ?" + std::to_string(at) + " OR qa.tgt_document_id = ?" +
             std::to_string(at);
    }
    sql +=
        " AND EXISTS (SELECT 1 FROM provenances q LEFT JOIN alignments qa ON qa.id = "
        "q.alignment_id WHERE q.unit_id = u.id AND (" +
        any + "))";
  }
  sql += " ORDER BY u.id";
  Stmt s = impl.Prepare(sql);
  BindDouble(s.get(), 1, filter.min_score);
  for (const auto& bind : binds) bind(s.get());
  Stmt extras = impl.Prepare(
      "SELECT kind, type, value FROM unit_extras WHERE unit_id = ?1 ORDER BY position");
  TranslationUnit u;
  // Reads text column c into *out, reusing its buffer.
  const auto text = [](sqlite3_stmt* r, int c, std::string* out) {
    const unsigned char* p = sqlite3_column_text(r, c);
    out->assign(p ? reinterpret_cast<const char*>(p) : "",
                static_cast<size_t>(sqlite3_column_bytes(r, c)));
  };
  while (Step(s.get(), impl.path, "cannot read translation units")) {
    sqlite3_stmt* r = s.get();
    u.id = ColumnInt(r, 0);
    text(r, 1, &u.src_lang);
    text(r, 2, &u.tgt_lang);
    // Canonical on read: an older ancre stored tags as typed ("fr_FR", "FR").
    u.src_lang = NormalizeLanguageTag(u.src_lang);
    u.tgt_lang = NormalizeLanguageTag(u.tgt_lang);
    text(r, 3, &u.source);
    text(r, 4, &u.target);
    text(r, 5, &u.source_markup);
    text(r, 6, &u.target_markup);
    u.score = ColumnDouble(r, 7);
    ParseOrigin(ColumnText(r, 8), &u.origin);  // the CHECK constraint admits no other
    text(r, 9, &u.created);
    text(r, 10, &u.tuid);
    text(r, 12, &u.document);
    text(r, 13, &u.bead_type);
    text(r, 14, &u.anchors_json);
    u.run = ColumnInt(r, 15);
    text(r, 16, &u.mode);
    u.reviewed = ColumnInt(r, 17) != 0;
    u.props.clear();
    u.notes.clear();
    u.attributes = {};
    u.source_notes.clear();
    u.target_notes.clear();
    if (ColumnInt(r, 11) != 0) {
      sqlite3_stmt* e = extras.get();
      Reuse(e);
      BindInt(e, 1, u.id);
      while (Step(e, impl.path, "cannot read properties of translation units")) {
        if (ColumnText(e, 0) == "note") {
          u.notes.push_back(ColumnText(e, 2));
        } else {
          Prop p{ColumnText(e, 1), ColumnText(e, 2)};
          if (!internal::ReadStoredExtra(p, &u)) u.props.push_back(std::move(p));
        }
      }
    }
    visit(u);
  }
}

namespace {

// The reserved prop types of AppendStoredExtras, and the field each stands for.
struct StoredAttribute {
  const char* type;
  std::string TuAttributes::*field;
};
constexpr StoredAttribute kStoredAttributes[] = {
    {"ancre:creationid", &TuAttributes::creation_id},
    {"ancre:changeid", &TuAttributes::change_id},
    {"ancre:changedate", &TuAttributes::change_date},
    {"ancre:usagecount", &TuAttributes::usage_count},
    {"ancre:lastusagedate", &TuAttributes::last_usage_date},
};
constexpr const char* kSourceNote = "ancre:source-note";
constexpr const char* kTargetNote = "ancre:target-note";

}  // namespace

void internal::AppendStoredExtras(const TranslationUnit& unit, std::vector<Prop>* props) {
  for (const StoredAttribute& a : kStoredAttributes) {
    const std::string& value = unit.attributes.*a.field;
    if (!value.empty()) props->push_back({a.type, value});
  }
  for (const std::string& n : unit.source_notes) props->push_back({kSourceNote, n});
  for (const std::string& n : unit.target_notes) props->push_back({kTargetNote, n});
}

bool internal::ReadStoredExtra(const Prop& prop, TranslationUnit* unit) {
  if (prop.type.rfind("ancre:", 0) != 0) return false;
  for (const StoredAttribute& a : kStoredAttributes) {
    if (prop.type == a.type) {
      unit->attributes.*a.field = prop.value;
      return true;
    }
  }
  if (prop.type == kSourceNote) {
    unit->source_notes.push_back(prop.value);
    return true;
  }
  if (prop.type == kTargetNote) {
    unit->target_notes.push_back(prop.value);
    return true;
  }
  return false;
}

}  // namespace ancre::tm
