// Entities resolved across a document, after EntityScanner has read every
// segment (src/text/entities.h).
//
// Usage:
//   std::vector<std::vector<ancre::Anchor>> anchors;  // one list per segment
//   ancre::text::ResolveDocumentEntities(&anchors);
//
// Thread-safety: pure function over its argument.
#pragma once

#include <vector>

#include "src/core/anchor.h"

namespace ancre::text {

// Document-level fixes once every segment is done: a name given in full
// somewhere lends its key (at lower weight) to its single-word mentions
// ("Manet" -> "hun manet" when "Hun Manet" is the only such name), a person's
// subtype spreads to all its mentions, and an expansion followed by its
// acronym in brackets ("Commission for Combating Online Scams (CCOS)") is
// keyed by the acronym everywhere in the document.
void ResolveDocumentEntities(std::vector<std::vector<Anchor>>* anchors);

}  // namespace ancre::text
