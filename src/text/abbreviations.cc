#include "src/text/abbreviations.h"

namespace ancre::text {
namespace {

// Titles, honorifics and short forms that precede a name or a number in news
// text. Words that often END a sentence ("etc.", "Inc.", "Corp.") are left out
// on purpose: ICU already keeps them when a lower-case word follows.
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
constexpr const char* kGerman[] = {"Dr.",  "Prof.", "Nr.",  "St.",  "z.",   "B.",   "bzw.",
                                   "ca.",  "Hr.",   "Fr.",  "Jan.", "Feb.", "Aug.", "Sept.",
                                   "Okt.", "Nov.",  "Dez.", "Abs.", "Art.", "vgl.", "S."};
constexpr const char* kSpanish[] = {
    "Sr.", "Sra.", "Srta.", "Dr.",  "Dra.", "Ud.",   "Uds.", "pág.", "núm.", "art.", "p.",
    "ej.", "ene.", "feb.",  "abr.", "ago.", "sept.", "oct.", "nov.", "dic.", "Lic.", "Ing."};
constexpr const char* kItalian[] = {"Sig.", "Sigg.", "Sig.ra", "Dott.", "Dr.",  "Prof.", "Ing.",
                                    "Avv.", "pag.",  "art.",   "p.",    "gen.", "feb.",  "apr.",
                                    "ago.", "sett.", "ott.",   "nov.",  "dic."};
constexpr const char* kPortuguese[] = {"Sr.",  "Sra.", "Dr.",  "Dra.", "Prof.", "pág.",
                                       "art.", "p.",   "jan.", "fev.", "abr.",  "ago.",
                                       "set.", "out.", "nov.", "dez."};

template <size_t N>
std::vector<std::string> ToVector(const char* const (&list)[N]) {
  return std::vector<std::string>(std::begin(list), std::end(list));
}

}  // namespace

std::vector<std::string> ShippedAbbreviations(std::string_view language) {
  std::string_view base = language.substr(0, language.find_first_of("-_"));
  if (base == "en") return ToVector(kEnglish);
  if (base == "fr") return ToVector(kFrench);
  if (base == "de") return ToVector(kGerman);
  if (base == "es") return ToVector(kSpanish);
  if (base == "it") return ToVector(kItalian);
  if (base == "pt") return ToVector(kPortuguese);
  return {};
}

}  // namespace ancre::text
