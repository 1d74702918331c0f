// The SQLite backend of the translation memory: the class that implements
// internal::Backend on one SQLite file, its connection state (Impl), and the
// helpers its .cc files share. Private to tm/ (tm/sqlite/README.md):
//   schema.cc        opening a file, the schema, its migrations and checks
//   unit_writer.cc   UnitWriter: deduplicated units and their provenances
//   writes.cc        SaveAlignment, AddUnits, ForEachUnit
//   search_index.cc  catching the search indexes up after a write; erasing from them
//   lookup.cc, search.cc, alignments.cc, maintenance.cc: the read and maintenance paths
//   review.cc, review_rows.cc  the review of a run (tm/review.h; review_internal.h)
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tm/backend.h"
#include "tm/sqlite/sqlite_handle.h"
#include "tm/translation_memory.h"

namespace ancre::tm::internal {

// Version of the schema this ancre writes; older files are migrated forward on open.
inline constexpr int kSchemaVersion = 4;
// The oldest schema a read-only TM reads without migrating it.
inline constexpr int kOldestReadableSchema = 2;

// The SQL that upgrades a schema at version (0 ... kSchemaVersion - 1) to
// version + 1 (schema_sql.cc).
const char* Migration(int64_t version);

// Schema v3's rewrite of v1's origin CHECK constraints, run after
// Migration(2) where SQLite allows schema edits (schema_sql.cc).
const char* FasterOriginCheck();

// The first difference between the schema of db (at path) and the one ancre
// creates at version (1 ... kSchemaVersion), or "" when they agree.
std::string SchemaProblem(sqlite3* db, const std::string& path, int64_t version);

// SQLite settings of a connection, chosen from OpenOptions.
struct SqliteTuning {
  // Page cache of the connection in MiB: keeps a large write's B-tree and
  // index pages in memory. A reader streaming the whole TM needs little.
  // Storing 1,000,000 units: 7.3 s at 64 MiB, 7.5 s at 32, 8.1 s at 16; the
  // process's peak memory grows about 4 MiB per MiB of cache (heap
  // fragmentation of 16 KiB pages): 314, 181 and 115 MB.
  int cache_mib = 32;
  // MiB of the file read through memory mapping when read_only: saves a copy
  // per page for lookups and searches on a big TM, but every page read counts
  // toward the process's resident memory, so streaming the whole TM (export)
  // wants 0. A writable TM never maps (its writes stream every new unit).
  int mmap_mib = 1024;

  // Streaming (OpenOptions::streaming): 8 MiB of cache, no mapping.
  static SqliteTuning For(const OpenOptions& options);
};

class SqliteTm final : public Backend {
 public:
  // Opens the SQLite TM at path (":memory:": a private in-memory TM); see
  // TranslationMemory's constructor for what it throws.
  SqliteTm(const std::filesystem::path& path, const OpenOptions& options);
  ~SqliteTm() override;

  // The TM's file and the working files SQLite makes next to it.
  static TmFiles Files(const std::filesystem::path& path);

  const std::string& name() const override;
  bool read_only() const override;
  int64_t UnindexedUnits() const override;
  int64_t UpdateIndexes() override;
  SaveResult SaveAlignment(const DocumentRecord& source, const DocumentRecord& target,
                           const Alignment& alignment, const AlignmentRecord& run) override;
  AddResult AddUnits(const std::function<bool(TranslationUnit*)>& next) override;
  void ForEachUnit(const UnitFilter& filter,
                   const std::function<void(const TranslationUnit&)>& visit) const override;
  std::vector<FuzzyMatch> Lookup(std::string_view query,
                                 const LookupOptions& options) const override;
  std::vector<FuzzyMatch> LookupByScan(std::string_view query,
                                       const LookupOptions& options) const override;
  std::vector<ConcordanceHit> Search(std::string_view query,
                                     const SearchOptions& options) const override;
  std::vector<ConcordanceHit> Search(const ConcordanceQuery& query,
                                     const SearchOptions& options) const override;
  TmStats Stats() const override;
  std::vector<DocumentInfo> Documents() const override;
  std::vector<StoredRun> Alignments(int64_t document_id) const override;
  StoredAlignment LoadAlignment(int64_t alignment_id) const override;
  ReviewState LoadReview(int64_t alignment_id) override;
  ReviewResult ApplyReview(int64_t alignment_id, const ReviewChange& change) override;
  ReviewResult UndoReview(int64_t alignment_id) override;
  ReviewResult RedoReview(int64_t alignment_id) override;
  CheckReport Check() const override;
  PruneResult Prune(const PruneOptions& options) override;
  MergeResult Merge(const Backend& other) override;
  bool Close() override;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

struct SqliteTm::Impl {
  // Declared first so it is destroyed last: sqlite3_close fails with
  // SQLITE_BUSY while statements are alive.
  DbHandle db;
  std::string path;
  bool read_only = false;
  bool index_after_write = true;  // OpenOptions::index_after_write

  sqlite3* handle() const { return db.get(); }
  Stmt Prepare(std::string_view sql) const { return internal::Prepare(db.get(), sql, path); }
  void Exec(const char* sql) const { internal::Exec(db.get(), sql, path); }
  // Throws DbError if the TM was opened read-only (before anything is written).
  void RequireWritable(const char* what) const;
};

// Whether the TM has review tables (schema v4; an older file opened
// read-only has none) and beads of run `alignment_id` in them (any run: 0).
bool HasReviewTables(const SqliteTm::Impl& impl);
bool RunIsReviewed(const SqliteTm::Impl& impl, int64_t alignment_id);
// Whether a bead of any run is confirmed or edited.
bool AnyReviewedBead(const SqliteTm::Impl& impl);

// The first column of the first row of sql (0 if none): PRAGMAs and counts.
int64_t QueryInt(const SqliteTm::Impl& impl, const char* sql);

// The SQL condition "column's language matches tag" for a bound tag at ?N,
// with the fallback of LanguageServes (src/core/language_tag.h): equal, or
// one is the other followed by "-" ("fr" matches "fr-FR", "fr-CA" matches
// "fr", "fr-FR" does not match "fr-CA"); case and '_' do not matter.
std::string LangCondition(const std::string& column, int parameter);

// The SQL condition "the unit `unit_alias`.id is comparable" (records.h,
// CheckModeFilter): it has a comparable provenance and no translation one.
std::string ComparableCondition(const std::string& unit_alias);
// " AND ..." conditions on units `unit_alias` for a mode filter ("parallel",
// "comparable"; empty or "any": none) and an origin filter (empty: none),
// checked first (CheckModeFilter, CheckOriginFilter: UsageError). Only the
// checked names are written into the SQL.
std::string KindConditions(const std::string& unit_alias, const std::string& mode,
                           const std::string& origin);

// 64-bit FNV-1a of the languages and texts: the dedup key of a TU (verified
// against the texts, so collisions only cost a comparison).
int64_t UnitHash(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                 std::string_view target);

// Current UTC time in TMX form YYYYMMDDThhmmssZ.
std::string NowTmxTime();

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

// A unit's TMX <tu> attributes and <tuv> notes are stored as unit_extras
// props of reserved types ("ancre:creationid", "ancre:source-note" ...), after
// its own props: merges and older readers carry them as they carry any prop.
// AppendStoredExtras appends them to *props; ReadStoredExtra puts a stored
// prop back where it belongs and returns true, or returns false for a prop of
// the unit's own.
void AppendStoredExtras(const TranslationUnit& unit, std::vector<Prop>* props);
bool ReadStoredExtra(const Prop& prop, TranslationUnit* unit);

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
  explicit UnitWriter(const SqliteTm::Impl& impl);
  // Returns the id of the TU with row's languages and texts, inserting it if
  // new (*added = true) or raising its score to row.score if higher.
  int64_t Upsert(const UnitRow& row, bool* added);
  // Records a provenance; returns false if the same one was already there.
  bool AddProvenance(int64_t unit_id, const ProvenanceRow& row);

 private:
  int64_t Insert(const UnitRow& row, const UnitKey& key, bool* added);

  const SqliteTm::Impl& impl_;
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
int64_t IndexedThrough(const SqliteTm::Impl& impl);

// Units stored but not yet in the search indexes.
int64_t UnindexedUnits(const SqliteTm::Impl& impl);

// Adds every unit above IndexedThrough to the word frequencies and the word,
// text and trigram indexes, in ONE transaction of its own (interrupted, it
// leaves the indexes as they were and a later call does the work), then
// checkpoints the WAL unless `checkpoint` is false (a small write, such as a
// review change, leaves that to SQLite's automatic checkpoint: a checkpoint
// syncs the file, tens of milliseconds). Returns how many units it indexed.
int64_t CatchUpIndexes(const SqliteTm::Impl& impl, bool checkpoint = true);

// CatchUpIndexes right after a write committed its units. Throws DbError whose
// message says what the TM then holds: the units are stored, not yet
// searchable, and the next writer indexes them (not "unchanged").
int64_t IndexAfterCommit(const SqliteTm::Impl& impl, bool checkpoint = true);

// Copies the WAL into the database file as far as readers allow (one
// checkpoint per write; see the WAL settings in SqliteTm's constructor).
void Checkpoint(const SqliteTm::Impl& impl);

// Removes TUs from the three indexes (before their rows are deleted); units
// not indexed yet (above IndexedThrough) are skipped. Holds prepared
// statements on impl's connection: must not outlive impl.
class UnitIndexEraser {
 public:
  explicit UnitIndexEraser(const SqliteTm::Impl& impl);
  // match_key, source and target: the unit's stored values.
  void Erase(int64_t unit_id, std::string_view match_key, std::string_view source,
             std::string_view target);
  // Lowers word frequencies for the erased units and lowers indexed_through to
  // the largest remaining unit id, so that a unit stored later under a reused
  // id is indexed. Call once, after the last unit is deleted.
  void Finish();

 private:
  const SqliteTm::Impl& impl_;
  std::unordered_map<std::string, int64_t> df_delta_;
  Stmt words_;
  Stmt text_;
  Stmt trigrams_;
  int64_t indexed_through_ = 0;
};

}  // namespace ancre::tm::internal
