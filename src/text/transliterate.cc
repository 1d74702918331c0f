#include "src/text/transliterate.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "src/core/utf8.h"
#include "src/text/icu_util.h"
#include "src/text/normalize.h"

namespace ancre::text {

struct Latinizer::Impl {
  std::unique_ptr<icu::Transliterator> latin;  // created on first use
};

Latinizer::Latinizer() : impl_(std::make_unique<Impl>()) {}
Latinizer::~Latinizer() = default;

bool Latinizer::HasNonLatinLetter(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    const UChar32 c = static_cast<UChar32>(NextCodePoint(utf8, &i));
    if (c < 0x250) continue;  // ASCII and Latin-1/Extended-A/B
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_LATIN && script != USCRIPT_COMMON &&
        script != USCRIPT_INHERITED) {
      return true;
    }
  }
  return false;
}

std::string Latinizer::ToLatin(std::string_view utf8) {
  if (!HasNonLatinLetter(utf8)) return "";
  if (!impl_->latin) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->latin.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                           UTRANS_FORWARD, status));
    CheckIcu(status, "Latin transliteration");
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  impl_->latin->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace ancre::text
