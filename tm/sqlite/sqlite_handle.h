// SQLite ownership and error conversion for tm/: the only file that names
// sqlite3_close and sqlite3_finalize, and the one place SQLite result codes
// become ancre::DbError. Private to tm/ (.cc files only): public headers never
// include <sqlite3.h>.
//
// Thread-safety: a DbHandle and its statements belong to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "src/core/error.h"

namespace ancre::tm::internal {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }  // sqlite3_close(NULL) is a no-op
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }  // finalize(NULL) is a no-op
};
using DbHandle = std::unique_ptr<sqlite3, SqliteCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Builds the user-facing message for result code rc on db about file `file`
// while doing `what`: names the file, says what happened and what to do.
std::string DescribeSqliteError(int rc, sqlite3* db, const std::string& file,
                                const std::string& what);

// Throws LockedError for a busy or locked database (SQLITE_BUSY,
// SQLITE_LOCKED), else DbError; both keep code.
[[noreturn]] void ThrowDbError(const std::string& message, int code);

// Throws (ThrowDbError, with SQLite's extended code) unless rc is OK, ROW or DONE.
void CheckSqlite(int rc, sqlite3* db, const std::string& file, const std::string& what);

// Prepares sql on db; throws DbError naming `file`.
Stmt Prepare(sqlite3* db, std::string_view sql, const std::string& file);

// Runs one or more statements without results; throws DbError naming `file`.
void Exec(sqlite3* db, const char* sql, const std::string& file);

// SQLite URI for the file at `path` (made absolute) with `query` ("mode=ro"),
// with RFC 3986 escapes for the characters SQLite's URI parser treats
// specially. Needs SQLITE_OPEN_URI (ATTACH always reads URIs).
std::string FileUri(const std::string& path, const char* query);

// Bind helpers. Text is bound with its explicit length and SQLITE_TRANSIENT.
void BindText(sqlite3_stmt* s, int index, std::string_view text);
// Binds text without copying it: the bytes must stay alive and unchanged
// until the statement is stepped and reset (or rebound). For hot loops.
void BindTextNoCopy(sqlite3_stmt* s, int index, std::string_view text);
void BindInt(sqlite3_stmt* s, int index, int64_t value);
void BindDouble(sqlite3_stmt* s, int index, double value);
void BindNull(sqlite3_stmt* s, int index);

// Column readers; NULL text reads as "".
std::string ColumnText(sqlite3_stmt* s, int column);
inline int64_t ColumnInt(sqlite3_stmt* s, int column) { return sqlite3_column_int64(s, column); }
inline double ColumnDouble(sqlite3_stmt* s, int column) { return sqlite3_column_double(s, column); }

// Steps s; returns true on SQLITE_ROW, false on SQLITE_DONE; throws DbError otherwise.
bool Step(sqlite3_stmt* s, const std::string& file, const char* what);

// Resets s and clears its bindings for reuse.
void Reuse(sqlite3_stmt* s);

// A transaction guard: BEGIN IMMEDIATE on construction (so a writer waits for
// the write lock up front, under busy_timeout, instead of failing midway),
// COMMIT on Commit(), ROLLBACK in the destructor if not committed. The
// destructor never throws. `db` must outlive the guard.
class Transaction {
 public:
  Transaction(sqlite3* db, const std::string& file);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  // Throws DbError if COMMIT fails (disk full...); the transaction is then rolled back.
  void Commit();

 private:
  sqlite3* db_;
  std::string file_;
  bool done_ = false;
  int64_t changes_at_begin_ = 0;  // sqlite3_total_changes64 when it began
};

}  // namespace ancre::tm::internal
