#include "tm/tmx/text.h"

#include <cstdint>
#include <cstdio>

#include "src/core/utf8.h"

namespace ancre::tm {
namespace {

// True if s[i] starts a UTF-16 surrogate written as UTF-8 (ED A0..BF 80..BF,
// CESU-8): not UTF-8 (RFC 3629 §3), but one character to remove, not three.
bool EncodedSurrogate(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  return i + 3 <= s.size() && at(0) == 0xED && at(1) >= 0xA0 && at(1) <= 0xBF &&
         (at(2) & 0xC0) == 0x80;
}

// XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
// [#x10000-#x10FFFF]
bool IsXmlChar(uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool IsSpace(uint32_t cp) {
  return (cp >= 0x9 && cp <= 0xD) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

bool Digits(std::string_view s, size_t pos, size_t n, int* value) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    const char c = s[pos + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

bool ValidDateTime(int y, int mo, int d, int h, int mi, int s) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const int days = kDays[mo - 1] + (mo == 2 && IsLeap(y) ? 1 : 0);
  return d <= days && h <= 23 && mi <= 59 && s <= 60;
}

std::string Format(int y, int mo, int d, int h, int mi, int s) {
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02dZ", y, mo, d, h, mi, s);
  return buf;
}

}  // namespace

size_t RemoveXmlForbidden(std::string* text) {
  std::string& s = *text;
  // Fast path: most segments are clean.
  size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0 || !IsXmlChar(cp)) break;
    i += len;
  }
  if (i == s.size()) return 0;
  size_t removed = 0;
  size_t out = i;
  while (i < s.size()) {
    const size_t len = DecodeUtf8(s, i, &cp);
    if (len == 0) {
      ++removed;
      i += EncodedSurrogate(s, i) ? 3 : 1;
      continue;
    }
    if (!IsXmlChar(cp)) {
      ++removed;
    } else {
      for (size_t k = 0; k < len; ++k) s[out++] = s[i + k];
    }
    i += len;
  }
  s.resize(out);
  return removed;
}

std::string_view TrimSpace(std::string_view text) {
  char32_t cp = 0;
  while (!text.empty()) {
    const size_t len = DecodeUtf8(text, 0, &cp);
    if (len == 0 || !IsSpace(cp)) break;
    text.remove_prefix(len);
  }
  while (!text.empty()) {
    // Step back to the start of the last UTF-8 sequence.
    size_t start = text.size() - 1;
    while (start > 0 && text.size() - start < 4 &&
           (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
      --start;
    }
    const size_t len = DecodeUtf8(text, start, &cp);
    if (len != text.size() - start || !IsSpace(cp)) break;
    text.remove_suffix(len);
  }
  return text;
}

bool IsTmxDate(std::string_view date) {
  int y, mo, d, h, mi, s;
  return date.size() == 16 && Digits(date, 0, 4, &y) && Digits(date, 4, 2, &mo) &&
         Digits(date, 6, 2, &d) && date[8] == 'T' && Digits(date, 9, 2, &h) &&
         Digits(date, 11, 2, &mi) && Digits(date, 13, 2, &s) && date[15] == 'Z' &&
         ValidDateTime(y, mo, d, h, mi, s);
}

std::optional<std::string> ToTmxDate(std::string_view date) {
  if (IsTmxDate(date)) return std::string(date);
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (!(date.size() >= 10 && Digits(date, 0, 4, &y) && date[4] == '-' && Digits(date, 5, 2, &mo) &&
        date[7] == '-' && Digits(date, 8, 2, &d))) {
    return std::nullopt;
  }
  std::string_view rest = date.substr(10);
  if (!rest.empty()) {
    if (!(rest.size() >= 9 && (rest[0] == 'T' || rest[0] == ' ') && Digits(rest, 1, 2, &h) &&
          rest[3] == ':' && Digits(rest, 4, 2, &mi) && rest[6] == ':' && Digits(rest, 7, 2, &s))) {
      return std::nullopt;
    }
    rest.remove_prefix(9);
    if (!rest.empty() && rest[0] == '.') {  // fractional seconds: dropped
      rest.remove_prefix(1);
      while (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') rest.remove_prefix(1);
    }
    if (rest != "" && rest != "Z" && rest != "+00:00") return std::nullopt;
  }
  if (!ValidDateTime(y, mo, d, h, mi, s)) return std::nullopt;
  return Format(y, mo, d, h, mi, s);
}

std::string FormatTmxDate(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Format(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string TmxDateNow() { return FormatTmxDate(std::time(nullptr)); }

}  // namespace ancre::tm
