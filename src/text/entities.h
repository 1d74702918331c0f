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
// EntityScanner on each segment, then ResolveDocumentEntities on the result.
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

namespace ancre::text {

// What the whole document says about how a word is written: a word seen in
// lower case is a common word; one capitalized in mid-sentence is a name.
// It also hands each token what the lexicon knows about it, looking each
// distinct word up once per document.
class CaseEvidence {
 public:
  // `lexicon` must outlive the evidence and the tokens given to Add().
  explicit CaseEvidence(const AnchorLexicon& lexicon) : lexicon_(lexicon) {}

  // Stores the lexicon's facts in each word and punctuation token of one
  // segment (Token::facts), then counts its words.
  void Add(std::vector<Token>* tokens);
  int lower(std::string_view folded) const;
  int capitalized_inside(std::string_view folded) const;

 private:
  struct Entry {
    std::string word;  // folded
    const WordFacts* facts = nullptr;
    int lower = 0;               // times written in lower case
    int capitalized_inside = 0;  // times capitalized away from a sentence start
  };
  // Open addressing over entries_ (every token of a document is looked up
  // here, so a flat table rather than a node per word).
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = 0;  // 1 + index into entries_; 0 = empty
  };
  static uint64_t HashOf(std::string_view word);
  const Entry* Find(std::string_view folded) const;
  // Index of the entry of `word`, created (with its facts) if new.
  uint32_t Intern(std::string_view word);

  const AnchorLexicon& lexicon_;
  std::vector<Slot> slots_;  // size is a power of two, at most half full
  std::vector<Entry> entries_;
  std::vector<uint32_t> scratch_;  // entry of each token of the segment being added
};

// True if tokens[k] starts a sentence or a quotation (so its capital says
// nothing about it being a name).
bool IsSentenceInitial(const std::vector<Token>& tokens, size_t k);

// True if most content words of the segment are capitalized (an English
// headline in title case).
bool IsTitleCase(const std::vector<Token>& tokens, const AnchorLexicon& lexicon);

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

// Document-level fixes once every segment is done: a name given in full
// somewhere lends its key (at lower weight) to its single-word mentions
// ("Manet" -> "hun manet" when "Hun Manet" is the only such name), a person's
// subtype spreads to all its mentions, and an expansion followed by its
// acronym in brackets ("Commission for Combating Online Scams (CCOS)") is
// keyed by the acronym everywhere in the document.
void ResolveDocumentEntities(std::vector<std::vector<Anchor>>* anchors);

}  // namespace ancre::text
