// Over 500 lines on purpose: this file builds one AnchorLexicon from six
// ICU/CLDR sources (dates, number spellout, currencies, region, city and
// language names, nationality adjectives), and each loader shares the name
// helpers above it. The hand-written word lists are data, in
// anchor_word_lists.cc.
#include "src/text/anchor_lexicon.h"

#include <unicode/datefmt.h>
#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "src/core/error.h"
#include "src/text/anchor_tokens.h"
#include "src/text/anchor_word_lists.h"
#include "src/text/function_words.h"
#include "src/text/icu_util.h"
#include "src/unicode/fold.h"

namespace ancre::text {
namespace {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The phrase key of a written name: its words folded and joined by spaces;
// apostrophes, hyphens and dots between words are dropped ("Côte d’Ivoire" ->
// "cote d ivoire"). Returns "" for names with other punctuation or digits.
std::string PhraseKey(std::string_view name) {
  std::string out;
  for (const Token& t : Tokenize(name, {})) {
    if (t.kind == TokenKind::kWord) {
      if (!out.empty()) out.push_back(' ');
      out += t.norm;
    } else if (t.kind == TokenKind::kPunct &&
               (t.norm == "'" || t.norm == "\u2019" || t.norm == "." || t.norm == "-")) {
      continue;
    } else {
      return "";
    }
  }
  return out;
}

size_t WordCount(std::string_view phrase) {
  return phrase.empty() ? 0
                        : 1 + static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' '));
}

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Whether a nationality adjective is built on a country name: it extends the
// name or replaces at most its last two letters ("cambodian"/"cambodia",
// "chinese"/"china", "thailandais"/"thailande"), sharing at least 4 letters
// (3 for names of 4 letters: "laotian"/"laos").
bool AdjectiveFitsName(std::string_view adjective, std::string_view name) {
  size_t lcp = CommonPrefix(adjective, name);
  size_t need = std::max(name.size() > 2 ? name.size() - 2 : name.size(),
                         std::min<size_t>(4, name.size() - 1));
  return lcp >= need && adjective.size() >= name.size() - 2 &&
         adjective.substr(lcp).find(' ') == std::string_view::npos;
}

std::vector<std::string> Split(std::string_view s, std::string_view sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t next = s.find(sep, pos);
    if (next == std::string_view::npos) next = s.size();
    if (next > pos) out.emplace_back(s.substr(pos, next - pos));
    pos = next + sep.size();
  }
  return out;
}

// Whether a word shares its first letters with a word of a phrase: at least
// four, or all of the shorter word ("korean" / "south korea", "lao" / "laos").
bool SharesStem(std::string_view word, std::string_view phrase) {
  for (const std::string& w : Split(phrase, " ")) {
    size_t need = std::min<size_t>({4, word.size(), w.size()});
    if (need > 0 && CommonPrefix(word, w) >= need) return true;
  }
  return false;
}

// The adjectives CLDR's dialect names put on a region: "American English",
// "British English", "Swiss French" in English, "anglais américain" in
// French give "american", "british", "swiss", "americain" -> US, GB, CH.
// An adjective two regions claim ("European Spanish", "European Portuguese")
// is left out.
std::map<std::string, std::string> DialectAdjectives(const icu::Locale& locale) {
  std::map<std::string, std::string> found;
  std::unique_ptr<icu::LocaleDisplayNames> names(
      icu::LocaleDisplayNames::createInstance(locale, ULDN_DIALECT_NAMES));
  if (!names) return found;
  int32_t count = 0;
  const icu::Locale* locales = icu::Locale::getAvailableLocales(count);
  for (int32_t i = 0; i < count; ++i) {
    const icu::Locale& l = locales[i];
    std::string_view region = l.getCountry();
    if (region.size() != 2 || l.getScript()[0] != '\0' || l.getVariant()[0] != '\0') continue;
    icu::UnicodeString dialect, language;
    names->localeDisplayName(l, dialect);
    names->languageDisplayName(l.getLanguage(), language);
    std::string phrase = PhraseKey(ToUtf8(dialect));
    std::string lang = PhraseKey(ToUtf8(language));
    if (phrase.empty() || lang.empty() || phrase.size() <= lang.size() + 1) continue;
    std::string adjective;
    if (phrase.compare(phrase.size() - lang.size(), lang.size(), lang) == 0 &&
        phrase[phrase.size() - lang.size() - 1] == ' ') {
      adjective = phrase.substr(0, phrase.size() - lang.size() - 1);  // "american english"
    } else if (phrase.compare(0, lang.size(), lang) == 0 && phrase[lang.size()] == ' ') {
      adjective = phrase.substr(lang.size() + 1);  // "anglais americain"
    }
    if (adjective.empty() || adjective.find(' ') != std::string::npos) continue;
    auto [it, added] = found.emplace(adjective, std::string(region));
    if (!added && it->second != region) it->second.clear();
  }
  std::erase_if(found, [](const auto& entry) { return entry.second.empty(); });
  return found;
}

// Region codes of the countries and territories CLDR names, with EU and UN.
std::vector<std::string> RegionCodes() {
  std::vector<std::string> codes;
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c)
    codes.push_back(*c);
  codes.push_back("EU");
  codes.push_back("UN");
  return codes;
}

// Folded display names of the regions in `locale`: phrase -> code.
std::map<std::string, std::string> RegionNames(const icu::Locale& locale) {
  std::map<std::string, std::string> names;
  std::unique_ptr<icu::LocaleDisplayNames> ldn(
      icu::LocaleDisplayNames::createInstance(locale, ULDN_STANDARD_NAMES));
  if (!ldn) return names;
  for (const std::string& code : RegionCodes()) {
    icu::UnicodeString name;
    ldn->regionDisplayName(code.c_str(), name);
    std::string phrase = PhraseKey(ToUtf8(name));
    if (!phrase.empty() && ToUtf8(name) != code) names.emplace(phrase, code);
  }
  return names;
}

// Matches an adjective to exactly one region name; returns its code or "".
std::string RegionOfAdjective(std::string_view adjective,
                              const std::map<std::string, std::string>& region_names) {
  std::string found;
  for (const auto& [name, code] : region_names) {
    if (name.size() < 4 || !AdjectiveFitsName(adjective, name)) continue;
    if (!found.empty() && found != code) return "";
    found = code;
  }
  return found;
}

struct DemonymPair {
  const char* french;
  const char* english;
};

constexpr DemonymPair kDemonyms[] = {
#include "src/text/anchor_demonyms.inc"
};

template <typename SetT>
void AddWords(const char* words, SetT* set) {
  for (const std::string& w : Split(words, " ")) set->insert(w);
}

}  // namespace

std::shared_ptr<const AnchorLexicon> AnchorLexicon::ForLanguage(const std::string& language) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const AnchorLexicon>> cache;
  std::string base = MakeLocale(language).getLanguage();  // throws for an unknown language
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(base);
  if (it != cache.end()) return it->second;
  auto lexicon = std::make_shared<const AnchorLexicon>(base);
  cache.emplace(base, lexicon);
  return lexicon;
}

AnchorLexicon::AnchorLexicon(const std::string& language) : language_(language) {
  MakeLocale(language);  // throws for an unknown language
  LoadWordLists();
  LoadDates();
  LoadNumbers();
  LoadCurrencies();
  LoadNames();
  LoadDemonyms();       // after place names, which win ("Brussels" is a city)
  LoadLanguageNames();  // after nationalities, which win ("Korean" -> KR)
  BuildFacts();
}

void AnchorLexicon::BuildFacts() {
  auto first_word = [](const std::string& phrase) { return phrase.substr(0, phrase.find(' ')); };
  auto set_flag = [&](const Set& words, WordFacts::Flag flag) {
    for (const std::string& w : words) facts_[w].flags |= flag;
  };
  set_flag(function_words_, WordFacts::kFunctionWord);
  set_flag(particles_, WordFacts::kParticle);
  set_flag(titles_, WordFacts::kTitle);
  set_flag(org_words_, WordFacts::kOrganizationWord);
  set_flag(elisions_, WordFacts::kElision);
  set_flag(date_prepositions_, WordFacts::kDatePreposition);
  set_flag(range_words_, WordFacts::kRangeWord);
  set_flag(ambiguous_months_, WordFacts::kAmbiguousMonth);
  set_flag(year_nouns_, WordFacts::kYearNoun);
  auto words = [](const std::string& phrase) {
    return static_cast<uint8_t>(std::min<size_t>(WordCount(phrase), 255));
  };
  for (const auto& [phrase, entry] : names_) {
    WordFacts& f = facts_[first_word(phrase)];
    f.flags |= WordFacts::kStartsName;
    f.name_words = std::max(f.name_words, words(phrase));
  }
  for (const auto& [phrase, entry] : currency_names_) {
    WordFacts& f = facts_[first_word(phrase)];
    f.flags |= WordFacts::kStartsCurrency;
    f.currency_words = std::max(f.currency_words, words(phrase));
    if (phrase.find(' ') == std::string::npos) facts_[phrase].currency_name = &entry;
  }
  for (const auto& [phrase, value] : number_words_) {
    facts_[first_word(phrase)].flags |= WordFacts::kStartsNumberWord;
  }
  for (const std::string& phrase : percent_phrases_) {
    size_t space = phrase.find(' ');
    if (space == std::string::npos) {
      facts_[phrase].flags |= WordFacts::kPercentWord;
    } else if (phrase.find(' ', space + 1) == std::string::npos) {
      facts_[phrase.substr(0, space)].flags |= WordFacts::kStartsPercent;
    }
  }
  for (const auto& [word, month] : months_) {
    WordFacts& f = facts_[word];
    f.month = static_cast<int8_t>(month.first);
    f.month_abbreviated = month.second;
  }
  for (const std::string& name : month_full_names_) {
    for (size_t n = 3; n <= name.size(); ++n) {
      const std::string prefix = name.substr(0, n);
      if (int m = MonthByPrefix(prefix)) facts_[prefix].month_prefix = static_cast<int8_t>(m);
    }
  }
  for (const auto& [word, weekday] : weekdays_) {
    WordFacts& f = facts_[word];
    f.weekday = static_cast<int8_t>(weekday.first);
    f.weekday_abbreviated = weekday.second;
  }
  for (const auto& [word, factor] : multipliers_) facts_[word].multiplier = factor;
  for (const auto& [symbol, entry] : currency_symbols_) facts_[symbol].currency_symbol = &entry;
}

const WordFacts& AnchorLexicon::Facts(std::string_view folded) const {
  static const WordFacts kUnknown;
  auto it = facts_.find(folded);
  return it == facts_.end() ? kUnknown : it->second;
}

void AnchorLexicon::LoadWordLists() {
  const internal::WordLists& lists = internal::ListsFor(language_);
  // A language without function words of its own reads English's, as it
  // reads English's other lists.
  const FunctionWords* function_words = FunctionWordsOf(language_);
  if (!function_words) function_words = FunctionWordsOf("en");
  for (std::string_view w : function_words->common()) function_words_.emplace(w);
  for (std::string_view w : function_words->not_names()) function_words_.emplace(w);
  AddWords(lists.particles, &particles_);
  AddWords(lists.titles, &titles_);
  AddWords(lists.org_words, &org_words_);
  AddWords(lists.elisions, &elisions_);
  AddWords(lists.date_prepositions, &date_prepositions_);
  AddWords(lists.range_words, &range_words_);
  AddWords(lists.ambiguous_months, &ambiguous_months_);
  for (const std::string& p : Split(lists.percent_phrases, "|")) percent_phrases_.insert(p);
  for (const internal::MoreWords& more : internal::AllMoreWords()) {
    if (language_ != more.language) continue;
    for (const std::string& p : Split(more.percent_phrases, "|")) {
      std::string folded;
      for (const std::string& w : Split(p, " "))
        folded += (folded.empty() ? "" : " ") + unicode::FoldWord(w);
      percent_phrases_.insert(folded);
    }
    for (const std::string& w : Split(more.year_nouns, " "))
      year_nouns_.insert(unicode::FoldWord(w));
  }
  for (const std::string& m : Split(lists.multiplier_abbreviations, " ")) {
    size_t eq = m.find('=');
    multipliers_[m.substr(0, eq)] = std::stod(m.substr(eq + 1));
  }
}

void AnchorLexicon::LoadDates() {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(language_.c_str());
  icu::DateFormatSymbols symbols(locale, status);
  CheckIcu(status, "month names for " + language_);
  using DFS = icu::DateFormatSymbols;
  month_full_names_.assign(12, "");
  for (DFS::DtContextType context : {DFS::FORMAT, DFS::STANDALONE}) {
    for (DFS::DtWidthType width : {DFS::WIDE, DFS::ABBREVIATED}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      for (int32_t m = 0; m < count && m < 12; ++m) {
        std::string folded = unicode::FoldWord(ToUtf8(months[m]));
        while (!folded.empty() && folded.back() == '.') folded.pop_back();
        if (folded.empty()) continue;
        if (width == DFS::WIDE) {
          month_full_names_[static_cast<size_t>(m)] = folded;
          if (context == DFS::FORMAT && u_isupper(months[m].char32At(0)))
            months_capitalized_ = true;
        }
        months_.emplace(folded, std::make_pair(m + 1, width != DFS::WIDE));
      }
      const icu::UnicodeString* days = symbols.getWeekdays(count, context, width);
      // ICU: index 1 = Sunday ... 7 = Saturday; ISO 8601: Monday = 1 ... Sunday = 7.
      for (int32_t d = 1; d < count && d <= 7; ++d) {
        std::string folded = unicode::FoldWord(ToUtf8(days[d]));
        while (!folded.empty() && folded.back() == '.') folded.pop_back();
        if (folded.empty()) continue;
        int iso = d == 1 ? 7 : d - 1;
        weekdays_.emplace(folded, std::make_pair(iso, width != DFS::WIDE));
        // German glues the time of day to the weekday: "Dienstagabend".
        if (language_ == "de" && width == DFS::WIDE) {
          for (const char* part : {"morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"})
            weekdays_.emplace(folded + part, std::make_pair(iso, false));
        }
      }
    }
  }
  // CLDR's short month forms in English lack "Sept"; MonthByPrefix covers it.
  // Numeric dates: day first unless the locale's short date pattern starts with the month.
  std::unique_ptr<icu::DateFormat> fmt(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, locale));
  if (fmt) {
    icu::UnicodeString pattern;
    static_cast<icu::SimpleDateFormat*>(fmt.get())->toPattern(pattern);
    std::string p = ToUtf8(pattern);
    size_t d = p.find('d'), m = p.find('M');
    day_first_ = d == std::string::npos || m == std::string::npos || d < m;
  }
}

void AnchorLexicon::LoadNumbers() {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(language_.c_str());
  icu::DecimalFormatSymbols dfs(locale, status);
  CheckIcu(status, "number symbols for " + language_);
  std::string dec = ToUtf8(dfs.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol));
  decimal_separator_ = dec == "," ? ',' : '.';
  std::string group = ToUtf8(dfs.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol));
  space_grouping_ = group != "," && group != "." && group != "'" && group != "\u2019";

  icu::RuleBasedNumberFormat spellout(icu::URBNF_SPELLOUT, locale, status);
  CheckIcu(status, "number words for " + language_);
  Set excluded;
  AddWords(internal::ListsFor(language_).excluded_number_words, &excluded);
  auto spell = [&](int32_t n) {
    icu::UnicodeString out;
    spellout.format(n, out);
    return PhraseKey(ToUtf8(out));
  };
  for (int32_t n = 2; n <= 100; ++n) {
    if (n > 20 && n % 10 != 0) continue;
    std::string phrase = spell(n);
    if (phrase.empty() || excluded.count(phrase) > 0) continue;
    number_words_.emplace(phrase, static_cast<int>(n));
  }
  // Multipliers: the last word of 1000, 10^6, 10^9 and of their plurals.
  for (double factor : {1e3, 1e6, 1e9}) {
    for (double times : {1.0, 2.0}) {
      icu::UnicodeString out;
      spellout.format(factor * times, out);
      std::string phrase = PhraseKey(ToUtf8(out));
      size_t space = phrase.rfind(' ');
      std::string last = space == std::string::npos ? phrase : phrase.substr(space + 1);
      if (!last.empty() && number_words_.count(last) == 0) multipliers_.emplace(last, factor);
    }
  }
}

void AnchorLexicon::LoadCurrencies() {
  UErrorCode status = U_ZERO_ERROR;
  const char* locale = language_.c_str();
  // Currencies whose bare head word ("dollar", "euro", "yen") names them, first claim wins.
  static const char* const kMajor[] = {"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "KRW",
                                       "INR", "RUB", "KHR", "CAD", "AUD", "BRL", "MXN"};
  const bool head_last = language_ == "en" || language_ == "de";
  auto add_name = [&](const std::string& code, const UChar* name, int32_t len, bool head) {
    if (name == nullptr || len <= 0) return;
    std::string phrase = PhraseKey(ToUtf8(icu::UnicodeString(name, len)));
    if (phrase.empty()) return;
    currency_names_.emplace(phrase, CurrencyEntry{code});
    if (head) {
      size_t space = head_last ? phrase.rfind(' ') : phrase.find(' ');
      std::string word = space == std::string::npos ? phrase
                         : head_last                ? phrase.substr(space + 1)
                                                    : phrase.substr(0, space);
      // "won", "livre" and "real" are also everyday words; their full names still count.
      if (word != "won" && word != "livre" && word != "livres" && word != "pound" && word != "real")
        currency_names_.emplace(word, CurrencyEntry{code});
    }
  };
  UEnumeration* raw = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  CheckIcu(status, "currency list");
  std::unique_ptr<UEnumeration, decltype(&uenum_close)> codes(raw, &uenum_close);
  std::vector<std::string> all;
  while (const char* code = uenum_next(codes.get(), nullptr, &status)) all.emplace_back(code);
  std::vector<std::string> ordered(std::begin(kMajor), std::end(kMajor));
  for (const std::string& c : all) {
    if (std::find(ordered.begin(), ordered.end(), c) == ordered.end()) ordered.push_back(c);
  }
  for (size_t i = 0; i < ordered.size(); ++i) {
    const std::string& code = ordered[i];
    const bool major = i < std::size(kMajor);
    icu::UnicodeString ucode(code.c_str(), -1, US_INV);
    const UChar* iso = ucode.getTerminatedBuffer();
    UBool is_choice = false;
    int32_t len = 0;
    status = U_ZERO_ERROR;
    const UChar* name = ucurr_getName(iso, locale, UCURR_LONG_NAME, &is_choice, &len, &status);
    if (U_SUCCESS(status)) add_name(code, name, len, major);
    for (const char* plural : {"one", "other", "many"}) {
      status = U_ZERO_ERROR;
      name = ucurr_getPluralName(iso, locale, &is_choice, plural, &len, &status);
      if (U_SUCCESS(status)) add_name(code, name, len, major);
    }
    if (!major) continue;
    for (const char* loc : {locale, "en"}) {
      for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
        status = U_ZERO_ERROR;
        name = ucurr_getName(iso, loc, style, &is_choice, &len, &status);
        if (U_FAILURE(status) || name == nullptr) continue;
        std::string symbol = ToUtf8(icu::UnicodeString(name, len));
        if (!symbol.empty()) currency_symbols_.emplace(symbol, CurrencyEntry{code});
      }
    }
    currency_symbols_.emplace(code, CurrencyEntry{code});
  }
}

void AnchorLexicon::AddName(const std::string& phrase, const NameEntry& entry, bool overwrite) {
  if (phrase.empty()) return;
  if (overwrite) {
    names_[phrase] = entry;
  } else {
    names_.emplace(phrase, entry);
  }
}

void AnchorLexicon::LoadDemonyms() {
  if (language_ != "fr" && language_ != "en") return;  // the source is French-English
  icu::Locale en("en"), fr("fr");
  const auto en_regions = RegionNames(en);
  const auto fr_regions = RegionNames(fr);
  const auto en_dialects = DialectAdjectives(en);
  const auto fr_dialects = DialectAdjectives(fr);
  // English language names -> their code and likely region ("Korean" -> ko, KR).
  std::map<std::string, std::pair<std::string, std::string>> languages;
  for (const char* const* l = icu::Locale::getISOLanguages(); *l != nullptr; ++l) {
    if (std::string_view(*l).size() != 2) continue;
    icu::UnicodeString name;
    icu::Locale(*l).getDisplayLanguage(en, name);
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale likely(*l);
    likely.addLikelySubtags(status);
    languages.emplace(PhraseKey(ToUtf8(name)),
                      std::pair{std::string(*l), U_SUCCESS(status) ? likely.getCountry() : ""});
  }
  // Languages by the regions whose likely language they are: "pl" -> {PL},
  // "en" -> {US, GB, AU, ...}, "ku" -> {}.
  std::map<std::string, std::set<std::string>> homes;
  for (const std::string& code : RegionCodes()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale likely("und", code.c_str());
    likely.addLikelySubtags(status);
    if (U_SUCCESS(status)) homes[likely.getLanguage()].insert(code);
  }
  auto region_name = [&](const std::string& code) {
    for (const auto& [name, c] : en_regions) {
      if (c == code) return name;
    }
    return std::string();
  };
  // The key of a French/English adjective pair: the country it is built on
  // ("cambodgien"/"Cambodian" -> KH), the country CLDR's dialect names give it
  // ("American" -> US), the country of a language named like the country
  // ("Korean" -> ko -> KR) or spoken first there only ("Polish" -> pl -> PL),
  // else the language it names ("English" -> lang:en: English is not
  // American), else the English adjective itself.
  auto resolve = [&](const std::vector<std::string>& english, const std::string& french) {
    for (const std::string& e : english) {
      std::string code = RegionOfAdjective(e, en_regions);
      if (!code.empty()) return code;
    }
    for (const std::string& e : english) {
      auto it = en_dialects.find(e);
      if (it != en_dialects.end()) return it->second;
    }
    std::string code = RegionOfAdjective(french, fr_regions);
    if (!code.empty()) return code;
    auto it = fr_dialects.find(french);
    if (it != fr_dialects.end()) return it->second;
    for (const std::string& e : english) {
      auto lang = languages.find(e);
      if (lang == languages.end() || lang->second.second.empty()) continue;
      const std::string& region = lang->second.second;
      const std::set<std::string>& home = homes[lang->second.first];
      if (SharesStem(e, region_name(region)) || (home.size() == 1 && home.count(region) > 0)) {
        return region;
      }
    }
    for (const std::string& e : english) {
      auto lang = languages.find(e);
      if (lang != languages.end()) return "lang:" + lang->second.first;
    }
    return "adj:" + english.front();
  };
  for (const DemonymPair& pair : kDemonyms) {
    std::vector<std::string> english;
    for (const std::string& e : Split(pair.english, ", ")) english.push_back(PhraseKey(e));
    std::string french = PhraseKey(pair.french);
    if (english.empty() || french.empty()) continue;
    std::string key = resolve(english, french);
    if (language_ == "fr") {
      AddDemonym(french, key, true);
    } else {
      for (const std::string& e : english) AddDemonym(e, key, false);
    }
    // Compass compounds: "sud-coréen" / "South Korean" when CLDR has "South Korea".
    for (auto [fr_word, en_word] : {std::pair{"sud", "south"}, std::pair{"nord", "north"}}) {
      if (french.find(' ') != std::string::npos) break;
      std::string en_phrase = std::string(en_word) + " " + english.front();
      std::string code = RegionOfAdjective(en_phrase, en_regions);
      if (code.empty()) continue;
      if (language_ == "fr") {
        AddDemonym(std::string(fr_word) + " " + french, code, true);
      } else {
        AddDemonym(en_phrase, code, false);
      }
    }
  }
}

void AnchorLexicon::AddDemonym(const std::string& phrase, const std::string& key, bool french) {
  // "anglais"/"English" name a language, not a country.
  NameEntry entry{key, key.rfind("lang:", 0) == 0 ? "language" : "nationality", 0.8, true};
  AddName(phrase, entry, false);
  if (french) {
    // Feminine and plural forms: coréen(s), coréenne(s), français(e)(s).
    const char last = phrase.back();
    if (last != 's') AddName(phrase + "s", entry, false);
    if (last != 'e') {
      AddName(phrase + "e", entry, false);
      AddName(phrase + "es", entry, false);
    }
    if (last == 'n') {
      AddName(phrase + "ne", entry, false);
      AddName(phrase + "nes", entry, false);
    }
  } else if (phrase.back() != 's') {
    AddName(phrase + "s", entry, false);  // "Koreans"
  }
}

void AnchorLexicon::LoadNames() {
  icu::Locale locale(language_.c_str());
  std::unique_ptr<icu::LocaleDisplayNames> standard(
      icu::LocaleDisplayNames::createInstance(locale, ULDN_STANDARD_NAMES));
  UDisplayContext short_context[] = {UDISPCTX_LENGTH_SHORT};
  std::unique_ptr<icu::LocaleDisplayNames> brief(
      icu::LocaleDisplayNames::createInstance(locale, short_context, 1));
  if (!standard || !brief) throw Error("no display names for " + language_);
  // Countries and territories, keyed by their region code.
  for (const std::string& code : RegionCodes()) {
    for (icu::LocaleDisplayNames* names : {standard.get(), brief.get()}) {
      icu::UnicodeString name;
      names->regionDisplayName(code.c_str(), name);
      std::string written = ToUtf8(name);
      if (written.empty()) continue;
      // Upper-case letters only, in any script: "US", "UK", "ONU", "США".
      bool capitals = name.length() > 1;
      for (int32_t i = 0; i < name.length() && capitals; i = name.moveIndex32(i, 1))
        capitals = u_isupper(name.char32At(i));
      if (capitals) {
        short_names_.emplace(written, NameEntry{code, "place", 1.0});  // "US", "UK", "ONU"
      } else {
        AddName(PhraseKey(written), NameEntry{code, "place", 1.0}, false);
      }
    }
  }
  LoadBareRegionNames();
  // Cities: CLDR's exemplar cities of the time zones, keyed by their English name.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> local_tz(icu::TimeZoneNames::createInstance(locale, status));
  std::unique_ptr<icu::TimeZoneNames> english_tz(
      icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
  std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
      UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
  CheckIcu(status, "time zone names for " + language_);
  while (const icu::UnicodeString* zone = zones->snext(status)) {
    if (U_FAILURE(status)) break;
    icu::UnicodeString local, english;
    local_tz->getExemplarLocationName(*zone, local);
    english_tz->getExemplarLocationName(*zone, english);
    std::string key = PhraseKey(ToUtf8(english));
    if (key.empty() || local.isEmpty()) continue;
    AddName(PhraseKey(ToUtf8(local)), NameEntry{key, "place", 1.0}, false);
  }
}

void AnchorLexicon::LoadBareRegionNames() {
  // Compass words of region names, in the languages with hand-written word lists
  // (folded: German "Süd" is "sud").
  static const Set kCompass = {"north",    "south",   "east",    "west", "northern",
                               "southern", "eastern", "western", "nord", "sud",
                               "est",      "ouest",   "norte",   "sur",  "sul"};
  icu::Locale locale(language_.c_str());
  std::unique_ptr<icu::LocaleDisplayNames> names(
      icu::LocaleDisplayNames::createInstance(locale, ULDN_STANDARD_NAMES));
  if (!names) return;
  std::map<std::string, std::set<std::string>> candidates;  // bare name -> regions
  for (const std::string& code : RegionCodes()) {
    icu::UnicodeString name;
    names->regionDisplayName(code.c_str(), name);
    std::vector<std::string> words = Split(PhraseKey(ToUtf8(name)), " ");
    if (words.size() < 2) continue;
    if (kCompass.count(words.front()) > 0) {
      words.erase(words.begin());  // "South Korea"
    } else if (kCompass.count(words.back()) > 0) {
      words.pop_back();  // "Corée du Sud"
      if (particles_.count(words.back()) > 0) words.pop_back();
    } else {
      continue;
    }
    std::string bare;
    for (const std::string& w : words) bare += (bare.empty() ? "" : " ") + w;
    if (!bare.empty()) candidates[bare].insert(code);
  }
  // Languages by their likely region, named in this language ("coréen" -> KR).
  std::map<std::string, std::vector<std::string>> language_names;
  for (const char* const* l = icu::Locale::getISOLanguages(); *l != nullptr; ++l) {
    if (std::string_view(*l).size() != 2) continue;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale likely(*l);
    likely.addLikelySubtags(status);
    if (U_FAILURE(status) || likely.getCountry()[0] == '\0') continue;
    icu::UnicodeString name;
    icu::Locale(*l).getDisplayLanguage(locale, name);
    language_names[likely.getCountry()].push_back(PhraseKey(ToUtf8(name)));
  }
  for (const auto& [bare, codes] : candidates) {
    if (names_.count(bare) > 0) continue;  // "Sudan" is a country of its own
    std::string found;
    for (const std::string& code : codes) {
      for (const std::string& language : language_names[code]) {
        // The language is named after the bare name: "Korean"/"Korea",
        // "coréen"/"Corée" (not "Afrikaans"/"Africa").
        if (CommonPrefix(language, bare) < std::max<size_t>(4, bare.size() - 1)) continue;
        found = found.empty() || found == code ? code : "-";
      }
    }
    if (found.empty() || found == "-") continue;
    AddName(bare, NameEntry{found, "place", 0.5}, false);
  }
}

void AnchorLexicon::LoadLanguageNames() {
  icu::Locale locale(language_.c_str());
  std::unique_ptr<icu::LocaleDisplayNames> standard(
      icu::LocaleDisplayNames::createInstance(locale, ULDN_STANDARD_NAMES));
  if (!standard) throw Error("no display names for " + language_);
  // Languages with a two-letter code.
  for (const char* const* l = icu::Locale::getISOLanguages(); *l != nullptr; ++l) {
    if (std::string_view(*l).size() != 2) continue;
    icu::UnicodeString name;
    standard->languageDisplayName(*l, name);
    std::string written = ToUtf8(name);
    if (written.empty() || written == *l) continue;
    AddName(PhraseKey(written), NameEntry{std::string("lang:") + *l, "language", 0.8}, false);
  }
}

int AnchorLexicon::Month(std::string_view folded, bool* abbreviated) const {
  auto it = months_.find(folded);
  if (it == months_.end()) return 0;
  if (abbreviated != nullptr) *abbreviated = it->second.second;
  return it->second.first;
}

int AnchorLexicon::MonthByPrefix(std::string_view folded) const {
  if (folded.size() < 3) return 0;
  int found = 0;
  for (size_t m = 0; m < month_full_names_.size(); ++m) {
    if (month_full_names_[m].compare(0, folded.size(), folded) != 0) continue;
    if (found != 0) return 0;
    found = static_cast<int>(m) + 1;
  }
  return found;
}

int AnchorLexicon::Weekday(std::string_view folded, bool* abbreviated) const {
  auto it = weekdays_.find(folded);
  if (it == weekdays_.end()) return 0;
  if (abbreviated != nullptr) *abbreviated = it->second.second;
  return it->second.first;
}

int AnchorLexicon::NumberWord(std::string_view folded_phrase) const {
  auto it = number_words_.find(folded_phrase);
  return it == number_words_.end() ? 0 : it->second;
}

double AnchorLexicon::Multiplier(std::string_view folded) const {
  auto it = multipliers_.find(folded);
  return it == multipliers_.end() ? 0 : it->second;
}

const CurrencyEntry* AnchorLexicon::CurrencyName(std::string_view folded_phrase) const {
  auto it = currency_names_.find(folded_phrase);
  return it == currency_names_.end() ? nullptr : &it->second;
}

const CurrencyEntry* AnchorLexicon::CurrencySymbol(std::string_view symbol) const {
  auto it = currency_symbols_.find(symbol);
  return it == currency_symbols_.end() ? nullptr : &it->second;
}

bool AnchorLexicon::IsPercentPhrase(std::string_view folded_phrase) const {
  return percent_phrases_.count(folded_phrase) > 0;
}

const NameEntry* AnchorLexicon::Name(std::string_view folded_phrase) const {
  auto it = names_.find(folded_phrase);
  return it == names_.end() ? nullptr : &it->second;
}

const NameEntry* AnchorLexicon::ShortName(std::string_view as_written) const {
  auto it = short_names_.find(as_written);
  return it == short_names_.end() ? nullptr : &it->second;
}

}  // namespace ancre::text
