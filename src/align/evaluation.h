// Scoring an alignment against a hand alignment, with the metrics of the
// project's evaluation: strict bead P/R/F1 (both sides equal a gold bead),
// link P/R/F1 (the S × T links of every bead), 1-1 pair P/R/F1, and
// detection of unaligned segments (null P/R/F1, both sides pooled). Beads
// with an empty side are ignored except for null detection.
//
// Thread-safety: pure functions; EvalCounts is a plain value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/bead.h"

namespace ancre::align {

struct PrecisionRecall {
  size_t tp = 0;
  size_t predicted = 0;
  size_t gold = 0;
  double precision() const;  // 1 when nothing predicted and nothing expected
  double recall() const;
  double f1() const;
};

struct EvalCounts {
  PrecisionRecall strict;
  PrecisionRecall links;
  PrecisionRecall one_to_one;
  PrecisionRecall null;
  size_t src_in_several_beads = 0;  // validity of the prediction
  size_t tgt_in_several_beads = 0;
  void Add(const EvalCounts& other);
};

// Scores one document. n_src / n_tgt: segment counts (unaligned detection
// runs over 0..n-1; pass 0 to use the largest index seen plus one).
EvalCounts ScoreAlignment(const std::vector<Bead>& gold, const std::vector<Bead>& predicted,
                          size_t n_src = 0, size_t n_tgt = 0);

// Parses one JSONL bead line ({"src":[...],"tgt":[...], ...}); other fields
// are read as BeadFromJson reads them. Returns false for a blank line. Throws ParseError (with
// `file` and `line`) if the line is not a bead.
bool ParseBeadLine(std::string_view line, const std::string& file, size_t line_number, Bead* bead);

}  // namespace ancre::align
