#include "src/core/language_tag.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "src/core/error.h"

namespace ancre {
namespace {

constexpr Language kLanguages[] = {
#include "src/core/language_table.inc"
};

// Codes that name a language of the table without being its ISO 639-1 or
// 639-2 code: ISO 639-3 codes of the individual language most texts in a
// macrolanguage are written in (CLDR's "macrolanguage" aliases), and the ISO
// 639-1 codes withdrawn in 1989.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kAliases = {{
    {"cmn", "zh"}, {"arb", "ar"}, {"swh", "sw"}, {"pes", "fa"}, {"zsm", "ms"}, {"ekk", "et"},
    {"lvs", "lv"}, {"khk", "mn"}, {"uzn", "uz"}, {"azj", "az"}, {"npi", "ne"}, {"ory", "or"},
    {"plt", "mg"}, {"pbu", "ps"}, {"ydd", "yi"}, {"gaz", "om"}, {"als", "sq"}, {"iw", "he"},
    {"in", "id"},  {"ji", "yi"},  {"jw", "jv"},  {"mo", "ro"},
}};

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

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Every code FindLanguage knows, lowercase, to its language; built once
// (C++11: a function-local static is initialized thread-safely).
const std::unordered_map<std::string_view, const Language*>& CodeIndex() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, const Language*>;
    for (const Language& l : kLanguages) {
      m->emplace(l.iso639_1, &l);
      m->emplace(l.iso639_2t, &l);
      m->emplace(l.iso639_2b, &l);
    }
    for (const auto& [alias, code] : kAliases) m->emplace(alias, m->at(code));
    return m;
  }();
  return *index;
}

// Calls f(name) for each English name of l, lowercase ASCII ("spanish", "castilian").
template <typename F>
void ForEachName(const Language& l, F f) {
  std::string_view rest = l.names;
  while (!rest.empty()) {
    const size_t semi = rest.find("; ");
    f(AsciiLower(rest.substr(0, semi)));
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 2);
  }
}

// Optimal string alignment distance (Levenshtein plus transposition of two
// neighbours: "germna" is one edit from "german").
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string UnknownLanguageMessage(std::string_view text) {
  std::string message = "unknown language '" + std::string(text) + "'";
  const std::string closest = ClosestLanguageCode(text);
  if (!closest.empty()) {
    const Language* l = FindLanguage(closest);
    return message + "; did you mean " + closest + " (" + std::string(l->english_name()) + ")?";
  }
  return message + "; use an ISO 639-1 code such as fr, en, de, or a tag such as fr-FR";
}

}  // namespace

std::string_view Language::english_name() const { return names.substr(0, names.find("; ")); }

const Language* FindLanguage(std::string_view code) {
  if (code.empty() || code.size() > 3) return nullptr;
  const auto& index = CodeIndex();
  const auto it = index.find(AsciiLower(code));
  return it == index.end() ? nullptr : it->second;
}

std::string ClosestLanguageCode(std::string_view text) {
  const std::string t = AsciiLower(Trim(text));
  if (t.empty()) return "";
  for (const Language& l : kLanguages) {  // an English name: "french", "Castilian"
    std::string found;
    ForEachName(l, [&](const std::string& name) {
      if (name == t) found = l.iso639_1;
    });
    if (!found.empty()) return found;
  }
  // The nearest code (for a short text) or name; ties go to a language with a
  // stemmer (the ones ancre aligns best), then to table order.
  const bool short_text = t.size() <= 3;
  const size_t limit = short_text ? 1 : 2;
  const Language* best = nullptr;
  size_t best_distance = limit + 1;
  for (const Language& l : kLanguages) {
    size_t d = limit + 1;
    if (short_text) {
      for (std::string_view code : {l.iso639_1, l.iso639_2t, l.iso639_2b}) {
        d = std::min(d, EditDistance(t, code));
      }
    } else {
      ForEachName(l, [&](const std::string& name) { d = std::min(d, EditDistance(t, name)); });
    }
    const bool better = d < best_distance || (d == best_distance && best != nullptr &&
                                              best->snowball.empty() && !l.snowball.empty());
    if (d <= limit && better) {
      best = &l;
      best_distance = d;
    }
  }
  return best == nullptr ? "" : std::string(best->iso639_1);
}

std::optional<LanguageTag> LanguageTag::TryParse(std::string_view text, std::string* error) {
  const auto fail = [&](std::string message) -> std::optional<LanguageTag> {
    if (error != nullptr) *error = std::move(message);
    return std::nullopt;
  };
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) {
    return fail("empty language; use an ISO 639-1 code such as fr, en, de, or a tag such as fr-FR");
  }
  const std::string_view primary = trimmed.substr(0, trimmed.find_first_of("-_"));
  const Language* language = FindLanguage(primary);
  if (language == nullptr) {
    return fail(UnknownLanguageMessage(primary.size() == trimmed.size() ? trimmed : primary));
  }
  std::string tag = NormalizeLanguageTag(trimmed);
  if (!IsWellFormedLanguageTag(tag)) {
    return fail("'" + std::string(trimmed) +
                "' is not a BCP 47 language tag (language[-script][-region], e.g. fr, fr-FR, "
                "zh-Hant-TW)");
  }
  const size_t language_size = language->iso639_1.size();
  return LanguageTag(std::move(tag), language_size, language);
}

LanguageTag LanguageTag::Parse(std::string_view text) {
  std::string error;
  std::optional<LanguageTag> tag = TryParse(text, &error);
  if (!tag) throw Error(error);
  return std::move(*tag);
}

bool LanguageTag::Serves(std::string_view available) const {
  return LanguageServes(tag_, available);
}

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
  // RFC 5646 section 4.5 (canonical form): the shortest ISO 639 code, so
  // "fra" and "fre" are "fr".
  const size_t primary_end = std::min(s.find('-'), s.size());
  const Language* language = FindLanguage(std::string_view(s).substr(0, primary_end));
  if (language != nullptr && language->iso639_1 != std::string_view(s).substr(0, primary_end)) {
    s.replace(0, primary_end, language->iso639_1);
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

}  // namespace ancre
