#include "src/text/transliterate.h"

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstring>

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

bool Latinizer::MayBeName(std::string_view utf8) {
  size_t i = 0;
  while (i < utf8.size()) {
    const UChar32 c = static_cast<UChar32>(NextCodePoint(utf8, &i));
    if (!u_isalpha(c)) continue;
    return u_isupper(c) || u_istitle(c) || !u_hasBinaryProperty(c, UCHAR_CASED);
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

bool WritesInLatinScript(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(language, status);
  if (U_FAILURE(status)) return false;
  locale.addLikelySubtags(status);
  if (U_FAILURE(status)) return false;
  return std::strcmp(locale.getScript(), "Latn") == 0;
}

std::string PhoneticSkeleton(std::string_view w, bool latinized) {
  // ICU's Latin of Cyrillic writes ц and ч as "c", ж as "z", ш as "s", х as
  // "h", й as "j"; English spells them "ts", "ch", "zh", "sh", "kh", "y" and
  // writes a hard c. Both are read into the same classes: 'c' for the
  // affricates, 'J' for the j of "Jobs" (дж), 's' for every hiss.
  auto vowel = [&](char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' ||
           (latinized && c == 'j');
  };
  std::string out;
  auto emit = [&](char c) {
    if (out.empty() || out.back() != c) out.push_back(c);
  };
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c < 'a' || c > 'z') continue;
    auto starts = [&](std::string_view p) { return w.substr(i, p.size()) == p; };
    const char next = i + 1 < w.size() ? w[i + 1] : '\0';
    if (vowel(c)) {
      if (out.empty()) out.push_back('a');  // the first letter stays, any vowel as 'a'
      continue;
    }
    if (latinized) {
      if (starts("dz")) {
        emit('J');
        ++i;
      } else {
        emit(c == 'z' ? 's' : c == 'w' ? 'v' : c);
      }
      continue;
    }
    struct Digraph {
      std::string_view spelling;
      char sound;
    };
    static constexpr Digraph kDigraphs[] = {{"dzh", 'J'}, {"tch", 'c'}, {"sch", 's'}, {"zh", 's'},
                                            {"sh", 's'},  {"ch", 'c'},  {"ts", 'c'},  {"tz", 'c'},
                                            {"kh", 'h'},  {"ph", 'f'},  {"th", 't'},  {"ck", 'k'},
                                            {"qu", 'k'}};
    bool matched = false;
    for (const Digraph& d : kDigraphs) {
      if (starts(d.spelling)) {
        emit(d.sound);
        i += d.spelling.size() - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    switch (c) {
      case 'c':
        emit(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
        break;
      case 'j':
        emit('J');
        break;
      case 'q':
        emit('k');
        break;
      case 'z':
        emit('s');
        break;
      case 'w':
        emit('v');
        break;
      case 'x':
        emit('k');
        emit('s');
        break;
      default:
        emit(c);
    }
  }
  return out;
}

}  // namespace ancre::text
