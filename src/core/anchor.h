// Anchor: something a sentence mentions that can be recognized in another
// language — a date, a number, a named entity — with a language-independent
// key that two sides compare ("27 octobre" and "October 27" share "--10-27").
// Plain value type.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/core/span.h"

namespace ancre {

enum class AnchorKind { kDate, kNumber, kPercent, kMoney, kEntity, kAcronym };

// The name used in JSONL and HTML ("date", "number", ...).
std::string_view AnchorKindName(AnchorKind kind);
// Inverse of AnchorKindName; returns false if name is unknown.
bool ParseAnchorKind(std::string_view name, AnchorKind* kind);

struct Anchor {
  AnchorKind kind = AnchorKind::kNumber;
  std::string subtype;  // e.g. "person", "place", "organization", "month", "year"; may be empty
  std::string text;     // the original text, as in the input
  Span span;            // bytes of the input file as given
  std::string key;      // language-independent value compared across languages
  double weight = 1.0;  // how strong this anchor is as evidence (a month alone is weak)
};

// The anchors of each segment of a document, parallel to Document::segments.
using DocumentAnchors = std::vector<std::vector<Anchor>>;

}  // namespace ancre
