#include "src/text/icu_util.h"

#include <unicode/uloc.h>

#include <cstring>

#include "src/core/error.h"

namespace ancre::text {

void CheckIcu(UErrorCode status, const std::string& what) {
  if (U_FAILURE(status)) throw Error(what + ": ICU error " + u_errorName(status));
}

icu::Locale MakeLocale(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status) || locale.isBogus() || std::strlen(locale.getLanguage()) == 0) {
    locale = icu::Locale::createFromName(language.c_str());
  }
  const char* lang = locale.getLanguage();
  bool known = false;
  for (const char* const* iso = icu::Locale::getISOLanguages(); *iso; ++iso) {
    if (std::strcmp(*iso, lang) == 0) {
      known = true;
      break;
    }
  }
  if (!known) {
    throw UsageError("unknown language '" + language +
                     "'; give an ICU locale such as fr, en, de, es, it, pt, en-GB");
  }
  return locale;
}

}  // namespace ancre::text
