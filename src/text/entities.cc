#include "src/text/entities.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "src/text/icu_util.h"
#include "src/text/transliterate.h"
#include "src/unicode/fold.h"

namespace ancre::text {
namespace {

bool IsPunct(const Token& t, std::string_view p) {
  return t.kind == TokenKind::kPunct && t.norm == p;
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Segments whose words are mostly written in capitals: acronyms there are words.
bool IsAllCaps(const std::vector<Token>& tokens) {
  size_t words = 0, caps = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kWord || t.end - t.begin < 2) continue;
    ++words;
    if (t.all_upper) ++caps;
  }
  return caps >= 3 && caps * 10 >= words * 6;
}

}  // namespace

struct EntityScanner::Impl {
  Impl(const AnchorLexicon& lexicon, const CaseEvidence& evidence) : lex(lexicon), ev(evidence) {}

  const AnchorLexicon& lex;
  const CaseEvidence& ev;
  std::unique_ptr<icu::Transliterator> latin;  // created on first non-Latin name

  // Per call.
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
  std::vector<bool>* used = nullptr;
  std::vector<Anchor>* out = nullptr;
  bool title_case = false;
  bool all_caps = false;

  // Scratch space of KnownName(), kept to spare allocations.
  mutable std::string scratch_phrase;
  mutable std::vector<size_t> scratch_ends, scratch_next;

  const Token& T(size_t k) const { return (*tokens)[k]; }
  bool Free(size_t k) const { return k < tokens->size() && !(*used)[k]; }

  std::string Transliterate(const std::string& s) {
    if (!latin) {
      UErrorCode status = U_ZERO_ERROR;
      latin.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower",
                                                      UTRANS_FORWARD, status));
      CheckIcu(status, "Latin transliteration");
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    latin->transliterate(u);
    std::string out_s;
    u.toUTF8String(out_s);
    // The signs of softness and hardness (ь, ъ) come out as ' and ", which
    // other languages do not write: "Меркель" is "merkel", as in English.
    if (Latinizer::HasNonLatinLetter(s)) {
      std::erase_if(out_s, [](char c) { return c == '\'' || c == '"'; });
    }
    return out_s;
  }

  // Key of tokens [a, b): words folded, joined by spaces.
  std::string KeyOf(size_t a, size_t b) {
    std::string key;
    for (size_t k = a; k < b; ++k) {
      if (T(k).kind != TokenKind::kWord) continue;
      if (!key.empty()) key.push_back(' ');
      key += T(k).norm;
    }
    if (HasNonAscii(key)) key = Transliterate(key);
    return key;
  }

  void Emit(size_t a, size_t b, AnchorKind kind, std::string key, std::string subtype,
            double weight) {
    Anchor an;
    an.kind = kind;
    an.span = {T(a).begin, T(b - 1).end};
    an.text = std::string(text.substr(an.span.begin, an.span.size()));
    an.key = std::move(key);
    an.subtype = std::move(subtype);
    an.weight = weight;
    out->push_back(std::move(an));
    for (size_t k = a; k < b; ++k) (*used)[k] = true;
  }

  // The longest known name at k within [k, limit): sets *end.
  const NameEntry* KnownName(size_t k, size_t limit, size_t* end) const {
    if (T(k).kind != TokenKind::kWord) return nullptr;
    const WordFacts& facts = lex.Facts(T(k));
    if (!facts.Has(WordFacts::kStartsName)) return nullptr;
    // The phrase of the longest run of words (as WordPhrase builds it), then
    // its prefixes from the longest down. Words of one name are separated by
    // spaces, hyphens or apostrophes only.
    const size_t max_words = std::min<size_t>(facts.name_words, limit - k);
    scratch_phrase.clear();
    scratch_ends.clear();
    scratch_next.clear();
    for (size_t j = k; j < tokens->size() && scratch_ends.size() < max_words;) {
      const Token& t = T(j);
      if (t.kind == TokenKind::kWord) {
        if (!scratch_phrase.empty()) scratch_phrase.push_back(' ');
        scratch_phrase += t.norm;
        scratch_ends.push_back(scratch_phrase.size());
        scratch_next.push_back(++j);
      } else if (IsApostrophe(t) && !t.space_before) {
        ++j;
      } else {
        break;
      }
    }
    for (size_t n = scratch_ends.size(); n >= 1; --n) {
      if (scratch_next[n - 1] > limit) continue;
      const NameEntry* e =
          lex.Name(std::string_view(scratch_phrase).substr(0, scratch_ends[n - 1]));
      if (e != nullptr) {
        *end = scratch_next[n - 1];
        return e;
      }
    }
    return nullptr;
  }

  bool TitleBefore(size_t k) const {
    // "le président Lee", "la porte-parole Kang", "Prime Minister Hun Manet".
    for (size_t j = k, seen = 0; j > 0 && seen < 3; --j) {
      const Token& p = T(j - 1);
      if (p.kind == TokenKind::kPunct) {
        if (p.norm == ".") continue;
        return false;
      }
      if (p.kind != TokenKind::kWord) return false;
      ++seen;
      if (lex.IsTitle(p)) return true;
      if (!p.joined && !lex.IsTitle(p)) return false;
    }
    return false;
  }

  // Where a run of name words starting at k ends: capitalized words, words
  // glued by hyphens, particles between capitalized words, initials ("J."),
  // a title's dot ("Dr."). Returns one past the last token.
  size_t RunEnd(size_t k) const {
    size_t end = k + 1;
    size_t j = k + 1;
    while (Free(j)) {
      const Token& t = T(j);
      if (t.kind == TokenKind::kWord) {
        if (t.joined || t.upper_initial) {
          end = ++j;
          continue;
        }
        if (lex.IsParticle(t) || lex.IsElision(t)) {
          ++j;
          continue;  // kept only if a capitalized word follows
        }
        break;
      }
      if (IsPunct(t, ".") && !t.space_before && j > k) {
        const Token& w = T(j - 1);
        bool initial = w.kind == TokenKind::kWord && w.upper_initial && w.end - w.begin == 1;
        if ((initial || lex.IsTitle(w)) && Free(j + 1) && T(j + 1).kind == TokenKind::kWord &&
            T(j + 1).upper_initial) {
          ++j;
          continue;
        }
        break;
      }
      if (IsApostrophe(t) && !t.space_before && j > k && T(j - 1).kind == TokenKind::kWord &&
          lex.IsElision(T(j - 1))) {
        ++j;
        continue;
      }
      break;
    }
    return end;
  }

  // A word with nothing but its position to make it a name is not one.
  bool Credible(size_t a, size_t b, bool initial, bool person) const {
    size_t words = 0;
    for (size_t k = a; k < b; ++k) words += T(k).kind == TokenKind::kWord && !T(k).joined;
    const Token& first = T(a);
    if (title_case) {
      for (size_t k = a; k < b; ++k) {
        const Token& w = T(k);
        if (w.kind != TokenKind::kWord || !w.upper_initial) continue;
        if (ev.capitalized_inside(w.norm) == 0 || ev.lower(w.norm) > 0) return false;
      }
      return true;
    }
    if (initial) {
      if (ev.lower(first.norm) > 0) return false;
      if (words == 1 && !person && ev.capitalized_inside(first.norm) == 0) return false;
    } else if (words == 1 && !person && ev.lower(first.norm) > ev.capitalized_inside(first.norm)) {
      return false;  // "Commission" when the text mostly says "commission"
    }
    if (words == 1 && first.end - first.begin < 2) return false;
    return true;
  }

  // A German article or determiner (folded), or a number, right before k.
  bool GermanNounSlot(size_t k) const {
    if (k == 0) return false;
    const Token& p = T(k - 1);
    if (p.kind == TokenKind::kNumber) return true;
    static const std::set<std::string, std::less<>> kDeterminers = {
        "der",   "die",   "das",   "den",    "dem",    "des",    "ein",    "eine",
        "einen", "einem", "einer", "eines",  "im",     "am",     "zum",    "zur",
        "vom",   "beim",  "ins",   "dieser", "diese",  "dieses", "diesem", "diesen",
        "kein",  "keine", "sein",  "seine",  "seinem", "seinen", "ihr",    "ihre",
        "ihrem", "ihren", "unser", "unsere", "jeder",  "jede",   "jedes",  "alle"};
    return p.kind == TokenKind::kWord && kDeterminers.count(p.norm) > 0;
  }

  // Emits a name made of tokens [a, b) once trimmed.
  void EmitName(size_t a, size_t b, bool initial, bool person, bool beside_acronym) {
    // Trim leading function words and titles, trailing particles and punctuation.
    while (a < b) {
      const Token& t = T(a);
      // A compound ending in a title is one: "Ryanair-Chef Michael O'Leary",
      // "SpaceX-Gründer Elon Musk".
      if (t.kind == TokenKind::kWord && !t.joined) {
        size_t e = a + 1;
        while (e < b && T(e).kind == TokenKind::kWord && T(e).joined) ++e;
        if (e > a + 1 && e < b && lex.IsTitle(T(e - 1)) && T(e).upper_initial) {
          person = true;
          a = e;
          initial = false;
          continue;
        }
      }
      if (t.kind == TokenKind::kWord && !t.joined &&
          (lex.IsFunctionWord(t) || lex.IsTitle(t) || lex.IsParticle(t) || lex.IsElision(t))) {
        if (lex.IsTitle(t)) person = true;
        ++a;
        initial = initial && (a < b && T(a).kind != TokenKind::kWord);
        continue;
      }
      if (t.kind == TokenKind::kPunct) {
        ++a;
        continue;
      }
      break;
    }
    while (b > a) {
      const Token& t = T(b - 1);
      if (t.kind == TokenKind::kPunct ||
          (t.kind == TokenKind::kWord && !t.upper_initial && !t.joined)) {
        --b;
        continue;
      }
      break;
    }
    if (a >= b || all_caps) return;  // in a heading in capitals, case says nothing
    // A sentence's first word with no capitalized word right after it
    // ("Elevating the Kingdom") is only a name if the text capitalizes it elsewhere.
    if (initial && !title_case && T(a).kind == TokenKind::kWord &&
        ev.capitalized_inside(T(a).norm) == 0) {
      size_t next = a + 1;
      while (next < b && T(next).joined) ++next;
      if (next < b && !(T(next).kind == TokenKind::kWord && T(next).upper_initial)) {
        EmitName(next, b, false, person, beside_acronym);
        return;
      }
    }
    size_t words = 0;
    for (size_t k = a; k < b; ++k) words += T(k).kind == TokenKind::kWord && !T(k).joined;
    if (words == 1 && beside_acronym && !person) return;  // "Sommet" in "Sommet ASEAN"
    // German capitalises every noun: after an article or a number, a
    // capitalised word the lexicon does not know as a name is a common noun.
    // It is kept out of the name that follows ("der Fussballer Juan
    // Izquierdo"), and alone after a number ("2000 Menschen") it is no name.
    // Alone after an article it may be a name English borrows ("der
    // Bundestag", "die Nato"), so it stays.
    if (!person && lex.language() == "de" && GermanNounSlot(a) &&
        !lex.Facts(T(a)).Has(WordFacts::kStartsName)) {
      if (words == 1 && T(a - 1).kind == TokenKind::kNumber) return;
      if (words >= 3 && T(a + 1).kind == TokenKind::kWord && !T(a + 1).joined) {
        EmitName(a + 1, b, false, person, beside_acronym);
        return;
      }
    }
    if (!Credible(a, b, initial, person || TitleBefore(a))) return;
    std::string subtype;
    if (person || TitleBefore(a)) subtype = "person";
    for (size_t k = a; k < b; ++k) {
      if (T(k).kind == TokenKind::kWord && lex.IsOrganizationWord(T(k))) {
        subtype = "organization";
      }
    }
    Emit(a, b, AnchorKind::kEntity, KeyOf(a, b), subtype, words > 1 ? 1.0 : 0.7);
  }

  // An acronym or a short name in capitals at k ("ASEAN", "UN", "ONU", "U.S.").
  bool Acronym(size_t k, size_t* end) {
    const Token& t = T(k);
    if (!t.all_upper || all_caps) return false;
    size_t len = t.end - t.begin;
    if (len < 2 || len > 10) return false;
    std::string_view written = text.substr(t.begin, len);
    *end = k + 1;
    if (const NameEntry* e = lex.ShortName(written)) {
      Emit(k, k + 1, AnchorKind::kEntity, e->key, e->subtype, e->weight);
      return true;
    }
    // A function word in capitals ("UN" in a French heading) is not an acronym.
    if (lex.IsFunctionWord(t) && IsSentenceInitial(*tokens, k)) return false;
    Emit(k, k + 1, AnchorKind::kAcronym, t.norm, "", 1.0);
    return true;
  }

  // Dotted initials "U.S.", "U.N.": returns the token after the last dot.
  bool DottedAcronym(size_t k, size_t* end) {
    std::string letters;
    size_t j = k;
    while (Free(j + 1) && T(j).kind == TokenKind::kWord && T(j).upper_initial &&
           T(j).end - T(j).begin == 1 && IsPunct(T(j + 1), ".") && !T(j + 1).space_before &&
           (j == k || !T(j).space_before)) {
      letters += text.substr(T(j).begin, 1);
      j += 2;
    }
    if (letters.size() < 2) return false;
    *end = j;
    if (const NameEntry* e = lex.ShortName(letters)) {
      Emit(k, j, AnchorKind::kEntity, e->key, e->subtype, e->weight);
    } else {
      Emit(k, j, AnchorKind::kAcronym, unicode::FoldWord(letters), "", 1.0);
    }
    return true;
  }

  // Splits a run [a, b) into known names, acronyms and titles, and emits the rest as names.
  void ProcessRun(size_t a, size_t b, bool initial) {
    size_t pending = a;  // start of the name being collected
    bool person = TitleBefore(a);
    bool saw_acronym = false;
    size_t k = a;
    auto flush = [&](size_t upto) {
      if (pending < upto) EmitName(pending, upto, initial && pending == a, person, saw_acronym);
    };
    while (k < b) {
      const Token& t = T(k);
      if (t.kind != TokenKind::kWord || (*used)[k]) {
        ++k;
        continue;
      }
      size_t end = 0;
      if (!t.joined && (t.all_upper || (t.upper_initial && t.end - t.begin == 1))) {
        saw_acronym = saw_acronym || (t.all_upper && !all_caps);
      }
      if (!t.joined && (Acronym(k, &end) || DottedAcronym(k, &end))) {
        flush(k);
        saw_acronym = true;
        pending = k = end;
        continue;
      }
      if (!t.joined && lex.IsTitle(t) && t.upper_initial) {
        // "President", "Prime Minister", "Dr.": not part of the name that follows.
        flush(k);
        person = true;
        pending = ++k;
        continue;
      }
      const NameEntry* known = t.joined && !t.upper_initial ? nullptr : KnownName(k, b, &end);
      if (known != nullptr && (known->subtype != "language" || t.upper_initial)) {
        // Inside a longer name ("Royal Academy of Cambodia", "Phnom Penh Post"),
        // the place is both a name of its own and part of the longer one.
        bool after_particle = k > pending && T(k - 1).kind == TokenKind::kWord &&
                              lex.IsParticle(T(k - 1)) && k - 1 > pending;
        // Known names glued by hyphens count as one ("Cambodia-Korea Joint Task Force").
        size_t next_end = 0;
        while (end < b && T(end).joined && KnownName(end, b, &next_end) != nullptr) end = next_end;
        bool more_name = end < b && T(end).kind == TokenKind::kWord && T(end).upper_initial &&
                         !lex.IsTitle(T(end)) && KnownName(end, b, &end) == nullptr;
        size_t known_end = 0;
        KnownName(k, b, &known_end);
        if (after_particle || more_name) {
          std::vector<bool> saved(used->begin() + static_cast<std::ptrdiff_t>(k),
                                  used->begin() + static_cast<std::ptrdiff_t>(known_end));
          Emit(k, known_end, AnchorKind::kEntity, known->key, known->subtype, known->weight);
          std::copy(saved.begin(), saved.end(), used->begin() + static_cast<std::ptrdiff_t>(k));
          k = known_end;
          continue;
        }
        flush(k);
        Emit(k, known_end, AnchorKind::kEntity, known->key, known->subtype, known->weight);
        pending = k = known_end;
        person = false;
        continue;
      }
      ++k;
    }
    flush(b);
  }

  void Run() {
    title_case = IsTitleCase(*tokens, lex);
    all_caps = IsAllCaps(*tokens);
    const bool lower_nationalities = !lex.months_capitalized();  // French, Spanish...
    size_t k = 0;
    while (k < tokens->size()) {
      if (!Free(k) || T(k).kind != TokenKind::kWord) {
        ++k;
        continue;
      }
      const Token& t = T(k);
      // Elided article: "l'ASEAN", "d'Obama", "L'Europe".
      if (lex.IsElision(t) && Free(k + 1) && IsApostrophe(T(k + 1)) && !T(k + 1).space_before &&
          Free(k + 2) && T(k + 2).kind == TokenKind::kWord && !T(k + 2).space_before) {
        size_t w = k + 2;
        if (T(w).upper_initial) {
          size_t end = RunEnd(w);
          ProcessRun(w, end, false);
          k = end;
        } else {
          k = w;
        }
        continue;
      }
      if (!t.upper_initial) {
        size_t end = 0;
        const NameEntry* known = lower_nationalities && lex.Facts(t).Has(WordFacts::kStartsName)
                                     ? KnownName(k, tokens->size(), &end)
                                     : nullptr;
        if (known != nullptr && known->lower_case) {
          Emit(k, end, AnchorKind::kEntity, known->key, known->subtype, known->weight);
          k = end;
        } else {
          ++k;
        }
        continue;
      }
      size_t end = RunEnd(k);
      ProcessRun(k, end, IsSentenceInitial(*tokens, k));
      k = std::max(end, k + 1);
    }
  }
};

EntityScanner::EntityScanner(const AnchorLexicon& lexicon, const CaseEvidence& evidence)
    : impl_(std::make_unique<Impl>(lexicon, evidence)) {}

EntityScanner::~EntityScanner() = default;

void EntityScanner::Append(std::string_view text, const std::vector<Token>& tokens,
                           std::vector<bool>* used, std::vector<Anchor>* out) {
  used->resize(tokens.size(), false);
  impl_->text = text;
  impl_->tokens = &tokens;
  impl_->used = used;
  impl_->out = out;
  impl_->Run();
}

std::string EntityScanner::NameKey(std::string_view written) {
  std::vector<Token> tokens = Tokenize(written, {});
  impl_->tokens = &tokens;
  return impl_->KeyOf(0, tokens.size());
}

}  // namespace ancre::text
