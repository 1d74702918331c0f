// The report's view of an alignment (src/report/view.h), built in one place
// from either source: a fresh alignment (AlignFiles) or a run stored in a
// translation memory. The renderers (HTML, terminal) take only the view.
//
// Usage:
//   ancre::pipeline::PairOptions o;  o.candidates = true;  // for the score matrix
//   ancre::report::AlignmentView v =
//       ancre::pipeline::AlignmentView(ancre::pipeline::AlignFiles("a.fr", "a.en", {}, o));
//   ancre::report::WriteHtml(v, {}, std::cout);
//
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include "src/pipeline/pipeline.h"
#include "src/report/view.h"
#include "tm/translation_memory.h"

namespace ancre::pipeline {

// Candidate pairs below this similarity are left out of the score matrix.
inline constexpr double kMinCandidateScore = 0.1;

// The view of a fresh alignment: each segment's original text (decoded to
// UTF-8, whatever the input's encoding) with its anchors as byte offsets into
// it, the beads as `ancre align --format jsonl` lists them, and the aligner's
// own candidate pairs (AlignedPair::candidates, kept with
// PairOptions::candidates) scoring kMinCandidateScore or more, for the score
// matrix. Returns the view (it copies what it needs). Throws nothing but
// std::bad_alloc.
report::AlignmentView AlignmentView(const AlignedDocuments& aligned);

// The view of a run stored in a TM: both documents' segments with their
// anchors, the stored beads (pairs; segments in no bead show as unaligned),
// no candidate scores. Copies what it needs; throws nothing but bad_alloc.
report::AlignmentView StoredAlignmentView(const tm::StoredAlignment& stored);

}  // namespace ancre::pipeline
