#include "src/pipeline/user_dictionary.h"

#include <algorithm>
#include <unordered_map>

#include "src/align/features.h"
#include "src/core/error.h"
#include "src/core/utf8.h"
#include "src/text/input.h"
#include "src/unicode/fold.h"

namespace ancre::pipeline {
namespace {

// The content words of a phrase, folded (function words and one-letter
// words dropped).
std::vector<std::string> ContentWords(std::string_view phrase, std::string_view language) {
  std::vector<std::string> out;
  for (const align::Word& w : align::SplitWords(phrase)) {
    if (w.is_number) continue;
    std::string folded = unicode::FoldForMatching(phrase.substr(w.begin, w.end - w.begin));
    if (folded.size() < 2 || align::IsStopword(language, folded)) continue;
    out.push_back(std::move(folded));
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

// hunalign's delimiter: a token "@", or "@" and one letter ("@V", "@N").
bool IsHunalignDelimiter(std::string_view token) {
  return !token.empty() && token.size() <= 2 && token[0] == '@';
}

// Splits a hunalign line "target words @ source words" at its delimiter
// token. Returns false if it has none.
bool SplitHunalign(std::string_view line, std::string_view* tgt, std::string_view* src) {
  size_t pos = 0;
  while (pos < line.size()) {
    const size_t begin = line.find_first_not_of(" \t", pos);
    if (begin == std::string_view::npos) break;
    size_t end = line.find_first_of(" \t", begin);
    if (end == std::string_view::npos) end = line.size();
    if (IsHunalignDelimiter(line.substr(begin, end - begin))) {
      *tgt = Trim(line.substr(0, begin));
      *src = Trim(line.substr(end));
      return true;
    }
    pos = end;
  }
  return false;
}

}  // namespace

DictionaryFormat DictionaryFormatOf(std::string_view path) {
  if (path.size() < 4) return DictionaryFormat::kTsv;
  std::string ext(path.substr(path.size() - 4));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return ext == ".dic" ? DictionaryFormat::kHunalign : DictionaryFormat::kTsv;
}

void ParseUserDictionary(std::string_view data, const std::string& name, DictionaryFormat format,
                         std::string_view src_language, std::string_view tgt_language,
                         std::vector<std::pair<std::string, std::string>>* pairs,
                         UserDictionaryStats* stats) {
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);  // a UTF-8 byte order mark
  const size_t bad = Utf8InvalidOffset(data);
  align::Stemmer src_stemmer(src_language), tgt_stemmer(tgt_language);
  size_t line_no = 0;
  for (const text::LineSpan& span : text::SplitLines(data)) {
    ++line_no;
    const std::string_view line = data.substr(span.begin, span.end - span.begin);
    if (bad != std::string_view::npos && bad < span.end + 1) {
      throw ParseError(name, line_no, bad - span.begin + 1,
                       "invalid UTF-8 (a dictionary must be UTF-8 text)");
    }
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::string_view src, tgt;
    if (format == DictionaryFormat::kTsv) {
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos) {
        const bool hunalign_like = tab == std::string_view::npos && SplitHunalign(line, &tgt, &src);
        throw ParseError(name, line_no, 0,
                         std::string("expected one entry 'source<TAB>target' a line (a tab "
                                     "between the two)") +
                             (hunalign_like ? "; for hunalign's 'target @ source' format, name "
                                              "the file *.dic"
                                            : ""));
      }
      src = Trim(line.substr(0, tab));
      tgt =
          Trim(line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1));  // further columns: notes
      if (src.empty() || tgt.empty()) {
        throw ParseError(name, line_no, 0,
                         std::string("the ") + (src.empty() ? "source" : "target") +
                             " side of 'source<TAB>target' is empty");
      }
    } else {
      if (!SplitHunalign(line, &tgt, &src)) {
        throw ParseError(name, line_no, 0,
                         "expected hunalign's 'target @ source' (the target language first)");
      }
      if (src.empty() || tgt.empty()) {
        throw ParseError(name, line_no, 0,
                         std::string("the ") +
                             (tgt.empty() ? "target (first)" : "source (second)") +
                             " side of 'target @ source' is empty");
      }
    }
    if (stats != nullptr) ++stats->entries;
    const std::vector<std::string> s = ContentWords(src, src_language);
    const std::vector<std::string> t = ContentWords(tgt, tgt_language);
    // One content word against one or two: a phrase's words pair with the
    // single word; two phrases give no word pairs worth trusting.
    const bool usable = !s.empty() && !t.empty() && std::min(s.size(), t.size()) == 1 &&
                        std::max(s.size(), t.size()) <= 2;
    if (!usable) {
      if (stats != nullptr) ++stats->skipped;
      continue;
    }
    for (const std::string& sw : s) {
      for (const std::string& tw : t) {
        pairs->emplace_back(src_stemmer.Stem(sw), tgt_stemmer.Stem(tw));
      }
    }
  }
}

align::Lexicon LoadUserDictionaries(const std::vector<std::string>& paths,
                                    std::string_view src_language, std::string_view tgt_language,
                                    UserDictionaryStats* stats) {
  std::vector<std::pair<std::string, std::string>> pairs;
  UserDictionaryStats local;
  for (const std::string& path : paths) {
    const std::string data = text::ReadFileBytes(path);
    ParseUserDictionary(data, path, DictionaryFormatOf(path), src_language, tgt_language, &pairs,
                        &local);
    ++local.files;
  }
  align::Lexicon lex = align::Lexicon::FromStemPairs(pairs);
  local.pairs = lex.size();
  if (stats != nullptr) *stats = local;
  return lex;
}

}  // namespace ancre::pipeline
