// Store internals shared by the .cc files of tm/ that implement Store
// (store.cc, lookup.cc, search.cc, maintenance.cc). Private to tm/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tm/sqlite_handle.h"
#include "tm/store.h"

namespace ancre::tm {

struct Store::Impl {
  // Declared first so it is destroyed last: sqlite3_close fails with
  // SQLITE_BUSY while statements are alive.
  internal::DbHandle db;
  std::string path;
  bool read_only = false;
  bool index_after_write = true;  // StoreOptions::index_after_write

  sqlite3* handle() const { return db.get(); }
  internal::Stmt Prepare(std::string_view sql) const {
    return internal::Prepare(db.get(), sql, path);
  }
  void Exec(const char* sql) const { internal::Exec(db.get(), sql, path); }
  // Throws DbError if the TM was opened read-only (before anything is written).
  void RequireWritable(const char* what) const;
};

namespace internal {

// The SQL condition "column's language matches tag" for a bound tag at ?N,
// with the fallback of LanguageServes (src/core/language_tag.h): equal, or
// one is the other followed by "-" ("fr" matches "fr-FR", "fr-CA" matches
// "fr", "fr-FR" does not match "fr-CA"); case and '_' do not matter.
std::string LangCondition(const std::string& column, int parameter);

// 64-bit FNV-1a of the languages and texts: the dedup key of a TU (verified
// against the texts, so collisions only cost a comparison).
int64_t UnitHash(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                 std::string_view target);

// Current UTC time in TMX form YYYYMMDDThhmmssZ.
std::string NowTmxTime();

}  // namespace internal
}  // namespace ancre::tm

namespace ancre::tm::internal {

// What a unit's storage needs that can be computed without the database.
struct UnitKey {
  int64_t hash = 0;       // UnitHash of languages and texts (dedup)
  std::string match_key;  // MatchKey of the source (fuzzy lookup)
  size_t word_count = 0;  // words in match_key
};

UnitKey MakeUnitKey(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                    std::string_view target);

// A TU row as written by UnitWriter.
struct UnitRow {
  std::string_view src_lang;
  std::string_view tgt_lang;
  std::string_view source;
  std::string_view target;
  std::string_view source_markup;
  std::string_view target_markup;
  double score = 1.0;
  Origin origin = Origin::kAligned;
  std::string_view created;
  std::string_view tuid;
  const std::vector<Prop>* props = nullptr;
  const std::vector<std::string>* notes = nullptr;
  const UnitKey* key = nullptr;  // computed by Upsert when not given
};

// Where a TU came from.
struct ProvenanceRow {
  int64_t alignment_id = 0;  // 0 = none (imported, edited)
  std::string_view document;
  Origin origin = Origin::kAligned;
  double score = 1.0;
  std::string_view bead_type;
  std::string_view src_segments;  // "3,4"
  std::string_view tgt_segments;
  std::string_view anchors_json;
  std::string_view created;
};

// Writes TUs with deduplication. The search indexes are not touched: call
// CatchUpIndexes after the transaction commits. Holds prepared statements on
// impl's connection: must not outlive impl. Use inside a Transaction.
class UnitWriter {
 public:
  explicit UnitWriter(const Store::Impl& impl);
  // Returns the id of the TU with row's languages and texts, inserting it if
  // new (*added = true) or raising its score to row.score if higher.
  int64_t Upsert(const UnitRow& row, bool* added);
  // Records a provenance; returns false if the same one was already there.
  bool AddProvenance(int64_t unit_id, const ProvenanceRow& row);

 private:
  int64_t Insert(const UnitRow& row, const UnitKey& key, bool* added);

  const Store::Impl& impl_;
  bool empty_at_start_ = false;  // the TM had no unit when the write began
  // Whether a unit with this hash may have been inserted by this write
  // (false: certainly not). Only while empty_at_start_.
  bool SeenBefore(int64_t hash);
  static constexpr uint64_t kSeenBits = uint64_t{1} << 24;
  std::vector<uint64_t> seen_;  // Bloom filter of the hashes inserted, while empty_at_start_
  Stmt find_;
  Stmt insert_;
  Stmt raise_score_;
  Stmt insert_extra_;
  Stmt insert_provenance_;
};

// The largest unit id the search indexes hold (see index_state in store.cc).
int64_t IndexedThrough(const Store::Impl& impl);

// Units stored but not yet in the search indexes.
int64_t UnindexedUnits(const Store::Impl& impl);

// Adds every unit above IndexedThrough to the word frequencies and the word,
// text and trigram indexes, in ONE transaction of its own (interrupted, it
// leaves the indexes as they were and a later call does the work), then
// checkpoints the WAL. Returns how many units it indexed.
int64_t CatchUpIndexes(const Store::Impl& impl);

// CatchUpIndexes right after a write committed its units. Throws DbError whose
// message says what the TM then holds: the units are stored, not yet
// searchable, and the next writer indexes them (not "unchanged").
int64_t IndexAfterCommit(const Store::Impl& impl);

// Copies the WAL into the database file as far as readers allow (one
// checkpoint per write; see the WAL settings in Store's constructor).
void Checkpoint(const Store::Impl& impl);

// Removes TUs from the three indexes (before their rows are deleted); units
// not indexed yet (above IndexedThrough) are skipped. Holds prepared
// statements on impl's connection: must not outlive impl.
class UnitIndexEraser {
 public:
  explicit UnitIndexEraser(const Store::Impl& impl);
  // match_key, source and target: the unit's stored values.
  void Erase(int64_t unit_id, std::string_view match_key, std::string_view source,
             std::string_view target);
  // Lowers word frequencies for the erased units and lowers indexed_through to
  // the largest remaining unit id, so that a unit stored later under a reused
  // id is indexed. Call once, after the last unit is deleted.
  void Finish();

 private:
  const Store::Impl& impl_;
  std::unordered_map<std::string, int64_t> df_delta_;
  Stmt words_;
  Stmt text_;
  Stmt trigrams_;
  int64_t indexed_through_ = 0;
};

}  // namespace ancre::tm::internal
