// ICU helpers private to src/text: the one place ICU error codes become
// ancre exceptions, and locale validation. Thread-safe.
#pragma once

#include <unicode/locid.h>
#include <unicode/utypes.h>

#include <string>

namespace ancre::text {

// Throws Error("<what>: <ICU error name>") if status is a failure.
void CheckIcu(UErrorCode status, const std::string& what);

// The ICU locale for a user-given id ("fr", "en-GB", "pt_BR"). Throws UsageError
// if ICU does not know the language.
icu::Locale MakeLocale(const std::string& language);

}  // namespace ancre::text
