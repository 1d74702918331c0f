// The translation memory (TM): the aligned documents (content hash, language,
// title, date), their segments (byte span, original and normalized text),
// their anchors, the alignment runs (mode, parameters, ancre version, time),
// and the translation units (TUs) with where each came from and why it was
// paired. Translators query it by fuzzy lookup and by concordance search.
// What goes in and comes out is in tm/records.h.
//
// A TM is opened from a URI naming its backend and where it lives:
//   sqlite:PATH or PATH   a SQLite file (tm/sqlite/); ":memory:" is a private in-memory TM
//   postgresql://...      reserved for a PostgreSQL backend (not in this build)
//
// Deduplication: a TU is one source/target text pair per language pair. The
// same pair found in two documents (or imported twice from two TMX files) is
// ONE TU with TWO provenances, each naming its document, alignment run, score,
// bead type and shared anchors; the TU's score is the best of them. Documents
// are identified by content hash and language, alignment runs by their two
// documents, mode and parameters: saving the same alignment twice writes nothing.
//
// Every write is atomic: an interrupted or killed process leaves the TM
// exactly as it was before the write began. The search indexes are derived
// from the stored units and brought up to date right after each write; a run
// killed in between leaves its units stored, and the next writer indexes
// them (UnindexedUnits, UpdateIndexes).
//
// Usage (given const ancre::tm::DocumentRecord& fr, const ancre::tm::DocumentRecord& en,
//        const ancre::Alignment& alignment):
//   ancre::tm::TranslationMemory memory("tm.sqlite", {});
//   memory.SaveAlignment(fr, en, alignment, {.mode = "parallel"});
//   for (const auto& m : memory.Lookup("Les deux pays créeront une équipe.", {}))
//     std::cout << m.score << " " << m.target << "\n";
//
// Thread-safety: a TranslationMemory is not thread-safe; use one per thread.
// Several processes (or objects) may use the same TM: writers wait for each
// other up to OpenOptions::lock_wait_ms.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tm/concordance_query.h"
#include "tm/errors.h"
#include "tm/records.h"
#include "tm/review.h"

namespace ancre::tm {

namespace internal {
class Backend;
}

// Called around every commit of every TM in the process: begin() before it,
// end(committed) after it (committed: the write changed something and it is
// in the TM). A program that stops at once on an interruption uses them to
// hold the interruption while the backend commits, so that what it says on
// exit is what the TM holds, while the work before the commit stays
// interruptible (and rolls back). Set once at start, before any TM is used;
// null pointers: no hooks.
void SetCommitHooks(void (*begin)(), void (*end)(bool committed));

struct OpenOptions {
  // Open for reading only: never modifies the TM (no migration of an older format).
  bool read_only = false;
  // Create the TM if missing or empty. Ignored when read_only.
  bool create = true;
  // How long to wait for another process's write before failing with LockedError.
  int lock_wait_ms = 5000;
  // The caller reads every unit once (an export): the backend keeps little in
  // memory instead of caching for repeated lookups.
  bool streaming = false;
  // Bring the search indexes (fuzzy lookup, concordance, substring) up to date
  // right after each write, and on opening for writing when an interrupted
  // run left units unindexed. A program writing many batches in a row can set
  // it false and call UpdateIndexes() once at the end: indexing all the units
  // at once is faster than batch by batch.
  bool index_after_write = true;
};

// Where a TM lives on disk.
struct TmFiles {
  // The TM's file; empty when it is not a file (":memory:", a server).
  std::filesystem::path file;
  // Working files the TM may have next to `file` while in use, each named
  // `file` followed by the suffix (SQLite: "-wal", "-shm", "-journal").
  std::vector<std::string> working_suffixes;
};

class TranslationMemory {
 public:
  // Opens (and with options.create, creates) the TM at uri (see the header
  // comment). Brings an older format forward unless read_only. Throws
  // UsageError for a URI no backend of this build serves,
  // NoSuchTranslationMemory (missing file when not creating), IoError (a
  // folder), DbError (not a TM, corrupt, format newer than this ancre,
  // read-only when writing is needed), LockedError (another
  // process kept it locked longer than options.lock_wait_ms). On error the TM
  // is not modified.
  TranslationMemory(std::string_view uri, const OpenOptions& options);
  ~TranslationMemory();
  TranslationMemory(TranslationMemory&&) noexcept;
  TranslationMemory& operator=(TranslationMemory&&) noexcept;

  // The files the TM at uri occupies (nothing is opened). Throws UsageError
  // for a URI no backend of this build serves.
  static TmFiles Files(std::string_view uri);

  // Where the TM is, as messages name it (a SQLite TM: its path).
  const std::string& name() const;
  bool read_only() const;

  // Units stored but not yet in the search indexes: Lookup, Search and
  // Analyze do not see them. Only a run interrupted between storing units and
  // indexing them (or index_after_write = false) leaves any.
  int64_t UnindexedUnits() const;
  // Brings the search indexes up to date with every stored unit; returns how
  // many units it indexed. Throws DbError (the indexes are then as before;
  // the units stay stored).
  int64_t UpdateIndexes();

  // Stores both documents, their segments and anchors, the run and one TU per
  // bead with segments on both sides, atomically. Idempotent (see the header
  // comment). Throws DbError (the TM is then unchanged), Error if a bead
  // names a segment that does not exist.
  SaveResult SaveAlignment(const DocumentRecord& source, const DocumentRecord& target,
                           const Alignment& alignment, const AlignmentRecord& run);

  // Adds units atomically, deduplicating against the TM and within the
  // batch. Uses each unit's texts, languages, markup, score, origin,
  // bead_type, anchors_json, document (provenance label; required), created,
  // tuid, props and notes; ignores id. Throws DbError, or Error for a unit
  // without languages or with empty source or target; either way nothing is
  // added.
  AddResult AddUnits(const std::vector<TranslationUnit>& units);

  // Streaming form, for inputs of any size: calls next(&unit) until it returns
  // false and adds each unit it fills in, all atomically (memory stays
  // bounded; `unit` is reused, so next should assign every field). If next
  // throws, or a unit is invalid (Error as above), or a write fails (DbError),
  // the TM is exactly as before and the exception propagates. A killed
  // process leaves the TM as before, too.
  AddResult AddUnits(const std::function<bool(TranslationUnit*)>& next);

  // Calls visit for every TU matching filter, in id order, streaming (memory
  // stays bounded). The unit's provenance fields (document, bead_type,
  // anchors_json, mode, run) come from its first provenance that is not a
  // comparable run's (else its first); score is the best. Throws UsageError
  // for a filter mode CheckModeFilter refuses. Exceptions from visit propagate.
  void ForEachUnit(const UnitFilter& filter,
                   const std::function<void(const TranslationUnit&)>& visit) const;

  // Fuzzy matches of query against TU sources (and, with options.src_lang, TU
  // targets in that language, read the other way), scored as CAT tools score
  // them (FuzzyMatch::score, tm/cat_match.h), at least options.threshold,
  // best first (score, word score, then TU id). Candidates are the
  // options.max units whose words match best (tm/fuzzy.h), at least the
  // threshold; on source sides they come from the word index: never a scan
  // of every TU when threshold > 0 (target sides are scanned). Returns no matches for a query
  // without words. Throws Error for a threshold outside [0, 100].
  std::vector<FuzzyMatch> Lookup(std::string_view query, const LookupOptions& options) const;
  // The same result computed by scoring every TU: the reference for Lookup.
  std::vector<FuzzyMatch> LookupByScan(std::string_view query, const LookupOptions& options) const;

  // Concordance: TUs whose source or target contains the query, in ancre's
  // query language (tm/concordance_query.h: words, "phrases", prefix*,
  // NEAR(a b, 5), AND/OR/NOT; case and accents ignored), parsed with
  // ConcordanceQuery::Parse. With options.substring, the query is a fragment
  // of at least 3 characters matched anywhere (ASCII case ignored), newest TUs
  // first. Word searches are best first; when a query has more than 2000
  // hits, newest TUs first. Prefixes of one or two letters (d*) are slow on a
  // big TM. Throws Error for a substring fragment shorter than 3 characters,
  // UsageError for a query beyond SearchLimits (CheckSearchQuery).
  std::vector<ConcordanceHit> Search(std::string_view query, const SearchOptions& options) const;
  // The same for a query built by the caller (options.substring is ignored).
  // Throws UsageError for more terms than SearchLimits allow.
  std::vector<ConcordanceHit> Search(const ConcordanceQuery& query,
                                     const SearchOptions& options) const;

  // Coverage of `segments` (texts of a new document): each segment goes in the
  // bucket of its best match restricted to options' languages.
  Analysis Analyze(const std::vector<std::string>& segments, const LookupOptions& options) const;

  TmStats Stats() const;
  std::vector<DocumentInfo> Documents() const;

  // The alignment runs, oldest first; with document_id > 0 only the runs that
  // aligned that document (as source or target).
  std::vector<StoredRun> Alignments(int64_t document_id = 0) const;

  // Run alignment_id with both documents' segments and anchors and its beads.
  // Throws RecordNotFound (tm/errors.h) if the TM has no such run, DbError.
  StoredAlignment LoadAlignment(int64_t alignment_id) const;

  // The review of run alignment_id (tm/review.h): its segments, beads (stored
  // with their identity the first time a review opens the run), edits and
  // how many changes can be undone and redone. Throws RecordNotFound,
  // DbError (read-only TM included: a review writes).
  ReviewState LoadReview(int64_t alignment_id);
  // Applies one review change in one transaction, with its units, and logs
  // it for undo. Throws StaleReview (a bead was changed since the caller
  // read it), Error (a segment the documents lack, an empty text),
  // RecordNotFound, DbError; the TM is then unchanged.
  ReviewResult ApplyReview(int64_t alignment_id, const ReviewChange& change);
  // Takes back the run's latest change not undone / makes the earliest undone
  // change again. Throws Error when there is none, StaleReview when its beads
  // were changed since, DbError; the TM is then unchanged.
  ReviewResult UndoReview(int64_t alignment_id);
  ReviewResult RedoReview(int64_t alignment_id);

  // The storage's own integrity checks, the indexes' checks, orphans, duplicates.
  CheckReport Check() const;

  // Removes TUs below a score and/or a document with everything that came
  // only from it, atomically (rolled back when dry_run). Throws UsageError if
  // neither PruneOptions::below nor PruneOptions::document_id is set, RecordNotFound
  // (tm/errors.h) if the document does not exist.
  PruneResult Prune(const PruneOptions& options);

  // Copies another TM's documents, segments, anchors, runs, TUs and
  // provenances into this one, deduplicating, atomically. `other` is only
  // read (open it read-only). Throws Error if other is this TM or a TM this
  // backend cannot read from, DbError.
  MergeResult Merge(const TranslationMemory& other);

  // Closes the TM. Returns false if its file does not hold every committed
  // write on its own (SQLite: its WAL could not be written into it, e.g. disk
  // full). The object is then closed: any other call throws Error.
  bool Close();

 private:
  internal::Backend& backend() const;

  std::unique_ptr<internal::Backend> backend_;
};

// The default TM: $ANCRE_DB if set and not empty, else "ancre.sqlite".
std::string DefaultStorePath();

// Lowercase hex SHA-256 of bytes (FIPS 180-4): documents' content hash.
std::string Sha256Hex(std::string_view bytes);

}  // namespace ancre::tm
