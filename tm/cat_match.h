// The match percentage a CAT tool shows, and what makes a match less than
// 100 %. Fuzzy lookup finds its candidates by words (tm/fuzzy.h, whose word
// score ignores case, accents and punctuation); the percentage it shows is
// computed here on the texts as written, as translate-toolkit and the CAT
// tools that follow it do: 100 × (1 − d / max(n, m)), d the Levenshtein
// distance in characters (code points) between the query's n characters and
// the candidate's m, where an inline tag counts as one character. So 100
// means identical text, tags included, and any difference costs: a missing
// accent, a capital, a final "?", a number, a tag.
//
// Inline tags: in the candidate, the TMX inline elements of its stored markup
// (bpt, ept, it, ph, ut; hi's start and end), each known by its native code
// ("<b>") or, without one, by its element; in the query, the spans written
// as tags (`<b>`, `</b>`, `<br/>`: '<', a letter or '/', up to the next '>').
//
// Usage:
//   ancre::tm::CatMatch m = ancre::tm::CompareForMatch("Où est-il ?", "Ou est-il ?");
//   // m.score == 90.91, m.differences == {"accents"}
//
// Thread-safe: pure functions. Input must be valid UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/core/bead.h"

namespace ancre::tm {

// A number the query writes differently from the candidate, at the same
// place in the text: "31" where the TM has "30".
struct NumberChange {
  std::string query;
  std::string candidate;
  friend bool operator==(const NumberChange&, const NumberChange&) = default;
};

struct CatMatch {
  // 100 × (1 − d / max(n, m)) over characters and tags; below 100 (at most
  // 99.99) whenever the texts differ; 100 when both are empty.
  double score = 100.0;
  // What differs besides whole words, in this order: "tags", "case",
  // "accents", "punctuation", "spacing", "number Q → C" (one per number of
  // the query written differently in the candidate, query's first), and
  // "characters" for a difference none of these names (a ligature, a
  // full-width letter). Word edits are DiffWords' (tm/fuzzy.h).
  std::vector<std::string> differences;
  // The numbers behind the "number Q → C" differences, in the same order.
  std::vector<NumberChange> numbers;
};

// Compares the query with a candidate's text. candidate_markup: the
// candidate's TMX <seg> content with its inline elements, or empty when it
// has none (then candidate is compared as plain text).
CatMatch CompareForMatch(std::string_view query, std::string_view candidate,
                         std::string_view candidate_markup = {});

// The candidate's translation adapted to the query's numbers, where the
// candidate's anchors pair them: for each change C -> Q, an anchor (a number,
// a date) whose source text holds the number C and whose target text holds
// it too has C replaced by Q in that target text, and the target's
// occurrence of the anchor's target text is replaced with it ("27 octobre" /
// "October 27": the query's "28 octobre" gives "October 28"). Numbers are
// whole runs of ASCII digits. Returns the adapted target, or "" when no
// change could be applied; appends "C → Q" to *applied for each one applied.
std::string AdaptTarget(std::string_view target, const std::vector<NumberChange>& changes,
                        const std::vector<SharedAnchor>& anchors,
                        std::vector<std::string>* applied);

}  // namespace ancre::tm
