// The review actions a reviewer takes on a run's beads, as the changes
// (tm/review.h) that the TM applies in one transaction each: confirm,
// reject, confirm all above, merge with the next or previous bead, split,
// move a sentence to the neighbouring bead (InterText's shift), link two
// sentences (comparable mode), edit a segment's text. Pure functions of the
// review state: nothing is written here.
//
// Usage (given ancre::tm::TranslationMemory& memory, int64_t run):
//   ancre::tm::ReviewState state = memory.LoadReview(run);
//   memory.ApplyReview(run, ancre::review::Merge(state, state.beads[0].id, true, "ana"));
//
// A change names each bead it replaces with the version `state` holds; the
// TM refuses it (tm::StaleReview) if the bead changed since.
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "src/core/error.h"
#include "tm/review.h"

namespace ancre::review {

// An action that cannot be taken on these beads (merge the last bead with
// the next, split a bead of one sentence ...). The message says why.
class ActionError : public Error {
 public:
  using Error::Error;
};

// Every function throws ActionError for a bead id `state` does not hold, and
// for what the function says.

// The bead as confirmed (or rejected) by `reviewer`.
tm::ReviewChange Confirm(const tm::ReviewState& state, int64_t bead, std::string_view reviewer);
tm::ReviewChange Reject(const tm::ReviewState& state, int64_t bead, std::string_view reviewer);
// Every automatic bead up to and including `bead` as confirmed.
tm::ReviewChange ConfirmAllAbove(const tm::ReviewState& state, int64_t bead,
                                 std::string_view reviewer);

// The bead and its next (or previous) bead as one edited bead, which keeps
// the earlier one's id. Throws ActionError when there is no such neighbour.
tm::ReviewChange Merge(const tm::ReviewState& state, int64_t bead, bool with_next,
                       std::string_view reviewer);

// The bead cut in two after its first src_at source and tgt_at target
// sentences; the second part is a new bead right after it. Throws
// ActionError when a part would hold no sentence.
tm::ReviewChange Split(const tm::ReviewState& state, int64_t bead, size_t src_at, size_t tgt_at,
                       std::string_view reviewer);

// Moves one sentence of the bead's source (or target) side to the
// neighbouring bead: down moves its last sentence to the start of the next
// bead, up its first sentence to the end of the previous one. A bead left
// with no sentence is removed. Throws ActionError when that side is empty or
// there is no neighbour.
tm::ReviewChange Move(const tm::ReviewState& state, int64_t bead, bool target, bool down,
                      std::string_view reviewer);

// A new bead pairing source sentence `src` with target sentence `tgt`
// (segment numbers), placed after the bead holding `src`; a bead holding
// only one of them alone goes. Throws ActionError for a sentence the
// documents lack, or a pair some bead already links.
tm::ReviewChange Link(const tm::ReviewState& state, size_t src, size_t tgt,
                      std::string_view reviewer);

// The segment's text as the reviewer wrote it (an edit of the run, not of
// the document); every bead holding it is edited. Throws ActionError for an
// empty text or a segment the documents lack.
tm::ReviewChange EditSegment(const tm::ReviewState& state, bool target, size_t index,
                             std::string_view text, std::string_view reviewer);

// The position of the bead at `at` in state.beads, or throws ActionError.
size_t FindBead(const tm::ReviewState& state, int64_t bead);

// A position strictly between the beads at `at` and `at + 1` (after the
// last bead when there is none). Throws ActionError when there is no room
// (reloading the review spreads the beads again).
int64_t PositionAfter(const tm::ReviewState& state, size_t at);

}  // namespace ancre::review
