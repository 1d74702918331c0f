// Language tags as TMX files and CAT tools write them: BCP 47 (RFC 5646) with
// hyphens, compared case-insensitively. Files in the wild use "fr_FR", "EN-US"
// or "En-uS"; NormalizeLanguageTag turns all of them into the canonical case
// ("fr-FR", "en-US"), and LanguageMatchRank decides whether a tag in a file
// serves a language the user asked for ("fr-CA" serves "fr").
//
// Usage:
//   NormalizeLanguageTag("en_us")            // "en-US"
//   LanguageMatchRank("fr", "fr-CA")         // kNarrower: fr-CA serves fr
//   LanguageMatchRank("fr-FR", "fr-CA")      // kNone
//
// Pure functions on strings; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ancre::tm {

// Returns tag with '_' replaced by '-', surrounding white space removed and
// each subtag in BCP 47's canonical case: language lowercase ("fr"), script
// title case ("Latn"), region uppercase ("CA", "419"), variants and private
// use lowercase. Does not check the shape: see IsWellFormedLanguageTag.
std::string NormalizeLanguageTag(std::string_view tag);

// True if tag (after NormalizeLanguageTag) has the shape
// language[-script][-region][-variant]*[-x-private]*, language being 2 or 3
// letters: the subset of BCP 47 that TMX consumers accept.
bool IsWellFormedLanguageTag(std::string_view tag);

// How well an available tag serves a requested one (both compared after
// normalization, so case and '_' do not matter). Higher is better.
enum class LanguageMatch {
  kNone = 0,      // different languages, or same language with different regions
  kBroader = 1,   // available is more general: "fr" for "fr-FR"
  kNarrower = 2,  // available is more specific: "fr-CA" for "fr"
  kExact = 3,     // the same tag: "FR_ca" for "fr-CA"
};
LanguageMatch LanguageMatchRank(std::string_view requested, std::string_view available);

// True if LanguageMatchRank(requested, available) is not kNone.
bool LanguageServes(std::string_view requested, std::string_view available);

}  // namespace ancre::tm
