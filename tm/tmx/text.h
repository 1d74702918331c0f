// Text and date hygiene for TMX: what may go into an XML 1.0 file, how
// segments are trimmed, and the TMX date form. The writer relies on these so
// that no export is ever rejected by a consumer: a single control character
// makes a whole file not well-formed.
//
// Pure functions; thread-safe.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace ancre::tm {

// Removes from *text, in place, every code point XML 1.0 forbids (U+0000 to
// U+001F except tab, LF and CR; U+FFFE; U+FFFF; surrogates) and every byte
// that is not part of valid UTF-8. Returns how many were removed (a byte of
// invalid UTF-8 counts as one). Valid text is left untouched.
size_t RemoveXmlForbidden(std::string* text);

// Returns text without leading and trailing white space: ASCII white space
// and the Unicode White_Space characters (NBSP, NNBSP, ideographic space ...)
// plus U+FEFF. Inner white space is kept as is. The view points into text.
std::string_view TrimSpace(std::string_view text);

// TMX 1.4b: dates are YYYYMMDDThhmmssZ in UTC. True if date has that form
// with a valid month, day, hour, minute and second.
bool IsTmxDate(std::string_view date);

// Returns date in TMX form if it is a TMX date or an ISO 8601 date-time in
// UTC ("2024-05-01T12:30:00Z", "2024-05-01 12:30:00", "2024-05-01"), else
// nullopt. A date without time is taken as midnight UTC.
std::optional<std::string> ToTmxDate(std::string_view date);

// Returns t (seconds since the epoch) as a TMX date in UTC.
std::string FormatTmxDate(std::time_t t);

// Returns the current time as a TMX date in UTC.
std::string TmxDateNow();

}  // namespace ancre::tm
