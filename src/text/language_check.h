// Does a document look written in the language it is declared in? Two
// cheap, conservative signals: the script of its letters (Latin, Cyrillic,
// Greek, Arabic, Hebrew, Devanagari, Han ...) against the script the
// language is written in, and the share of its words that are function
// words of each language ancre has lists for (src/text/function_words.h).
// Only a clear mismatch is reported: a text too short to tell, or close to
// several languages, is accepted.
//
// Usage:
//   std::vector<std::string> segments = {"The two countries agreed on a joint task force."};
//   std::string why = ancre::text::LanguageMismatch(segments, "fr");
//   // "" when the text may be French (or is too short to tell), else what it
//   // looks like ("English", "Cyrillic script", "another language").
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

// The language the text looks written in instead of `language` (a BCP 47
// tag), named in English ("English", "Cyrillic script"), or "" if it may be
// in `language`.
std::string LanguageMismatch(const std::vector<std::string>& segments, std::string_view language);

}  // namespace ancre::text
