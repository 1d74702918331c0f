// The SQLite TM's schema: the SQL of each version (the migrations) and the
// check that a file's objects are what that SQL creates.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

// Schema version 1. The three FTS5 indexes are maintained by this code, not
// by triggers: CatchUpIndexes indexes new units with one INSERT ... SELECT per
// index (FTS5 flushes its pending terms at every statement savepoint, so
// trigger-driven indexing row by row is several times slower), and Prune
// removes entries before deleting units. unit_words (contentless) holds the
// normalized words that fuzzy lookup retrieves by.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  content_hash TEXT NOT NULL,       -- SHA-256 of the input's bytes
  segmentation_hash TEXT NOT NULL,  -- SHA-256 of the segment spans: one row per segmentation
  lang TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  doc_date TEXT NOT NULL DEFAULT '',
  bytes INTEGER NOT NULL,
  imported TEXT NOT NULL,
  UNIQUE(content_hash, lang, segmentation_hash));
CREATE TABLE segments(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  byte_begin INTEGER NOT NULL,
  byte_end INTEGER NOT NULL,
  original TEXT NOT NULL,
  normalized TEXT NOT NULL,
  UNIQUE(document_id, idx));
CREATE TABLE anchors(
  id INTEGER PRIMARY KEY,
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  subtype TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL,
  byte_begin INTEGER NOT NULL,
  byte_end INTEGER NOT NULL,
  key TEXT NOT NULL,
  weight REAL NOT NULL,
  UNIQUE(segment_id, byte_begin, byte_end, kind, key));
CREATE TABLE alignments(
  id INTEGER PRIMARY KEY,
  src_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  tgt_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mode TEXT NOT NULL,
  parameters TEXT NOT NULL,
  ancre_version TEXT NOT NULL,
  label TEXT NOT NULL,
  created TEXT NOT NULL,
  UNIQUE(src_document_id, tgt_document_id, mode, parameters));
CREATE INDEX alignments_by_target ON alignments(tgt_document_id);
CREATE TABLE units(
  id INTEGER PRIMARY KEY,
  src_lang TEXT NOT NULL,
  tgt_lang TEXT NOT NULL,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  source_markup TEXT NOT NULL DEFAULT '',
  target_markup TEXT NOT NULL DEFAULT '',
  text_hash INTEGER NOT NULL,
  match_key TEXT NOT NULL,     -- normalized words of source, space-separated (tm/fuzzy.h)
  word_count INTEGER NOT NULL,
  score REAL NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('aligned', 'imported', 'edited')),
  created TEXT NOT NULL,
  tuid TEXT NOT NULL DEFAULT '',
  has_extras INTEGER NOT NULL DEFAULT 0);
CREATE INDEX units_by_hash ON units(text_hash);
CREATE TABLE unit_extras(
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('prop', 'note')),
  type TEXT NOT NULL DEFAULT '',
  value TEXT NOT NULL,
  PRIMARY KEY(unit_id, position)) WITHOUT ROWID;
CREATE TABLE provenances(
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
  alignment_id INTEGER REFERENCES alignments(id) ON DELETE CASCADE,
  document TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('aligned', 'imported', 'edited')),
  score REAL NOT NULL,
  bead_type TEXT NOT NULL DEFAULT '',
  src_segments TEXT NOT NULL DEFAULT '',
  tgt_segments TEXT NOT NULL DEFAULT '',
  anchors TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL);
CREATE INDEX provenances_by_unit ON provenances(unit_id);
CREATE INDEX provenances_by_alignment ON provenances(alignment_id);
CREATE UNIQUE INDEX provenances_aligned_once
  ON provenances(alignment_id, src_segments, tgt_segments) WHERE alignment_id IS NOT NULL;
CREATE UNIQUE INDEX provenances_other_once
  ON provenances(unit_id, document, origin) WHERE alignment_id IS NULL;
-- Document frequency of every normalized word of TU sources: fuzzy lookup asks
-- the word index for the query's rarest words first.
CREATE TABLE word_df(word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE unit_words USING fts5(words, content='', detail=none, tokenize='ascii');
CREATE VIRTUAL TABLE unit_text USING fts5(source, target, content='units', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE unit_trigrams USING fts5(source, target, content='units', content_rowid='id',
  tokenize='trigram', detail=none, columnsize=0);
)sql";

// Schema version 2: units by number of words, so that fuzzy lookup can drop
// candidates of the wrong length without reading their rows.
constexpr const char* kSchemaV2 = R"sql(
CREATE INDEX units_by_word_count ON units(word_count);
)sql";

// Schema version 3: the search indexes (unit_words, word_df, unit_text,
// unit_trigrams) are brought up to date by a catch-up transaction that follows
// each write (CatchUpIndexes), so that storing units is not slowed by
// tokenizing them three times. indexed_through says how far: every unit with
// id <= indexed_through is in the indexes, no unit above it is. Files of
// versions 1 and 2 indexed in the write itself, so all their units are indexed.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE index_state(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through INTEGER NOT NULL);
INSERT INTO index_state(id, indexed_through) SELECT 1, coalesce(max(id), 0) FROM units;
-- provenances_aligned_once (alignment_id, ...) serves every search by
-- alignment, the cascade from alignments included; this index only cost an
-- insertion per unit stored.
DROP INDEX IF EXISTS provenances_by_alignment;
-- FTS5 keeps up to 'hashsize' bytes of new terms in memory before writing a
-- segment (default 1 MiB): with 16 MiB a catch-up of 100,000 units writes
-- fewer, larger segments and merges less (unit_text 0.89 -> 0.50 s CPU).
INSERT INTO unit_words(unit_words, rank) VALUES ('hashsize', 16777216);
INSERT INTO unit_text(unit_text, rank) VALUES ('hashsize', 16777216);
INSERT INTO unit_trigrams(unit_trigrams, rank) VALUES ('hashsize', 16777216);
)sql";

// Also in version 3: the origin CHECK constraints of schema v1 are written as
// comparisons instead of an IN list, which SQLite evaluates by building a
// temporary table on every insert (a third of the cost of storing a unit).
// Changing a CHECK constraint in place is one of the schema edits SQLite
// documents as safe (sqlite.org/lang_altertable.html, "other kinds of table
// schema changes").
constexpr const char* kFasterOriginCheck = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
  SET sql = replace(sql, 'CHECK (origin IN (''aligned'', ''imported'', ''edited''))',
                    'CHECK (origin = ''aligned'' OR origin = ''imported'' OR origin = ''edited'')')
  WHERE type = 'table' AND name IN ('units', 'provenances');
PRAGMA writable_schema = OFF;
)sql";

// Schema version 4: the review of alignment runs (tm/review.h). beads holds
// a reviewed run's beads (filled from its provenances and unaligned segments
// when a review first opens it), with status, reviewer, time and version;
// segment_edits the reviewer's texts; review_actions the log of changes
// (each with the beads and edits as they were and as it left them) that
// undo and redo walk. AUTOINCREMENT: a bead id or a version (a log entry's
// id) is never given twice, even after undo deleted the latest.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE beads(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alignment_id INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  src_segments TEXT NOT NULL,  -- segment numbers, "3,4"
  tgt_segments TEXT NOT NULL,
  score REAL NOT NULL,
  anchors TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status = 'automatic' OR status = 'confirmed' OR
                              status = 'rejected' OR status = 'edited'),
  reviewer TEXT NOT NULL DEFAULT '',
  reviewed TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0);
CREATE INDEX beads_by_position ON beads(alignment_id, position);
CREATE INDEX beads_by_segments ON beads(alignment_id, src_segments, tgt_segments);
CREATE TABLE segment_edits(
  alignment_id INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
  side INTEGER NOT NULL CHECK (side = 0 OR side = 1),  -- 0 source, 1 target
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY(alignment_id, side, idx)) WITHOUT ROWID;
CREATE TABLE review_actions(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  alignment_id INTEGER NOT NULL REFERENCES alignments(id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  created TEXT NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0);
CREATE INDEX review_actions_by_run ON review_actions(alignment_id, undone, id);
)sql";

// Migrations: kMigrations[v] upgrades a schema at version v to v + 1.
constexpr const char* kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3, kSchemaV4};
static_assert(std::size(kMigrations) == kSchemaVersion);

// ---------------------------------------------------------------------------
// Schema check. The application_id says a file claims to be an ancre TM, not
// that its objects are what ancre made: a `units` table replaced by a
// recursive view, or a trigger on it, passes that check and makes every read
// endless. So every object is compared with what the migrations create.

// An object of sqlite_schema: its type and its SQL, comments dropped and
// spaces collapsed (the text SQLite keeps is the CREATE statement as written).
struct SchemaObject {
  std::string type;
  std::string sql;
};
using Schema = std::map<std::string, SchemaObject>;

std::string NormalizeSql(std::string_view sql) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
      c = ' ';
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 1;
      c = ' ';
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    const auto punct = [](char p) { return p == '(' || p == ')' || p == ','; };
    if (space && !out.empty() && !punct(c) && !punct(out.back())) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

Schema ReadSchema(sqlite3* db, const std::string& path) {
  Schema schema;
  internal::Stmt s = internal::Prepare(db, "SELECT type, name, sql FROM sqlite_schema", path);
  while (internal::Step(s.get(), path, "cannot read the schema")) {
    schema[ColumnText(s.get(), 1)] = {ColumnText(s.get(), 0), NormalizeSql(ColumnText(s.get(), 2))};
  }
  return schema;
}

// What ancre creates at schema `version` (1 ... kSchemaVersion).
const Schema& ExpectedSchema(int64_t version) {
  static const std::vector<Schema> schemas = [] {
    std::vector<Schema> out(kSchemaVersion + 1);
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE, nullptr);
    internal::DbHandle db(raw);
    internal::CheckSqlite(rc, raw, ":memory:", "cannot build the reference schema");
    for (int v = 0; v < kSchemaVersion; ++v) {
      internal::Exec(db.get(), kMigrations[v], ":memory:");
      out[v + 1] = ReadSchema(db.get(), ":memory:");
    }
    return out;
  }();
  return schemas[static_cast<size_t>(version)];
}

// Tables SQLite itself may add (ANALYZE, AUTOINCREMENT).
bool IsSqliteTable(const std::string& name, const SchemaObject& object) {
  return object.type == "table" && (name == "sqlite_sequence" || name.rfind("sqlite_stat", 0) == 0);
}

}  // namespace

const char* internal::Migration(int64_t version) { return kMigrations[version]; }

const char* internal::FasterOriginCheck() { return kFasterOriginCheck; }

std::string internal::SchemaProblem(sqlite3* db, const std::string& path, int64_t version) {
  const Schema actual = ReadSchema(db, path);
  const Schema& expected = ExpectedSchema(version);
  // Schema v3 rewrote the origin checks of v1 in place, where SQLite allows it.
  const std::string in_list = NormalizeSql("CHECK (origin IN ('aligned', 'imported', 'edited'))");
  const std::string comparisons =
      NormalizeSql("CHECK (origin = 'aligned' OR origin = 'imported' OR origin = 'edited')");
  for (const auto& [name, object] : actual) {
    auto it = expected.find(name);
    if (it == expected.end()) {
      if (IsSqliteTable(name, object)) continue;
      // Shadow tables of the FTS5 indexes: which exist, and how they are
      // written, depends on the SQLite version that created them.
      bool shadow = false;
      for (const auto& [fts, fts_object] : expected) {
        if (fts_object.sql.rfind("CREATE VIRTUAL TABLE", 0) == 0 && name.rfind(fts + "_", 0) == 0) {
          shadow = true;
        }
      }
      if (shadow && object.type == "table" && object.sql.rfind("CREATE TABLE", 0) == 0) continue;
      return "it holds a " + object.type + " '" + name + "' that ancre did not create";
    }
    if (object.type != it->second.type) {
      return "'" + name + "' is a " + object.type + ", not the " + it->second.type +
             " ancre created";
    }
    std::string sql = object.sql;
    for (size_t at; (at = sql.find(comparisons)) != std::string::npos;) {
      sql.replace(at, comparisons.size(), in_list);
    }
    if (sql != it->second.sql) {
      return "the " + object.type + " '" + name + "' is not defined as ancre defines it";
    }
  }
  for (const auto& [name, object] : expected) {
    if (actual.count(name) == 0) {
      return "the " + object.type + " '" + name + "' is missing";
    }
  }
  return "";
}

}  // namespace ancre::tm
