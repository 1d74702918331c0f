#include "tm/fuzzy.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdio>

#include "src/core/utf8.h"
#include "src/unicode/fold.h"

namespace ancre::tm {
namespace {

enum class CharClass { kWord, kSymbol, kSeparator };

CharClass Classify(utf8proc_int32_t c) {
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:  // marks left after folding stay inside their word
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CO:
      return CharClass::kWord;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
      // ASCII symbols ($ + < = > ^ ` | ~) separate words: the word index's
      // tokenizer treats ASCII non-alphanumerics as separators.
      return c < 0x80 ? CharClass::kSeparator : CharClass::kSymbol;
    default:
      return CharClass::kSeparator;
  }
}

// Walks text's normalized words: sink.Append(utf8, begin, end) adds folded
// characters to the current word (begin/end: byte span in text of the
// character it came from), sink.EndWord() ends the current word (a no-op when
// it is empty). Every caller sees exactly the same words.
template <typename Sink>
void VisitMatchWords(std::string_view text, Sink& sink) {
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  utf8proc_ssize_t pos = 0;
  char32_t folded[unicode::kMaxIndexFold];
  char utf8[4];
  while (pos < size) {
    const utf8proc_uint8_t b = bytes[pos];
    if (b < 0x80) {
      // ASCII, most of the text: what folding and Classify give, without
      // utf8proc. Letters fold to lower case, letters and digits make words,
      // everything else separates.
      const bool upper = b >= 'A' && b <= 'Z';
      if (upper || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')) {
        utf8[0] = static_cast<char>(upper ? b + ('a' - 'A') : b);
        sink.Append(std::string_view(utf8, 1), static_cast<size_t>(pos),
                    static_cast<size_t>(pos) + 1);
      } else {
        sink.EndWord();
      }
      ++pos;
      continue;
    }
    char32_t c = 0;
    const auto len = static_cast<utf8proc_ssize_t>(DecodeUtf8(text, static_cast<size_t>(pos), &c));
    if (len == 0) {  // invalid UTF-8 (callers validate): skip the byte as a separator
      sink.EndWord();
      ++pos;
      continue;
    }
    const size_t begin = static_cast<size_t>(pos);
    const size_t end = static_cast<size_t>(pos + len);
    pos += len;
    const size_t n = unicode::FoldForIndex(c, folded);
    for (size_t i = 0; i < n; ++i) {
      const auto f = static_cast<utf8proc_int32_t>(folded[i]);
      const CharClass cls = Classify(f);
      if (cls == CharClass::kSeparator) {
        sink.EndWord();
        continue;
      }
      const auto bytes_out = utf8proc_encode_char(f, reinterpret_cast<utf8proc_uint8_t*>(utf8));
      if (cls == CharClass::kSymbol) sink.EndWord();  // a symbol is a word of its own
      sink.Append(std::string_view(utf8, static_cast<size_t>(bytes_out)), begin, end);
      if (cls == CharClass::kSymbol) sink.EndWord();
    }
  }
  sink.EndWord();
}

}  // namespace

MatchWords SplitMatchWords(std::string_view text) {
  struct Sink {
    std::string_view text;
    MatchWords words;
    std::string key;
    size_t word_begin = 0;
    size_t word_end = 0;
    void Append(std::string_view utf8, size_t begin, size_t end) {
      if (key.empty()) word_begin = begin;
      word_end = end;
      key += utf8;
    }
    void EndWord() {
      if (key.empty()) return;
      words.keys.push_back(std::move(key));
      words.originals.emplace_back(text.substr(word_begin, word_end - word_begin));
      key.clear();
    }
  } sink{text, {}, {}};
  sink.words.keys.reserve(text.size() / 5 + 1);  // about one word per 5 to 6 bytes of text
  sink.words.originals.reserve(text.size() / 5 + 1);
  VisitMatchWords(text, sink);
  return std::move(sink.words);
}

std::string MatchKey(std::string_view text, size_t* word_count) {
  // The words written straight into one string: no string per word.
  struct Sink {
    std::string key;
    size_t words = 0;
    bool in_word = false;
    void Append(std::string_view utf8, size_t, size_t) {
      if (!in_word) {
        if (words > 0) key.push_back(' ');
        ++words;
        in_word = true;
      }
      key += utf8;
    }
    void EndWord() { in_word = false; }
  } sink;
  sink.key.reserve(text.size());
  VisitMatchWords(text, sink);
  if (word_count) *word_count = sink.words;
  return std::move(sink.key);
}

size_t WordDistance(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<size_t> row;
  return a.size() >= b.size() ? EditDistance(a, b, &row) : EditDistance(b, a, &row);
}

double MatchPercent(size_t distance, size_t n, size_t m) {
  size_t longest = std::max(n, m);
  if (longest == 0) return 100.0;
  return 100.0 * (1.0 - static_cast<double>(distance) / static_cast<double>(longest));
}

WordDiff DiffWords(const MatchWords& query, const MatchWords& candidate) {
  const size_t n = query.size();
  const size_t m = candidate.size();
  // Full table for the backtrace: sentences are short.
  std::vector<size_t> d((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> size_t& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = query.keys[i - 1] == candidate.keys[j - 1] ? 0 : 1;
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
    }
  }
  WordDiff diff;
  diff.distance = at(n, m);
  diff.score = MatchPercent(diff.distance, n, m);
  size_t i = n;
  size_t j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && query.keys[i - 1] == candidate.keys[j - 1] &&
        at(i, j) == at(i - 1, j - 1)) {
      --i;
      --j;
    } else if (j > 0 && at(i, j) == at(i, j - 1) + 1) {
      // Among equally short edit scripts, prefer insert/delete to replace so
      // shared words stay paired: "a b c" -> "a c d" is "deleted b, inserted d".
      diff.edits.push_back({WordEdit::Kind::kInsert, "", candidate.originals[j - 1]});
      --j;
    } else if (i > 0 && at(i, j) == at(i - 1, j) + 1) {
      diff.edits.push_back({WordEdit::Kind::kDelete, query.originals[i - 1], ""});
      --i;
    } else {
      diff.edits.push_back(
          {WordEdit::Kind::kReplace, query.originals[i - 1], candidate.originals[j - 1]});
      --i;
      --j;
    }
  }
  std::reverse(diff.edits.begin(), diff.edits.end());
  return diff;
}

std::string DescribeEdits(const std::vector<WordEdit>& edits) {
  std::string out;
  for (const auto& e : edits) {
    if (!out.empty()) out += ", ";
    switch (e.kind) {
      case WordEdit::Kind::kInsert:
        out += "inserted \"" + e.candidate_word + "\"";
        break;
      case WordEdit::Kind::kDelete:
        out += "deleted \"" + e.query_word + "\"";
        break;
      case WordEdit::Kind::kReplace:
        out += "replaced \"" + e.query_word + "\"→\"" + e.candidate_word + "\"";
        break;
    }
  }
  return out;
}

}  // namespace ancre::tm
