// The translation memory store: one SQLite file holding the aligned documents
// (content hash, language, title, date), their segments (byte span, original
// and normalized text), their anchors, the alignment runs (mode, parameters,
// ancre version, time), and the translation units (TUs) with where each came
// from and why it was paired. Translators query it by fuzzy lookup and by
// concordance search.
//
// Deduplication: a TU is one source/target text pair per language pair. The
// same pair found in two documents (or imported twice from two TMX files) is
// ONE TU with TWO provenances, each naming its document, alignment run, score,
// bead type and shared anchors; the TU's score is the best of them. Documents
// are identified by content hash and language, alignment runs by their two
// documents, mode and parameters: saving the same alignment twice writes nothing.
//
// Every write is one transaction: an interrupted or killed process leaves the
// file exactly as it was before the write began (SQLite's WAL guarantees it).
// The search indexes are derived from the stored units and brought up to date
// by a second transaction right after each write (see UpdateIndexes): storing
// is then not slowed by tokenizing every unit three times, and a run killed
// between the two leaves its units stored and indexed by the next writer.
//
// Usage (given const ancre::tm::DocumentRecord& fr, const ancre::tm::DocumentRecord& en,
//        const ancre::Alignment& alignment):
//   ancre::tm::Store store("tm.sqlite", {});
//   store.SaveAlignment(fr, en, alignment, {.mode = "parallel"});
//   for (const auto& m : store.Lookup("Les deux pays créeront une équipe.", {}))
//     std::cout << m.score << " " << m.target << "\n";
//
// Thread-safety: a Store is not thread-safe; use one per thread. Several
// processes (or Stores) may use the same file: writers wait for each other up
// to StoreOptions::busy_timeout_ms.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/bead.h"
#include "src/core/segment.h"
#include "tm/fuzzy.h"
#include "tm/translation_unit.h"

namespace ancre::tm {

// Version of the schema this ancre writes; older files are migrated forward on open.
inline constexpr int kSchemaVersion = 3;
// The oldest schema a read-only Store reads without migrating it.
inline constexpr int kOldestReadableSchema = 2;

// Called around every COMMIT of every Store in the process: begin() before
// it, end(committed) after it (committed: the transaction changed rows and
// they are in the file). A program
// that stops at once on an interruption uses them to hold the interruption
// while SQLite commits, so that what it says on exit is what the file holds,
// while the work before the commit stays interruptible (and rolls back).
// Set once at start, before any Store is used; null pointers: no hooks.
void SetCommitHooks(void (*begin)(), void (*end)(bool committed));

struct StoreOptions {
  // Open for reading only: never modifies the file (no migration, no WAL switch).
  bool read_only = false;
  // Create the file and its schema if missing or empty. Ignored when read_only.
  bool create = true;
  // How long a writer waits for another process's write lock before failing.
  int busy_timeout_ms = 5000;
  // Page cache of the connection in MiB: keeps a large write's B-tree and
  // index pages in memory. A reader streaming the whole TM needs little.
  // Storing 1,000,000 units: 7.3 s at 64 MiB, 7.5 s at 32, 8.1 s at 16; the
  // process's peak memory grows about 4 MiB per MiB of cache (heap
  // fragmentation of 16 KiB pages): 314, 181 and 115 MB.
  int cache_mib = 32;
  // MiB of the file read through memory mapping when read_only: saves a copy
  // per page for lookups and searches on a big TM, but every page read counts
  // toward the process's resident memory, so streaming the whole TM (export)
  // wants 0. A writable Store never maps (its writes stream every new unit).
  int mmap_mib = 1024;
  // Bring the search indexes (fuzzy lookup, concordance, substring) up to date
  // right after each write, and on opening for writing when an interrupted
  // run left units unindexed. A program writing many batches in a row can set
  // it false and call UpdateIndexes() once at the end: indexing all the units
  // at once is faster than batch by batch.
  bool index_after_write = true;
};

// One side of an aligned document pair, as given to SaveAlignment. Borrowed:
// everything pointed to must stay alive during the call.
struct DocumentRecord {
  std::string path;          // as the user named it (shown as provenance)
  std::string_view content;  // the input's bytes as given (hashed for dedup)
  std::string language;      // BCP 47, e.g. "fr"
  std::string title;         // may be empty
  std::string date;          // YYYY-MM-DD; may be empty
  // The segments; required. Beads name segments by position in
  // document->segments; the TM stores each segment's Segment::number (and
  // the bead's segments by number).
  const Document* document = nullptr;
  const DocumentAnchors* anchors = nullptr;  // parallel to document->segments; may be null
  // Original text of each segment, parallel to document->segments. If empty,
  // content.substr(span) is used: right when `content` is the input's own
  // bytes and they are UTF-8 (a BOM is fine: spans count it). For input in
  // another encoding, pass the originals (e.g. the decoded text of each span).
  std::vector<std::string> originals;
};

// How an alignment was made.
struct AlignmentRecord {
  std::string mode = "parallel";  // the mode actually used: "parallel" or "comparable"
  std::string parameters = "{}";  // JSON object of the options that shaped the result
  std::string label;              // provenance label; empty = "<source path> | <target path>"
};

struct SaveResult {
  int64_t alignment_id = 0;
  bool already_stored = false;  // same documents, mode and parameters: nothing was written
  size_t documents_added = 0;
  size_t segments_added = 0;
  size_t units_added = 0;     // new TUs
  size_t units_existing = 0;  // pairs already present as TUs (a provenance was added)
  size_t beads_skipped = 0;   // 1-0 / 0-1 beads: no TU
};

struct AddResult {
  size_t added = 0;     // new TUs
  size_t existing = 0;  // already present: a provenance was added (or was already there)
};

// Which TUs ForEachUnit visits. Language tags match as LanguageServes
// (src/core/language_tag.h) says, whatever their case or '_': "fr" matches
// "fr" and "fr-FR", "fr-FR" matches "fr-FR" and "fr", not "fr-CA".
struct UnitFilter {
  std::string src_lang;    // empty = any
  std::string tgt_lang;    // empty = any
  double min_score = 0.0;  // TU score (best provenance) at least this
  // Documents: a TU passes if one of its provenances comes from an alignment
  // of a document whose id is in document_ids, or has a label (see
  // TranslationUnit::document) equal to an entry of documents or naming it as
  // one side of "<source> | <target>". Both empty = any document.
  std::vector<int64_t> document_ids;
  std::vector<std::string> documents;
  std::string since;   // created at or after this UTC time (TMX form); empty = any
  std::string origin;  // "aligned", "imported" or "edited"; empty = any
};

struct LookupOptions {
  double threshold = 70.0;  // minimum match percentage, in [0, 100]
  size_t max = 10;          // at most this many matches, best first
  std::string src_lang;     // only TUs whose source language matches (as UnitFilter); empty = any
  std::string tgt_lang;     // only TUs whose target language matches; empty = any
};

struct FuzzyMatch {
  double score = 0.0;  // match percentage; 100 = identical normalized text
  int64_t tu = 0;
  std::string source;
  std::string target;
  std::string src_lang;
  std::string tgt_lang;
  std::string document;         // provenance label of the TU's first provenance
  double tu_score = 0.0;        // the TU's alignment confidence
  std::vector<WordEdit> edits;  // how the query differs from `source`
};

struct SearchOptions {
  std::string lang = "any";  // search the side of this language (as UnitFilter: "fr" finds
                             // fr-FR), or "any"
  size_t max = 20;           // at most this many hits
  bool substring = false;    // the query is a fragment found anywhere in words (trigram index)
};

// Bounds of a concordance query. FTS5 reads the whole list of words sharing a
// prefix for every prefix term (p*: about 1.7 MB and 77 ms on a TM of a
// million units), so without bounds a query of a few kilobytes could take
// gigabytes and minutes.
struct SearchLimits {
  static constexpr size_t kMaxBytes = 1000;      // the query's length in bytes
  static constexpr size_t kMaxTerms = 64;        // words and prefixes, phrases counted by word
  static constexpr size_t kMaxPrefixTerms = 16;  // prefix terms (word*, "phrase"*)
};

// Checks query against SearchLimits (substring: only its length). Throws
// UsageError naming the limit exceeded; returns nothing otherwise. Terms are
// counted as FTS5 would read them at most: every run of letters, digits, '_'
// or non-ASCII bytes, inside quotes or not; a prefix is a '*' right after one
// or after a closing quote.
void CheckSearchQuery(std::string_view query, bool substring);

// A concordance hit: a TU with the byte ranges of the matched text on each side.
struct ConcordanceHit {
  int64_t tu = 0;
  std::string source;
  std::string target;
  std::string src_lang;
  std::string tgt_lang;
  std::string document;
  double tu_score = 0.0;
  std::vector<std::pair<size_t, size_t>> source_hits;  // [begin, end) byte offsets into source
  std::vector<std::pair<size_t, size_t>> target_hits;
};

struct StoreStats {
  int schema_version = 0;
  int64_t file_bytes = 0;  // pages × page size
  int64_t documents = 0;
  int64_t segments = 0;
  int64_t alignments = 0;
  int64_t units = 0;
  int64_t provenances = 0;
  int64_t anchors = 0;
  struct Count {
    std::string name;
    int64_t count = 0;
  };
  std::vector<Count> units_by_lang_pair;  // "fr→en"
  std::vector<Count> units_by_score;      // bands "0.90–1.00" ... "0.00–0.40", high first
  std::vector<Count> units_by_origin;     // "aligned", "imported", "edited"
  std::vector<Count> anchors_by_kind;     // "date", "number" ...
};

struct CheckReport {
  std::vector<std::string> integrity_problems;  // from PRAGMA integrity_check and FTS checks
  std::vector<std::string> foreign_key_problems;
  int64_t units_without_provenance = 0;
  int64_t documents_without_alignment = 0;
  int64_t duplicate_units = 0;  // same languages and texts stored twice
  // Stored but not yet in the search indexes (see Store::UnindexedUnits); not
  // a problem: the next writer indexes them.
  int64_t unindexed_units = 0;
  bool ok() const {
    return integrity_problems.empty() && foreign_key_problems.empty() &&
           units_without_provenance == 0 && duplicate_units == 0;
  }
};

struct PruneOptions {
  double below = -1.0;      // remove TUs whose best score is below this; < 0 = off
  int64_t document_id = 0;  // remove this document and all that came only from it; 0 = off
  bool dry_run = false;     // count only; the file is not modified
};

struct PruneResult {
  int64_t units = 0;
  int64_t provenances = 0;
  int64_t documents = 0;
  int64_t alignments = 0;
  int64_t segments = 0;
};

struct MergeResult {
  int64_t documents_added = 0;
  int64_t alignments_added = 0;
  int64_t units_added = 0;
  int64_t units_existing = 0;
  int64_t provenances_added = 0;
};

// One document as listed by Documents().
struct DocumentInfo {
  int64_t id = 0;
  std::string path;
  std::string language;
  std::string title;
  std::string content_hash;
  int64_t segments = 0;
};

// One alignment run as stored: which documents, how and when.
struct StoredRun {
  int64_t id = 0;
  std::string mode;        // "parallel" or "comparable"
  std::string label;       // provenance label of its units
  std::string created;     // UTC, TMX form YYYYMMDDThhmmssZ
  std::string parameters;  // JSON object of the options that shaped it
  DocumentInfo source;
  DocumentInfo target;
  int64_t pairs = 0;  // beads with sentences on both sides
};

// A segment of a stored document with its anchors.
struct StoredSegment {
  size_t index = 0;      // Segment::number: what the stored beads name
  std::string original;  // the original text, UTF-8
  // Its anchors; each span is a byte range of `original` (anchors whose text
  // cannot be found in `original` are left out).
  std::vector<Anchor> anchors;
};

// A stored alignment run with everything needed to show it again.
struct StoredAlignment {
  StoredRun run;
  std::vector<StoredSegment> source;  // every segment of both documents, in document order
  std::vector<StoredSegment> target;
  // The beads with sentences on both sides, in the run's order: indices,
  // score, shared anchors. A segment in no bead stayed unaligned (1-0 / 0-1).
  std::vector<Bead> beads;
};

// Coverage of a new text by the TM in the usual CAT buckets.
struct Analysis {
  struct Bucket {
    std::string name;  // "100%", "95–99%", "85–94%", "75–84%", "50–74%", "no match"
    int64_t segments = 0;
    int64_t words = 0;
  };
  std::vector<Bucket> buckets;  // in that order
  int64_t segments = 0;
  int64_t words = 0;
};

class Store {
 public:
  // Opens (and with options.create, creates) the TM at path; ":memory:" is a
  // private in-memory TM. Migrates an older schema forward unless read_only.
  // Throws IoError (missing file when not creating), DbError (not a SQLite
  // file, corrupt, not an ancre TM, schema newer than this ancre, locked,
  // read-only when writing is needed). On error the file is not modified.
  Store(const std::filesystem::path& path, const StoreOptions& options);
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  const std::string& path() const;
  bool read_only() const;

  // Units stored but not yet in the search indexes: Lookup, Search and
  // Analyze do not see them. Only a run interrupted between storing units and
  // indexing them (or index_after_write = false) leaves any.
  int64_t UnindexedUnits() const;
  // Adds the unindexed units to the search indexes in one transaction of its
  // own; returns how many. Throws DbError (the indexes are then as before).
  int64_t UpdateIndexes();

  // Stores both documents, their segments and anchors, the run and one TU per
  // bead with segments on both sides, in ONE transaction. Idempotent (see the
  // header comment). Throws DbError (the TM is then unchanged), Error if a
  // bead names a segment that does not exist.
  SaveResult SaveAlignment(const DocumentRecord& source, const DocumentRecord& target,
                           const Alignment& alignment, const AlignmentRecord& run);

  // Adds units in one transaction, deduplicating against the TM and within the
  // batch. Uses each unit's texts, languages, markup, score, origin, bead_type,
  // anchors_json, document (provenance label; required), created, tuid, props
  // and notes; ignores id. Throws DbError, or Error for a unit without
  // languages or with empty source or target; either way nothing is added.
  AddResult AddUnits(const std::vector<TranslationUnit>& units);

  // Streaming form, for inputs of any size: calls next(&unit) until it returns
  // false and adds each unit it fills in, all in ONE transaction (memory stays
  // bounded; `unit` is reused, so next should assign every field). If next
  // throws, or a unit is invalid (Error as above), or a write fails (DbError),
  // the transaction is rolled back, the TM is exactly as before, and the
  // exception propagates. A killed process leaves the TM as before, too.
  AddResult AddUnits(const std::function<bool(TranslationUnit*)>& next);

  // Calls visit for every TU matching filter, in id order, streaming (memory
  // stays bounded; the filter is applied by the query). The unit's provenance
  // fields (document, bead_type, anchors_json, mode, run) come from its first
  // provenance; score is the best. Exceptions from visit propagate.
  void ForEachUnit(const UnitFilter& filter,
                   const std::function<void(const TranslationUnit&)>& visit) const;

  // Fuzzy matches of query against TU sources, best first (score, then TU id).
  // Candidates come from the word index: never a scan of every TU when
  // threshold > 0. Returns no matches for a query without words.
  std::vector<FuzzyMatch> Lookup(std::string_view query, const LookupOptions& options) const;
  // The same result computed by scoring every TU: the reference for Lookup.
  std::vector<FuzzyMatch> LookupByScan(std::string_view query, const LookupOptions& options) const;

  // Concordance: TUs whose source or target contains the query (FTS5 syntax:
  // words, "phrases", prefix*, NEAR(a b, 5), AND/OR/NOT; case and accents
  // ignored). A query that is not valid FTS5 syntax is searched as plain
  // words. With options.substring, the query is a fragment of at least 3
  // characters matched anywhere (ASCII case ignored), newest TUs first. Word
  // searches are best first (bm25); when a query has more than 2000 hits,
  // newest TUs first. Prefixes of one or two letters (d*) are slow on a big TM.
  // Throws Error for a substring fragment shorter than 3 characters,
  // UsageError for a query beyond SearchLimits (CheckSearchQuery).
  std::vector<ConcordanceHit> Search(std::string_view query, const SearchOptions& options) const;

  // Coverage of `segments` (texts of a new document): each segment goes in the
  // bucket of its best match restricted to options' languages.
  Analysis Analyze(const std::vector<std::string>& segments, const LookupOptions& options) const;

  StoreStats Stats() const;
  std::vector<DocumentInfo> Documents() const;

  // The alignment runs, oldest first; with document_id > 0 only the runs that
  // aligned that document (as source or target).
  std::vector<StoredRun> Alignments(int64_t document_id = 0) const;

  // Run alignment_id with both documents' segments and anchors and its beads.
  // Throws Error if the TM has no such run, DbError.
  StoredAlignment LoadAlignment(int64_t alignment_id) const;

  // PRAGMA integrity_check, foreign key check, FTS index checks, orphans, duplicates.
  CheckReport Check() const;

  // Removes TUs below a score and/or a document with everything that came only
  // from it, in one transaction (rolled back when dry_run). Throws Error if
  // neither criterion is given or the document does not exist.
  PruneResult Prune(const PruneOptions& options);

  // Copies another TM's documents, segments, anchors, runs, TUs and
  // provenances into this one, deduplicating, in one transaction. `other` is
  // opened read-only and never modified. Throws what the constructor throws for
  // `other`, and DbError.
  MergeResult Merge(const std::filesystem::path& other);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The default TM path: $ANCRE_DB if set and not empty, else "ancre.sqlite".
std::string DefaultStorePath();

// Lowercase hex SHA-256 of bytes (FIPS 180-4): documents' content hash.
std::string Sha256Hex(std::string_view bytes);

}  // namespace ancre::tm
