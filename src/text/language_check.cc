#include "src/text/language_check.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <cstring>

#include "src/core/utf8.h"
#include "src/text/function_words.h"
#include "src/unicode/fold.h"

namespace ancre::text {
namespace {

// Below these the evidence is too thin to contradict the user.
constexpr size_t kMinLetters = 200;
constexpr size_t kMinWords = 60;
constexpr double kScriptShare = 0.8;   // of the letters, for a text's script
constexpr double kOtherShare = 0.2;    // function words of another language ...
constexpr double kOverDeclared = 2.5;  // ... this many times the declared one's
constexpr double kFewOwn = 0.05;       // function words of the declared language, at least

// The scripts a mismatch is told for: one script per language, unlike Han,
// kana and hangul, which mix.
constexpr std::array<std::pair<const char*, const char*>, 10> kScripts = {{{"Latn", "Latin"},
                                                                           {"Cyrl", "Cyrillic"},
                                                                           {"Grek", "Greek"},
                                                                           {"Arab", "Arabic"},
                                                                           {"Hebr", "Hebrew"},
                                                                           {"Deva", "Devanagari"},
                                                                           {"Thai", "Thai"},
                                                                           {"Geor", "Georgian"},
                                                                           {"Armn", "Armenian"},
                                                                           {"Hang", "Hangul"}}};

const char* ScriptName(std::string_view code) {
  for (const auto& [c, name] : kScripts) {
    if (code == c) return name;
  }
  return nullptr;
}

// The ISO 15924 code of the script `language` is written in ("Latn"), or "".
std::string ScriptOf(std::string_view language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(std::string(language), status);
  if (U_FAILURE(status)) return "";
  locale.addLikelySubtags(status);
  if (U_FAILURE(status)) return "";
  return locale.getScript();
}

// The languages with function-word lists, by a tag of each and its name.
constexpr std::array<std::pair<const char*, const char*>, kListedLanguages> kListed = {
    {{"fr", "French"}, {"en", "English"}, {"de", "German"}, {"es", "Spanish or Italian"}}};

}  // namespace

LanguageProfile ProfileLanguage(const std::vector<std::string>& segments) {
  LanguageProfile p;
  std::array<const FunctionWords*, kListed.size()> lists{};
  for (size_t g = 0; g < kListed.size(); ++g) lists[g] = FunctionWordsOf(kListed[g].first);
  for (const std::string& s : segments) {
    size_t i = 0;
    while (i < s.size()) {
      const size_t start = i;
      const char32_t c = NextCodePoint(s, &i);
      if (!u_isalpha(static_cast<UChar32>(c))) continue;
      // A word: a run of letters, each counted under its script.
      size_t end = start;
      while (end < s.size()) {
        size_t next = end;
        const char32_t d = NextCodePoint(s, &next);
        if (!u_isalpha(static_cast<UChar32>(d))) break;
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(static_cast<UChar32>(d), &status);
        if (U_SUCCESS(status)) {
          ++p.scripts[static_cast<int>(script)];
          ++p.letters;
        }
        end = next;
      }
      const std::string folded = unicode::FoldWord(std::string_view(s).substr(start, end - start));
      ++p.words;
      for (size_t g = 0; g < kListed.size(); ++g) p.hits[g] += lists[g]->IsCommon(folded);
      i = end;
    }
  }
  return p;
}

std::string LanguageMismatch(const LanguageProfile& p, std::string_view language) {
  if (p.letters < kMinLetters) return "";
  // The script of the letters.
  const std::string declared_script = ScriptOf(language);
  for (const auto& [script, count] : p.scripts) {
    if (static_cast<double>(count) < kScriptShare * static_cast<double>(p.letters)) continue;
    const char* code = uscript_getShortName(static_cast<UScriptCode>(script));
    const char* name = code ? ScriptName(code) : nullptr;
    if (name != nullptr && ScriptName(declared_script) != nullptr && declared_script != code) {
      return std::string(name) + " script";
    }
  }
  // The function words of each listed language.
  if (p.words < kMinWords) return "";
  const FunctionWords* declared = FunctionWordsOf(language);
  auto share = [&](size_t g) {
    return static_cast<double>(p.hits[g]) / static_cast<double>(p.words);
  };
  double declared_share = 0;
  for (size_t g = 0; g < kListed.size(); ++g) {
    if (FunctionWordsOf(kListed[g].first) == declared) declared_share = share(g);
  }
  for (size_t g = 0; g < kListed.size(); ++g) {
    if (FunctionWordsOf(kListed[g].first) == declared) continue;
    if (share(g) >= kOtherShare && share(g) >= kOverDeclared * declared_share) {
      return kListed[g].second;
    }
  }
  return "";
}

std::string LanguageDoubt(const LanguageProfile& p, std::string_view language) {
  if (p.letters < kMinLetters || p.words < kMinWords) return "";
  const FunctionWords* declared = FunctionWordsOf(language);
  if (declared == nullptr) return "";
  for (size_t g = 0; g < kListed.size(); ++g) {
    if (FunctionWordsOf(kListed[g].first) != declared) continue;
    // A language with a list writes a fifth or more of its words with them;
    // a text with hardly any is in another language, or not prose.
    if (static_cast<double>(p.hits[g]) >= kFewOwn * static_cast<double>(p.words)) return "";
    return "hardly any " + std::string(kListed[g].second) + " function words (" +
           std::to_string(p.hits[g]) + " of " + std::to_string(p.words) + " words)";
  }
  return "";
}

std::string LanguageMismatch(const std::vector<std::string>& segments, std::string_view language) {
  return LanguageMismatch(ProfileLanguage(segments), language);
}

}  // namespace ancre::text
