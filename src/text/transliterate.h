// Latin transliteration of words in other scripts (Cyrillic, Greek,
// Devanagari, Arabic, Han ...), so that a name or a loanword can meet its
// Latin-script spelling: "Обама" -> "obama", "ओबामा" -> "obama".
//
// Thread-safety: a Latinizer is not thread-safe (ICU's transliterator keeps
// state); use one per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace ancre::text {

class Latinizer {
 public:
  Latinizer();
  ~Latinizer();
  Latinizer(const Latinizer&) = delete;
  Latinizer& operator=(const Latinizer&) = delete;

  // True if `utf8` holds a letter outside the Latin script.
  static bool HasNonLatinLetter(std::string_view utf8);

  // True if the word starts with a capital letter, or with a letter of a
  // script without case (Devanagari, Arabic, Han ...): it may be a name.
  static bool MayBeName(std::string_view utf8);

  // The word in lowercase ASCII Latin letters (ICU "Any-Latin; Latin-ASCII;
  // Lower"); empty if it holds no letter outside the Latin script. Throws
  // Error if ICU lacks the transliterator.
  std::string ToLatin(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True if `language` (ISO 639 code, e.g. "fr", "ru", "sr-Latn") is written
// in the Latin script by default (ICU's likely script); false for Cyrillic,
// Greek, Devanagari ... and for a language ICU does not know.
bool WritesInLatinScript(const std::string& language);

// The consonant skeleton of a name in lowercase ASCII Latin letters, for
// comparing the same name across scripts, whatever the transliteration:
// "putin" / "putina" (Путина) -> "ptn", "scalia" / "skalia" -> "skl",
// "thomas" / "tomas" -> "tms", "jobs" / "dzhobsa" -> "jbs", "facebook" /
// "fejsbuk" -> "fsbk". The first letter stays (a vowel as "a"), vowels go,
// digraphs and soft c are read as sounds, repeats collapse. `latinized`:
// the word came from another script through ToLatin, where "j" is the
// semivowel й; in a Latin-script word it is the consonant of "Jobs".
std::string PhoneticSkeleton(std::string_view ascii_lower, bool latinized);

}  // namespace ancre::text
