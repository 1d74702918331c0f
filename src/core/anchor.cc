#include "src/core/anchor.h"

namespace ancre {

std::string_view AnchorKindName(AnchorKind kind) {
  switch (kind) {
    case AnchorKind::kDate:
      return "date";
    case AnchorKind::kNumber:
      return "number";
    case AnchorKind::kPercent:
      return "percent";
    case AnchorKind::kMoney:
      return "money";
    case AnchorKind::kEntity:
      return "entity";
    case AnchorKind::kAcronym:
      return "acronym";
  }
  return "unknown";
}

bool ParseAnchorKind(std::string_view name, AnchorKind* kind) {
  for (AnchorKind k : {AnchorKind::kDate, AnchorKind::kNumber, AnchorKind::kPercent,
                       AnchorKind::kMoney, AnchorKind::kEntity, AnchorKind::kAcronym}) {
    if (AnchorKindName(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace ancre
