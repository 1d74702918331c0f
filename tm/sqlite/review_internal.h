// Review in the SQLite TM (tm/review.h), shared by review.cc (loading a run
// for review, changes, undo and redo) and review_rows.cc (the rows of beads
// and edits, and the units that follow them). Private to tm/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tm/review.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm::internal {

// What a review change needs to know of its run.
struct RunInfo {
  int64_t id = 0;
  int64_t src_document = 0;
  int64_t tgt_document = 0;
  std::string label;  // the provenance label of its units
  std::string src_lang;
  std::string tgt_lang;
};

// Throws RecordNotFound if the TM has no run `run`.
RunInfo ReadRunInfo(const SqliteTm::Impl& impl, int64_t run);

// {3, 4} <-> "3,4" (as provenances store segment numbers).
std::string JoinNumbers(const std::vector<size_t>& numbers);
std::vector<size_t> SplitNumbers(std::string_view text);

// The run's stored beads, by position then id.
std::vector<ReviewBead> ReadBeads(const SqliteTm::Impl& impl, int64_t run);
// The bead `id` and its run; false if there is none.
bool ReadBeadById(const SqliteTm::Impl& impl, int64_t id, int64_t* run, ReviewBead* bead);
std::vector<SegmentEdit> ReadEdits(const SqliteTm::Impl& impl, int64_t run);
// A segment's edited text, if it has one.
std::optional<std::string> ReadEdit(const SqliteTm::Impl& impl, int64_t run, bool target,
                                    size_t index);

// A segment edit to write: a text, or none (back to the segment's own).
struct EditChange {
  bool target = false;
  size_t index = 0;
  std::optional<std::string> text;
};

// Inside a transaction: deletes the beads `old`, writes `put` (an id > 0 is
// kept; 0 gets a new one, set in *put), writes `edits`, and brings the run's
// units and provenances in step (tm/review.h). Throws DbError, Error for a
// segment the run's documents lack.
void WriteRows(const SqliteTm::Impl& impl, const RunInfo& run, const std::vector<ReviewBead>& old,
               std::vector<ReviewBead>* put, const std::vector<EditChange>& edits);

}  // namespace ancre::tm::internal
