// Does a document look written in the language it is declared in? Two
// cheap, conservative signals: the script of its letters (Latin, Cyrillic,
// Greek, Arabic, Hebrew, Devanagari, Han ...) against the script the
// language is written in, and the share of its words that are function
// words of each language ancre has lists for (src/text/function_words.h).
// Only a clear mismatch is reported: a text too short to tell, close to
// several languages, or close to none (a language without a list, a text of
// codes or scrambled letters) is accepted; LanguageDoubt names the last case.
//
// Usage:
//   std::vector<std::string> segments = {"The two countries agreed on a joint task force."};
//   std::string why = ancre::text::LanguageMismatch(segments, "fr");
//   // "" when the text may be French (or is too short to tell), else what it
//   // looks like ("English", "Cyrillic script").
//
// Thread-safety: pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

// The languages with function-word lists that a profile counts: fr, en, de,
// es/it (see language_check.cc).
constexpr size_t kListedLanguages = 4;

// What a document's text shows of its language, read once: the letters of
// each script and the function words of each listed language.
struct LanguageProfile {
  std::map<int, size_t> scripts;  // ICU script code -> letters
  size_t letters = 0;
  size_t words = 0;
  std::array<size_t, kListedLanguages> hits{};  // function words of each listed language
};

LanguageProfile ProfileLanguage(const std::vector<std::string>& segments);

// LanguageMismatch (below) of a profile: a document judged against several
// declared languages is read once.
std::string LanguageMismatch(const LanguageProfile& profile, std::string_view language);

// The language the text looks written in instead of `language` (a BCP 47
// tag), named in English ("English", "Cyrillic script"), or "" if it may be
// in `language`.
std::string LanguageMismatch(const std::vector<std::string>& segments, std::string_view language);

// For a language with a function-word list: why the text may not be in it
// although it reads as no other listed language ("hardly any German function
// words: 3 of 412 words"), or "" — worth a warning, not a refusal.
std::string LanguageDoubt(const LanguageProfile& profile, std::string_view language);

}  // namespace ancre::text
