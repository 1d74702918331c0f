// Bead: one unit of an alignment — the source segments and target segments
// that correspond (1-1, 1-2, 2-1, 1-0, 0-1 ...), how sure the aligner is, and
// the evidence (shared anchors) that made it pair them. Plain value type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"

namespace ancre {

// One anchor both sides of a bead share.
struct SharedAnchor {
  AnchorKind kind = AnchorKind::kNumber;
  std::string key;
  std::string src_text;
  std::string tgt_text;
};

struct Bead {
  std::vector<size_t> src;  // indices of source segments, ascending
  std::vector<size_t> tgt;  // indices of target segments, ascending
  double score = 0.0;       // calibrated confidence in [0, 1]
  std::vector<SharedAnchor> anchors;

  // "1-1", "1-2", "0-1" ...
  std::string type() const { return std::to_string(src.size()) + "-" + std::to_string(tgt.size()); }
};

enum class AlignMode { kAuto, kParallel, kComparable };

// The name used on the command line, in the TM and in reports: "auto",
// "parallel" or "comparable".
std::string_view AlignModeName(AlignMode mode);
// Inverse of AlignModeName; returns false if name is unknown.
bool ParseAlignMode(std::string_view name, AlignMode* mode);

struct Alignment {
  AlignMode mode = AlignMode::kParallel;  // the mode actually used (never kAuto)
  std::vector<Bead> beads;                // in source order
};

}  // namespace ancre
