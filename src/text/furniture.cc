#include "src/text/furniture.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "src/core/utf8.h"
#include "src/unicode/fold.h"

namespace ancre::text {
namespace {

// Markers per base language, folded. Lists are short on purpose: the
// structural rules do most of the work.
struct Markers {
  std::string_view language;
  std::vector<std::string_view> byline;    // line starts: "ecrit par", "by"
  std::vector<std::string_view> dateline;  // line starts: "publie le", "updated"
  std::vector<std::string_view> reader;    // pronouns that address the reader
  std::vector<std::string_view> invite;    // verbs that invite to follow, subscribe, join
  std::vector<std::string_view> answers;   // first words of a poll's answers
  std::vector<std::string_view> labels;    // whole-line labels
};

const std::array<Markers, 5>& AllMarkers() {
  static const std::array<Markers, 5> kMarkers = {{
      {"fr",
       {"ecrit par", "par", "texte", "propos recueillis par"},
       {"publie le", "publie", "mis a jour le", "mis a jour", "modifie le"},
       {"tu", "te", "toi", "ton", "ta", "tes", "vous", "votre", "vos"},
       {"abonnez", "abonne", "abonne-toi", "suivez", "suis", "rejoignez", "rejoins", "inscrivez",
        "telechargez", "retrouvez"},
       {"oui", "non", "peut-etre", "jamais"},
       {"commentaires", "commentaire", "partager", "lire aussi", "a lire aussi", "publicite"}},
      {"en",
       {"by", "written by", "words by", "reporting by", "text by"},
       {"published", "updated", "last updated", "posted", "first published"},
       {"you", "your", "yours"},
       {"follow", "subscribe", "join", "sign", "download"},
       {"yes", "no", "maybe", "never"},
       {"comments", "comment", "share", "read more", "related", "advertisement"}},
      {"de",
       {"von", "text", "autor", "autorin"},
       {"veroffentlicht", "publiziert", "aktualisiert", "zuletzt aktualisiert"},
       {"du", "dich", "dir", "dein", "deine", "deinen", "euch", "euer"},
       {"abonniere", "abonnieren", "folgst", "folge", "folgen", "lade", "hol"},
       {"ja", "nein", "vielleicht", "nie"},
       {"kommentare", "kommentar", "teilen", "mehr zum thema", "werbung"}},
      {"es",
       {"por", "escrito por", "texto"},
       {"publicado", "actualizado"},
       {"tu", "te", "ti", "tus", "usted"},
       {"suscribete", "siguenos", "sigue", "unete", "descarga"},
       {"si", "no", "quizas", "nunca"},
       {"comentarios", "compartir", "lee tambien", "publicidad"}},
      {"it",
       {"di", "scritto da", "testo"},
       {"pubblicato", "aggiornato"},
       {"tu", "ti", "tuo", "tua", "voi", "vostro"},
       {"iscriviti", "seguici", "segui", "scarica"},
       {"si", "no", "forse", "mai"},
       {"commenti", "condividi", "leggi anche", "pubblicita"}},
  }};
  return kMarkers;
}

const Markers& MarkersFor(std::string_view language) {
  const std::string_view base = language.substr(0, language.find('-'));
  for (const Markers& m : AllMarkers()) {
    if (m.language == base) return m;
  }
  return AllMarkers()[1];  // English
}

// Apps and channels a promotion block names.
bool IsChannelWord(std::string_view w) {
  static const std::array<std::string_view, 10> kChannels = {
      "whatsapp", "instagram", "facebook", "tiktok",     "telegram",
      "youtube",  "snapchat",  "linkedin", "newsletter", "podcast"};
  for (std::string_view c : kChannels) {
    if (w.starts_with(c)) return true;  // "whatsapp-kanal", "newsletters"
  }
  return false;
}

// Picture and news agencies, as a credit names them.
bool IsAgencyWord(std::string_view w) {
  static const std::array<std::string_view, 16> kAgencies = {
      "afp",   "ap",  "dpa", "reuters", "keystone", "getty", "images", "epa",
      "imago", "ats", "sda", "ansa",    "efe",      "belga", "anp",    "supplied"};
  return std::find(kAgencies.begin(), kAgencies.end(), w) != kAgencies.end();
}

struct Line {
  std::string_view text;           // trimmed
  std::vector<std::string> words;  // folded words (letters, digits, inner - and ')
  std::vector<bool> capitalized;   // parallel to words: written with an initial capital
  bool ends_sentence = false;      // last visible character is . ! ? … or :
  bool question = false;           // ends with ? (closing quotes aside)
  bool has_digit = false;
};

bool IsWordChar(char32_t c) { return u_isalnum(static_cast<UChar32>(c)) || c == '-' || c == '\''; }

Line Read(std::string_view text) {
  Line line;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  line.text = text;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = NextCodePoint(text, &i);
    if (!u_isalnum(static_cast<UChar32>(c))) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t next = end;
      if (!IsWordChar(NextCodePoint(text, &next))) break;
      end = next;
    }
    std::string_view word = text.substr(start, end - start);
    while (!word.empty() && (word.back() == '-' || word.back() == '\'')) word.remove_suffix(1);
    line.words.push_back(unicode::FoldWord(word));
    line.capitalized.push_back(u_isupper(static_cast<UChar32>(c)) ||
                               u_istitle(static_cast<UChar32>(c)));
    line.has_digit = line.has_digit || u_isdigit(static_cast<UChar32>(c));
    i = end;
  }
  // The last visible character, closing quotes and brackets aside.
  size_t end = text.size();
  while (end > 0) {
    size_t back = end - 1;
    while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    size_t at = back;
    const char32_t c = NextCodePoint(text, &at);
    if (c == ')' || c == '"' || c == 0xBB || c == 0x201D || c == 0x2019 || c == '\'' || c == 0xAB ||
        c == 0x201C) {
      end = back;
      continue;
    }
    line.question = c == '?';
    line.ends_sentence = c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':';
    break;
  }
  return line;
}

// Whether the folded words of `line` start with the words of `phrase`.
bool StartsWith(const Line& line, std::string_view phrase) {
  size_t k = 0;
  size_t pos = 0;
  while (pos < phrase.size()) {
    const size_t sp = std::min(phrase.find(' ', pos), phrase.size());
    if (k >= line.words.size() || line.words[k] != phrase.substr(pos, sp - pos)) return false;
    ++k;
    pos = sp + 1;
  }
  return k > 0;
}

bool StartsWithAny(const Line& line, const std::vector<std::string_view>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](std::string_view p) { return StartsWith(line, p); });
}

bool HasAny(const Line& line, const std::vector<std::string_view>& words) {
  for (const std::string& w : line.words) {
    if (std::find(words.begin(), words.end(), w) != words.end()) return true;
  }
  return false;
}

// "(AFP)", "(DPA/jar)", "(ffa)": a short parenthesised credit, alone; or
// "20min/lecteur-reporter", "Keystone/Peter Klaunzer", "Getty Images": a
// credit with a slash, or agency names only.
bool IsCredit(const Line& line) {
  const std::string_view t = line.text;
  if (t.size() >= 3 && t.size() <= 24 && t.front() == '(' && t.back() == ')' &&
      line.words.size() <= 3 && !line.words.empty()) {
    return true;
  }
  if (line.words.empty() || line.words.size() > 4 || line.ends_sentence) return false;
  if (t.find('/') != std::string_view::npos && t.find("://") == std::string_view::npos) return true;
  return std::all_of(line.words.begin(), line.words.end(),
                     [](const std::string& w) { return IsAgencyWord(w); });
}

// "Folgst du schon 20 Minuten auf Whatsapp?", "Abonniere den Whatsapp-Kanal
// …", "Follow us on Instagram": an app or a newsletter, a verb inviting to
// follow it, and the reader addressed (a pronoun, or the verb opening the
// line as an imperative). "Millions follow him on Instagram" is news.
bool IsPromotion(const Line& line, const Markers& m) {
  if (!std::any_of(line.words.begin(), line.words.end(),
                   [](const std::string& w) { return IsChannelWord(w); })) {
    return false;
  }
  if (!HasAny(line, m.invite)) return false;
  return HasAny(line, m.reader) ||
         std::find(m.invite.begin(), m.invite.end(), line.words[0]) != m.invite.end();
}

// "Écrit par Lepetitjournal Cambodge", "By John Smith and Jane Doe": a
// byline marker, then only capitalised words (and "and" between them), so
// that a headline opening with the marker word ("Von der Leyen besucht
// Kiew") is not one.
bool IsMarkedByline(const Line& line, const std::vector<std::string_view>& markers) {
  static const std::array<std::string_view, 5> kAnd = {"et", "and", "und", "y", "e"};
  for (std::string_view marker : markers) {
    if (!StartsWith(line, marker)) continue;
    const size_t first = static_cast<size_t>(std::count(marker.begin(), marker.end(), ' ')) + 1;
    if (first >= line.words.size() || line.has_digit) continue;
    bool name = true;
    for (size_t k = first; k < line.words.size() && name; ++k) {
      name =
          line.capitalized[k] || std::find(kAnd.begin(), kAnd.end(), line.words[k]) != kAnd.end();
    }
    if (name) return true;
  }
  return false;
}

bool IsDecoratedLabel(const Line& line, const Markers& m) {
  const std::string_view t = line.text;
  if (line.words.empty() || line.words.size() > 6) return false;
  const bool dashed = t.size() > 2 && t.front() == '-' && t.back() == '-';
  if (dashed) return true;
  if (line.ends_sentence) return false;
  for (std::string_view label : m.labels) {
    std::string joined;
    for (const std::string& w : line.words) joined += (joined.empty() ? "" : " ") + w;
    if (joined == label) return true;
  }
  return false;
}

}  // namespace

std::string_view FurnitureName(Furniture f) {
  switch (f) {
    case Furniture::kNone:
      return "";
    case Furniture::kCredit:
      return "credit";
    case Furniture::kByline:
      return "byline";
    case Furniture::kDateline:
      return "dateline";
    case Furniture::kPromo:
      return "promo";
    case Furniture::kPoll:
      return "poll";
    case Furniture::kLabel:
      return "label";
  }
  return "";
}

std::vector<Furniture> DetectFurniture(const std::vector<std::string>& segments,
                                       std::string_view language) {
  const Markers& m = MarkersFor(language);
  std::vector<Line> lines;
  lines.reserve(segments.size());
  for (const std::string& s : segments) lines.push_back(Read(s));
  std::vector<Furniture> out(segments.size(), Furniture::kNone);
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    if (line.words.empty()) continue;
    const size_t n = line.words.size();
    if (IsCredit(line)) {
      out[k] = Furniture::kCredit;
    } else if (n <= 8 && !line.ends_sentence && IsMarkedByline(line, m.byline)) {
      out[k] = Furniture::kByline;
    } else if (n <= 12 && !line.ends_sentence && StartsWithAny(line, m.dateline) &&
               line.has_digit) {
      out[k] = Furniture::kDateline;
    } else if (IsPromotion(line, m)) {
      out[k] = Furniture::kPromo;
    } else if (IsDecoratedLabel(line, m)) {
      out[k] = Furniture::kLabel;
    }
  }
  // A poll: a question to the reader, then at least two short answers, one
  // of them opening with yes or no.
  constexpr size_t kShortAnswer = 12;
  constexpr size_t kFewWords = 6;
  for (size_t k = 0; k + 2 < lines.size(); ++k) {
    if (!lines[k].question || !HasAny(lines[k], m.reader)) continue;
    size_t end = k + 1;
    bool yes_no = false;
    while (end < lines.size() && !lines[end].words.empty() &&
           lines[end].words.size() <= kShortAnswer && !lines[end].question) {
      yes_no = yes_no || std::find(m.answers.begin(), m.answers.end(), lines[end].words[0]) !=
                             m.answers.end();
      ++end;
    }
    // The article resumes with a sentence that is short too: the run ends
    // at its last line that reads as an answer (opening with yes or no, or
    // of a few words).
    auto is_answer_word = [&](const std::string& w) {
      return std::find(m.answers.begin(), m.answers.end(), w) != m.answers.end();
    };
    while (end > k + 1 && lines[end - 1].words.size() >= kFewWords &&
           !is_answer_word(lines[end - 1].words[0])) {
      --end;
    }
    if (end - k - 1 < 2 || !yes_no) continue;
    for (size_t j = k; j < end; ++j) out[j] = Furniture::kPoll;
    k = end - 1;
  }
  return out;
}

}  // namespace ancre::text
