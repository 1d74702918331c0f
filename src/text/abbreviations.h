// What tells a period that does not end a sentence from one that does, per
// language: the abbreviations fed to ICU's FilteredBreakIterator (ancre's own
// lists, and CLDR's, read from ICU's data, where ancre's only add to them),
// the words that make a number followed by a period an ordinal, and the
// abbreviations that are units after a number. Thread-safe (immutable data;
// ICU's resource bundles are thread-safe).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

// ancre's abbreviations for a language ("fr", "en-GB" -> "en" ...): fr, en,
// de, es, it, pt, cs, sk, pl, ru, uk, bg; empty for the others.
std::vector<std::string> ShippedAbbreviations(std::string_view language);

// CLDR's abbreviations for a language, read from ICU's data, for the languages
// where ancre's list (if any) only adds to them: those ICU has a list for (ru),
// except fr, en, de, es, it, pt, whose CLDR lists hold words that end sentences
// (en "Long.", "Job.", de "Test.") and measured worse on news than ancre's.
// Empty if none; never the default locale's list. An entry with an inner
// period ("н.э.") only keeps its parts together, as ICU's filter reads it.
std::vector<std::string> CldrAbbreviations(std::string_view language);

// Languages that write ordinal numbers with a period ("am 15. März", "1. ledna",
// "den 15. marts") and the words that show such a number is an ordinal.
struct OrdinalCues {
  bool dotted = false;  // true for de, cs, sk, pl, da, no, nb, nn, fi, hu, is, et, lv, sl, hr ...
  // Capitalized month names (and abbreviations, with their period) that follow
  // a day number; empty where months are written in lower case (cs "března").
  std::vector<std::string_view> months;
  // Lower-case words before a number that make it an ordinal: an article, a
  // preposition merged with one, a possessive (de "am", "der", "seinem").
  std::vector<std::string_view> determiners;
  // Words that join two ordinals: de "und" ("im 1. und 2. Weltkrieg").
  std::vector<std::string_view> conjunctions;
};

// The cues for a language; dotted = false and empty lists if it has none.
OrdinalCues ShippedOrdinalCues(std::string_view language);

// Abbreviations that stand before a name, but after a number are a unit that
// can end a sentence: ru "г." (город "в г. Москве", год "в 2010 г."), cs "m."
// (město "hl. m. Praha", metr), uk "м.". A period after one is a sentence end
// only after a number. (ICU's filter cannot say this, nor match "hl. m." as a
// whole: an entry with an inner period only guards the break after its first part.)
std::vector<std::string_view> NameOrUnitAbbreviations(std::string_view language);

}  // namespace ancre::text
