// The function words of each language, in one place: articles, pronouns,
// prepositions, conjunctions, auxiliaries and the adverbs that go with them,
// folded (unicode::FoldWord). Two readers use them for two purposes, and each
// purpose adds a few words the other must not have:
//   - anchor extraction: a function word at the start of a sentence is not a
//     name ("Hier", "Malgre", "Today" are not, "Han" or "Est" can be), so
//     `not_names` adds time adverbs and discourse words;
//   - the aligner: a function word is no lexical evidence, so `no_evidence`
//     adds auxiliaries and quantifiers ("est", "hat", "han") that may begin a
//     name but never translate one.
// Languages: fr, en, de, and es/it/pt/ca (one Romance list).
//
// Usage:
//   const ancre::text::FunctionWords* fw = ancre::text::FunctionWordsOf("de");
//   bool skip = fw && fw->NoEvidence("ist");  // true
//
// Thread-safety: the lists are built once, then read-only.
#pragma once

#include <string_view>
#include <unordered_set>

namespace ancre::text {

class FunctionWords {
 public:
  // Space-separated folded words: the shared list and each purpose's addition.
  FunctionWords(const char* common, const char* not_names, const char* no_evidence);

  bool IsCommon(std::string_view folded) const { return common_.count(folded) > 0; }
  // Function words for anchor extraction: never a name at a sentence start.
  bool NotAName(std::string_view folded) const {
    return IsCommon(folded) || not_names_.count(folded) > 0;
  }
  // Function words for the aligner: never lexical evidence.
  bool NoEvidence(std::string_view folded) const {
    return IsCommon(folded) || no_evidence_.count(folded) > 0;
  }
  const std::unordered_set<std::string_view>& common() const { return common_; }
  const std::unordered_set<std::string_view>& not_names() const { return not_names_; }

 private:
  std::unordered_set<std::string_view> common_, not_names_, no_evidence_;
};

// The function words of `language` (a BCP 47 tag or its primary subtag), or
// nullptr for a language without a list.
const FunctionWords* FunctionWordsOf(std::string_view language);

}  // namespace ancre::text
