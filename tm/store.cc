// The SQLite TM: opening, schema and migrations, and the write paths (alignments, units).
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

using internal::BindDouble;
using internal::BindInt;
using internal::BindNull;
using internal::BindText;
using internal::BindTextNoCopy;
using internal::ColumnDouble;
using internal::ColumnInt;
using internal::ColumnText;
using internal::kOldestReadableSchema;
using internal::kSchemaVersion;
using internal::Reuse;
using internal::Step;
using internal::Stmt;

namespace {

// PRAGMA application_id of an ancre TM: "ANCR". Lets us tell an ancre TM from
// any other SQLite file before touching it.
constexpr int kApplicationId = 0x414E4352;

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

// Migrations: kMigrations[v] upgrades a schema at version v to v + 1.
constexpr const char* kMigrations[] = {kSchemaV1, kSchemaV2, kSchemaV3};
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

// The first difference between the file's schema and version's, or "".
std::string SchemaProblem(const Schema& actual, int64_t version) {
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

// True if the folder of path cannot be written (access(2): not for this
// user, or a read-only file system) and path has no -wal file with content.
bool ImmutableForReaders(const std::filesystem::path& path) {
  std::filesystem::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  if (access(folder.c_str(), W_OK) == 0) return false;
  struct stat wal;
  const std::string wal_path = path.string() + "-wal";
  return stat(wal_path.c_str(), &wal) != 0 || wal.st_size == 0;
}

int64_t QueryInt(const internal::SqliteTm::Impl& impl, const char* sql) {
  Stmt s = impl.Prepare(sql);
  return Step(s.get(), impl.path, "cannot read the database") ? ColumnInt(s.get(), 0) : 0;
}

}  // namespace

namespace internal {

std::string LangCondition(const std::string& column, int parameter) {
  // Both tags are compared in lower case with '_' read as '-', so that tags
  // an older ancre stored as typed ("fr_FR", "FR") match too (BCP 47 tags are
  // case-insensitive, RFC 5646 section 2.1.1).
  const std::string c = "replace(lower(" + column + "), '_', '-')";
  const std::string p = "replace(lower(?" + std::to_string(parameter) + "), '_', '-')";
  return "(" + c + " = " + p + " OR substr(" + c + ", 1, length(" + p + ") + 1) = " + p +
         " || '-' OR substr(" + p + ", 1, length(" + c + ") + 1) = " + c + " || '-')";
}

int64_t UnitHash(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                 std::string_view target) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis and prime
  auto mix = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;  // separator: a byte that never occurs in UTF-8
    h *= 0x100000001b3ULL;
  };
  mix(src_lang);
  mix(tgt_lang);
  mix(source);
  mix(target);
  return static_cast<int64_t>(h);
}

std::string NowTmxTime() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);  // TMX 1.4b: YYYYMMDDThhmmssZ in UTC
  return buf;
}

UnitWriter::UnitWriter(const internal::SqliteTm::Impl& impl)
    : impl_(impl),
      find_(impl.Prepare("SELECT id, score FROM units WHERE text_hash = ?1 AND src_lang = ?2 AND "
                         "tgt_lang = ?3 AND source = ?4 AND target = ?5")),
      insert_(impl.Prepare(
          "INSERT INTO units(src_lang, tgt_lang, source, target, source_markup, target_markup, "
          "text_hash, word_count, score, origin, created, tuid, has_extras, match_key) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")),
      raise_score_(impl.Prepare("UPDATE units SET score = ?2 WHERE id = ?1")),
      insert_extra_(impl.Prepare("INSERT INTO unit_extras(unit_id, position, kind, type, value) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)")),
      insert_provenance_(impl.Prepare(
          "INSERT OR IGNORE INTO provenances(unit_id, alignment_id, document, origin, score, "
          "bead_type, src_segments, tgt_segments, anchors, created) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")) {
  Stmt any = impl.Prepare("SELECT EXISTS (SELECT 1 FROM units)");
  empty_at_start_ =
      !Step(any.get(), impl.path, "cannot read translation units") || ColumnInt(any.get(), 0) == 0;
  if (empty_at_start_) seen_.assign(kSeenBits / 64, 0);
}

bool UnitWriter::SeenBefore(int64_t hash) {
  // A Bloom filter with two bit positions taken from the hash's two halves:
  // "no" is certain, "yes" may be wrong (then the table is asked). 2 MiB
  // whatever the write's size: 1.4 % false yes after 1,000,000 units.
  const auto h = static_cast<uint64_t>(hash);
  const uint64_t a = h % kSeenBits;
  const uint64_t b = (h >> 32) * 0x9E3779B97F4A7C15ULL % kSeenBits;
  const bool seen = (seen_[a / 64] >> (a % 64) & 1) && (seen_[b / 64] >> (b % 64) & 1);
  seen_[a / 64] |= uint64_t{1} << (a % 64);
  seen_[b / 64] |= uint64_t{1} << (b % 64);
  return seen;
}

int64_t IndexedThrough(const internal::SqliteTm::Impl& impl) {
  Stmt s = impl.Prepare("SELECT indexed_through FROM index_state WHERE id = 1");
  return Step(s.get(), impl.path, "cannot read the index state") ? ColumnInt(s.get(), 0) : 0;
}

int64_t UnindexedUnits(const internal::SqliteTm::Impl& impl) {
  Stmt s = impl.Prepare(
      "SELECT count(*) FROM units WHERE id > (SELECT indexed_through FROM index_state WHERE id = "
      "1)");
  return Step(s.get(), impl.path, "cannot read the index state") ? ColumnInt(s.get(), 0) : 0;
}

int64_t IndexAfterCommit(const internal::SqliteTm::Impl& impl) {
  try {
    return CatchUpIndexes(impl);
  } catch (const DbError& e) {
    // The write itself is committed: the index transaction alone rolled back.
    std::string held = "its new translation units";
    try {
      held = std::to_string(UnindexedUnits(impl)) + " translation unit(s)";
    } catch (const DbError&) {
      // Keep the general wording: the count needs a read that failed too.
    }
    const int primary = e.code() & 0xff;
    const std::string reason = primary == SQLITE_FULL    ? "disk full"
                               : primary == SQLITE_IOERR ? "input/output error, e.g. disk full or "
                                                           "file size limit"
                               : primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                                   ? "another process holds the translation memory"
                                   : sqlite3_errstr(e.code());
    ThrowDbError(impl.path + ": the write was saved but indexing it failed (" + reason +
                     "): the translation memory holds " + held +
                     " stored but not yet searchable (lookup and search skip them); the next "
                     "command that writes to it indexes them",
                 e.code());
  }
}

int64_t CatchUpIndexes(const internal::SqliteTm::Impl& impl) {
  Transaction tx(impl.handle(), impl.path);
  // Read under the write lock: another process may have caught up meanwhile.
  const int64_t through = IndexedThrough(impl);
  int64_t last = through;
  int64_t count = 0;
  std::unordered_map<std::string_view, int64_t> df_delta;
  std::deque<std::string> keys;  // owns the words df_delta points into (stable addresses)
  {
    Stmt s = impl.Prepare("SELECT id, match_key FROM units WHERE id > ?1 ORDER BY id");
    BindInt(s.get(), 1, through);
    std::vector<std::string_view> words;
    while (Step(s.get(), impl.path, "cannot read translation units")) {
      last = ColumnInt(s.get(), 0);
      ++count;
      const char* text = reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 1));
      std::string_view key(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(s.get(), 1)));
      words.clear();
      for (size_t begin = 0; begin < key.size();) {
        size_t end = key.find(' ', begin);
        if (end == std::string_view::npos) end = key.size();
        if (end > begin) words.push_back(key.substr(begin, end - begin));
        begin = end + 1;
      }
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      for (std::string_view w : words) {
        auto it = df_delta.find(w);
        if (it == df_delta.end()) {
          // The row's text lives only until the next step: keep a copy per new word.
          keys.emplace_back(w);
          it = df_delta.emplace(keys.back(), 0).first;
        }
        ++it->second;
      }
    }
  }
  if (count == 0) {
    tx.Commit();
    Checkpoint(impl);
    return 0;
  }
  Stmt df = impl.Prepare(
      "INSERT INTO word_df(word, df) VALUES (?1, ?2) ON CONFLICT(word) DO UPDATE SET df = df + "
      "excluded.df");
  for (const auto& [word, n] : df_delta) {
    Reuse(df.get());
    BindText(df.get(), 1, word);
    BindInt(df.get(), 2, n);
    Step(df.get(), impl.path, "cannot update word frequencies");
  }
  // One statement per index over all the new units: FTS5 then tokenizes and
  // merges in bulk instead of row by row.
  for (const char* sql :
       {"INSERT INTO unit_words(rowid, words) SELECT id, match_key FROM units WHERE id > ?1",
        "INSERT INTO unit_text(rowid, source, target) SELECT id, source, target FROM units "
        "WHERE id > ?1",
        "INSERT INTO unit_trigrams(rowid, source, target) SELECT id, source, target FROM units "
        "WHERE id > ?1"}) {
    Stmt s = impl.Prepare(sql);
    BindInt(s.get(), 1, through);
    Step(s.get(), impl.path, "cannot index translation units");
  }
  Stmt done = impl.Prepare("UPDATE index_state SET indexed_through = ?1 WHERE id = 1");
  BindInt(done.get(), 1, last);
  Step(done.get(), impl.path, "cannot update the index state");
  tx.Commit();
  Checkpoint(impl);
  return count;
}

void Checkpoint(const internal::SqliteTm::Impl& impl) {
  // PASSIVE: copies what no reader still needs, never waits for readers.
  // Failing is harmless (the WAL keeps the data; the next checkpoint copies
  // it), so the result is not checked.
  sqlite3_wal_checkpoint_v2(impl.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

UnitKey MakeUnitKey(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                    std::string_view target) {
  UnitKey key;
  key.hash = UnitHash(src_lang, tgt_lang, source, target);
  key.match_key = MatchKey(source, &key.word_count);
  return key;
}

int64_t UnitWriter::Upsert(const UnitRow& row, bool* added) {
  UnitKey computed;
  if (!row.key) computed = MakeUnitKey(row.src_lang, row.tgt_lang, row.source, row.target);
  const UnitKey& key = row.key ? *row.key : computed;
  const int64_t hash = key.hash;
  // Into a TM that had no units, a unit can only repeat one of this write:
  // the table is asked only when the hash was seen in it.
  if (empty_at_start_ && !SeenBefore(hash)) return Insert(row, key, added);
  sqlite3_stmt* s = find_.get();
  Reuse(s);
  BindInt(s, 1, hash);
  BindTextNoCopy(s, 2, row.src_lang);
  BindTextNoCopy(s, 3, row.tgt_lang);
  BindTextNoCopy(s, 4, row.source);
  BindTextNoCopy(s, 5, row.target);
  if (Step(s, impl_.path, "cannot look up a translation unit")) {
    int64_t id = ColumnInt(s, 0);
    double score = ColumnDouble(s, 1);
    Reuse(s);
    if (row.score > score) {
      sqlite3_stmt* u = raise_score_.get();
      Reuse(u);
      BindInt(u, 1, id);
      BindDouble(u, 2, row.score);
      Step(u, impl_.path, "cannot update a translation unit");
    }
    *added = false;
    return id;
  }
  Reuse(s);
  return Insert(row, key, added);
}

int64_t UnitWriter::Insert(const UnitRow& row, const UnitKey& key, bool* added) {
  const bool has_extras = (row.props && !row.props->empty()) || (row.notes && !row.notes->empty());
  sqlite3_stmt* ins = insert_.get();
  Reuse(ins);
  BindTextNoCopy(ins, 1, row.src_lang);
  BindTextNoCopy(ins, 2, row.tgt_lang);
  BindTextNoCopy(ins, 3, row.source);
  BindTextNoCopy(ins, 4, row.target);
  BindTextNoCopy(ins, 5, row.source_markup);
  BindTextNoCopy(ins, 6, row.target_markup);
  BindInt(ins, 7, key.hash);
  BindInt(ins, 8, static_cast<int64_t>(key.word_count));
  BindDouble(ins, 9, row.score);
  BindTextNoCopy(ins, 10, OriginName(row.origin));
  BindTextNoCopy(ins, 11, row.created);
  BindTextNoCopy(ins, 12, row.tuid);
  BindInt(ins, 13, has_extras ? 1 : 0);
  BindTextNoCopy(ins, 14, key.match_key);
  Step(ins, impl_.path, "cannot add a translation unit");
  const int64_t id = sqlite3_last_insert_rowid(impl_.handle());
  if (has_extras) {
    int64_t position = 0;
    auto add_extra = [&](std::string_view kind, std::string_view type, std::string_view value) {
      sqlite3_stmt* e = insert_extra_.get();
      Reuse(e);
      BindInt(e, 1, id);
      BindInt(e, 2, position++);
      BindTextNoCopy(e, 3, kind);
      BindTextNoCopy(e, 4, type);
      BindTextNoCopy(e, 5, value);
      Step(e, impl_.path, "cannot add a property of a translation unit");
    };
    if (row.props) {
      for (const auto& p : *row.props) add_extra("prop", p.type, p.value);
    }
    if (row.notes) {
      for (const auto& n : *row.notes) add_extra("note", "", n);
    }
  }
  *added = true;
  return id;
}

bool UnitWriter::AddProvenance(int64_t unit_id, const ProvenanceRow& row) {
  sqlite3_stmt* s = insert_provenance_.get();
  Reuse(s);
  BindInt(s, 1, unit_id);
  if (row.alignment_id > 0) {
    BindInt(s, 2, row.alignment_id);
  } else {
    BindNull(s, 2);
  }
  BindTextNoCopy(s, 3, row.document);
  BindTextNoCopy(s, 4, OriginName(row.origin));
  BindDouble(s, 5, row.score);
  BindTextNoCopy(s, 6, row.bead_type);
  BindTextNoCopy(s, 7, row.src_segments);
  BindTextNoCopy(s, 8, row.tgt_segments);
  BindTextNoCopy(s, 9, row.anchors_json);
  BindTextNoCopy(s, 10, row.created);
  Step(s, impl_.path, "cannot record where a translation unit came from");
  return sqlite3_changes(impl_.handle()) > 0;
}

UnitIndexEraser::UnitIndexEraser(const internal::SqliteTm::Impl& impl)
    : impl_(impl),
      words_(impl.Prepare(
          "INSERT INTO unit_words(unit_words, rowid, words) VALUES ('delete', ?1, ?2)")),
      text_(impl.Prepare("INSERT INTO unit_text(unit_text, rowid, source, target) VALUES "
                         "('delete', ?1, ?2, ?3)")),
      trigrams_(impl.Prepare("INSERT INTO unit_trigrams(unit_trigrams, rowid, source, target) "
                             "VALUES ('delete', ?1, ?2, ?3)")),
      indexed_through_(IndexedThrough(impl)) {}

void UnitIndexEraser::Erase(int64_t unit_id, std::string_view match_key, std::string_view source,
                            std::string_view target) {
  if (unit_id > indexed_through_) return;  // not indexed yet
  // FTS5 contentless and external-content tables: a 'delete' must repeat the
  // values that were indexed.
  Reuse(words_.get());
  BindInt(words_.get(), 1, unit_id);
  BindText(words_.get(), 2, match_key);
  Step(words_.get(), impl_.path, "cannot update the word index");
  for (sqlite3_stmt* s : {text_.get(), trigrams_.get()}) {
    Reuse(s);
    BindInt(s, 1, unit_id);
    BindText(s, 2, source);
    BindText(s, 3, target);
    Step(s, impl_.path, "cannot update the text index");
  }
  size_t begin = 0;
  std::vector<std::string_view> words;
  while (begin < match_key.size()) {
    size_t end = match_key.find(' ', begin);
    if (end == std::string_view::npos) end = match_key.size();
    words.push_back(match_key.substr(begin, end - begin));
    begin = end + 1;
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (auto w : words) ++df_delta_[std::string(w)];
}

void UnitIndexEraser::Finish() {
  Stmt df = impl_.Prepare("UPDATE word_df SET df = df - ?2 WHERE word = ?1");
  for (const auto& [word, count] : df_delta_) {
    Reuse(df.get());
    BindText(df.get(), 1, word);
    BindInt(df.get(), 2, count);
    Step(df.get(), impl_.path, "cannot update word frequencies");
  }
  df_delta_.clear();
  impl_.Exec("DELETE FROM word_df WHERE df <= 0");
  impl_.Exec(
      "UPDATE index_state SET indexed_through = min(indexed_through, (SELECT coalesce(max(id), 0) "
      "FROM units)) WHERE id = 1");
}

}  // namespace internal

internal::SqliteTuning internal::SqliteTuning::For(const OpenOptions& options) {
  SqliteTuning tuning;
  if (options.streaming) {
    tuning.cache_mib = 8;
    tuning.mmap_mib = 0;
  }
  return tuning;
}

void internal::SqliteTm::Impl::RequireWritable(const char* what) const {
  if (read_only) {
    throw DbError(path + ": " + what +
                      ": the translation memory is read-only (opened for reading, or the file "
                      "or its folder is not writable); check the permissions",
                  SQLITE_READONLY);
  }
}

internal::SqliteTm::SqliteTm(const std::filesystem::path& path, const OpenOptions& options)
    : impl_(std::make_unique<Impl>()) {
  Impl& impl = *impl_;
  impl.path = path.string();
  const bool in_memory = impl.path == ":memory:";
  const bool may_create = options.create && !options.read_only;
  if (!in_memory) {
    std::error_code ec;
    bool exists = std::filesystem::exists(path, ec);
    if (!exists && !may_create) {
      throw IoError(impl.path +
                    ": no such translation memory; check the path, or create one with 'ancre "
                    "align FR EN --db " +
                    impl.path + "'");
    }
    if (exists && std::filesystem::is_directory(path, ec)) {
      throw IoError(impl.path + ": is a folder, not a translation memory; give a file path");
    }
  }
  // NOMUTEX: a TM is used by one thread at a time (see translation_memory.h), so the
  // connection needs none of SQLite's per-call locking.
  int flags = SQLITE_OPEN_NOMUTEX |
              (options.read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | (may_create ? SQLITE_OPEN_CREATE : 0));
  sqlite3* raw = nullptr;
  // Before SQLite's first use in the process: no memory statistics, whose
  // global mutex every allocation would take (about 4 % of a write's time).
  // Harmless (SQLITE_MISUSE, ignored) if SQLite was already initialized.
  static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kConfigured;
  // A reader of a TM in a folder it cannot write (a read-only share, a
  // published archive) cannot take WAL's shared-memory -shm file. When nothing
  // can be writing the TM (no process can create its -wal there either) and
  // no -wal holds commits not yet in it, it is opened as immutable: no locks,
  // no -shm (sqlite.org/uri.html#uriimmutable).
  std::string open_name = impl.path;
  if (options.read_only && !in_memory && ImmutableForReaders(path)) {
    open_name = internal::FileUri(impl.path, "immutable=1");
    flags |= SQLITE_OPEN_URI;
  }
  int rc = sqlite3_open_v2(open_name.c_str(), &raw, flags, nullptr);
  impl.db.reset(raw);  // sqlite3_open_v2 allocates a handle even on failure
  internal::CheckSqlite(rc, raw, impl.path, "cannot open the translation memory");
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.lock_wait_ms);
  impl.read_only = options.read_only || sqlite3_db_readonly(raw, "main") == 1;

  // Look before writing anything: a corrupt file, a foreign SQLite database or
  // a newer schema must be left exactly as it is.
  const int64_t application_id = QueryInt(impl, "PRAGMA application_id");
  const int64_t version = QueryInt(impl, "PRAGMA user_version");
  const int64_t objects = QueryInt(impl, "SELECT count(*) FROM sqlite_schema");
  const bool empty = objects == 0 && version == 0;
  if (!empty && application_id != kApplicationId) {
    throw DbError(impl.path +
                      ": a SQLite database but not an ancre translation memory; give the path of "
                      "an ancre TM (or a new file name to create one)",
                  SQLITE_NOTADB);
  }
  if (version > kSchemaVersion) {
    throw DbError(impl.path + ": schema v" + std::to_string(version) +
                      " is newer than this ancre (v" + std::to_string(kSchemaVersion) +
                      "); upgrade ancre",
                  SQLITE_ERROR);
  }
  if (!empty) {
    const std::string problem =
        version < 0 ? "schema version " + std::to_string(version) + " is not one ancre writes"
                    : SchemaProblem(ReadSchema(impl.handle(), impl.path), version);
    if (!problem.empty()) {
      throw DbError(impl.path + ": not a valid ancre translation memory: " + problem +
                        " (schema v" + std::to_string(version) +
                        "); use a TM written by ancre, or rebuild it from its TMX export",
                    SQLITE_CORRUPT);
    }
  }
  if (empty && !may_create) {
    throw DbError(impl.path +
                      ": an empty file, not a translation memory; give the path of an "
                      "ancre TM",
                  SQLITE_NOTADB);
  }
  // An older schema opened for reading is read as it is when readers need
  // nothing it lacks (migrations only add; v3's index_state is read as "all
  // indexed"), and the file stays untouched. Version 1 lacks the index
  // lookups rely on.
  if (version < kOldestReadableSchema && impl.read_only) {
    throw DbError(impl.path + ": schema v" + std::to_string(version) + " needs upgrading to v" +
                      std::to_string(kSchemaVersion) +
                      ", which needs write access; open it once without read-only access",
                  SQLITE_READONLY);
  }
  impl.Exec("PRAGMA foreign_keys = ON");
  // A large page cache keeps a large batch's B-tree and FTS pages in memory
  // (the default 2 MiB spills to the WAL mid-transaction and re-reads pages);
  // memory-mapped reads save a copy per page for lookups on a big TM.
  const SqliteTuning tuning = SqliteTuning::For(options);
  impl.Exec(
      ("PRAGMA cache_size = " + std::to_string(-1024 * int64_t{std::max(tuning.cache_mib, 1)}))
          .c_str());
  // Writers read through the page cache: a write's index catch-up streams
  // every new unit, and mapped pages would all count as resident memory.
  const int64_t mmap_mib = impl.read_only ? std::max(tuning.mmap_mib, 0) : 0;
  impl.Exec(("PRAGMA mmap_size = " + std::to_string(mmap_mib << 20)).c_str());
  if (!impl.read_only) {
    if (!in_memory) {
      // 16 KiB pages for a new TM (set before WAL, which fixes the page size):
      // a unit row with its provenance is about 600 bytes, and larger pages
      // mean fewer splits and WAL frames per unit stored (-10 % CPU).
      if (empty) impl.Exec("PRAGMA page_size = 16384");
      // WAL: readers never block the writer; one writer at a time, others wait busy_timeout.
      impl.Exec("PRAGMA journal_mode = WAL");
      // In WAL mode NORMAL keeps every transaction atomic; only durability of
      // the last commits on power loss is traded for speed.
      impl.Exec("PRAGMA synchronous = NORMAL");
      // One checkpoint per write, after its index catch-up (CatchUpIndexes),
      // instead of one at each of its two commits: SQLite's automatic one
      // only past 16,384 WAL pages (256 MiB at 16 KiB pages), for long
      // series of writes that defer indexing. A WAL grown that large is cut
      // back to 64 MiB after a checkpoint.
      impl.Exec("PRAGMA wal_autocheckpoint = 16384");
      impl.Exec("PRAGMA journal_size_limit = 67108864");
    }
    if (version < kSchemaVersion) {
      internal::Transaction tx(impl.handle(), impl.path);
      // Re-read under the write lock: another process may have migrated meanwhile.
      int64_t current = QueryInt(impl, "PRAGMA user_version");
      for (int64_t v = current; v < kSchemaVersion; ++v) {
        impl.Exec(kMigrations[v]);
        if (v == 2) {
          // Only a speed-up: where the library forbids schema edits
          // (SQLITE_DBCONFIG_DEFENSIVE) the equivalent old constraint stays.
          if (sqlite3_exec(impl.handle(), kFasterOriginCheck, nullptr, nullptr, nullptr) ==
              SQLITE_OK) {
            // As SQLite's procedure says: a new schema version makes every
            // connection, this one included, parse the edited schema again.
            const int64_t cookie = QueryInt(impl, "PRAGMA schema_version");
            impl.Exec(("PRAGMA schema_version = " + std::to_string(cookie + 1)).c_str());
          }
          sqlite3_exec(impl.handle(), "PRAGMA writable_schema = OFF", nullptr, nullptr, nullptr);
        }
      }
      impl.Exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
      impl.Exec(("PRAGMA user_version = " + std::to_string(kSchemaVersion)).c_str());
      tx.Commit();
    }
    // Units a killed or interrupted run stored without indexing them.
    impl.index_after_write = options.index_after_write;
    if (impl.index_after_write) internal::CatchUpIndexes(impl);
  }
}

internal::SqliteTm::~SqliteTm() = default;

const std::string& internal::SqliteTm::name() const { return impl_->path; }
bool internal::SqliteTm::read_only() const { return impl_->read_only; }

TmFiles internal::SqliteTm::Files(const std::filesystem::path& path) {
  if (path == ":memory:") return {};
  return {path, {"-wal", "-shm", "-journal"}};
}

bool internal::SqliteTm::Close() {
  const std::string path = impl_->path;
  const bool in_memory = path == ":memory:";
  impl_.reset();
  // The last connection to close checkpoints the WAL into the database file
  // and deletes it (SQLite, "Write-Ahead Logging": "When the last connection
  // to a database closes, that connection does one last checkpoint and then
  // deletes the WAL"). A WAL left behind holds commits the file lacks.
  struct stat wal;
  return in_memory || stat((path + "-wal").c_str(), &wal) != 0 || wal.st_size == 0;
}

int64_t internal::SqliteTm::UnindexedUnits() const {
  // Files older than schema v3 (opened read-only, not migrated) index in the write itself.
  if (QueryInt(*impl_, "PRAGMA user_version") < 3) return 0;
  return internal::UnindexedUnits(*impl_);
}

int64_t internal::SqliteTm::UpdateIndexes() {
  impl_->RequireWritable("cannot update its indexes");
  return internal::IndexAfterCommit(*impl_);
}

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
        row.props = &u.props;
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

}  // namespace

AddResult internal::SqliteTm::AddUnits(const std::function<bool(TranslationUnit*)>& next) {
  return AddUnitsFrom(*impl_, next);
}

void internal::SqliteTm::ForEachUnit(
    const UnitFilter& filter, const std::function<void(const TranslationUnit&)>& visit) const {
  const Impl& impl = *impl_;
  // The first provenance (lowest id) of each unit by one index probe, its run
  // by primary key. Every filter is a condition of the query.
  std::string sql =
      "SELECT u.id, u.src_lang, u.tgt_lang, u.source, u.target, u.source_markup, "
      "u.target_markup, u.score, u.origin, u.created, u.tuid, u.has_extras, p.document, "
      "p.bead_type, p.anchors, p.alignment_id, a.mode FROM units u LEFT JOIN provenances p ON "
      "p.id = (SELECT min(id) FROM provenances WHERE unit_id = u.id) LEFT JOIN alignments a ON "
      "a.id = p.alignment_id WHERE u.score >= ?1";
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
    u.props.clear();
    u.notes.clear();
    if (ColumnInt(r, 11) != 0) {
      sqlite3_stmt* e = extras.get();
      Reuse(e);
      BindInt(e, 1, u.id);
      while (Step(e, impl.path, "cannot read properties of translation units")) {
        if (ColumnText(e, 0) == "note") {
          u.notes.push_back(ColumnText(e, 2));
        } else {
          u.props.push_back({ColumnText(e, 1), ColumnText(e, 2)});
        }
      }
    }
    visit(u);
  }
}

}  // namespace ancre::tm
