#include "src/core/bead.h"

namespace ancre {

std::string_view AlignModeName(AlignMode mode) {
  switch (mode) {
    case AlignMode::kParallel:
      return "parallel";
    case AlignMode::kComparable:
      return "comparable";
    case AlignMode::kAuto:
      return "auto";
  }
  return "auto";
}

bool ParseAlignMode(std::string_view name, AlignMode* mode) {
  for (AlignMode m : {AlignMode::kAuto, AlignMode::kParallel, AlignMode::kComparable}) {
    if (AlignModeName(m) == name) {
      *mode = m;
      return true;
    }
  }
  return false;
}

}  // namespace ancre
