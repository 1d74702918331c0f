#include "src/align/lexicon.h"

#include <libstemmer.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/align/features.h"
#include "src/core/error.h"
#include "src/text/normalize.h"

namespace ancre::align {
namespace {

// Snowball algorithm names for the 2-letter codes ancre's users type.
std::string SnowballName(std::string_view language) {
  static const std::array<std::pair<std::string_view, std::string_view>, 12> kNames = {{
      {"fr", "french"},
      {"en", "english"},
      {"de", "german"},
      {"es", "spanish"},
      {"it", "italian"},
      {"pt", "portuguese"},
      {"nl", "dutch"},
      {"sv", "swedish"},
      {"da", "danish"},
      {"no", "norwegian"},
      {"fi", "finnish"},
      {"ru", "russian"},
  }};
  std::string_view code = language.substr(0, 2);
  for (const auto& [iso, name] : kNames) {
    if (iso == code) return std::string(name);
  }
  return std::string(language);
}

// ISO 639-2 (terminological) codes FreeDict names its dictionaries with.
std::string FreeDictCode(std::string_view language) {
  static const std::array<std::pair<std::string_view, std::string_view>, 12> kCodes = {{
      {"fr", "fra"},
      {"en", "eng"},
      {"de", "deu"},
      {"es", "spa"},
      {"it", "ita"},
      {"pt", "por"},
      {"nl", "nld"},
      {"sv", "swe"},
      {"da", "dan"},
      {"no", "nor"},
      {"fi", "fin"},
      {"ru", "rus"},
  }};
  std::string_view code = language.substr(0, 2);
  for (const auto& [iso, three] : kCodes) {
    if (iso == code) return std::string(three);
  }
  return std::string(language);
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw IoError(path.string() + ": cannot open the dictionary file; check its permissions");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw IoError(path.string() + ": read error");
  return std::move(s).str();
}

// dictzip files are gzip files with an extra header field: plain zlib reads them.
std::string Gunzip(const std::string& data, const std::filesystem::path& path) {
  z_stream z{};
  // 16 + MAX_WBITS: expect a gzip header (zlib manual, inflateInit2).
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) throw IoError(path.string() + ": zlib init failed");
  std::string out;
  out.resize(std::max<size_t>(data.size() * 4, 1 << 16));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z.total_out == out.size()) out.resize(out.size() * 2);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + z.total_out);
    z.avail_out = static_cast<uInt>(out.size() - z.total_out);
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      throw IoError(path.string() + ": not a valid dictzip/gzip file; reinstall the dictionary");
    }
  }
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

// dictd's base64 numbers (offset and length of an entry in the .dict file).
bool DecodeBase64Number(std::string_view s, size_t* value) {
  static constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t v = 0;
  for (char c : s) {
    size_t d = kDigits.find(c);
    if (d == std::string_view::npos) return false;
    v = v * 64 + d;
  }
  *value = v;
  return !s.empty();
}

std::string Lower(std::string_view word) { return text::FoldForMatching(word); }

// The content words of a phrase (function words dropped).
std::vector<std::string> ContentWords(std::string_view phrase, std::string_view language) {
  std::vector<std::string> out;
  for (const Word& w : SplitWords(phrase)) {
    if (w.is_number) continue;
    std::string folded = Lower(phrase.substr(w.begin, w.end - w.begin));
    if (folded.size() < 3 || IsStopword(language, folded)) continue;
    out.push_back(std::move(folded));
  }
  return out;
}

// Reads one dictd dictionary and calls add(headword, translation) for every
// pair of single content words.
template <typename Add>
void ReadDictionary(const std::filesystem::path& index_path, const std::filesystem::path& dict_path,
                    std::string_view head_language, std::string_view translation_language,
                    Add add) {
  std::string index = ReadAll(index_path);
  std::string dict = Gunzip(ReadAll(dict_path), dict_path);
  std::vector<std::string> translations;
  size_t pos = 0;
  while (pos < index.size()) {
    size_t eol = index.find('\n', pos);
    if (eol == std::string::npos) eol = index.size();
    std::string_view line(index.data() + pos, eol - pos);
    pos = eol + 1;
    size_t t1 = line.find('\t');
    size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos || line.starts_with("00database") ||
        line.starts_with("00-database")) {
      continue;
    }
    size_t offset = 0, length = 0;
    if (!DecodeBase64Number(line.substr(t1 + 1, t2 - t1 - 1), &offset) ||
        !DecodeBase64Number(line.substr(t2 + 1), &length) || offset + length > dict.size()) {
      continue;  // a malformed index line: skip it, the others are usable
    }
    translations.clear();
    std::string head = ParseDictEntry(std::string_view(dict).substr(offset, length), &translations);
    std::vector<std::string> head_words = ContentWords(head, head_language);
    if (head_words.size() != 1) continue;  // phrases map word to word too loosely
    for (const std::string& t : translations) {
      std::vector<std::string> words = ContentWords(t, translation_language);
      if (words.empty() || words.size() > 2) continue;
      for (const std::string& w : words) add(head_words[0], w);
    }
  }
}

}  // namespace

void Stemmer::Deleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(std::string_view language) {
  std::string name = SnowballName(language);
  stemmer_.reset(sb_stemmer_new(name.c_str(), "UTF_8"));
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::Stem(std::string_view lowercase_word) {
  if (!stemmer_) return text::FoldForMatching(lowercase_word);
  const sb_symbol* s =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(lowercase_word.data()),
                      static_cast<int>(lowercase_word.size()));
  if (s == nullptr) return std::string(lowercase_word);  // out of memory in Snowball
  std::string_view stem(reinterpret_cast<const char*>(s),
                        static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
  bool ascii = std::all_of(stem.begin(), stem.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  return ascii ? std::string(stem) : text::FoldForMatching(stem);
}

std::string ParseDictEntry(std::string_view entry, std::vector<std::string>* out) {
  size_t eol = entry.find('\n');
  std::string_view first = entry.substr(0, eol);
  size_t cut = std::min(first.find(" /"), first.find(" <"));
  std::string head(first.substr(0, cut));
  while (!head.empty() && head.back() == ' ') head.pop_back();
  if (eol == std::string_view::npos) return head;
  std::string_view rest = entry.substr(eol + 1);
  size_t pos = 0;
  while (pos < rest.size()) {
    size_t end = rest.find('\n', pos);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view line = rest.substr(pos, end - pos);
    pos = end + 1;
    // "1. a, b": drop the sense number.
    size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ') {
      line.remove_prefix(digits + 2);
    }
    std::string phrase;
    int depth = 0;
    auto flush = [&] {
      size_t b = phrase.find_first_not_of(' ');
      size_t e = phrase.find_last_not_of(' ');
      if (b != std::string::npos) out->push_back(phrase.substr(b, e - b + 1));
      phrase.clear();
    };
    for (char c : line) {
      if (c == '(' || c == '[') {
        ++depth;
      } else if (c == ')' || c == ']') {
        depth = std::max(0, depth - 1);
      } else if (depth == 0) {
        if (c == ',' || c == ';') {
          flush();
        } else {
          phrase.push_back(c);
        }
      }
    }
    flush();
  }
  return head;
}

void Lexicon::AddStems(const std::string& src_stem, const std::string& tgt_stem) {
  if (src_stem.empty() || tgt_stem.empty()) return;
  std::vector<std::string>& v = map_[src_stem];
  if (std::find(v.begin(), v.end(), tgt_stem) != v.end()) return;
  v.push_back(tgt_stem);
  ++targets_[tgt_stem];
  ++pairs_;
}

void Lexicon::AddPair(std::string_view src_word, std::string_view tgt_word, Stemmer* src_stemmer,
                      Stemmer* tgt_stemmer) {
  AddStems(src_stemmer->Stem(Lower(src_word)), tgt_stemmer->Stem(Lower(tgt_word)));
}

const std::vector<std::string>& Lexicon::Translations(const std::string& src_stem) const {
  static const std::vector<std::string> kNone;
  auto it = map_.find(src_stem);
  return it == map_.end() ? kNone : it->second;
}

Lexicon Lexicon::Load(const std::string& dir, std::string_view src_language,
                      std::string_view tgt_language) {
  namespace fs = std::filesystem;
  Lexicon lex;
  Stemmer src_stemmer(src_language);
  Stemmer tgt_stemmer(tgt_language);
  const std::string s3 = FreeDictCode(src_language);
  const std::string t3 = FreeDictCode(tgt_language);
  const fs::path base(dir);
  // Stems are memoized: the same words recur across thousands of entries.
  std::unordered_map<std::string, std::string> src_memo, tgt_memo;
  auto stem = [](Stemmer* st, std::unordered_map<std::string, std::string>* memo,
                 const std::string& w) -> const std::string& {
    auto it = memo->find(w);
    if (it == memo->end()) it = memo->emplace(w, st->Stem(w)).first;
    return it->second;
  };
  fs::path forward = base / ("freedict-" + s3 + "-" + t3);
  if (fs::exists(forward.string() + ".index") && fs::exists(forward.string() + ".dict.dz")) {
    ReadDictionary(forward.string() + ".index", forward.string() + ".dict.dz", src_language,
                   tgt_language, [&](const std::string& h, const std::string& t) {
                     lex.AddStems(stem(&src_stemmer, &src_memo, h),
                                  stem(&tgt_stemmer, &tgt_memo, t));
                   });
  }
  fs::path backward = base / ("freedict-" + t3 + "-" + s3);
  if (fs::exists(backward.string() + ".index") && fs::exists(backward.string() + ".dict.dz")) {
    ReadDictionary(backward.string() + ".index", backward.string() + ".dict.dz", tgt_language,
                   src_language, [&](const std::string& h, const std::string& t) {
                     lex.AddStems(stem(&src_stemmer, &src_memo, t),
                                  stem(&tgt_stemmer, &tgt_memo, h));
                   });
  }
  return lex;
}

}  // namespace ancre::align
