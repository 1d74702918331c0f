#include "tm/cat_match.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "src/core/utf8.h"
#include "tm/fuzzy.h"

namespace ancre::tm {
namespace {

// A text as compared: its characters and tags as symbols (a code point, or
// for a tag the negative of its number in a Tags shared by both texts), its
// tags in order, and its text without the tags.
struct Symbols {
  std::vector<int64_t> symbols;
  std::vector<std::string> tags;
  std::string text;
};

// Tag numbers, by the tag's key, shared by the two texts compared.
using Tags = std::map<std::string, int64_t, std::less<>>;

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

void AddTag(std::string key, Tags* tags, Symbols* out) {
  auto [it, added] = tags->try_emplace(key, static_cast<int64_t>(tags->size()) + 1);
  out->symbols.push_back(-it->second);
  out->tags.push_back(std::move(key));
}

void AddChar(char32_t c, Symbols* out) {
  out->symbols.push_back(static_cast<int64_t>(c));
  AppendUtf8(c, &out->text);
}

// The end of a tag written in a query at s[i] ('<'): after its '>', or npos
// when s[i] does not open a tag ('<' then a letter or '/', a '>' before any
// other '<' or line break).
size_t QueryTagEnd(std::string_view s, size_t i) {
  if (i + 1 >= s.size()) return std::string_view::npos;
  const char next = s[i + 1];
  const bool opens = next == '/' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
  if (!opens) return std::string_view::npos;
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] == '>') return j + 1;
    if (s[j] == '<' || s[j] == '\n') break;
  }
  return std::string_view::npos;
}

Symbols QuerySymbols(std::string_view q, Tags* tags) {
  Symbols out;
  size_t i = 0;
  while (i < q.size()) {
    if (q[i] == '<') {
      const size_t end = QueryTagEnd(q, i);
      if (end != std::string_view::npos) {
        AddTag(std::string(q.substr(i, end - i)), tags, &out);
        i = end;
        continue;
      }
    }
    AddChar(NextCodePoint(q, &i), &out);
  }
  return out;
}

// XML's character references and predefined entities (XML 1.0, 4.6) at
// s[*i] ('&'): the character, *i past the reference. An unknown one is kept
// as its '&'.
char32_t XmlReference(std::string_view s, size_t* i) {
  const size_t semi = s.find(';', *i);
  if (semi != std::string_view::npos && semi - *i <= 10) {
    const std::string_view name = s.substr(*i + 1, semi - *i - 1);
    char32_t c = 0;
    if (name == "lt") c = '<';
    if (name == "gt") c = '>';
    if (name == "amp") c = '&';
    if (name == "quot") c = '"';
    if (name == "apos") c = '\'';
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x';
      c = static_cast<char32_t>(
          std::strtoul(std::string(name.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
    }
    if (c != 0) {
      *i = semi + 1;
      return c;
    }
  }
  ++*i;
  return '&';
}

// The text of XML content, elements dropped and references resolved.
std::string XmlText(std::string_view xml) {
  std::string out;
  size_t i = 0;
  while (i < xml.size()) {
    if (xml[i] == '<') {
      const size_t gt = xml.find('>', i);
      i = gt == std::string_view::npos ? xml.size() : gt + 1;
    } else if (xml[i] == '&') {
      AppendUtf8(XmlReference(xml, &i), &out);
    } else {
      AppendUtf8(NextCodePoint(xml, &i), &out);
    }
  }
  return out;
}

// The symbols of a TMX <seg>'s content. TMX 1.4b: bpt, ept, it, ph and ut
// hold native code (one tag each); hi wraps text (its start and end are
// tags); sub holds text inside native code (part of its tag).
Symbols MarkupSymbols(std::string_view m, Tags* tags) {
  Symbols out;
  size_t i = 0;
  while (i < m.size()) {
    if (m[i] == '&') {
      AddChar(XmlReference(m, &i), &out);
      continue;
    }
    if (m[i] != '<') {
      AddChar(NextCodePoint(m, &i), &out);
      continue;
    }
    const size_t gt = m.find('>', i);
    if (gt == std::string_view::npos) break;  // stored markup is checked: not reached
    const bool closing = m[i + 1] == '/';
    size_t name_end = i + (closing ? 2 : 1);
    while (name_end < gt && m[name_end] != ' ' && m[name_end] != '/' && m[name_end] != '\t') {
      ++name_end;
    }
    const std::string name(m.substr(i + (closing ? 2 : 1), name_end - i - (closing ? 2 : 1)));
    const bool empty = m[gt - 1] == '/';
    i = gt + 1;
    if (name == "hi") {
      AddTag(closing ? "</hi>" : "<hi>", tags, &out);
    } else if (!closing &&
               (name == "bpt" || name == "ept" || name == "it" || name == "ph" || name == "ut")) {
      std::string key;
      if (!empty) {
        const size_t close = m.find("</" + name + ">", i);
        const size_t inner_end = close == std::string_view::npos ? m.size() : close;
        key = XmlText(m.substr(i, inner_end - i));
        i = close == std::string_view::npos ? m.size() : close + name.size() + 3;
      }
      AddTag(key.empty() ? "<" + name + ">" : key, tags, &out);
    }
  }
  return out;
}

void Trim(Symbols* s) {
  auto space = [](int64_t c) { return c >= 0 && IsSpace(static_cast<char32_t>(c)); };
  while (!s->symbols.empty() && space(s->symbols.back())) s->symbols.pop_back();
  const auto first = std::find_if_not(s->symbols.begin(), s->symbols.end(), space);
  s->symbols.erase(s->symbols.begin(), first);
}

std::string Map(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(options | UTF8PROC_STABLE));
  std::string result =
      n >= 0 ? std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n)) : std::string(s);
  std::free(out);
  return result;
}

std::string CaseFold(std::string_view s) { return Map(s, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD); }
std::string StripMarks(std::string_view s) { return Map(s, UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK); }

bool IsNumber(std::string_view word) {
  if (word.empty()) return false;
  size_t i = 0;
  while (i < word.size()) {
    const char32_t c = NextCodePoint(word, &i);
    if (utf8proc_category(static_cast<utf8proc_int32_t>(c)) != UTF8PROC_CATEGORY_ND) return false;
  }
  return true;
}

// The punctuation and symbols of text, in order (what is neither a letter,
// a digit, a mark nor white space).
std::u32string Punctuation(std::string_view text) {
  std::u32string out;
  size_t i = 0;
  while (i < text.size()) {
    const char32_t c = NextCodePoint(text, &i);
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
      case UTF8PROC_CATEGORY_PC:
      case UTF8PROC_CATEGORY_PD:
      case UTF8PROC_CATEGORY_PS:
      case UTF8PROC_CATEGORY_PE:
      case UTF8PROC_CATEGORY_PI:
      case UTF8PROC_CATEGORY_PF:
      case UTF8PROC_CATEGORY_PO:
      case UTF8PROC_CATEGORY_SM:
      case UTF8PROC_CATEGORY_SC:
      case UTF8PROC_CATEGORY_SK:
      case UTF8PROC_CATEGORY_SO:
        out.push_back(c);
        break;
      default:
        break;
    }
  }
  return out;
}

// The pairs of words with the same key that a longest common subsequence of
// the keys pairs up: (query word, candidate word) indexes.
std::vector<std::pair<size_t, size_t>> SameWords(const MatchWords& a, const MatchWords& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] =
          a.keys[i] == b.keys[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a.keys[i] == b.keys[j]) {
      pairs.emplace_back(i++, j++);
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      ++i;
    } else {
      ++j;
    }
  }
  return pairs;
}

// Where `digits` (a number, or text around one) stands in text with no ASCII
// digit just before or after it, from `from`: "30" is not found in "130";
// npos if nowhere.
size_t FindNumber(std::string_view text, std::string_view digits, size_t from = 0) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t at = text.find(digits, from); at != std::string_view::npos;
       at = text.find(digits, at + 1)) {
    const size_t end = at + digits.size();
    if ((at == 0 || !digit(text[at - 1])) && (end == text.size() || !digit(text[end]))) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::string AdaptTarget(std::string_view target, const std::vector<NumberChange>& changes,
                        const std::vector<SharedAnchor>& anchors,
                        std::vector<std::string>* applied) {
  std::string out(target);
  bool changed = false;
  for (const NumberChange& change : changes) {
    for (const SharedAnchor& a : anchors) {
      if (FindNumber(a.src_text, change.candidate) == std::string_view::npos) continue;
      const size_t in_anchor = FindNumber(a.tgt_text, change.candidate);
      if (in_anchor == std::string_view::npos) continue;
      const size_t in_target = FindNumber(out, a.tgt_text);
      if (a.tgt_text.empty() || in_target == std::string::npos) continue;
      std::string adapted = a.tgt_text;
      adapted.replace(in_anchor, change.candidate.size(), change.query);
      out.replace(in_target, a.tgt_text.size(), adapted);
      applied->push_back(change.candidate + " → " + change.query);
      changed = true;
      break;
    }
  }
  return changed ? out : std::string();
}

CatMatch CompareForMatch(std::string_view query, std::string_view candidate,
                         std::string_view candidate_markup) {
  Tags tags;
  Symbols q = QuerySymbols(query, &tags);
  Symbols c;
  if (candidate_markup.empty()) {
    // Stored plain text has no tags: what looks like one is text.
    size_t i = 0;
    while (i < candidate.size()) AddChar(NextCodePoint(candidate, &i), &c);
  } else {
    c = MarkupSymbols(candidate_markup, &tags);
  }
  Trim(&q);
  Trim(&c);
  CatMatch out;
  std::vector<size_t> row;
  const size_t d = EditDistance(q.symbols, c.symbols, &row);
  const size_t longest = std::max(q.symbols.size(), c.symbols.size());
  if (d == 0) return out;
  out.score =
      std::min(99.99, 100.0 * (1.0 - static_cast<double>(d) / static_cast<double>(longest)));

  if (q.tags != c.tags) out.differences.push_back("tags");
  const MatchWords qw = SplitMatchWords(q.text);
  const MatchWords cw = SplitMatchWords(c.text);
  bool cased = false, accents = false, other = false;
  for (const auto& [i, j] : SameWords(qw, cw)) {
    const std::string& a = qw.originals[i];
    const std::string& b = cw.originals[j];
    if (a == b) continue;
    if (CaseFold(a) == CaseFold(b)) {
      cased = true;
    } else if (StripMarks(a) == StripMarks(b)) {
      accents = true;
    } else if (CaseFold(StripMarks(a)) == CaseFold(StripMarks(b))) {
      cased = accents = true;
    } else {
      other = true;
    }
  }
  if (cased) out.differences.push_back("case");
  if (accents) out.differences.push_back("accents");
  if (Punctuation(q.text) != Punctuation(c.text)) out.differences.push_back("punctuation");
  auto without_spaces = [](const std::vector<int64_t>& symbols) {
    std::vector<int64_t> kept;
    for (int64_t x : symbols) {
      if (x < 0 || !IsSpace(static_cast<char32_t>(x))) kept.push_back(x);
    }
    return kept;
  };
  if (without_spaces(q.symbols) == without_spaces(c.symbols)) out.differences.push_back("spacing");
  const WordDiff diff = DiffWords(qw, cw);
  for (const WordEdit& e : diff.edits) {
    if (e.kind == WordEdit::Kind::kReplace && IsNumber(e.query_word) &&
        IsNumber(e.candidate_word)) {
      out.differences.push_back("number " + e.query_word + " → " + e.candidate_word);
      out.numbers.push_back({e.query_word, e.candidate_word});
    }
  }
  // A difference inside words none of the above names (a ligature, a
  // full-width letter), or one the word edits do not show.
  if (other || (out.differences.empty() && diff.edits.empty())) {
    out.differences.push_back("characters");
  }
  return out;
}

}  // namespace ancre::tm
