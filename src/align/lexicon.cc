#include "src/align/lexicon.h"

#include <libstemmer.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "src/unicode/fold.h"

namespace ancre::align {
namespace {

std::string Lower(std::string_view word) { return unicode::FoldForMatching(word); }

}  // namespace

std::string SnowballAlgorithm(std::string_view language) {
  const std::optional<LanguageTag> tag = LanguageTag::TryParse(language);
  if (!tag) return std::string(language);  // Snowball also takes its own names ("english")
  const std::string_view name = tag->info().snowball;
  return std::string(name.empty() ? std::string_view("none") : name);
}

void Stemmer::Deleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(std::string_view language) {
  std::string name = SnowballAlgorithm(language);
  stemmer_.reset(sb_stemmer_new(name.c_str(), "UTF_8"));
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::Stem(std::string_view lowercase_word) {
  if (!stemmer_) return unicode::FoldForMatching(lowercase_word);
  const sb_symbol* s =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(lowercase_word.data()),
                      static_cast<int>(lowercase_word.size()));
  if (s == nullptr) return std::string(lowercase_word);  // out of memory in Snowball
  std::string_view stem(reinterpret_cast<const char*>(s),
                        static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
  bool ascii = std::all_of(stem.begin(), stem.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? std::string(stem) : unicode::FoldForMatching(stem);
}

Lexicon Lexicon::FromStemPairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  // Source stem -> its target stems, in the order given, each once. Stems
  // are single words: the text form separates them by tabs, spaces and new lines.
  std::unordered_map<std::string_view, std::vector<std::string_view>> map;
  for (const auto& [src, tgt] : pairs) {
    if (src.empty() || tgt.empty() || src.find_first_of("\t\n ") != std::string::npos ||
        tgt.find_first_of("\t\n ") != std::string::npos) {
      continue;
    }
    std::vector<std::string_view>& v = map[src];
    if (std::find(v.begin(), v.end(), tgt) == v.end()) v.push_back(tgt);
  }
  std::vector<const std::pair<const std::string_view, std::vector<std::string_view>>*> sorted;
  sorted.reserve(map.size());
  for (const auto& kv : map) sorted.push_back(&kv);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  std::vector<std::string_view> targets;
  for (const auto* kv : sorted) targets.insert(targets.end(), kv->second.begin(), kv->second.end());
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  std::string text = "ancre-lexicon 1\n";
  for (const auto* kv : sorted) {
    text += kv->first;
    char sep = '\t';
    for (std::string_view t : kv->second) {
      text += sep;
      text += t;
      sep = ' ';
    }
    text += '\n';
  }
  text += '\n';
  for (std::string_view t : targets) {
    text += t;
    text += '\n';
  }
  return FromText(std::move(text));
}

std::string Lexicon::ToText() const { return text_ ? *text_ : std::string("ancre-lexicon 1\n\n"); }

Lexicon Lexicon::FromText(std::string text) {
  static constexpr std::string_view kHeader = "ancre-lexicon 1\n";
  if (!std::string_view(text).starts_with(kHeader)) {
    throw ParseError("lexicon", 1, 1,
                     "not an ancre lexicon (the first line must be 'ancre-lexicon 1')");
  }
  Lexicon lex;
  auto owned = std::make_shared<const std::string>(std::move(text));
  const std::string_view all(*owned);
  size_t pos = kHeader.size();
  size_t line_number = 1;
  auto bad = [&](const char* what) { return ParseError("lexicon", line_number, 1, what); };
  bool in_targets = false;
  while (pos < all.size()) {
    size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) throw bad("the file ends inside a line (truncated?)");
    std::string_view line = all.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!in_targets) {
      if (line.empty()) {
        in_targets = true;
        continue;
      }
      size_t tab = line.find('\t');
      if (tab == 0 || tab == std::string_view::npos || tab + 1 == line.size()) {
        throw bad("expected 'stem<TAB>translations'");
      }
      Entry e;
      e.key = line.substr(0, tab);
      if (!lex.entries_.empty() && !(lex.entries_.back().key < e.key))
        throw bad("stems not sorted");
      e.first = static_cast<uint32_t>(lex.values_.size());
      std::string_view rest = line.substr(tab + 1);
      while (!rest.empty()) {
        size_t sp = rest.find(' ');
        std::string_view t = rest.substr(0, sp);
        if (t.empty()) throw bad("empty translation");
        lex.values_.push_back(t);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      }
      e.count = static_cast<uint32_t>(lex.values_.size()) - e.first;
      lex.pairs_ += e.count;
      lex.entries_.push_back(e);
    } else {
      if (line.empty()) throw bad("empty target stem");
      if (!lex.targets_.empty() && !(lex.targets_.back() < line)) throw bad("targets not sorted");
      lex.targets_.push_back(line);
    }
  }
  if (!in_targets) throw bad("the list of target stems is missing (truncated?)");
  lex.text_ = std::move(owned);
  return lex;
}

void Lexicon::AddPair(std::string_view src_word, std::string_view tgt_word, Stemmer* src_stemmer,
                      Stemmer* tgt_stemmer) {
  std::vector<std::pair<std::string, std::string>> pairs;
  ForEachEntry([&](std::string_view key, std::span<const std::string_view> values) {
    for (std::string_view v : values) pairs.emplace_back(key, v);
  });
  pairs.emplace_back(src_stemmer->Stem(Lower(src_word)), tgt_stemmer->Stem(Lower(tgt_word)));
  *this = FromStemPairs(pairs);
}

std::vector<std::string_view> Lexicon::Translations(std::string_view src_stem) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), src_stem,
                             [](const Entry& e, std::string_view k) { return e.key < k; });
  if (it == entries_.end() || it->key != src_stem) return {};
  return {values_.begin() + it->first, values_.begin() + it->first + it->count};
}

bool Lexicon::HasTarget(std::string_view tgt_stem) const {
  return std::binary_search(targets_.begin(), targets_.end(), tgt_stem);
}

}  // namespace ancre::align
