// The abbreviations after which a period does not end a sentence, per
// language, shipped with ancre and fed to ICU's FilteredBreakIterator on top
// of CLDR's own suppressions. Thread-safe (immutable data).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

// The shipped list for a language ("fr", "en-GB" -> "en" ...); empty if none.
std::vector<std::string> ShippedAbbreviations(std::string_view language);

}  // namespace ancre::text
