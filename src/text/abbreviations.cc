#include "src/text/abbreviations.h"

#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <iterator>

namespace ancre::text {
namespace {

// Titles, honorifics and short forms that precede a name or a number in news
// text. Words that often END a sentence ("etc.", "Inc.", "Corp.") are left out
// on purpose: ICU already keeps them when a lower-case word follows. The same
// holds in every list below (cs "atd.", "s.r.o.", ru "т.д.", "др.", "млн.").
constexpr const char* kEnglish[] = {
    "Mr.",     "Mrs.", "Ms.",  "Dr.",   "Prof.", "St.",   "Sr.",     "Jr.",   "Mt.",
    "No.",     "Nos.", "vs.",  "Gen.",  "Gov.",  "Sen.",  "Rep.",    "Lt.",   "Col.",
    "Capt.",   "Sgt.", "Rev.", "Hon.",  "Pres.", "Supt.", "Maj.",    "Cmdr.", "Adm.",
    "Messrs.", "Fr.",  "Ft.",  "Jan.",  "Feb.",  "Mar.",  "Apr.",    "Aug.",  "Sept.",
    "Sep.",    "Oct.", "Nov.", "Dec.",  "e.g.",  "i.e.",  "approx.", "cf.",   "Fig.",
    "p.",      "pp.",  "Vol.", "Ch.",   "Art.",  "U.S.",  "U.N.",    "U.K.",  "E.U.",
    "a.m.",    "p.m.", "Ave.", "Blvd.", "Rd.",   "Dept.", "Univ."};
constexpr const char* kFrench[] = {
    "M.",   "MM.",  "Mme.",  "Mmes.", "Mlle.", "Mlles.", "Me.",   "Mgr.",  "Dr.",  "Pr.",  "St.",
    "Ste.", "p.",   "pp.",   "ex.",   "cf.",   "av.",    "apr.",  "J.-C.", "n°.",  "art.", "chap.",
    "éd.",  "vol.", "janv.", "févr.", "avr.",  "juil.",  "sept.", "oct.",  "nov.", "déc.", "env.",
    "hab.", "Cie.", "boul.", "bd.",   "fig.",  "t.",     "op.",   "ibid.", "Gal.", "Cdt.", "Lt."};
// Translated news keeps the English "Mr." (de, es, it): "Mr. Bean", "el sr. Brown".
constexpr const char* kGerman[] = {"Dr.",  "Prof.", "Nr.",  "St.",  "z.",   "B.",   "bzw.",  "ca.",
                                   "Ca.",  "Hr.",   "Fr.",  "Jan.", "Feb.", "Aug.", "Sept.", "Okt.",
                                   "Nov.", "Dez.",  "Abs.", "Art.", "vgl.", "S.",   "s.",    "sog.",
                                   "u.a.", "z.B.",  "d.h.", "vs.",  "Mr.",  "Mrs.", "Ms."};
constexpr const char* kSpanish[] = {
    "Sr.", "Sra.", "Srta.", "Dr.",  "Dra.",  "Ud.",   "Uds.",  "pág.", "núm.", "art.", "p.",
    "ej.", "ene.", "feb.",  "abr.", "ago.",  "sept.", "oct.",  "nov.", "dic.", "Lic.", "Ing.",
    "sr.", "sra.", "srta.", "Av.",  "Avda.", "Gral.", "Sgto.", "vs.",  "Mr.",  "Mrs.", "Ms."};
constexpr const char* kItalian[] = {"Sig.",  "Sigg.", "Sig.ra", "Dott.", "Dr.",  "Prof.", "Ing.",
                                    "Avv.",  "pag.",  "art.",   "p.",    "gen.", "feb.",  "apr.",
                                    "ago.",  "sett.", "ott.",   "nov.",  "dic.", "sig.",  "dott.",
                                    "prof.", "avv.",  "ing.",   "Mr.",   "Mrs.", "Ms."};
constexpr const char* kPortuguese[] = {"Sr.",  "Sra.", "Dr.",  "Dra.", "Prof.", "pág.",
                                       "art.", "p.",   "jan.", "fev.", "abr.",  "ago.",
                                       "set.", "out.", "nov.", "dez."};
// Czech and Slovak: academic titles before a name (MUDr. Novák), ranks, and
// the short forms news uses before a word or a number ("tzv. Modrá krabice",
// "č. 4", "max. 2 GB", "15 tis. Kč"). No list holds an abbreviation that is
// also a word a sentence can end with: cs "nám." (to us), "něm." (on him),
// pl "im." (them), ru "им." (by them), "ген." (gene).
constexpr const char* kCzech[] = {
    "MUDr.", "MVDr.", "JUDr.", "PhDr.", "RNDr.", "PaedDr.", "PharmDr.", "ThDr.", "MgA.",  "Mgr.",
    "Ing.",  "BcA.",  "Bc.",   "Dr.",   "dr.",   "doc.",    "Doc.",     "prof.", "Prof.", "p.",
    "pí.",   "sv.",   "plk.",  "pplk.", "mjr.",  "maj.",    "kpt.",     "por.",  "npor.", "gen.",
    "tzv.",  "Tzv.",  "např.", "Např.", "mj.",   "tj.",     "resp.",    "popř.", "příp.", "cca.",
    "č.",    "čl.",   "odst.", "písm.", "str.",  "s.",      "obr.",     "tab.",  "nar.",  "ul.",
    "tř.",   "max.",  "tis.",  "mil.",  "mld.",  "angl."};
constexpr const char* kSlovak[] = {
    "MUDr.", "MVDr.", "JUDr.", "PhDr.", "RNDr.", "PaedDr.", "Mgr.",  "Ing.",  "Bc.",   "Dr.",
    "dr.",   "doc.",  "Doc.",  "prof.", "Prof.", "p.",      "sv.",   "plk.",  "pplk.", "mjr.",
    "kpt.",  "por.",  "npor.", "gen.",  "tzv.",  "Tzv.",    "napr.", "Napr.", "resp.", "tj.",
    "popr.", "príp.", "cca.",  "č.",    "čl.",   "ods.",    "písm.", "str.",  "s.",    "obr.",
    "tab.",  "nar.",  "ul.",   "max.",  "tis.",  "mil.",    "mld."};
constexpr const char* kPolish[] = {"prof.", "Prof.", "doc.",  "inż.", "hab.", "ks.",  "Ks.", "św.",
                                   "gen.",  "płk.",  "ppłk.", "mjr.", "kpt.", "por.", "np.", "Np.",
                                   "tzw.",  "Tzw.",  "m.in.", "tj.",  "ok.",  "ul.",  "al.", "pl.",
                                   "godz.", "woj.",  "red.",  "tel.", "pt.",  "str.", "s."};
// Added to CLDR's Russian list (руб. тыс. ул. проф. кв. н. э. and the months).
// "Дж." is how Russian writes the initial J. ("Пол Дж. Браун").
constexpr const char* kRussian[] = {"Дж.",  "т.е.", "т. е.",  "т.н.",  "т. н.", "т.к.", "т. к.",
                                    "стр.", "ст.",  "акад.",  "Акад.", "Проф.", "доц.", "св.",
                                    "пл.",  "пер.", "просп.", "наб.",  "напр.", "Напр."};
constexpr const char* kUkrainian[] = {
    "Дж.",   "проф.", "Проф.",  "акад.", "доц.",   "ім.",   "вул.",   "просп.",
    "пл.",   "пров.", "бульв.", "т.зв.", "т. зв.", "напр.", "Напр.",  "див.",
    "Див.",  "ст.",   "стор.",  "св.",   "п.",     "січ.",  "лют.",   "берез.",
    "квіт.", "трав.", "черв.",  "серп.", "верес.", "жовт.", "листоп."};
constexpr const char* kBulgarian[] = {
    "Дж.",  "проф.", "Проф.",  "доц.",    "акад.", "гр.",  "ул.",   "бул.", "пл.",
    "т.е.", "т. е.", "т.нар.", "т. нар.", "напр.", "вж.",  "Вж.",   "стр.", "св.",
    "ян.",  "февр.", "апр.",   "авг.",    "септ.", "окт.", "ноем.", "дек."};

// CLDR's suppressions are not used with ancre's own list in these languages:
// they match as suffixes and hold words that end sentences (see the header).
constexpr std::string_view kOwnListOnly[] = {"en", "fr", "de", "es", "it", "pt"};

constexpr std::string_view kGermanMonths[] = {
    "Januar", "Jänner", "Februar", "Feber",     "März",    "April",    "Mai",
    "Juni",   "Juli",   "August",  "September", "Oktober", "November", "Dezember",
    "Jan.",   "Jän.",   "Feb.",    "Mär.",      "Mrz.",    "Apr.",     "Jun.",
    "Jul.",   "Aug.",   "Sep.",    "Sept.",     "Okt.",    "Nov.",     "Dez."};
// Words after which a number is an adjective, so an ordinal: articles, the
// prepositions merged with one, possessives, demonstratives. Not "bis", "ab",
// "seit", "auf": they take cardinals that end sentences ("ab 18.", "auf 100.").
constexpr std::string_view kGermanDeterminers[] = {
    "am",     "im",     "vom",     "zum",     "zur",     "beim",    "der",    "die",    "das",
    "dem",    "den",    "des",     "mein",    "meine",   "meinem",  "meinen", "meiner", "meines",
    "dein",   "deine",  "deinem",  "deinen",  "deiner",  "deines",  "sein",   "seine",  "seinem",
    "seinen", "seiner", "seines",  "ihr",     "ihre",    "ihrem",   "ihren",  "ihrer",  "ihres",
    "unser",  "unsere", "unserem", "unseren", "unserer", "unseres", "euer",   "eure",   "eurem",
    "euren",  "eurer",  "eures",   "dieser",  "diese",   "diesem",  "diesen", "dieses", "jeder",
    "jede",   "jedem",  "jeden",   "jedes"};
// Languages that write "15." for "15th". Their month names are lower case
// (cs "15. března", da "15. marts", fi "15. maaliskuuta"), which ICU never
// breaks before, so only German needs a month list.
constexpr std::string_view kDottedOrdinals[] = {"de", "cs", "sk", "pl", "da", "no", "nb",
                                                "nn", "fi", "hu", "is", "et", "lv", "sl",
                                                "hr", "bs", "sr", "tr", "fo"};

template <size_t N>
std::vector<std::string> ToVector(const char* const (&list)[N]) {
  return std::vector<std::string>(std::begin(list), std::end(list));
}

template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

std::string_view BaseLanguage(std::string_view language) {
  return language.substr(0, language.find_first_of("-_"));
}

// CLDR's sentence-break suppressions for exactly this language, from ICU's
// data (brkitr/<language>.txt, exceptions/SentenceBreak); empty if it has none.
// ures_open falls back to the default locale (the user's LANG) for a language
// without a bundle: that fallback is refused, as ICU's own
// FilteredBreakIteratorBuilder::createInstance refuses it.
std::vector<std::string> ReadCldrAbbreviations(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUResourceBundlePointer bundle(
      ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", language.c_str(), &status));
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) return {};
  const char* actual = ures_getLocaleByType(bundle.getAlias(), ULOC_ACTUAL_LOCALE, &status);
  if (U_FAILURE(status) || actual == nullptr || BaseLanguage(actual) != language) return {};
  icu::LocalUResourceBundlePointer exceptions(
      ures_getByKey(bundle.getAlias(), "exceptions", nullptr, &status));
  icu::LocalUResourceBundlePointer sentence(
      ures_getByKey(exceptions.getAlias(), "SentenceBreak", nullptr, &status));
  if (U_FAILURE(status)) return {};  // no suppressions for this language (el, fi, sv, ja, zh)
  std::vector<std::string> out;
  for (int32_t i = 0; i < ures_getSize(sentence.getAlias()); ++i) {
    int32_t length = 0;
    UErrorCode item_status = U_ZERO_ERROR;
    const UChar* item = ures_getStringByIndex(sentence.getAlias(), i, &length, &item_status);
    if (U_FAILURE(item_status)) continue;
    std::string utf8;
    icu::UnicodeString(item, length).toUTF8String(utf8);
    out.push_back(std::move(utf8));
  }
  return out;
}

std::vector<std::string> OwnAbbreviations(std::string_view base) {
  if (base == "en") return ToVector(kEnglish);
  if (base == "fr") return ToVector(kFrench);
  if (base == "de") return ToVector(kGerman);
  if (base == "es") return ToVector(kSpanish);
  if (base == "it") return ToVector(kItalian);
  if (base == "pt") return ToVector(kPortuguese);
  if (base == "cs") return ToVector(kCzech);
  if (base == "sk") return ToVector(kSlovak);
  if (base == "pl") return ToVector(kPolish);
  if (base == "ru") return ToVector(kRussian);
  if (base == "uk") return ToVector(kUkrainian);
  if (base == "bg") return ToVector(kBulgarian);
  return {};
}

}  // namespace

std::vector<std::string> ShippedAbbreviations(std::string_view language) {
  return OwnAbbreviations(BaseLanguage(language));
}

std::vector<std::string> CldrAbbreviations(std::string_view language) {
  std::string_view base = BaseLanguage(language);
  if (base.empty() || Contains(kOwnListOnly, base)) return {};
  return ReadCldrAbbreviations(std::string(base));
}

OrdinalCues ShippedOrdinalCues(std::string_view language) {
  std::string_view base = BaseLanguage(language);
  OrdinalCues cues;
  cues.dotted = Contains(kDottedOrdinals, base);
  if (base == "de") {
    cues.months.assign(std::begin(kGermanMonths), std::end(kGermanMonths));
    cues.determiners.assign(std::begin(kGermanDeterminers), std::end(kGermanDeterminers));
    cues.conjunctions = {"und", "oder", "bis", "sowie"};
  }
  return cues;
}

std::vector<std::string_view> NameOrUnitAbbreviations(std::string_view language) {
  std::string_view base = BaseLanguage(language);
  // cs, sk: m. město ("hl. m. Praha") / metr.
  if (base == "cs" || base == "sk") return {"m."};
  // ru: г. город/год, гг. годы, р. река/рубль, см. смотри/сантиметр.
  if (base == "ru") return {"г.", "гг.", "р.", "см."};
  // uk: м. місто/метр, с. село/секунда, р. річка/рік.
  if (base == "uk") return {"м.", "с.", "р.", "рр."};
  // bg: с. село/секунда.
  if (base == "bg") return {"с."};
  return {};
}

}  // namespace ancre::text
