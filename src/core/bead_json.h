// The JSON form of beads and of the shared anchors that are their evidence:
// one schema for the align JSONL, the evidence a translation memory stores
// with each aligned unit, and the gold files `ancre eval` reads.
//
//   bead:   {"src":[i,...],"tgt":[j,...],"score":0.930,"type":"1-1",
//            "anchors":[anchor,...],"src_text":"...","tgt_text":"..."}
//   anchor: {"kind":"date","key":"--10-27","src":"27 octobre","tgt":"October 27"}
//   an unaligned segment comparable mode set aside as page furniture also
//   has "furniture":"credit" (byline, dateline, promo, poll, label).
//
// Readers also accept the anchor keys "source"/"target" that translation
// memories written before this schema hold. Thread-safe (pure functions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/core/bead.h"

namespace ancre {

// Returns the anchors as a JSON array ("[]" when there are none).
std::string SharedAnchorsJson(const std::vector<SharedAnchor>& anchors);

// Reads a JSON array of anchor objects. Evidence is shown when present and
// never required, so anything unreadable (not JSON, not an array, an object
// without a known "kind", a value that is not a string) yields no anchors;
// unknown keys are ignored. Never throws.
std::vector<SharedAnchor> SharedAnchorsFromJson(std::string_view json);

// Returns the bead as one JSONL line, without the newline: the score with
// three decimals, src_text and tgt_text the joined texts of its segments.
// `furniture`: the set-aside reason of an unaligned segment, or empty.
// `mode`: the mode of the alignment ("parallel": the bead is a translation;
// "comparable": both sides report the same fact), written after "type"; empty
// writes no "mode".
std::string BeadJsonLine(const Bead& bead, std::string_view src_text, std::string_view tgt_text,
                         std::string_view furniture = {}, std::string_view mode = {});

// Reads a bead from one JSON object: "src" and "tgt" (arrays of non-negative
// integers) are required; "score" and "anchors" are read when present and
// well-formed, other keys are ignored. Returns false, leaving *bead
// unspecified, if the line is not such an object. Never throws.
bool BeadFromJson(std::string_view json, Bead* bead);

}  // namespace ancre
