// internal::Backend: what a TM backend implements (tm/sqlite/ today). The
// public TranslationMemory (tm/translation_memory.h) forwards to it; each
// method has the contract of the TranslationMemory method of the same name.
// Private to tm/.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tm/concordance_query.h"
#include "tm/records.h"
#include "tm/review.h"

namespace ancre::tm::internal {

class Backend {
 public:
  virtual ~Backend() = default;

  virtual const std::string& name() const = 0;
  virtual bool read_only() const = 0;
  virtual int64_t UnindexedUnits() const = 0;
  virtual int64_t UpdateIndexes() = 0;
  virtual SaveResult SaveAlignment(const DocumentRecord& source, const DocumentRecord& target,
                                   const Alignment& alignment, const AlignmentRecord& run) = 0;
  virtual AddResult AddUnits(const std::function<bool(TranslationUnit*)>& next) = 0;
  virtual void ForEachUnit(const UnitFilter& filter,
                           const std::function<void(const TranslationUnit&)>& visit) const = 0;
  virtual std::vector<FuzzyMatch> Lookup(std::string_view query,
                                         const LookupOptions& options) const = 0;
  virtual std::vector<FuzzyMatch> LookupByScan(std::string_view query,
                                               const LookupOptions& options) const = 0;
  virtual std::vector<ConcordanceHit> Search(std::string_view query,
                                             const SearchOptions& options) const = 0;
  virtual std::vector<ConcordanceHit> Search(const ConcordanceQuery& query,
                                             const SearchOptions& options) const = 0;
  virtual TmStats Stats() const = 0;
  virtual std::vector<DocumentInfo> Documents() const = 0;
  virtual std::vector<StoredRun> Alignments(int64_t document_id) const = 0;
  virtual StoredAlignment LoadAlignment(int64_t alignment_id) const = 0;
  virtual ReviewState LoadReview(int64_t alignment_id) = 0;
  virtual ReviewResult ApplyReview(int64_t alignment_id, const ReviewChange& change) = 0;
  virtual ReviewResult UndoReview(int64_t alignment_id) = 0;
  virtual ReviewResult RedoReview(int64_t alignment_id) = 0;
  virtual CheckReport Check() const = 0;
  virtual PruneResult Prune(const PruneOptions& options) = 0;
  // other: the backend of the TM to merge in (TranslationMemory::Merge).
  virtual MergeResult Merge(const Backend& other) = 0;
  virtual bool Close() = 0;
};

}  // namespace ancre::tm::internal
