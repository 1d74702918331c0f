#include "src/text/dates.h"

#include <algorithm>
#include <cstdio>

namespace ancre::text {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && year != 0 && !IsLeap(year)) return 28;
  return kDays[month - 1];
}

bool ValidDay(int year, int month, int day) { return day >= 1 && day <= DaysInMonth(year, month); }

int SmallValue(const Token& t) {
  if (t.norm.size() > 4) return -1;
  int v = 0;
  for (char c : t.norm) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsPunct(const Token& t, std::string_view p) {
  return t.kind == TokenKind::kPunct && t.norm == p;
}

bool IsDash(const Token& t) {
  return t.kind == TokenKind::kPunct &&
         (t.norm == "-" || t.norm == "\u2013" || t.norm == "\u2014" || t.norm == "\u2010");
}

class Scanner {
 public:
  Scanner(const std::vector<Token>& tokens, const AnchorLexicon& lexicon,
          const DateContext& context, std::vector<bool>* used)
      : t_(tokens), lex_(lexicon), ctx_(context), used_(*used) {}

  std::vector<DateMatch> Run() {
    std::vector<DateMatch> out;
    size_t i = 0;
    while (i < t_.size()) {
      DateMatch m;
      if (!used_[i] && MayStartDate(i) && Match(i, &m)) {
        for (size_t k = m.first_token; k <= m.last_token; ++k) used_[k] = true;
        out.push_back(m);
        i = m.last_token + 1;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  bool Free(size_t k) const { return k < t_.size() && !used_[k]; }

  // A cheap test before Match(): only numbers, numeric dates, month and
  // weekday names, and words an abbreviation dot may make a month ("Sept.")
  // start a date.
  bool MayStartDate(size_t k) const {
    const Token& t = t_[k];
    if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kNumericDate) return true;
    if (t.kind != TokenKind::kWord) return false;
    const WordFacts& f = lex_.Facts(t);
    return f.month != 0 || f.weekday != 0 ||
           (f.month_prefix != 0 && k + 1 < t_.size() && IsPunct(t_[k + 1], "."));
  }

  // A day number: 1-31, one or two digits, no separators ("1er", "27th" included).
  int Day(size_t k) const {
    if (!Free(k) || t_[k].kind != TokenKind::kNumber || t_[k].grouped || t_[k].decimal ||
        t_[k].int_digits > 2) {
      return 0;
    }
    int v = SmallValue(t_[k]);
    return v >= 1 && v <= 31 ? v : 0;
  }

  // A year written in full: four digits, 1000-2999.
  int Year(size_t k) const {
    if (!Free(k) || t_[k].kind != TokenKind::kNumber || t_[k].grouped || t_[k].decimal ||
        t_[k].ordinal || t_[k].int_digits != 4) {
      return 0;
    }
    int v = SmallValue(t_[k]);
    return v >= 1000 && v <= 2999 ? v : 0;
  }

  // A month name at k. *next is the token after it (past an abbreviation's
  // dot); *weak is set for short forms, which need a day or year next to them.
  int Month(size_t k, size_t* next, bool* weak) const {
    if (!Free(k) || t_[k].kind != TokenKind::kWord) return 0;
    const Token& w = t_[k];
    if (lex_.months_capitalized() && !w.upper_initial) return 0;
    bool abbreviated = false;
    int m = lex_.Month(w, &abbreviated);
    bool dot = k + 1 < t_.size() && IsPunct(t_[k + 1], ".") && !t_[k + 1].space_before;
    if (m == 0 && dot) {
      m = lex_.MonthByPrefix(w);  // "Sept." in English
      abbreviated = true;
    }
    if (m == 0) return 0;
    *weak = abbreviated;
    *next = abbreviated && dot ? k + 2 : k + 1;
    return m;
  }

  // A little word between day, month and year: "of", "de", "del", "do".
  bool Connector(size_t k) const {
    if (!Free(k) || t_[k].kind != TokenKind::kWord) return false;
    const std::string& w = t_[k].norm;
    return w == "of" || w == "de" || w == "del" || w == "do" || w == "di";
  }

  bool SegmentInitial(size_t k) const {
    for (size_t j = k; j > 0; --j) {
      const Token& p = t_[j - 1];
      if (p.kind == TokenKind::kWord || p.kind == TokenKind::kNumber) return false;
      if (p.norm == ":" || p.norm == "." || p.norm == "!" || p.norm == "?") return true;
    }
    return true;
  }

  bool PrecededByPreposition(size_t k) const {
    return k > 0 && t_[k - 1].kind == TokenKind::kWord && lex_.IsDatePreposition(t_[k - 1]);
  }

  // The token after `k` looks like a quantity's noun or unit, so a four-digit
  // number there is a count ("2000 personnes"), not a year.
  bool CountFollows(size_t k) const {
    if (QuantityFollows(k)) return true;
    if (k + 1 >= t_.size()) return false;
    const Token& n = t_[k + 1];
    if (n.kind != TokenKind::kWord) return n.kind == TokenKind::kNumber;
    if (lex_.IsFunctionWord(n) || lex_.IsDatePreposition(n) || lex_.Month(n, nullptr) != 0)
      return false;
    // German capitalises its nouns: "2000 Menschen" counts, "2015 kamen" is a year.
    if (lex_.language() == "de") return n.upper_initial;
    return !n.upper_initial;
  }

  // "im Jahr 2015", "в 2014 году", "v roce 2015": a word for "year" next to it.
  bool YearNounNext(size_t k) const {
    return (k > 0 && t_[k - 1].kind == TokenKind::kWord && lex_.IsYearNoun(t_[k - 1])) ||
           (k + 1 < t_.size() && t_[k + 1].kind == TokenKind::kWord && lex_.IsYearNoun(t_[k + 1]));
  }

  // A percent sign, currency or multiplier after the number at k.
  bool QuantityFollows(size_t k) const {
    if (k + 1 >= t_.size()) return false;
    const Token& n = t_[k + 1];
    if (n.kind == TokenKind::kPunct) {
      return n.norm == "%" || lex_.CurrencySymbol(n) != nullptr ||
             (n.norm == "-" && !n.space_before);  // "2000-strong"
    }
    if (n.kind != TokenKind::kWord) return false;
    const WordFacts& facts = lex_.Facts(n);
    if (facts.multiplier > 0 || facts.currency_name != nullptr) return true;
    if (facts.Has(WordFacts::kStartsPercent) && k + 2 < t_.size() &&
        t_[k + 2].kind == TokenKind::kWord && lex_.IsPercentPhrase(n.norm + " " + t_[k + 2].norm)) {
      return true;
    }
    return facts.Has(WordFacts::kPercentWord);
  }

  bool CurrencyBefore(size_t k) const {
    return k > 0 && t_[k - 1].kind == TokenKind::kPunct &&
           lex_.CurrencySymbol(t_[k - 1]) != nullptr;
  }

  // A day followed by a range connector and a second day: returns the second day.
  int RangeEnd(size_t k, size_t* next) const {
    if (k + 1 >= t_.size()) return 0;
    const Token& c = t_[k];
    bool connector = IsDash(c) || (c.kind == TokenKind::kWord && lex_.IsRangeWord(c));
    if (!connector || !Free(k)) return 0;
    int d2 = Day(k + 1);
    if (d2 == 0) return 0;
    *next = k + 2;
    return d2;
  }

  bool Match(size_t i, DateMatch* m) {
    m->first_token = i;
    size_t j = i;
    // A weekday before a date belongs to it: "lundi 27 octobre", "Monday, Oct. 27".
    bool wd_abbrev = false;
    int weekday = t_[i].kind == TokenKind::kWord ? lex_.Weekday(t_[i], &wd_abbrev) : 0;
    if (weekday != 0 && lex_.months_capitalized() && !t_[i].upper_initial) weekday = 0;
    if (weekday != 0) {
      size_t k = i + 1;
      if (k < t_.size() && (IsPunct(t_[k], ",") || (wd_abbrev && IsPunct(t_[k], ".")))) ++k;
      size_t dummy = 0;
      bool weak = false;
      if (Day(k) != 0 || Month(k, &dummy, &weak) != 0) {
        j = k;
      } else if (!wd_abbrev) {
        m->last_token = i;
        m->weekday = weekday;
        return true;
      } else {
        return false;
      }
    }
    if (MatchDayFirst(j, m) || MatchMonthFirst(j, m) || MatchNumeric(j, m) || MatchYear(j, m)) {
      m->first_token = weekday != 0 ? i : m->first_token;
      return true;
    }
    return false;
  }

  // D [connector D2] [of] M [Y]: "27 octobre 2025", "1er novembre", "du 10 au 12 novembre".
  bool MatchDayFirst(size_t j, DateMatch* m) {
    int d = Day(j);
    if (d == 0) return false;
    size_t k = j + 1;
    // German writes the day as an ordinal with a dot: "27. Oktober".
    if (k < t_.size() && IsPunct(t_[k], ".") && !t_[k].space_before) ++k;
    int d2 = RangeEnd(k, &k);
    if (Connector(k)) ++k;  // "27th of October", "27 de octubre"
    size_t after = 0;
    bool weak = false;
    int month = Month(k, &after, &weak);
    if (month == 0) return false;
    size_t year_at = Connector(after) && Year(after + 1) != 0 ? after + 1 : after;
    int year = Year(year_at);
    if (year != 0) after = year_at;
    int check_year = year != 0 ? year : 2000;  // a leap year: 29 February stays possible
    if (!ValidDay(check_year, month, d) ||
        (d2 != 0 && (!ValidDay(check_year, month, d2) || d2 <= d))) {
      return false;
    }
    m->first_token = j;
    m->last_token = year != 0 ? after : after - 1;
    m->date = {year, month, d};
    if (d2 != 0) m->range_end = {year, month, d2};
    return true;
  }

  // M D [connector D2] [,] [Y] | M Y | M: "October 27, 2025", "November 10–12",
  // "octobre 2025", "en novembre".
  bool MatchMonthFirst(size_t j, DateMatch* m) {
    size_t k = 0;
    bool weak = false;
    int month = Month(j, &k, &weak);
    if (month == 0) return false;
    m->first_token = j;
    int d = Day(k);
    if (d != 0 && !QuantityFollows(k) && ValidDay(2000, month, d)) {
      size_t after = k + 1;
      int d2 = RangeEnd(after, &after);
      size_t y = after;
      if (y < t_.size() && IsPunct(t_[y], ",")) ++y;
      int year = Year(y);
      if (year != 0 && !ValidDay(year, month, d)) return false;
      if (d2 != 0 && (d2 <= d || !ValidDay(year != 0 ? year : 2000, month, d2))) return false;
      m->last_token = year != 0 ? y : after - 1;
      m->date = {year, month, d};
      if (d2 != 0) m->range_end = {year, month, d2};
      return true;
    }
    if (Connector(k) && Year(k + 1) != 0) ++k;  // "octubre de 2025"
    int year = Year(k);
    if (year != 0 && !CountFollows(k)) {
      m->last_token = k;
      m->date = {year, month, 0};
      return true;
    }
    // A month alone: full names only, and never where it is more likely a word:
    // "May" starting an English sentence, "Mars" the planet, "march" the verb.
    if (weak) return false;
    const Token& w = t_[j];
    bool ambiguous = lex_.IsAmbiguousMonth(w);
    if (lex_.months_capitalized() && SegmentInitial(j)) return false;
    if (ambiguous &&
        (!PrecededByPreposition(j) || (!lex_.months_capitalized() && w.upper_initial))) {
      return false;
    }
    if (!lex_.months_capitalized() && w.upper_initial && !SegmentInitial(j) &&
        !PrecededByPreposition(j)) {
      return false;  // a capitalized French month mid-sentence is a name ("Octobre Rose")
    }
    m->last_token = j;
    m->date = {0, month, 0};
    return true;
  }

  // 2025-10-27, 27/10/2025, 10/27/2025 (month first where the locale writes so).
  bool MatchNumeric(size_t j, DateMatch* m) {
    if (!Free(j) || t_[j].kind != TokenKind::kNumericDate) return false;
    const std::string& s = t_[j].norm;
    int parts[3] = {0, 0, 0};
    int digits[3] = {0, 0, 0};
    int p = 0;
    for (char c : s) {
      if (c >= '0' && c <= '9') {
        parts[p] = parts[p] * 10 + (c - '0');
        ++digits[p];
      } else if (++p > 2) {
        return false;
      }
    }
    CalendarDate date;
    if (digits[0] == 4) {
      date = {parts[0], parts[1], parts[2]};
    } else {
      int year = parts[2];
      if (digits[2] == 2) year += year < 50 ? 2000 : 1900;
      bool day_first = ctx_.day_first;
      if (parts[0] > 12) day_first = true;
      if (parts[1] > 12) day_first = false;
      date = day_first ? CalendarDate{year, parts[1], parts[0]}
                       : CalendarDate{year, parts[0], parts[1]};
    }
    if (date.month < 1 || date.month > 12 || !ValidDay(date.year, date.month, date.day))
      return false;
    m->first_token = m->last_token = j;
    m->date = date;
    return true;
  }

  // A year alone, where it reads as one: "en 1997", "in 1997,", not "2000 personnes".
  bool MatchYear(size_t j, DateMatch* m) {
    int year = Year(j);
    if (year == 0 || year < 1800 || year > 2100 || CurrencyBefore(j) ||
        (CountFollows(j) && !YearNounNext(j)))
      return false;
    m->first_token = m->last_token = j;
    m->date = {year, 0, 0};
    return true;
  }

  const std::vector<Token>& t_;
  const AnchorLexicon& lex_;
  const DateContext& ctx_;
  std::vector<bool>& used_;
};

// Adds the document's year to a date that has none.
CalendarDate WithYear(CalendarDate date, const CalendarDate& document) {
  if (date.year != 0 || document.year == 0 || date.month == 0) return date;
  date.year = document.year;
  if (document.month != 0) {
    int months_after = date.month - document.month;
    if (months_after > 6) date.year -= 1;  // "December 15" in a January text
  }
  if (date.day != 0 && !ValidDay(date.year, date.month, date.day)) date.year = 0;
  return date;
}

}  // namespace

std::string YearlessKey(std::string_view key) {
  std::string out;
  while (!key.empty()) {
    size_t slash = key.find('/');
    std::string_view part = key.substr(0, slash);
    // "YYYY-MM" or "YYYY-MM-DD": four digits, a dash, the rest.
    if (part.size() < 7 || part[4] != '-' ||
        !std::all_of(part.begin(), part.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
      return "";
    }
    if (!out.empty()) out.push_back('/');
    out += "-";
    out += part.substr(4);
    key = slash == std::string_view::npos ? std::string_view() : key.substr(slash + 1);
  }
  return out;
}

std::vector<std::string> CoarserDateKeys(std::string_view key) {
  // ISO 8601 keys of src/text: "YYYY-MM-DD", "YYYY-MM", "--MM-DD" (yearless);
  // their year "YYYY" and month "--MM" are the keys of a year or month alone.
  auto digits = [&](size_t at, size_t n) {
    if (at + n > key.size()) return false;
    for (size_t k = at; k < at + n; ++k) {
      if (key[k] < '0' || key[k] > '9') return false;
    }
    return true;
  };
  std::vector<std::string> out;
  if (key.size() == 10 && digits(0, 4) && key[4] == '-' && digits(5, 2) && key[7] == '-' &&
      digits(8, 2)) {
    out.emplace_back(key.substr(0, 4));  // the month comes from the yearless-day anchor
  } else if (key.size() == 7 && digits(0, 4) && key[4] == '-' && digits(5, 2)) {
    out.emplace_back(key.substr(0, 4));
    out.push_back("--" + std::string(key.substr(5, 2)));
  } else if (key.size() == 7 && key.substr(0, 2) == "--" && digits(2, 2) && key[4] == '-' &&
             digits(5, 2)) {
    out.emplace_back(key.substr(0, 4));
  }
  return out;
}

bool ParseIsoDate(std::string_view text, CalendarDate* date) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int v[3] = {0, 0, 0};
  size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t k = 0; k < lens[p]; ++k) {
      char c = text[starts[p] + k];
      if (c < '0' || c > '9') return false;
      v[p] = v[p] * 10 + (c - '0');
    }
  }
  if (v[0] == 0 || v[1] < 1 || v[1] > 12 || !ValidDay(v[0], v[1], v[2])) return false;
  *date = {v[0], v[1], v[2]};
  return true;
}

std::string IsoKey(const CalendarDate& d) {
  char buf[32];
  if (d.month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  } else if (d.year == 0) {
    if (d.day == 0) {
      std::snprintf(buf, sizeof buf, "--%02d", d.month);
    } else {
      std::snprintf(buf, sizeof buf, "--%02d-%02d", d.month, d.day);
    }
  } else if (d.day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

std::vector<DateMatch> FindDates(const std::vector<Token>& tokens, const AnchorLexicon& lexicon,
                                 const DateContext& context, std::vector<bool>* used) {
  used->resize(tokens.size(), false);
  return Scanner(tokens, lexicon, context, used).Run();
}

void AppendDateAnchors(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<DateMatch>& matches, const DateContext& context,
                       std::vector<Anchor>* out) {
  for (const DateMatch& m : matches) {
    Anchor a;
    a.kind = AnchorKind::kDate;
    a.span = {tokens[m.first_token].begin, tokens[m.last_token].end};
    a.text = std::string(text.substr(a.span.begin, a.span.size()));
    if (m.weekday != 0) {
      a.subtype = "weekday";
      a.key = "weekday-" + std::to_string(m.weekday);
      a.weight = 0.3;
      out->push_back(std::move(a));
      continue;
    }
    const CalendarDate& d = m.date;
    if (d.month == 0) {
      a.subtype = "year";
      a.key = IsoKey(d);
      a.weight = 0.7;
      out->push_back(std::move(a));
      continue;
    }
    if (d.day == 0 && d.year == 0) {
      a.subtype = "month";  // a month alone: weak evidence
      a.key = IsoKey(d);
      a.weight = 0.4;
      out->push_back(std::move(a));
      continue;
    }
    CalendarDate full = d.day != 0 ? WithYear(d, context.document_date) : d;
    a.subtype = d.day == 0 ? "month-year" : "day";
    a.key = IsoKey(full);
    a.weight = d.day == 0 ? 0.8 : 1.0;
    if (m.range_end.day != 0) {
      a.subtype = "range";
      CalendarDate end = m.range_end;
      end.year = full.year;
      a.key += "/" + IsoKey(end);
    }
    // The year-less copy, so that "October 27" meets "27 octobre 2025" when
    // only one side knows the year (see IsYearlessCopy).
    if (full.year != 0) {
      Anchor partial = a;
      partial.subtype = "yearless-" + a.subtype;
      CalendarDate md = {0, full.month, full.day};
      partial.key = IsoKey(md);
      if (m.range_end.day != 0) partial.key += "/" + IsoKey({0, full.month, m.range_end.day});
      partial.weight = d.day == 0 ? 0.3 : 0.5;
      out->push_back(std::move(a));
      out->push_back(std::move(partial));
    } else {
      out->push_back(std::move(a));
    }
  }
}

}  // namespace ancre::text
