// What a whole document says about how each word is written, for entity
// recognition: a word seen in lower case is a common word, one capitalized
// in mid-sentence is a name; and where a capital says nothing (a sentence
// start, a headline in title case).
//
// Thread-safety: a CaseEvidence is not thread-safe; the functions are pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace ancre::text
