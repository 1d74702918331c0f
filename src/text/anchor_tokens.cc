#include "src/text/anchor_tokens.h"

#include <unicode/uchar.h>

#include <array>
#include <cmath>
#include <cstdio>

#include "src/core/utf8.h"
#include "src/text/normalize.h"
#include "src/unicode/fold.h"

namespace ancre::text {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const int32_t mask = U_GC_L_MASK | U_GC_M_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & mask) != 0;
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Code point at s[i] without advancing; 0 at the end.
char32_t PeekCodePoint(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return NextCodePoint(s, &i);
}

// White space between tokens: Unicode White_Space, zero-width space, BOM.
inline bool IsTokenSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  return IsSpace(c) || c == 0x200B || c == 0xFEFF;
}

size_t CountDigits(std::string_view s, size_t i) {
  size_t n = 0;
  while (i + n < s.size() && IsDigit(s[i + n])) ++n;
  return n;
}

// A thousands separator at s[i]: returns its length in bytes, 0 if none.
// Typographic spaces group thousands in every language (CLDR fr uses U+202F).
size_t GroupSeparatorLength(std::string_view s, size_t i, bool space_grouping) {
  if (i >= s.size()) return 0;
  char c = s[i];
  if (c == ',' || c == '.') return 1;
  if (c == ' ') return space_grouping ? 1 : 0;
  char32_t cp = PeekCodePoint(s, i);
  if (cp == 0x00A0) return 2;
  if (cp == 0x202F || cp == 0x2009 || cp == 0x2007) return 3;
  return 0;
}

// Matches a numeric date at s[i] (i starts a digit run): 2025-10-27,
// 27/10/2025, 27.10.2025, 27-10-2025. Returns its length, 0 if none.
size_t MatchNumericDate(std::string_view s, size_t i) {
  size_t a = CountDigits(s, i);
  if (a == 4 && i + 10 <= s.size() && s[i + 4] == '-' && CountDigits(s, i + 5) == 2 &&
      s[i + 7] == '-' && CountDigits(s, i + 8) == 2) {
    return 10;
  }
  if (a < 1 || a > 2) return 0;
  size_t p = i + a;
  if (p >= s.size()) return 0;
  char sep = s[p];
  if (sep != '/' && sep != '.' && sep != '-') return 0;
  size_t b = CountDigits(s, p + 1);
  if (b < 1 || b > 2) return 0;
  p += 1 + b;
  if (p >= s.size() || s[p] != sep) return 0;
  size_t c = CountDigits(s, p + 1);
  if (c != 2 && c != 4) return 0;
  return p + 1 + c - i;
}

bool MatchesAny(std::string_view s, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s == o) return true;
  }
  return false;
}

// Length of an ordinal suffix right after a number at s[i] ("er", "e", "ème",
// "th", "st", "nd", "rd"), 0 if the letters there are something else.
size_t OrdinalSuffixLength(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size()) {
    size_t k = j;
    char32_t c = NextCodePoint(s, &k);
    if (!IsLetter(c)) break;
    j = k;
    if (j - i > 6) return 0;
  }
  if (j == i) return 0;
  std::string_view suffix = s.substr(i, j - i);
  if (MatchesAny(suffix, {"er", "re", "e", "ème", "eme", "è", "th", "st", "nd", "rd", "o", "a", "º",
                          "ª", "ᵉ", "ᵉʳ"})) {
    return suffix.size();
  }
  return 0;
}

}  // namespace

bool IsApostrophe(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "'" || t.norm == "\u2019" || t.norm == "\u02BC");
}

bool WordPhrase(const std::vector<Token>& tokens, size_t k, size_t words, std::string* phrase,
                size_t* next) {
  phrase->clear();
  size_t found = 0;
  while (k < tokens.size() && found < words) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::kWord) {
      if (found > 0) phrase->push_back(' ');
      *phrase += t.norm;
      ++found;
      ++k;
    } else if (found > 0 && IsApostrophe(t) && !t.space_before) {
      ++k;
    } else {
      break;
    }
  }
  *next = k;
  return found == words;
}

double NumberValue(std::string_view canonical) {
  double v = 0;
  double scale = 0;
  for (char c : canonical) {
    if (c == '.') {
      scale = 1;
      continue;
    }
    if (!IsDigit(c)) break;
    if (scale > 0) {
      scale /= 10;
      v += (c - '0') * scale;
    } else {
      v = v * 10 + (c - '0');
    }
  }
  return v;
}

std::string CanonicalNumber(double value) {
  if (!(value >= 0) || value > 1e18) return "";
  char buf[64];
  double rounded = std::round(value);
  if (std::fabs(value - rounded) < 1e-9) {
    std::snprintf(buf, sizeof buf, "%.0f", rounded);
    return buf;
  }
  std::snprintf(buf, sizeof buf, "%.6f", value);
  std::string s(buf);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::vector<Token> Tokenize(std::string_view s, const TokenizeOptions& options) {
  std::vector<Token> tokens;
  size_t i = 0;
  bool space_before = true;
  bool pending_hyphen_join = false;
  tokens.reserve(s.size() / 5 + 1);
  while (i < s.size()) {
    const size_t start = i;
    size_t after_c = i;
    const char32_t c = NextCodePoint(s, &after_c);
    if (IsTokenSpace(c)) {
      i = after_c;
      space_before = true;
      pending_hyphen_join = false;
      continue;
    }
    Token& t = tokens.emplace_back();
    t.begin = start;
    t.space_before = space_before;
    space_before = false;
    if (IsDigit(s[i])) {
      size_t date_len = MatchNumericDate(s, i);
      if (date_len > 0 && !(i + date_len < s.size() && IsDigit(s[i + date_len]))) {
        t.kind = TokenKind::kNumericDate;
        t.end = i + date_len;
        t.norm = std::string(s.substr(i, date_len));
        i += date_len;
        pending_hyphen_join = false;
        continue;
      }
      t.kind = TokenKind::kNumber;
      size_t lead = CountDigits(s, i);
      t.int_digits = static_cast<uint8_t>(lead > 255 ? 255 : lead);
      std::string value(s.substr(i, lead));
      size_t p = i + lead;
      // Thousands groups: a separator followed by exactly three digits, the
      // same separator each time, after a lead of 1-3 digits not starting with 0.
      char group_sep = 0;
      if (lead <= 3 && s[i] != '0') {
        while (true) {
          size_t sep_len = GroupSeparatorLength(s, p, options.space_grouping);
          if (sep_len == 0) break;
          char sep_kind = s[p] == ',' || s[p] == '.' ? s[p] : ' ';
          if (group_sep != 0 && sep_kind != group_sep) break;
          if (CountDigits(s, p + sep_len) != 3) break;
          group_sep = sep_kind;
          value.append(s.substr(p + sep_len, 3));
          p += sep_len + 3;
          t.grouped = true;
        }
      }
      // Decimal part.
      if (p + 1 < s.size() && (s[p] == ',' || s[p] == '.') && IsDigit(s[p + 1])) {
        bool ok = group_sep == 0 ||
                  (group_sep == ' ' ? s[p] == options.decimal_separator : s[p] != group_sep);
        if (ok) {
          size_t frac = CountDigits(s, p + 1);
          value.push_back('.');
          value.append(s.substr(p + 1, frac));
          p += 1 + frac;
          t.decimal = true;
        }
      }
      // Strip leading zeros of the integer part ("007" -> "7"), keep "0.5".
      size_t nz = 0;
      while (nz + 1 < value.size() && value[nz] == '0' && value[nz + 1] != '.') ++nz;
      value.erase(0, nz);
      if (t.decimal) {
        while (value.back() == '0') value.pop_back();
        if (value.back() == '.') value.pop_back();
      }
      if (!t.grouped && !t.decimal) {
        size_t suffix = OrdinalSuffixLength(s, p);
        if (suffix > 0) {
          t.ordinal = true;
          p += suffix;
        }
      }
      t.end = p;
      t.norm = std::move(value);
      i = p;
      pending_hyphen_join = false;
      continue;
    }
    if (IsLetter(c)) {
      t.kind = TokenKind::kWord;
      t.joined = pending_hyphen_join;
      size_t letters = 0, uppers = 0;
      bool first = true;
      bool folded = true;  // t.norm holds the fold so far (see unicode::FoldWord)
      while (i < s.size()) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {  // a run of ASCII letters: appended, then lower-cased
          const size_t run = i;
          size_t run_uppers = 0;
          for (; i < s.size(); ++i) {
            const char a = s[i];
            if (a >= 'a' && a <= 'z') continue;
            if (a < 'A' || a > 'Z') break;
            ++run_uppers;
          }
          if (i == run) break;
          if (first && s[run] >= 'A' && s[run] <= 'Z') t.upper_initial = true;
          letters += i - run;
          uppers += run_uppers;
          const size_t from = t.norm.size();
          t.norm.append(s.data() + run, i - run);
          if (run_uppers > 0) {
            for (size_t k = from; k < t.norm.size(); ++k) {
              if (t.norm[k] >= 'A' && t.norm[k] <= 'Z')
                t.norm[k] = static_cast<char>(t.norm[k] + 32);
            }
          }
          first = false;
          continue;
        }
        size_t k = i;
        const char32_t d = NextCodePoint(s, &k);
        if (!IsLetter(d)) break;
        const bool upper = IsUpper(d);
        if (upper) {
          ++uppers;
          if (first) t.upper_initial = true;
        }
        if (upper || IsLower(d)) ++letters;  // marks and caseless letters count as neither
        if (d < unicode::kLatinFoldEnd) {
          t.norm += unicode::LatinFold(d);
        } else {
          folded = false;
        }
        first = false;
        i = k;
      }
      t.end = i;
      t.all_upper = letters >= 2 && uppers == letters;
      if (!folded) t.norm = unicode::FoldForMatching(s.substr(start, i - start));
      // A hyphen glued between two letters joins the words.
      pending_hyphen_join = false;
      if (i < s.size()) {
        size_t k = i;
        char32_t d = NextCodePoint(s, &k);
        if (IsHyphen(d) && IsLetter(PeekCodePoint(s, k))) {
          i = k;
          pending_hyphen_join = true;
        } else if ((d == '\'' || d == 0x2019 || d == 0x02BC) && t.norm == "o" && t.upper_initial &&
                   IsUpper(PeekCodePoint(s, k))) {
          // An Irish surname is one name: "O'Leary", "O’Neill" (as "o leary").
          i = k;
          pending_hyphen_join = true;
        }
      }
      continue;
    }
    i = after_c;
    t.kind = TokenKind::kPunct;
    t.end = i;
    t.norm = std::string(s.substr(start, i - start));
    pending_hyphen_join = false;
  }
  return tokens;
}

}  // namespace ancre::text
