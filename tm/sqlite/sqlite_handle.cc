#include "tm/sqlite/sqlite_handle.h"

#include <atomic>
#include <filesystem>

#include "tm/translation_memory.h"

namespace ancre::tm::internal {

std::string DescribeSqliteError(int rc, sqlite3* db, const std::string& file,
                                const std::string& what) {
  const std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const std::string head = file + ": " + what + ": ";
  switch (rc & 0xff) {  // primary result code: the low 8 bits of an extended code
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return head + "the translation memory is locked by another process (" + detail +
             "); retry when it has finished";
    case SQLITE_READONLY:
      return head + "the translation memory is read-only (" + detail +
             "); check the permissions of the file and its folder";
    case SQLITE_FULL:
      return head +
             "disk full; the transaction was rolled back and the translation memory is "
             "unchanged; free some space and retry";
    case SQLITE_IOERR:
      return head + "input/output error (" + detail +
             "), e.g. disk full or file size limit; the transaction was rolled back and the "
             "translation memory is unchanged; free some space and retry";
    case SQLITE_CORRUPT:
      return head + "the translation memory is corrupt (" + detail + "); restore it from a backup";
    case SQLITE_NOTADB:
      // Most often a file given for the TM by mistake (a TMX, a text), not a damaged TM.
      return head + "not a translation memory (" + detail +
             "); the file is not a SQLite database: check the path";
    case SQLITE_CANTOPEN:
      return head + "cannot open the file (" + detail +
             "); check that it exists and that its folder is readable";
    case SQLITE_INTERRUPT:
      return head + "interrupted; the transaction was rolled back";
    default:
      return head + detail;
  }
}

void ThrowDbError(const std::string& message, int code) {
  const int primary = code & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw LockedError(message, code);
  throw DbError(message, code);
}

void CheckSqlite(int rc, sqlite3* db, const std::string& file, const std::string& what) {
  if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE) return;
  int code = db ? sqlite3_extended_errcode(db) : rc;
  if ((code & 0xff) != (rc & 0xff)) code = rc;  // errcode may be stale after some calls
  ThrowDbError(DescribeSqliteError(code, db, file, what), code);
}

Stmt Prepare(sqlite3* db, std::string_view sql, const std::string& file) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Stmt stmt(raw);
  CheckSqlite(rc, db, file, "cannot prepare a query");
  return stmt;
}

void Exec(sqlite3* db, const char* sql, const std::string& file) {
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);  // sqlite3_free(NULL) is a no-op; errmsg(db) holds the same text
  CheckSqlite(rc, db, file, "cannot update the database");
}

void BindText(sqlite3_stmt* s, int index, std::string_view text) {
  // A non-null pointer even for "": a NULL pointer would bind SQL NULL.
  sqlite3_bind_text64(s, index, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
}
void BindTextNoCopy(sqlite3_stmt* s, int index, std::string_view text) {
  sqlite3_bind_text64(s, index, text.data() ? text.data() : "", text.size(), SQLITE_STATIC,
                      SQLITE_UTF8);
}
void BindInt(sqlite3_stmt* s, int index, int64_t value) { sqlite3_bind_int64(s, index, value); }
void BindDouble(sqlite3_stmt* s, int index, double value) { sqlite3_bind_double(s, index, value); }
void BindNull(sqlite3_stmt* s, int index) { sqlite3_bind_null(s, index); }

std::string ColumnText(sqlite3_stmt* s, int column) {
  const unsigned char* p = sqlite3_column_text(s, column);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(s, column)));
}

bool Step(sqlite3_stmt* s, const std::string& file, const char* what) {
  int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  CheckSqlite(rc, sqlite3_db_handle(s), file, what);
  return false;
}

void Reuse(sqlite3_stmt* s) {
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
}

Transaction::Transaction(sqlite3* db, const std::string& file)
    : db_(db), file_(file), changes_at_begin_(sqlite3_total_changes64(db)) {
  Exec(db_, "BEGIN IMMEDIATE", file_);
}

Transaction::~Transaction() {
  if (!done_ && sqlite3_get_autocommit(db_) == 0) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);  // best effort; never throws
  }
}

namespace {
std::atomic<void (*)()> g_commit_begin{nullptr};
std::atomic<void (*)(bool)> g_commit_end{nullptr};
}  // namespace

void Transaction::Commit() {
  // The hooks bracket the COMMIT alone (see SetCommitHooks in tm/translation_memory.h).
  if (auto begin = g_commit_begin.load()) begin();
  int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  // "Committed" for the hooks means the file changed: a transaction that
  // wrote nothing does not make an interrupted run say it saved something.
  if (auto end = g_commit_end.load()) {
    end(rc == SQLITE_OK && sqlite3_total_changes64(db_) != changes_at_begin_);
  }
  if (rc != SQLITE_OK) {
    int code = sqlite3_extended_errcode(db_);
    std::string message = DescribeSqliteError(code, db_, file_, "cannot commit");
    if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    done_ = true;
    ThrowDbError(message, code);
  }
  done_ = true;
}

}  // namespace ancre::tm::internal

namespace ancre::tm {

void SetCommitHooks(void (*begin)(), void (*end)(bool committed)) {
  internal::g_commit_begin.store(begin);
  internal::g_commit_end.store(end);
}

}  // namespace ancre::tm

namespace ancre::tm::internal {

std::string FileUri(const std::string& path, const char* query) {
  std::string uri = "file:";
  static const char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?" + query;
}

}  // namespace ancre::tm::internal
