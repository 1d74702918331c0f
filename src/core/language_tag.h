// Language tags: BCP 47 (RFC 5646) as users type them and as files carry
// them, and what ancre knows about each language (ISO 639 codes, English
// name, Snowball stemmer), from one table. Every library and the command line
// take languages through this header.
//
// Two layers:
//  - LanguageTag::Parse reads a tag a user typed ("FR", "fr_FR", "fra",
//    "zh-hant-tw") strictly: the language must be one ancre knows, and an
//    unknown one is an error naming the closest valid code ("french": did you
//    mean fr?). The result is canonical ("fr", "fr-FR", "zh-Hant-TW").
//  - NormalizeLanguageTag and IsWellFormedLanguageTag take tags found in
//    files (TMX xml:lang, tags an older ancre stored as typed) leniently: any
//    well-formed tag, put in canonical form.
// LanguageMatchRank decides whether a tag serves a requested one, falling
// back to the primary language both ways: "fr" finds "fr-FR" and "fr-CA",
// "fr-CA" finds "fr", "fr-FR" does not find "fr-CA".
//
// Usage:
//   ancre::LanguageTag tag = ancre::LanguageTag::Parse("fr_FR");  // "fr-FR"
//   std::string_view iso = tag.info().iso639_2t;                  // "fra"
//   std::string_view stemmer = tag.info().snowball;               // "french"
//   bool serves = ancre::LanguageServes("fr", "FR_ca");           // true
//   ancre::LanguageTag::Parse("french");  // throws: did you mean fr (French)?
//
// Pure functions on strings and a constant table; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ancre {

// One language of the table (src/core/language_table.inc, generated from
// ISO 639-2 by tools/make_language_table.py). Views into static storage.
struct Language {
  std::string_view iso639_1;   // "fr"; a language without one has its 3-letter code here ("fil")
  std::string_view iso639_2t;  // ISO 639-2/T (terminology): "fra", "deu", "ces"
  std::string_view iso639_2b;  // ISO 639-2/B (bibliographic): "fre", "ger", "cze"; else = 2t
  std::string_view names;  // English names, "; "-separated, usual one first: "Spanish; Castilian"
  std::string_view snowball;  // Snowball stemmer algorithm ("french"); empty when none

  // The usual English name: the first of names ("Spanish").
  std::string_view english_name() const;
};

// The language a primary language subtag names, any case: an ISO 639-1 code
// ("fr"), an ISO 639-2/T or /B code ("fra", "fre"), a common ISO 639-3 code
// ("cmn" -> zh, "swh" -> sw) or a deprecated code ("iw" -> he). Returns
// nullptr when the table has no such language. Never throws.
const Language* FindLanguage(std::string_view code);

// The valid code closest to something that is not one: the language whose
// English name it is ("french" -> "fr"), else the code or name nearest by
// edit distance ("frr" -> "fr", "englsh" -> "en"). Returns "" when nothing is
// close. Never throws.
std::string ClosestLanguageCode(std::string_view text);

// A parsed, canonical BCP 47 language tag whose language ancre knows.
class LanguageTag {
 public:
  // Parses a tag as written by a user: case-insensitive, '_' accepted for
  // '-', surrounding white space ignored; language[-script][-region]
  // [-variant]*[-x-private]* with the language given by any code
  // FindLanguage knows (written as its ISO 639-1 code). Throws ancre::Error
  // whose message names the text and, when there is one, the closest valid
  // code: "unknown language 'frr'; did you mean fr (French)?".
  static LanguageTag Parse(std::string_view text);

  // Parse() without the exception: nullopt, and the message in *error when
  // error is not null.
  static std::optional<LanguageTag> TryParse(std::string_view text, std::string* error = nullptr);

  // The canonical tag: "fr", "fr-FR", "zh-Hant-TW", "sr-Latn".
  const std::string& str() const { return tag_; }
  // The primary language subtag: "fr" of "fr-CA".
  std::string_view language() const { return std::string_view(tag_).substr(0, language_size_); }
  // What the table knows about the language.
  const Language& info() const { return *language_; }

  // True if a unit tagged `available` serves a request for this tag
  // (LanguageServes).
  bool Serves(std::string_view available) const;

  friend bool operator==(const LanguageTag& a, const LanguageTag& b) { return a.tag_ == b.tag_; }

 private:
  LanguageTag(std::string tag, size_t language_size, const Language* language)
      : tag_(std::move(tag)), language_size_(language_size), language_(language) {}
  std::string tag_;
  size_t language_size_;
  const Language* language_;
};

// Returns tag with '_' replaced by '-', surrounding white space removed, each
// subtag in BCP 47's canonical case (language lowercase "fr", script title
// case "Latn", region uppercase "CA", "419", variants and private use
// lowercase), and a primary language the table knows written as its ISO
// 639-1 code ("fra_ca" -> "fr-CA"). An unknown language is kept as written
// (lowercased). Does not check the shape: see IsWellFormedLanguageTag.
std::string NormalizeLanguageTag(std::string_view tag);

// True if tag (after NormalizeLanguageTag) has the shape
// language[-script][-region][-variant]*[-x-private]*, language being 2 or 3
// letters: the subset of BCP 47 that TMX consumers accept.
bool IsWellFormedLanguageTag(std::string_view tag);

// How well an available tag serves a requested one (both compared after
// NormalizeLanguageTag, so case, '_' and "fra"/"fr" do not matter). Higher is
// better.
enum class LanguageMatch {
  kNone = 0,      // different languages, or same language with different regions
  kBroader = 1,   // available is more general: "fr" for "fr-FR"
  kNarrower = 2,  // available is more specific: "fr-CA" for "fr"
  kExact = 3,     // the same tag: "FR_ca" for "fr-CA"
};
LanguageMatch LanguageMatchRank(std::string_view requested, std::string_view available);

// True if LanguageMatchRank(requested, available) is not kNone.
bool LanguageServes(std::string_view requested, std::string_view available);

}  // namespace ancre
