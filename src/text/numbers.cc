#include "src/text/numbers.h"

#include <string>

namespace ancre::text {
namespace {

bool IsPunct(const Token& t, std::string_view p) {
  return t.kind == TokenKind::kPunct && t.norm == p;
}

class NumberScanner {
 public:
  NumberScanner(std::string_view text, const std::vector<Token>& tokens,
                const AnchorLexicon& lexicon, std::vector<bool>* used)
      : text_(text), t_(tokens), lex_(lexicon), used_(*used) {}

  void Run(std::vector<Anchor>* out) {
    size_t i = 0;
    while (i < t_.size()) {
      size_t next = i + 1;
      if (!used_[i] && MayStartAmount(i)) {
        Anchor a;
        if (MatchAt(i, &a, &next)) {
          out->push_back(std::move(a));
        } else {
          next = i + 1;
        }
      }
      i = next;
    }
  }

 private:
  bool Free(size_t k) const { return k < t_.size() && !used_[k]; }

  // A cheap test before MatchAt(): only a number, a currency symbol or the
  // first word of a number word starts an amount.
  bool MayStartAmount(size_t k) const {
    const Token& t = t_[k];
    switch (t.kind) {
      case TokenKind::kNumber:
        return true;
      case TokenKind::kPunct:
        return lex_.CurrencySymbol(t) != nullptr;
      case TokenKind::kWord:
        return lex_.Facts(t).Has(WordFacts::kStartsNumberWord);
      default:
        return false;
    }
  }

  // A currency symbol at k, possibly glued to a country prefix or suffix
  // ("$", "€", "US$", "$US"). Sets *first/*last to the tokens it covers.
  const CurrencyEntry* SymbolAt(size_t k, size_t* first, size_t* last) const {
    if (!Free(k) || t_[k].kind != TokenKind::kPunct) return nullptr;
    const CurrencyEntry* c = lex_.CurrencySymbol(t_[k]);
    if (c == nullptr) return nullptr;
    *first = *last = k;
    if (Free(k + 1) && t_[k + 1].kind == TokenKind::kWord && !t_[k + 1].space_before) {
      const CurrencyEntry* glued = lex_.CurrencySymbol(t_[k].norm + std::string(Raw(k + 1)));
      if (glued != nullptr) {
        *last = k + 1;
        return glued;
      }
    }
    if (k > 0 && Free(k - 1) && t_[k - 1].kind == TokenKind::kWord && !t_[k].space_before) {
      const CurrencyEntry* glued = lex_.CurrencySymbol(std::string(Raw(k - 1)) + t_[k].norm);
      if (glued != nullptr) {
        *first = k - 1;
        return glued;
      }
    }
    return c;
  }

  std::string_view Raw(size_t k) const {
    return text_.substr(t_[k].begin, t_[k].end - t_[k].begin);
  }

  // A currency name phrase starting at k ("dollars", "livres sterling"),
  // longest first. Sets *next past it.
  const CurrencyEntry* CurrencyWordsAt(size_t k, size_t* next) const {
    if (!Free(k) || t_[k].kind != TokenKind::kWord) return nullptr;
    const WordFacts& facts = lex_.Facts(t_[k]);
    if (!facts.Has(WordFacts::kStartsCurrency)) return nullptr;
    std::string phrase;
    for (size_t n = facts.currency_words; n >= 1; --n) {
      size_t after = 0;
      if (!WordPhrase(t_, k, n, &phrase, &after)) continue;
      bool free = true;
      for (size_t j = k; j < after; ++j) free = free && !used_[j];
      if (!free) continue;
      if (const CurrencyEntry* c = lex_.CurrencyName(phrase)) {
        *next = after;
        return c;
      }
    }
    return nullptr;
  }

  // A number word phrase at k ("deux", "quatre-vingt-dix"); sets *next.
  int NumberWordAt(size_t k, size_t* next) const {
    if (!Free(k) || t_[k].kind != TokenKind::kWord || t_[k].all_upper ||
        !lex_.Facts(t_[k]).Has(WordFacts::kStartsNumberWord)) {
      return 0;
    }
    std::string phrase;
    for (size_t n = 3; n >= 1; --n) {
      size_t after = 0;
      if (!WordPhrase(t_, k, n, &phrase, &after)) continue;
      bool joined = true;  // multi-word number words are hyphenated: "dix-sept"
      for (size_t j = k + 1; j < after; ++j) joined = joined && t_[j].joined;
      if (!joined) continue;
      if (int v = lex_.NumberWord(phrase)) {
        // "dix-sept" is a number; "Deux-Sèvres" or "two-thirds" is not.
        if (Free(after) && t_[after].kind == TokenKind::kWord && t_[after].joined) return 0;
        *next = after;
        return v;
      }
    }
    return 0;
  }

  bool MatchAt(size_t i, Anchor* a, size_t* next) {
    size_t first = i;
    size_t k = i;
    double value = 0;
    bool word_number = false;
    bool ordinal = false;
    std::string exact;  // the canonical value as written, when no multiplier applies
    const CurrencyEntry* currency = nullptr;
    // Currency symbol before the number: "$5", "€ 3", "US$5".
    size_t sym_first = 0, sym_last = 0;
    if (const CurrencyEntry* c = SymbolAt(i, &sym_first, &sym_last)) {
      size_t n = sym_last + 1;
      if (Free(n) && t_[n].kind == TokenKind::kNumber && sym_first == i) {
        currency = c;
        k = n;
      } else {
        return false;
      }
    }
    if (t_[k].kind == TokenKind::kNumber) {
      if (t_[k].int_digits > 15) {
        *next = k + 1;
        used_[k] = true;
        return false;
      }
      value = NumberValue(t_[k].norm);
      exact = t_[k].norm;
      ordinal = t_[k].ordinal;
      ++k;
    } else if (int v = NumberWordAt(k, &k)) {
      value = v;
      word_number = true;
      exact = std::to_string(v);
    } else {
      return false;
    }
    size_t last = k - 1;
    // Multiplier: "5 millions", "$5 million", "3,5 milliards", "2bn".
    if (!ordinal && Free(k) && t_[k].kind == TokenKind::kWord) {
      double factor = lex_.Multiplier(t_[k]);
      if (factor > 0) {
        value *= factor;
        exact.clear();
        last = k++;
      }
    }
    bool percent = false;
    if (!ordinal && currency == nullptr) {
      std::string phrase;
      size_t after = 0;
      const WordFacts* facts =
          k < t_.size() && t_[k].kind == TokenKind::kWord ? &lex_.Facts(t_[k]) : nullptr;
      if (Free(k) && (IsPunct(t_[k], "%") || IsPunct(t_[k], "\uFF05"))) {
        percent = true;
        last = k;
      } else if (facts != nullptr && facts->Has(WordFacts::kStartsPercent) &&
                 WordPhrase(t_, k, 2, &phrase, &after) && lex_.IsPercentPhrase(phrase)) {
        percent = true;
        last = after - 1;
      } else if (facts != nullptr && facts->Has(WordFacts::kPercentWord)) {
        percent = true;
        last = k;
      }
    }
    if (!percent && !ordinal && currency == nullptr) {
      // Currency after the number: "5 €", "5 $US", "5 millions de dollars", "3 dollars".
      size_t s_first = 0, s_last = 0, after = 0;
      if (const CurrencyEntry* c = SymbolAt(k, &s_first, &s_last)) {
        currency = c;
        last = s_last;
      } else if (const CurrencyEntry* w = CurrencyWordsAt(k, &after)) {
        currency = w;
        last = after - 1;
      } else if (Free(k) && t_[k].kind == TokenKind::kWord &&
                 (t_[k].norm == "de" || t_[k].norm == "d")) {
        size_t m = k + 1;
        if (m < t_.size() && IsApostrophe(t_[m])) ++m;
        if (const CurrencyEntry* w2 = CurrencyWordsAt(m, &after)) {
          currency = w2;
          last = after - 1;
        }
      }
    }
    std::string key = exact.empty() ? CanonicalNumber(value) : exact;
    if (key.empty()) return false;
    a->span = {t_[first].begin, t_[last].end};
    a->text = std::string(text_.substr(a->span.begin, a->span.size()));
    if (percent) {
      a->kind = AnchorKind::kPercent;
      a->key = key + "%";
      a->weight = 1.0;
    } else if (currency != nullptr) {
      a->kind = AnchorKind::kMoney;
      a->key = key + " " + currency->code;
      a->weight = 1.0;
    } else {
      a->kind = AnchorKind::kNumber;
      a->key = key;
      if (ordinal) a->subtype = "ordinal";
      // Small numbers are everywhere; words for them are vaguer still.
      a->weight = value < 10 ? 0.5 : 1.0;
      if (word_number) {
        a->subtype = "word";
        a->weight = 0.5;
      }
    }
    for (size_t j = first; j <= last; ++j) used_[j] = true;
    *next = last + 1;
    return true;
  }

  std::string_view text_;
  const std::vector<Token>& t_;
  const AnchorLexicon& lex_;
  std::vector<bool>& used_;
};

}  // namespace

void AppendNumberAnchors(std::string_view text, const std::vector<Token>& tokens,
                         const AnchorLexicon& lexicon, std::vector<bool>* used,
                         std::vector<Anchor>* out) {
  used->resize(tokens.size(), false);
  NumberScanner(text, tokens, lexicon, used).Run(out);
}

}  // namespace ancre::text
