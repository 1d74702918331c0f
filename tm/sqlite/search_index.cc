// The search indexes of the SQLite TM (word frequencies, the word, text and
// trigram FTS5 indexes): catching them up after a write, and erasing units from them.
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

namespace internal {

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

int64_t IndexAfterCommit(const internal::SqliteTm::Impl& impl, bool checkpoint) {
  try {
    return CatchUpIndexes(impl, checkpoint);
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

int64_t CatchUpIndexes(const internal::SqliteTm::Impl& impl, bool checkpoint) {
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
    if (checkpoint) Checkpoint(impl);
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
  if (checkpoint) Checkpoint(impl);
  return count;
}

void Checkpoint(const internal::SqliteTm::Impl& impl) {
  // PASSIVE: copies what no reader still needs, never waits for readers.
  // Failing is harmless (the WAL keeps the data; the next checkpoint copies
  // it), so the result is not checked.
  sqlite3_wal_checkpoint_v2(impl.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
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

int64_t internal::SqliteTm::UnindexedUnits() const {
  // Files older than schema v3 (opened read-only, not migrated) index in the write itself.
  if (QueryInt(*impl_, "PRAGMA user_version") < 3) return 0;
  return internal::UnindexedUnits(*impl_);
}

int64_t internal::SqliteTm::UpdateIndexes() {
  impl_->RequireWritable("cannot update its indexes");
  return internal::IndexAfterCommit(*impl_);
}

}  // namespace ancre::tm
