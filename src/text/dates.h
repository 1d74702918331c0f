// Date recognition for anchors: full and partial dates in a language's own
// forms ("28 octobre 2025", "le 1er novembre", "Oct. 27, 2025", "November
// 10–12", "du 10 au 12 novembre", "27/10/2025", "en 1997", "novembre"),
// normalized to ISO 8601 keys ("2025-10-28", "--11-01", "2025-10", "1997",
// "--11", "2025-11-10/2025-11-12"). Month and weekday names come from the
// AnchorLexicon (CLDR), so every language ICU knows works the same way.
//
// Thread-safety: pure functions over their arguments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/text/anchor_lexicon.h"
#include "src/text/anchor_tokens.h"

namespace ancre::text {

// A calendar date, possibly partial: 0 means "not given".
struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// The key of a dated ISO key with its years removed ("2025-10-27" ->
// "--10-27", "2025-10" -> "--10", "2025-11-10/2025-11-12" ->
// "--11-10/--11-12"); "" for a key without a year or a year alone.
std::string YearlessKey(std::string_view key);

// The keys of the year and the month a date anchor's key stands for, as a
// year or a month alone is keyed: "2025-11-10" -> {"2025"} (its month comes
// from the yearless "--11-10" anchor), "2025-11" -> {"2025", "--11"},
// "--11-10" -> {"--11"}; any other key -> {}.
std::vector<std::string> CoarserDateKeys(std::string_view key);

// Parses "YYYY-MM-DD" into *date. Returns false if malformed or not a real day.
bool ParseIsoDate(std::string_view text, CalendarDate* date);

// The ISO 8601 form of a (partial) date: "2025-10-27", "--10-27", "2025-10",
// "--10", "1997".
std::string IsoKey(const CalendarDate& date);

struct DateContext {
  CalendarDate document_date;  // the date a text was written, for years left implicit; may be empty
  bool day_first = true;       // 27/10 rather than 10/27 in numeric dates
};

// One date found in a segment's tokens.
struct DateMatch {
  size_t first_token = 0;  // index in the token vector
  size_t last_token = 0;   // inclusive
  CalendarDate date;       // as written (year 0 when the text leaves it out)
  CalendarDate range_end;  // set for ranges ("du 10 au 12 novembre")
  int weekday = 0;         // ISO 1-7 for a weekday alone
};

// Finds the dates among `tokens` (from Tokenize of one segment), left to
// right, skipping tokens already marked in *used and marking the ones it
// takes. Returns the matches in text order.
std::vector<DateMatch> FindDates(const std::vector<Token>& tokens, const AnchorLexicon& lexicon,
                                 const DateContext& context, std::vector<bool>* used);

// Turns matches into anchors (spans relative to `text`, the segment the
// tokens came from). A date whose year is missing takes the document's year
// (the year before if that puts it over six months after the document date).
// A dated day, month or range is followed by its year-less copy on the same
// span ("--MM-DD" or "--MM" at a lower weight, subtype "yearless-day",
// "yearless-month-year" or "yearless-range"), so that a side that leaves the
// year out still meets it when keys are compared exactly; see IsYearlessCopy
// and AnchorKeysMatch.
void AppendDateAnchors(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<DateMatch>& matches, const DateContext& context,
                       std::vector<Anchor>* out);

}  // namespace ancre::text
