#include "tm/concordance_query.h"

#include <cstdlib>
#include <optional>

namespace ancre::tm {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Splits text at white space.
std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !IsSpace(text[j])) ++j;
    if (j > i) words.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

ConcordanceQuery TermQuery(QueryTerm term) {
  ConcordanceQuery q;
  q.kind = ConcordanceQuery::Kind::kTerm;
  q.term = std::move(term);
  return q;
}

// Recursive descent over the grammar of concordance_query.h, with FTS5's
// precedence: juxtaposed terms bind tightest, then NOT, AND, OR. Every
// function returns nullopt on a syntax error.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  std::optional<ConcordanceQuery> Query() {
    auto q = Or();
    SkipSpace();
    if (!q || pos_ != text_.size()) return std::nullopt;
    return q;
  }

 private:
  // Nesting bound: a query is at most SearchLimits::kMaxBytes long, but a
  // library caller's is not; deeper text is read as plain words.
  static constexpr int kMaxDepth = 100;

  void SkipSpace() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }

  // True if an operator word (AND, OR, NOT) comes next, followed by white
  // space, a parenthesis, a quote or the end.
  bool AtOperator(std::string_view op) {
    SkipSpace();
    if (text_.substr(pos_, op.size()) != op) return false;
    const size_t end = pos_ + op.size();
    return end == text_.size() || IsSpace(text_[end]) || text_[end] == '(' || text_[end] == '"';
  }

  // NEAR followed (after optional white space) by '('.
  bool AtNear() {
    SkipSpace();
    if (text_.substr(pos_, 4) != "NEAR") return false;
    size_t at = pos_ + 4;
    while (at < text_.size() && IsSpace(text_[at])) ++at;
    return at < text_.size() && text_[at] == '(';
  }

  bool AtEnd() {
    SkipSpace();
    return pos_ == text_.size();
  }

  // Joins operands of a binary operator: a run of the same operator is one node.
  static ConcordanceQuery Join(ConcordanceQuery::Kind kind, std::vector<ConcordanceQuery> parts) {
    if (parts.size() == 1) return std::move(parts.front());
    ConcordanceQuery q;
    q.kind = kind;
    q.parts = std::move(parts);
    return q;
  }

  std::optional<ConcordanceQuery> Or() {
    std::vector<ConcordanceQuery> parts;
    do {
      auto q = And();
      if (!q) return std::nullopt;
      parts.push_back(std::move(*q));
    } while (Take("OR"));
    return Join(ConcordanceQuery::Kind::kAny, std::move(parts));
  }

  std::optional<ConcordanceQuery> And() {
    std::vector<ConcordanceQuery> parts;
    do {
      auto q = Not();
      if (!q) return std::nullopt;
      parts.push_back(std::move(*q));
    } while (Take("AND"));
    return Join(ConcordanceQuery::Kind::kAll, std::move(parts));
  }

  std::optional<ConcordanceQuery> Not() {
    auto q = List();
    if (!q) return std::nullopt;
    while (Take("NOT")) {
      auto but = List();
      if (!but) return std::nullopt;
      ConcordanceQuery n;
      n.kind = ConcordanceQuery::Kind::kNot;
      n.parts.push_back(std::move(*q));
      n.parts.push_back(std::move(*but));
      q = std::move(n);
    }
    return q;
  }

  // One or more juxtaposed primaries (an implicit AND).
  std::optional<ConcordanceQuery> List() {
    std::vector<ConcordanceQuery> parts;
    for (;;) {
      if (AtEnd() || text_[pos_] == ')' || AtOperator("AND") || AtOperator("OR") ||
          AtOperator("NOT")) {
        break;
      }
      auto q = Primary();
      if (!q) return std::nullopt;
      parts.push_back(std::move(*q));
    }
    if (parts.empty()) return std::nullopt;
    return Join(ConcordanceQuery::Kind::kAll, std::move(parts));
  }

  std::optional<ConcordanceQuery> Primary() {
    SkipSpace();
    if (text_[pos_] == '(') {
      if (++depth_ > kMaxDepth) return std::nullopt;
      ++pos_;
      auto q = Or();
      SkipSpace();
      if (!q || pos_ == text_.size() || text_[pos_] != ')') return std::nullopt;
      ++pos_;
      --depth_;
      return q;
    }
    if (AtNear()) return Near();
    auto term = Term(/*in_near=*/false);
    if (!term) return std::nullopt;
    return TermQuery(std::move(*term));
  }

  // NEAR(term term ... [, N])
  std::optional<ConcordanceQuery> Near() {
    pos_ += 4;
    SkipSpace();
    ++pos_;  // '('
    ConcordanceQuery q;
    q.kind = ConcordanceQuery::Kind::kNear;
    for (;;) {
      SkipSpace();
      if (pos_ == text_.size()) return std::nullopt;
      if (text_[pos_] == ')' || text_[pos_] == ',') break;
      auto term = Term(/*in_near=*/true);
      if (!term) return std::nullopt;
      q.parts.push_back(TermQuery(std::move(*term)));
    }
    if (q.parts.empty()) return std::nullopt;
    if (text_[pos_] == ',') {
      ++pos_;
      SkipSpace();
      size_t end = pos_;
      while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') ++end;
      if (end == pos_ || end - pos_ > 9) return std::nullopt;
      q.distance = std::atoi(std::string(text_.substr(pos_, end - pos_)).c_str());
      pos_ = end;
      SkipSpace();
    }
    if (pos_ == text_.size() || text_[pos_] != ')') return std::nullopt;
    ++pos_;
    return q;
  }

  // A word or a "phrase", with an optional '*' right after it.
  std::optional<QueryTerm> Term(bool in_near) {
    QueryTerm term;
    if (text_[pos_] == '"') {
      std::string phrase;
      for (++pos_;; ++pos_) {
        if (pos_ == text_.size()) return std::nullopt;  // unterminated
        if (text_[pos_] == '"') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
            phrase.push_back('"');
            ++pos_;
            continue;
          }
          ++pos_;
          break;
        }
        phrase.push_back(text_[pos_]);
      }
      term.words = SplitWords(phrase);
      if (pos_ < text_.size() && text_[pos_] == '*') {
        term.prefix = true;
        ++pos_;
      }
      return term;
    }
    const size_t begin = pos_;
    while (pos_ < text_.size() && !IsSpace(text_[pos_]) && text_[pos_] != '"' &&
           text_[pos_] != '(' && text_[pos_] != ')' && !(in_near && text_[pos_] == ',')) {
      ++pos_;
    }
    std::string_view word = text_.substr(begin, pos_ - begin);
    if (word.empty()) return std::nullopt;
    if (word.size() > 1 && word.back() == '*') {
      term.prefix = true;
      word.remove_suffix(1);
    }
    term.words.emplace_back(word);
    return term;
  }

  bool Take(std::string_view op) {
    if (!AtOperator(op)) return false;
    pos_ += op.size();
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

ConcordanceQuery ConcordanceQuery::Parse(std::string_view text) {
  if (SplitWords(text).empty()) return {};
  if (auto q = Parser(text).Query()) return std::move(*q);
  return Words(text);
}

ConcordanceQuery ConcordanceQuery::Words(std::string_view text) {
  ConcordanceQuery q;
  q.kind = Kind::kAll;
  for (std::string& w : SplitWords(text)) {
    QueryTerm t;
    t.words.push_back(std::move(w));
    q.parts.push_back(TermQuery(std::move(t)));
  }
  return q;
}

bool ConcordanceQuery::empty() const {
  switch (kind) {
    case Kind::kTerm:
      return false;
    case Kind::kNot:
      return parts.empty() || parts.front().empty();
    default:
      for (const ConcordanceQuery& p : parts) {
        if (!p.empty()) return false;
      }
      return true;
  }
}

}  // namespace ancre::tm
