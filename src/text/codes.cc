#include "src/text/codes.h"

namespace ancre::text {
namespace {

bool IsHyphenToken(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "-" || t.norm == "\u2010" || t.norm == "\u2011");
}

// The parts of a code: an integer written plainly, a word in capitals ("MDB",
// "G", "COVID"), and first only, a capitalised word before digits ("Covid").
bool IsCodeNumber(const Token& t) {
  return t.kind == TokenKind::kNumber && !t.grouped && !t.decimal && !t.ordinal;
}
bool IsCodeWord(const Token& t) { return t.kind == TokenKind::kWord && t.upper_initial; }
bool IsCapitals(const Token& t) {
  return t.kind == TokenKind::kWord && (t.all_upper || (t.upper_initial && t.end - t.begin == 1));
}

}  // namespace

std::vector<CodeMatch> FindCodes(const std::vector<Token>& tokens, std::vector<bool>* used) {
  std::vector<CodeMatch> matches;
  used->resize(tokens.size(), false);
  for (size_t k = 0; k < tokens.size(); ++k) {
    if ((*used)[k] || !(IsCodeWord(tokens[k]) || IsCodeNumber(tokens[k]))) continue;
    // Tokens glued to one another (no space), at most one hyphen between two parts.
    size_t last = k;
    bool letters = tokens[k].kind == TokenKind::kWord;
    bool digits = !letters;
    const bool first_capitals = !letters || IsCapitals(tokens[k]);
    for (size_t j = k + 1; j < tokens.size() && !tokens[j].space_before && !(*used)[j]; ++j) {
      size_t part = j;
      if (IsHyphenToken(tokens[j])) {
        if (j + 1 >= tokens.size() || tokens[j + 1].space_before) break;
        part = j + 1;
      }
      const Token& t = tokens[part];
      if (IsCapitals(t)) {
        letters = true;  // only capitals after the first part: "G20-Gipfel" is G20
      } else if (IsCodeNumber(t)) {
        digits = true;
      } else {
        break;
      }
      last = part;
      j = part;
    }
    // Letters and digits both; a capitalised word ("Covid-19") only before digits.
    if (!letters || !digits || last == k) continue;
    if (!first_capitals && tokens[last].kind != TokenKind::kNumber) continue;
    // A word glued before the code ("abc1MDB") or after it makes it something else.
    if (k > 0 && !tokens[k].space_before && tokens[k - 1].kind != TokenKind::kPunct) continue;
    if (last + 1 < tokens.size() && !tokens[last + 1].space_before &&
        tokens[last + 1].kind != TokenKind::kPunct)
      continue;
    CodeMatch m;
    m.first_token = k;
    m.last_token = last;
    for (size_t j = k; j <= last; ++j) {
      if (IsHyphenToken(tokens[j])) continue;
      m.key += tokens[j].norm;
    }
    for (size_t j = k; j <= last; ++j) (*used)[j] = true;
    matches.push_back(std::move(m));
    k = last;
  }
  return matches;
}

void AppendCodeAnchors(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<CodeMatch>& matches, std::vector<Anchor>* out) {
  for (const CodeMatch& m : matches) {
    Anchor a;
    a.kind = AnchorKind::kAcronym;
    a.subtype = "code";
    a.span = {tokens[m.first_token].begin, tokens[m.last_token].end};
    a.text = std::string(text.substr(a.span.begin, a.span.size()));
    a.key = m.key;
    a.weight = 1.0;
    out->push_back(std::move(a));
  }
}

}  // namespace ancre::text
