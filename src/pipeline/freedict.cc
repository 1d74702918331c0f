#include "src/pipeline/freedict.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>
#include <unordered_map>

#include "src/align/features.h"
#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "src/unicode/fold.h"

namespace ancre::pipeline {

using align::Lexicon;
using align::Stemmer;

namespace {

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

std::string Lower(std::string_view word) { return unicode::FoldForMatching(word); }

// The code FreeDict names a language's dictionaries with: its ISO 639-2/T
// code (fr -> fra, cs -> ces), except Swahili, which FreeDict names by the
// ISO 639-3 code of the individual language (swh-eng); the text itself when
// it is not a language tag.
std::string FreeDictCode(std::string_view language) {
  const std::optional<LanguageTag> tag = LanguageTag::TryParse(language);
  if (!tag) return std::string(language);
  if (tag->language() == "sw") return "swh";
  return std::string(tag->info().iso639_2t);
}

// The content words of a phrase (function words dropped).
std::vector<std::string> ContentWords(std::string_view phrase, std::string_view language) {
  std::vector<std::string> out;
  for (const align::Word& w : align::SplitWords(phrase)) {
    if (w.is_number) continue;
    std::string folded = Lower(phrase.substr(w.begin, w.end - w.begin));
    if (folded.size() < 3 || align::IsStopword(language, folded)) continue;
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
    // Lines that are not translations: the Ding dictionaries' "Note: ...",
    // "Synonyms: {...}", "see: {...}" and the examples in quotes (eng-hin).
    std::string_view trimmed = line.substr(std::min(line.find_first_not_of(' '), line.size()));
    if (trimmed.starts_with("Note:") || trimmed.starts_with("Synonym") ||
        trimmed.starts_with("see:") || trimmed.starts_with("See:") ||
        trimmed.starts_with("Antonym") || trimmed.starts_with("\"") || trimmed.starts_with("{")) {
      continue;
    }
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
      if (c == '(' || c == '[' || c == '<') {  // (usage), [domain], <fem> are not words
        ++depth;
      } else if (c == ')' || c == ']' || c == '>') {
        depth = std::max(0, depth - 1);
      } else if (depth == 0) {
        if (c == ',' || c == ';') {
          flush();
        } else if (c == '~') {  // eng-hin joins the words of a phrase with ~
          phrase.push_back(' ');
        } else {
          phrase.push_back(c);
        }
      }
    }
    flush();
  }
  return head;
}

std::string DefaultCacheDir() {
  if (const char* d = std::getenv("ANCRE_CACHE_DIR"); d != nullptr && *d != '\0') return d;
  if (const char* d = std::getenv("XDG_CACHE_HOME"); d != nullptr && *d == '/') {
    return std::string(d) + "/ancre";
  }
  if (const char* d = std::getenv("HOME"); d != nullptr && *d == '/') {
    return std::string(d) + "/.cache/ancre";
  }
  return "";
}

namespace {

// FNV-1a, continued over `bytes`.
void HashBytes(std::string_view bytes, uint64_t* h) {
  for (unsigned char c : bytes) {
    *h ^= c;
    *h *= 1099511628211ull;
  }
}

// Hashes what identifies a dictionary version: its path, size and mtime.
void HashFile(const std::filesystem::path& path, uint64_t* h) {
  std::error_code ec;
  std::string id = path.string();
  const auto size = std::filesystem::file_size(path, ec);
  id += '|' + std::to_string(ec ? 0 : size);
  const auto time = std::filesystem::last_write_time(path, ec);
  id += '|' + std::to_string(ec ? 0 : time.time_since_epoch().count());
  HashBytes(id, h);
}

// The lexicon a cache file holds, or nullopt when it is missing, unreadable
// or damaged (it is then rebuilt).
std::optional<Lexicon> ReadCachedLexicon(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  try {
    return Lexicon::FromText(ReadAll(path));
  } catch (const IoError&) {
  } catch (const ParseError&) {
  }
  return std::nullopt;
}

// Writes the cache under a unique temporary name and renames it into place,
// so that a reader never sees half a file. Failures only lose the cache.
void WriteCache(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return;
  std::string tmp = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return;
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t w = write(fd, text.data() + done, text.size() - done);
    if (w <= 0) break;
    done += static_cast<size_t>(w);
  }
  const bool ok = done == text.size() && close(fd) == 0;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) std::remove(tmp.c_str());
}

// The dictionary files of a pair and the hash of their versions (with the
// parsing version), or nullopt when neither direction is installed.
struct DictionaryFiles {
  std::filesystem::path forward, backward;
  bool has_forward = false, has_backward = false;
  uint64_t hash = 14695981039346656037ull;
};

std::optional<DictionaryFiles> FindDictionaries(const std::string& dir, std::string_view src,
                                                std::string_view tgt) {
  namespace fs = std::filesystem;
  DictionaryFiles d;
  d.forward = fs::path(dir) / ("freedict-" + FreeDictCode(src) + "-" + FreeDictCode(tgt));
  d.backward = fs::path(dir) / ("freedict-" + FreeDictCode(tgt) + "-" + FreeDictCode(src));
  auto present = [](const fs::path& p) {
    return fs::exists(p.string() + ".index") && fs::exists(p.string() + ".dict.dz");
  };
  d.has_forward = present(d.forward);
  d.has_backward = present(d.backward);
  if (!d.has_forward && !d.has_backward) return std::nullopt;
  for (const fs::path& p : {d.forward, d.backward}) {
    HashFile(p.string() + ".index", &d.hash);
    HashFile(p.string() + ".dict.dz", &d.hash);
  }
  // The format and parsing version: a change of either must not read an older cache.
  HashBytes("v3|" + align::SnowballAlgorithm(src) + "|" + align::SnowballAlgorithm(tgt), &d.hash);
  return d;
}

std::string Hex(uint64_t h) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

// Writes a cache and removes the older ones of the same name prefix.
void ReplaceCache(const std::filesystem::path& cache, const std::string& prefix,
                  const std::string& text) {
  namespace fs = std::filesystem;
  WriteCache(cache, text);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cache.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(prefix) && e.path() != cache) fs::remove(e.path(), ec);
  }
}

// LoadFreeDict() without the pivot.
align::Lexicon LoadDirect(const std::string& dir, std::string_view src_language,
                          std::string_view tgt_language, const std::string& cache_dir) {
  namespace fs = std::filesystem;
  const std::string s3 = FreeDictCode(src_language);
  const std::string t3 = FreeDictCode(tgt_language);
  const std::optional<DictionaryFiles> files = FindDictionaries(dir, src_language, tgt_language);
  if (!files) return Lexicon();
  const fs::path& forward = files->forward;
  const fs::path& backward = files->backward;
  const bool has_forward = files->has_forward, has_backward = files->has_backward;
  const std::string prefix = "lexicon-" + s3 + "-" + t3 + "-";
  fs::path cache;
  if (!cache_dir.empty()) {
    cache = fs::path(cache_dir) / (prefix + Hex(files->hash) + ".txt");
    if (std::optional<Lexicon> cached = ReadCachedLexicon(cache)) return std::move(*cached);
  }

  std::vector<std::pair<std::string, std::string>> pairs;
  Stemmer src_stemmer(src_language);
  Stemmer tgt_stemmer(tgt_language);
  // Stems are memoized: the same words recur across thousands of entries.
  std::unordered_map<std::string, std::string> src_memo, tgt_memo;
  auto stem = [](Stemmer* st, std::unordered_map<std::string, std::string>* memo,
                 const std::string& w) -> const std::string& {
    auto it = memo->find(w);
    if (it == memo->end()) it = memo->emplace(w, st->Stem(w)).first;
    return it->second;
  };
  if (has_forward) {
    ReadDictionary(forward.string() + ".index", forward.string() + ".dict.dz", src_language,
                   tgt_language, [&](const std::string& h, const std::string& t) {
                     pairs.emplace_back(stem(&src_stemmer, &src_memo, h),
                                        stem(&tgt_stemmer, &tgt_memo, t));
                   });
  }
  if (has_backward) {
    ReadDictionary(backward.string() + ".index", backward.string() + ".dict.dz", tgt_language,
                   src_language, [&](const std::string& h, const std::string& t) {
                     pairs.emplace_back(stem(&src_stemmer, &src_memo, t),
                                        stem(&tgt_stemmer, &tgt_memo, h));
                   });
  }
  Lexicon lex = Lexicon::FromStemPairs(pairs);
  if (!cache.empty() && !lex.empty()) ReplaceCache(cache, prefix, lex.ToText());
  return lex;
}

}  // namespace

align::Lexicon LoadFreeDict(const std::string& dir, std::string_view src_language,
                            std::string_view tgt_language, const std::string& cache_dir) {
  Lexicon direct = LoadDirect(dir, src_language, tgt_language, cache_dir);
  if (direct.size() >= kPivotBelow) return direct;
  // A small dictionary (Russian–English: about 2,000 pairs) is completed through
  // a third language both sides have large dictionaries with: ru -> de -> en.
  // Only the first senses of each step are followed, to keep the noise of
  // composing two ambiguous maps low.
  constexpr size_t kSenses = 3;
  for (std::string_view pivot : {"en", "de", "fr"}) {
    if (FreeDictCode(pivot) == FreeDictCode(src_language) ||
        FreeDictCode(pivot) == FreeDictCode(tgt_language)) {
      continue;
    }
    const std::optional<DictionaryFiles> a = FindDictionaries(dir, src_language, pivot);
    const std::optional<DictionaryFiles> b = FindDictionaries(dir, pivot, tgt_language);
    if (!a || !b) continue;
    // The composed lexicon is cached too, keyed by the three dictionaries.
    std::filesystem::path cache;
    const std::string prefix = "lexicon-" + FreeDictCode(src_language) + "-" +
                               FreeDictCode(tgt_language) + "-via-" + FreeDictCode(pivot) + "-";
    if (!cache_dir.empty()) {
      const std::optional<DictionaryFiles> d = FindDictionaries(dir, src_language, tgt_language);
      uint64_t h = (d ? d->hash : 0) * 1099511628211ull ^ a->hash;
      h = h * 1099511628211ull ^ b->hash;
      cache = std::filesystem::path(cache_dir) / (prefix + Hex(h) + ".txt");
      if (std::optional<Lexicon> cached = ReadCachedLexicon(cache)) return std::move(*cached);
    }
    Lexicon first = LoadDirect(dir, src_language, pivot, cache_dir);
    if (first.size() < kPivotBelow) continue;
    Lexicon second = LoadDirect(dir, pivot, tgt_language, cache_dir);
    if (second.size() < kPivotBelow) continue;
    std::vector<std::pair<std::string, std::string>> pairs;
    direct.ForEachEntry([&](std::string_view key, std::span<const std::string_view> values) {
      for (std::string_view v : values) pairs.emplace_back(key, v);
    });
    first.ForEachEntry([&](std::string_view key, std::span<const std::string_view> values) {
      for (size_t k = 0; k < std::min(values.size(), kSenses); ++k) {
        std::vector<std::string_view> targets = second.Translations(values[k]);
        for (size_t t = 0; t < std::min(targets.size(), kSenses); ++t) {
          pairs.emplace_back(key, targets[t]);
        }
      }
    });
    direct = Lexicon::FromStemPairs(pairs);
    if (!cache.empty()) ReplaceCache(cache, prefix, direct.ToText());
    break;
  }
  return direct;
}

}  // namespace ancre::pipeline
