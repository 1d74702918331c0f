// The per-language word knowledge anchor extraction needs, built once from
// ICU's CLDR data: month and weekday names (DateFormatSymbols), number words
// and multipliers (RBNF spellout), country, territory, language and currency
// names (display names), city names (time zone exemplar cities), the decimal
// separator; plus nationality adjectives from the FreeDict French-English
// dictionary (see tools/make_anchor_demonyms.py) linked to their country
// through CLDR region names, dialect names ("American English") and the
// likely regions of languages, or keyed as the language they name
// ("English" -> lang:en), and short hand-written lists of function words,
// titles and name particles.
//
// Phrases are looked up in folded form (unicode::FoldWord of each word, words joined by
// one space: "coree du sud").
//
// Thread-safety: a lexicon is immutable once built; ForLanguage() may be
// called from any thread and shares one lexicon per language.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "src/text/anchor_tokens.h"

namespace ancre::text {

// What a known name stands for.
struct NameEntry {
  std::string key;      // "KR" (region), "lang:ko", "seoul" (city, English form)
  std::string subtype;  // "place", "nationality", "language", "organization"
  double weight = 1.0;
  bool lower_case = false;  // a name also in lower case: adjectives ("coréens", "anglais")
};

struct CurrencyEntry {
  std::string code;  // ISO 4217
};

// Everything the lexicon knows about one folded word (or one punctuation
// token as written), gathered when the lexicon is built so that a scanner
// asks one hash lookup per token instead of one per word list.
struct WordFacts {
  enum Flag : uint16_t {
    kFunctionWord = 1 << 0,
    kParticle = 1 << 1,
    kTitle = 1 << 2,
    kOrganizationWord = 1 << 3,
    kElision = 1 << 4,
    kDatePreposition = 1 << 5,
    kRangeWord = 1 << 6,
    kAmbiguousMonth = 1 << 7,
    kStartsName = 1 << 8,         // first word of a Name() phrase
    kStartsCurrency = 1 << 9,     // first word of a CurrencyName() phrase
    kStartsNumberWord = 1 << 10,  // first word of a NumberWord() phrase
    kStartsPercent = 1 << 11,     // first word of a two-word percent phrase
    kPercentWord = 1 << 12,       // a percent phrase by itself ("percent")
    kYearNoun = 1 << 13,          // "year" next to a year: "im Jahr 2015", "в 2014 году"
  };
  uint16_t flags = 0;
  uint8_t name_words = 0;      // words of the longest Name() phrase this word starts
  uint8_t currency_words = 0;  // words of the longest CurrencyName() phrase it starts
  int8_t month = 0;            // 1-12 for a month name, else 0
  int8_t month_prefix = 0;     // as MonthByPrefix(): the month this word begins ("sept")
  bool month_abbreviated = false;
  int8_t weekday = 0;  // ISO 1-7 for a weekday name, else 0
  bool weekday_abbreviated = false;
  double multiplier = 0;                           // as Multiplier()
  const CurrencyEntry* currency_name = nullptr;    // the word alone as a CurrencyName()
  const CurrencyEntry* currency_symbol = nullptr;  // the token as a CurrencySymbol()

  bool Has(Flag f) const { return (flags & f) != 0; }
};

class AnchorLexicon {
 public:
  // The shared lexicon of a language ("fr", "en-GB", "de_CH": its base
  // language is used). Builds it on first use. Throws Error if ICU has no
  // data for the language.
  static std::shared_ptr<const AnchorLexicon> ForLanguage(const std::string& language);

  explicit AnchorLexicon(const std::string& language);

  const std::string& language() const { return language_; }  // base language, e.g. "fr"
  char decimal_separator() const { return decimal_separator_; }
  bool space_grouping() const { return space_grouping_; }
  bool day_first() const { return day_first_; }  // numeric dates: 27/10 rather than 10/27
  bool months_capitalized() const { return months_capitalized_; }

  // The facts of a folded word or of a punctuation token as written; an
  // empty record for anything the lexicon does not know. The reference
  // lives as long as the lexicon.
  const WordFacts& Facts(std::string_view folded) const;
  // The facts of a token: those stored in it (CaseEvidence::Add), else looked up.
  const WordFacts& Facts(const Token& token) const {
    return token.facts != nullptr ? *token.facts : Facts(token.norm);
  }

  // Month 1-12 of a folded word ("octobre", "oct", "okt"), 0 if none.
  // *abbreviated is set when the word is a short form.
  int Month(std::string_view folded, bool* abbreviated) const;
  // Month 1-12 of which `folded` is a prefix of >= 3 letters (for "Sept."), 0 if none or several.
  int MonthByPrefix(std::string_view folded) const;
  // ISO weekday 1 (Monday) - 7 of a folded word, 0 if none.
  int Weekday(std::string_view folded, bool* abbreviated) const;
  // Value of a number word phrase ("deux", "vingt et un" is not covered), 0 if none.
  int NumberWord(std::string_view folded_phrase) const;
  // Factor of a multiplier word ("millions" -> 1e6, "bn" -> 1e9), 0 if none.
  double Multiplier(std::string_view folded) const;
  // Currency of a folded name phrase ("dollars", "livres sterling"), nullptr if none.
  const CurrencyEntry* CurrencyName(std::string_view folded_phrase) const;
  // Currency of a symbol as written ("$", "€", "US$"), nullptr if none.
  const CurrencyEntry* CurrencySymbol(std::string_view symbol) const;
  // True for a percent phrase ("pour cent", "per cent", "percent", "prozent").
  bool IsPercentPhrase(std::string_view folded_phrase) const;

  // A country, territory, city, language name or nationality adjective
  // (inflected forms included: "coreens", "koreans"), nullptr if none.
  const NameEntry* Name(std::string_view folded_phrase) const;
  // Token forms of the questions above: one lookup at most (none once annotated).
  int MonthByPrefix(const Token& word) const { return Facts(word).month_prefix; }
  int Month(const Token& word, bool* abbreviated) const {
    const WordFacts& f = Facts(word);
    if (f.month != 0 && abbreviated != nullptr) *abbreviated = f.month_abbreviated;
    return f.month;
  }
  int Weekday(const Token& word, bool* abbreviated) const {
    const WordFacts& f = Facts(word);
    if (f.weekday != 0 && abbreviated != nullptr) *abbreviated = f.weekday_abbreviated;
    return f.weekday;
  }
  double Multiplier(const Token& word) const { return Facts(word).multiplier; }
  // The currency a single punctuation token stands for ("$", "€"), nullptr if none.
  const CurrencyEntry* CurrencySymbol(const Token& punct) const {
    return Facts(punct).currency_symbol;
  }
  // The currency a single word names ("dollars"), nullptr if none.
  const CurrencyEntry* CurrencyName(const Token& word) const { return Facts(word).currency_name; }

  // A name written in capitals as a short form ("US", "UK", "ONU"), nullptr if none.
  const NameEntry* ShortName(std::string_view as_written) const;

  bool IsFunctionWord(const Token& t) const { return Facts(t).Has(WordFacts::kFunctionWord); }
  bool IsParticle(const Token& t) const { return Facts(t).Has(WordFacts::kParticle); }
  bool IsTitle(const Token& t) const { return Facts(t).Has(WordFacts::kTitle); }
  bool IsOrganizationWord(const Token& t) const {
    return Facts(t).Has(WordFacts::kOrganizationWord);
  }
  bool IsElision(const Token& t) const { return Facts(t).Has(WordFacts::kElision); }
  bool IsDatePreposition(const Token& t) const { return Facts(t).Has(WordFacts::kDatePreposition); }
  bool IsYearNoun(const Token& t) const { return Facts(t).Has(WordFacts::kYearNoun); }
  bool IsRangeWord(const Token& t) const { return Facts(t).Has(WordFacts::kRangeWord); }
  bool IsAmbiguousMonth(const Token& t) const { return Facts(t).Has(WordFacts::kAmbiguousMonth); }

  bool IsFunctionWord(std::string_view folded) const { return function_words_.count(folded) > 0; }
  bool IsParticle(std::string_view folded) const { return particles_.count(folded) > 0; }
  bool IsTitle(std::string_view folded) const { return titles_.count(folded) > 0; }
  bool IsOrganizationWord(std::string_view folded) const { return org_words_.count(folded) > 0; }
  // Elided article or preposition before an apostrophe ("l", "d", "qu").
  bool IsElision(std::string_view folded) const { return elisions_.count(folded) > 0; }
  // Words that introduce a date or a year ("en", "in", "since", "depuis").
  bool IsDatePreposition(std::string_view folded) const {
    return date_prepositions_.count(folded) > 0;
  }
  // Range connectors between two days ("au", "to", "and", "et").
  bool IsRangeWord(std::string_view folded) const { return range_words_.count(folded) > 0; }
  // Month names that are also common words here ("may", "march", "mars").
  bool IsAmbiguousMonth(std::string_view folded) const {
    return ambiguous_months_.count(folded) > 0;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
  template <typename V>
  using Map = std::unordered_map<std::string, V, Hash, std::equal_to<>>;

  void LoadDates();
  void LoadNumbers();
  void LoadCurrencies();
  void LoadNames();
  // "Korea"/"Corée" for "South Korea"/"Corée du Sud" at a lower weight: a
  // region named with a compass point also answers to its bare name when that
  // is no region of its own and a language named like it lives in exactly one
  // of the candidates ("Korean" -> KR, not KP).
  void LoadBareRegionNames();
  void LoadDemonyms();
  void LoadLanguageNames();
  void AddDemonym(const std::string& phrase, const std::string& key, bool french);
  void LoadWordLists();
  void AddName(const std::string& phrase, const NameEntry& entry, bool overwrite);
  void BuildFacts();

  std::string language_;
  char decimal_separator_ = '.';
  bool space_grouping_ = false;
  bool day_first_ = true;
  bool months_capitalized_ = false;
  Map<std::pair<int, bool>> months_;
  std::vector<std::string> month_full_names_;  // folded, index 0 = January
  Map<std::pair<int, bool>> weekdays_;
  Map<int> number_words_;
  Map<double> multipliers_;
  Map<CurrencyEntry> currency_names_;
  Map<CurrencyEntry> currency_symbols_;
  Set percent_phrases_;
  Set year_nouns_;
  Map<NameEntry> names_;
  Map<NameEntry> short_names_;
  Set function_words_, particles_, titles_, org_words_, elisions_, date_prepositions_, range_words_,
      ambiguous_months_;
  Map<WordFacts> facts_;  // built last, from everything above
};

}  // namespace ancre::text
