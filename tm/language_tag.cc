#include "tm/language_tag.h"

#include <cctype>
#include <vector>

namespace ancre::tm {
namespace {

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char Upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Subtags(std::string_view tag) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-') {
      out.push_back(tag.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s) {
    if (!pred(c)) return false;
  }
  return true;
}

// True if prefix equals tag or is tag's leading subtags ("fr" of "fr-CA").
bool IsSubtagPrefix(std::string_view prefix, std::string_view tag) {
  return tag.size() > prefix.size() && tag.substr(0, prefix.size()) == prefix &&
         tag[prefix.size()] == '-';
}

}  // namespace

std::string NormalizeLanguageTag(std::string_view tag) {
  std::string s(Trim(tag));
  for (char& c : s) {
    c = c == '_' ? '-' : Lower(c);
  }
  // RFC 5646 section 2.1.1: script subtags title case, region subtags upper
  // case; only after the first subtag and before any singleton ("x", "u").
  size_t start = 0;
  bool first = true;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '-') continue;
    const size_t len = i - start;
    if (len == 1) break;  // singleton: extensions and private use stay lowercase
    if (!first && len == 4 && IsAlpha(s[start])) {
      s[start] = Upper(s[start]);
    } else if (!first && len == 2) {
      s[start] = Upper(s[start]);
      s[start + 1] = Upper(s[start + 1]);
    }
    first = false;
    start = i + 1;
  }
  return s;
}

bool IsWellFormedLanguageTag(std::string_view tag) {
  const std::string norm = NormalizeLanguageTag(tag);
  const std::vector<std::string_view> parts = Subtags(norm);
  size_t i = 0;
  const auto at = [&](size_t k) -> std::string_view { return k < parts.size() ? parts[k] : ""; };
  if (at(i).size() < 2 || at(i).size() > 3 || !AllOf(at(i), IsAlpha)) return false;
  ++i;
  if (at(i).size() == 4 && AllOf(at(i), IsAlpha)) ++i;  // script
  if ((at(i).size() == 2 && AllOf(at(i), IsAlpha)) ||
      (at(i).size() == 3 && AllOf(at(i), IsDigit))) {
    ++i;  // region
  }
  while (i < parts.size()) {  // variants
    const std::string_view v = parts[i];
    const bool long_variant = v.size() >= 5 && v.size() <= 8 && AllOf(v, IsAlnum);
    const bool digit_variant = v.size() == 4 && IsDigit(v[0]) && AllOf(v, IsAlnum);
    if (!long_variant && !digit_variant) break;
    ++i;
  }
  if (i < parts.size() && parts[i] == "x") {  // private use
    ++i;
    if (i == parts.size()) return false;
    for (; i < parts.size(); ++i) {
      if (parts[i].empty() || parts[i].size() > 8 || !AllOf(parts[i], IsAlnum)) return false;
    }
  }
  return i == parts.size();
}

LanguageMatch LanguageMatchRank(std::string_view requested, std::string_view available) {
  const std::string req = NormalizeLanguageTag(requested);
  const std::string avail = NormalizeLanguageTag(available);
  if (req.empty() || avail.empty()) return LanguageMatch::kNone;
  if (req == avail) return LanguageMatch::kExact;
  if (IsSubtagPrefix(req, avail)) return LanguageMatch::kNarrower;
  if (IsSubtagPrefix(avail, req)) return LanguageMatch::kBroader;
  return LanguageMatch::kNone;
}

bool LanguageServes(std::string_view requested, std::string_view available) {
  return LanguageMatchRank(requested, available) != LanguageMatch::kNone;
}

}  // namespace ancre::tm
