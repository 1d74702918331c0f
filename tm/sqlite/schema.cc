// The SQLite TM: opening it, its schema and migrations, and what is checked before a file is used.
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
#include "tm/errors.h"
#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_memory.h"
#include "tm/unit_feed.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

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

}  // namespace

int64_t internal::QueryInt(const internal::SqliteTm::Impl& impl, const char* sql) {
  Stmt s = impl.Prepare(sql);
  return Step(s.get(), impl.path, "cannot read the database") ? ColumnInt(s.get(), 0) : 0;
}

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
      throw NoSuchTranslationMemory(impl.path);
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

}  // namespace ancre::tm
