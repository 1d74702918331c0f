// Named entity and acronym recognition for anchors: capitalized word
// sequences that are names, not just sentence-initial words ("Cette", "The",
// "Under", "Dès"), with particles inside ("Corée du Sud", "Royal Academy of
// Cambodia"), hyphens ("Lee Jae-myung"), elided articles dropped
// ("l'ASEAN"), titles split off ("Premier ministre Hun Manet"); countries,
// cities, languages and nationality adjectives (lower-case ones too:
// "sud-coréen") keyed through the AnchorLexicon; acronyms ("CCOS", "ASEAN",
// "UN").
//
// Keys: a region code for countries and nationalities ("KR"), the English
// name of a known city ("seoul"), otherwise the folded name with hyphens as
// spaces, transliterated to Latin ("lee jae myung"); acronyms folded
// ("asean").
//
// Usage: feed every segment of a document to CaseEvidence first, then run
// EntityScanner on each segment, then ResolveDocumentEntities
// (entity_resolution.h) on the result.
//
// Thread-safety: CaseEvidence and EntityScanner are not thread-safe; the
// functions are pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/text/anchor_lexicon.h"
#include "src/text/anchor_tokens.h"
#include "src/text/case_evidence.h"

namespace ancre::text {

class EntityScanner {
 public:
  // `lexicon` and `evidence` must outlive the scanner.
  EntityScanner(const AnchorLexicon& lexicon, const CaseEvidence& evidence);
  ~EntityScanner();
  EntityScanner(const EntityScanner&) = delete;
  EntityScanner& operator=(const EntityScanner&) = delete;

  // Appends the entities and acronyms among `tokens` (from Tokenize of
  // `text`) to *out, spans relative to `text`. Tokens marked in *used are
  // skipped; the ones taken are marked.
  void Append(std::string_view text, const std::vector<Token>& tokens, std::vector<bool>* used,
              std::vector<Anchor>* out);

  // The key of a name as written: folded, hyphens and apostrophes as spaces,
  // dots dropped, other scripts transliterated to Latin ("Lee Jae-myung" ->
  // "lee jae myung", "Москва" -> "moskva").
  std::string NameKey(std::string_view written);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::text
