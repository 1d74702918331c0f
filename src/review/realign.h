// "Re-align the rest": the aligner run again on what no reviewer vouched
// for, the confirmed and edited beads kept as they are, as anchors. In
// parallel mode each stretch between two reviewed beads (after the last
// sentences of one and before the first of the next, on both sides) is
// aligned on its own, so no new bead crosses a reviewed one; in comparable
// mode the sentences outside reviewed beads are aligned together. Automatic
// and rejected beads of a stretch are replaced by the new ones, except those
// the aligner makes again (they keep their id, status and history).
//
// Usage (given ancre::tm::TranslationMemory& memory, int64_t run):
//   ancre::tm::ReviewState state = memory.LoadReview(run);
//   ancre::align::AlignOptions options;  // languages and lexicon; the mode is the run's
//   memory.ApplyReview(run, ancre::review::RealignRest(state, options, "ana"));
//
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include <string_view>

#include "src/align/aligner.h"
#include "tm/review.h"

namespace ancre::review {

// The change that re-aligns the rest of state's run with `options` (its mode
// is set from the run). The change may be empty (nothing to re-align, or the
// aligner made the same beads). Throws ActionError (src/review/actions.h)
// when the stretch has no room for its new beads' positions (reloading the
// review spreads them again).
tm::ReviewChange RealignRest(const tm::ReviewState& state, align::AlignOptions options,
                             std::string_view reviewer);

}  // namespace ancre::review
