// The SQLite TM: opening it (the checks before a file is used, the
// migrations to the current schema, the connection's settings). The schema's
// SQL and its check are in schema_sql.cc.
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
                    : SchemaProblem(impl.handle(), impl.path, version);
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
        impl.Exec(Migration(v));
        if (v == 2) {
          // Only a speed-up: where the library forbids schema edits
          // (SQLITE_DBCONFIG_DEFENSIVE) the equivalent old constraint stays.
          if (sqlite3_exec(impl.handle(), FasterOriginCheck(), nullptr, nullptr, nullptr) ==
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
