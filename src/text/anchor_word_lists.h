// The hand-written word lists of anchor extraction, per base language:
// name particles, titles, organization words, elisions,
// date prepositions, range words, percent phrases, number abbreviations
// and words for "year". Internal to src/text (AnchorLexicon reads them);
// kept apart from anchor_lexicon.cc because they are data, not logic.
#pragma once

#include <span>
#include <string_view>

namespace ancre::text::internal {

// Short hand-written word lists, per base language. Words are folded.
struct WordLists {
  const char* particles;  // lower-case words inside names ("Corée du Sud")
  const char* titles;     // words before a person's name
  const char* org_words;  // words that make a name an organization
  const char* elisions;   // elided words before an apostrophe
  const char* date_prepositions;
  const char* range_words;
  const char* ambiguous_months;
  const char* percent_phrases;           // separated by '|'
  const char* multiplier_abbreviations;  // word=factor
  const char* excluded_number_words;     // number words that are also common words
};

// The lists of `lang` (a base language: "fr", "de" ...); English's for a
// language without its own.
const WordLists& ListsFor(std::string_view lang);

// Words for percent (separated by '|') and for "year" next to a year, of
// languages whose other lists fall back to English's; folded when loaded.
struct MoreWords {
  const char* language;
  const char* percent_phrases;
  const char* year_nouns;
};

// Every language's extra words (see MoreWords).
std::span<const MoreWords> AllMoreWords();

}  // namespace ancre::text::internal
