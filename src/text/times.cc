#include "src/text/times.h"

#include <cstdio>
#include <string>

namespace ancre::text {
namespace {

// Words after a number that make it an hour of the clock, per base language
// (folded). English and the languages without one use a.m./p.m. only.
bool IsClockWord(std::string_view language, std::string_view w) {
  if (language == "de") return w == "uhr";
  if (language == "fr") return w == "h" || w == "heures" || w == "heure";
  if (language == "cs" || language == "sk") return w == "hodin" || w == "hod" || w == "h";
  if (language == "ru") return w == "часов" || w == "часа" || w == "час" || w == "ч";
  if (language == "uk") return w == "годині" || w == "година" || w == "год";
  if (language == "nl") return w == "uur";
  if (language == "es" || language == "pt") return w == "h" || w == "horas";
  if (language == "it") return w == "h";
  if (language == "sv" || language == "da" || language == "no" || language == "nb") return w == "h";
  return false;
}

bool Glued(const Token& t) { return !t.space_before; }

// Tokens of a meridiem at k ("p.m.", "a.m", "pm" glued or in English), 0 if
// none; *pm tells which.
size_t Meridiem(std::string_view language, const std::vector<Token>& t, size_t k, bool* pm) {
  if (k >= t.size() || t[k].kind != TokenKind::kWord) return 0;
  const std::string& w = t[k].norm;
  if (w == "am" || w == "pm") {
    // "am" is a German word ("3 am Dienstag"): bare only when glued or in English.
    if (!Glued(t[k]) && language != "en") return 0;
    *pm = w == "pm";
    return 1;
  }
  if ((w == "a" || w == "p") && k + 2 < t.size() && t[k + 1].norm == "." && Glued(t[k + 1]) &&
      t[k + 2].kind == TokenKind::kWord && t[k + 2].norm == "m" && Glued(t[k + 2])) {
    *pm = w == "p";
    return k + 3 < t.size() && t[k + 3].norm == "." && Glued(t[k + 3]) ? 4 : 3;
  }
  return 0;
}

bool IsPlainInteger(const Token& t) {
  return t.kind == TokenKind::kNumber && !t.grouped && !t.decimal && !t.ordinal &&
         t.int_digits >= 1 && t.int_digits <= 2;
}

int IntValue(const Token& t) { return std::stoi(t.norm.empty() ? "0" : t.norm); }

// "21.30" or "9,30" as written: hour and minute, or false.
bool DecimalClock(std::string_view text, const Token& t, int* hour, int* minute) {
  if (t.kind != TokenKind::kNumber || !t.decimal || t.grouped) return false;
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  size_t sep = s.find_first_of(".,");
  if (sep == std::string_view::npos || sep == 0 || sep > 2 || s.size() != sep + 3) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != sep && (s[i] < '0' || s[i] > '9')) return false;
  }
  *hour = std::stoi(std::string(s.substr(0, sep)));
  *minute = std::stoi(std::string(s.substr(sep + 1)));
  return *hour <= 24 && *minute <= 59;
}

class TimeFinder {
 public:
  TimeFinder(std::string_view text, const std::vector<Token>& tokens, const AnchorLexicon& lex)
      : text_(text), t_(tokens), language_(lex.language()) {}

  bool Match(size_t k, const std::vector<bool>& used, TimeMatch* m) const {
    int hour = 0, minute = 0;
    size_t last = k;
    bool clock = false;  // a form that is a time by itself ("21:30")
    if (IsPlainInteger(t_[k]) && k + 2 < t_.size() && t_[k + 1].norm == ":" && Glued(t_[k + 1]) &&
        t_[k + 2].kind == TokenKind::kNumber && Glued(t_[k + 2]) && !used[k + 2] &&
        t_[k + 2].int_digits == 2 && !t_[k + 2].decimal && !t_[k + 2].grouped) {
      hour = IntValue(t_[k]);
      minute = IntValue(t_[k + 2]);
      last = k + 2;
      clock = true;
    } else if (DecimalClock(text_, t_[k], &hour, &minute)) {
    } else if (IsPlainInteger(t_[k])) {
      hour = IntValue(t_[k]);
    } else {
      return false;
    }
    if (hour > 24 || minute > 59) return false;
    bool pm = false;
    if (size_t n = Meridiem(language_, t_, last + 1, &pm)) {
      if (hour < 1 || hour > 12) return false;
      if (pm && hour < 12) hour += 12;
      if (!pm && hour == 12) hour = 0;
      last += n;
    } else if (last + 1 < t_.size() && t_[last + 1].kind == TokenKind::kWord &&
               IsClockWord(language_, t_[last + 1].norm)) {
      ++last;
      // "15h30", "15 h 30": minutes after the French-style "h".
      if (!clock && t_[last].norm == "h" && last + 1 < t_.size() && IsPlainInteger(t_[last + 1]) &&
          t_[last + 1].int_digits == 2 && IntValue(t_[last + 1]) <= 59 && !used[last + 1]) {
        minute = IntValue(t_[last + 1]);
        ++last;
      }
    } else if (!clock || hour > 23) {
      return false;
    }
    m->first_token = k;
    m->last_token = last;
    m->hour = hour == 24 ? 0 : hour;
    m->minute = minute;
    return true;
  }

 private:
  std::string_view text_;
  const std::vector<Token>& t_;
  std::string_view language_;
};

}  // namespace

std::vector<TimeMatch> FindTimes(std::string_view text, const std::vector<Token>& tokens,
                                 const AnchorLexicon& lexicon, std::vector<bool>* used) {
  std::vector<TimeMatch> matches;
  used->resize(tokens.size(), false);
  TimeFinder finder(text, tokens, lexicon);
  for (size_t k = 0; k < tokens.size(); ++k) {
    if ((*used)[k] || tokens[k].kind != TokenKind::kNumber) continue;
    // A number glued after a word or a number ("A380", "3-2") is not an hour.
    if (k > 0 && !tokens[k].space_before && tokens[k - 1].kind != TokenKind::kPunct) continue;
    TimeMatch m;
    if (!finder.Match(k, *used, &m)) continue;
    for (size_t j = m.first_token; j <= m.last_token; ++j) (*used)[j] = true;
    matches.push_back(m);
    k = m.last_token;
  }
  return matches;
}

void AppendTimeAnchors(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<TimeMatch>& matches, std::vector<Anchor>* out) {
  for (const TimeMatch& m : matches) {
    Anchor a;
    a.kind = AnchorKind::kDate;
    a.subtype = "time";
    a.span = {tokens[m.first_token].begin, tokens[m.last_token].end};
    a.text = std::string(text.substr(a.span.begin, a.span.size()));
    char key[8];
    std::snprintf(key, sizeof key, "T%02d:%02d", m.hour, m.minute);
    a.key = key;
    a.weight = 0.8;
    out->push_back(std::move(a));
  }
}

}  // namespace ancre::text
