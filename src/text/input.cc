#include "src/text/input.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "src/core/error.h"
#include "src/core/reporter.h"
#include "src/core/utf8.h"

namespace ancre::text {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterHandle = std::unique_ptr<UConverter, ConverterCloser>;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// 1-based line and column (in bytes) of offset in data.
std::string Where(std::string_view data, size_t offset) {
  size_t line = 1 + static_cast<size_t>(
                        std::count(data.begin(), data.begin() + static_cast<long>(offset), '\n'));
  size_t line_start = data.rfind('\n', offset == 0 ? 0 : offset - 1);
  size_t column =
      offset - (line_start == std::string_view::npos || offset == 0 ? 0 : line_start + 1) + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " +
         std::to_string(offset) + ")";
}

// Guesses UTF-16 without BOM from where the NUL bytes are: text in UTF-16 has
// one NUL in every other byte for Latin script.
const char* GuessUtf16(std::string_view data) {
  size_t n = std::min<size_t>(data.size(), 4096) & ~size_t{1};
  if (n < 4) return nullptr;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_nul += data[i] == '\0';
    odd_nul += data[i + 1] == '\0';
  }
  size_t pairs = n / 2;
  if (odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs) return "UTF-16LE";
  if (even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs) return "UTF-16BE";
  return nullptr;
}

// What a file that starts with `head` is when it is an obvious binary
// format (by its magic number, as file(1) knows them), with what to do about
// it; nullptr for anything else. No text starts with these bytes.
const char* BinaryFormat(std::string_view head) {
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static constexpr Magic kMagics[] = {
      {std::string_view("PK\x03\x04", 4),
       "a ZIP archive (a DOCX, ODT, XLSX or EPUB document is one), not a text file; save the "
       "document as plain text (UTF-8) and give that file"},
      {std::string_view("PK\x05\x06", 4), "an empty ZIP archive, not a text file"},
      {"%PDF-",
       "a PDF document, not a text file; extract its text first (pdftotext -layout FILE.pdf) "
       "and give that file"},
      {std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),
       "a Microsoft Office 97-2003 document (.doc, .xls, .ppt), not a text file; save it as "
       "plain text (UTF-8) and give that file"},
      {std::string_view("SQLite format 3\0", 16),
       "a SQLite database (a translation memory?), not a text file; give it with --db"},
      {"\x1F\x8B", "a gzip-compressed file, not a text file; decompress it first (gunzip)"},
      {"\x89PNG", "a PNG image, not a text file"},
      {"\xFF\xD8\xFF", "a JPEG image, not a text file"},
      {"GIF8", "a GIF image, not a text file"},
      {"\x7F"
       "ELF",
       "a program (ELF executable), not a text file"},
  };
  for (const Magic& m : kMagics) {
    if (head.substr(0, m.bytes.size()) == m.bytes) return m.what;
  }
  return nullptr;
}

// Throws EncodingError if `data` starts like an obvious binary format.
void RefuseBinaryFormat(std::string_view data, const std::string& name) {
  if (const char* what = BinaryFormat(data)) throw EncodingError(name + ": is " + what, 0);
}

}  // namespace

InputText::InputText(std::string bytes, const std::string& name, const InputOptions& options,
                     Reporter* reporter)
    : name_(name), input_size_(bytes.size()) {
  std::string enc = Lower(options.encoding);
  std::string_view data(bytes);
  RefuseBinaryFormat(data, name);
  bool utf8 = false;
  const char* icu_name = nullptr;
  if (enc == "auto") {
    if (data.substr(0, 3) == "\xEF\xBB\xBF") {
      utf8 = true;
      shift_ = 3;
    } else if (data.substr(0, 2) == "\xFF\xFE") {
      icu_name = "UTF-16LE";
      shift_ = 2;
    } else if (data.substr(0, 2) == "\xFE\xFF") {
      icu_name = "UTF-16BE";
      shift_ = 2;
    } else if (const char* guess =
                   data.find('\0') != std::string_view::npos ? GuessUtf16(data) : nullptr) {
      throw EncodingError(name + ": looks like " + std::string(guess) +
                              " without a byte order mark; pass --encoding " + Lower(guess) +
                              " (or save the file as UTF-8)",
                          0);
    } else {
      utf8 = true;
    }
  } else if (enc == "utf-8" || enc == "utf8") {
    utf8 = true;
    if (data.substr(0, 3) == "\xEF\xBB\xBF") shift_ = 3;
  } else if (enc == "utf-16" || enc == "utf16") {
    if (data.substr(0, 2) == "\xFF\xFE") {
      icu_name = "UTF-16LE";
      shift_ = 2;
    } else if (data.substr(0, 2) == "\xFE\xFF") {
      icu_name = "UTF-16BE";
      shift_ = 2;
    } else {
      icu_name = "UTF-16LE";  // no BOM: little-endian, as Windows writes it
    }
  } else {
    icu_name = options.encoding.c_str();
    if ((enc == "utf-16le" && data.substr(0, 2) == "\xFF\xFE") ||
        (enc == "utf-16be" && data.substr(0, 2) == "\xFE\xFF")) {
      shift_ = 2;
    }
  }

  if (utf8) {
    encoding_ = "UTF-8";
    std::string_view body = data.substr(shift_);
    size_t bad = Utf8InvalidOffset(body);
    if (bad == std::string_view::npos) {
      size_t nul = body.find('\0');
      if (nul != std::string_view::npos) {
        throw EncodingError(name + ": binary data (NUL byte) at " + Where(data, nul + shift_) +
                                "; ancre reads plain text files (UTF-8, UTF-16 with BOM, or "
                                "--encoding NAME)",
                            nul + shift_);
      }
      text_ = std::string(body);
      return;
    }
    if (!options.lenient) {
      throw EncodingError(name + ": invalid UTF-8 at " + Where(data, bad + shift_) +
                              "; if the file is in a legacy encoding pass --encoding windows-1252 "
                              "(or its name), or --lenient to replace bad bytes with U+FFFD",
                          bad + shift_);
    }
    // Lenient: replace every invalid sequence with U+FFFD and keep a map.
    size_t replaced = 0;
    text_.reserve(body.size());
    size_t i = 0;
    while (i < body.size()) {
      size_t len = Utf8SequenceLength(body, i);
      map_.emplace_back(text_.size(), i + shift_);
      if (len == 0) {
        if (reporter)
          reporter->BadRecord(name + ": " + Where(data, i + shift_),
                              "invalid UTF-8 replaced with U+FFFD");
        ++replaced;
        text_.append("\xEF\xBF\xBD");
        ++i;
      } else if (body[i] == '\0') {
        throw EncodingError(name + ": binary data (NUL byte) at " + Where(data, i + shift_) +
                                "; ancre reads plain text files",
                            i + shift_);
      } else {
        text_.append(body.substr(i, len));
        i += len;
      }
    }
    (void)replaced;
    return;
  }

  // Any other encoding: ICU converter, with the source offset of every UTF-16 unit.
  UErrorCode status = U_ZERO_ERROR;
  ConverterHandle conv(ucnv_open(icu_name, &status));
  if (U_FAILURE(status)) {
    throw Error(name + ": unknown encoding '" + options.encoding +
                "'; use an ICU converter name such as utf-8, utf-16le, windows-1252, iso-8859-15");
  }
  encoding_ = ucnv_getName(conv.get(), &status);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::string_view body = data.substr(shift_);
  std::vector<UChar> units(body.size() * 2 + 16);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = body.data();
  status = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source,
                 body.data() + body.size(), offsets.data(), true, &status);
  if (U_FAILURE(status)) {
    size_t at = static_cast<size_t>(source - body.data()) + shift_;
    throw EncodingError(
        name + ": not valid " + encoding_ + " at byte " + std::to_string(at) + "; check --encoding",
        at);
  }
  size_t n = static_cast<size_t>(target - units.data());
  text_.reserve(n * 2);
  map_.reserve(n);
  for (size_t k = 0; k < n;) {
    char32_t cp = units[k];
    size_t src = static_cast<size_t>(offsets[k]) + shift_;
    if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < n && units[k + 1] >= 0xDC00 &&
        units[k + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[k + 1] - 0xDC00);
      k += 2;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      throw EncodingError(name + ": lone surrogate at byte " + std::to_string(src) +
                              "; the file is not valid " + encoding_,
                          src);
    } else {
      ++k;
    }
    if (cp == 0) {
      throw EncodingError(name + ": binary data (NUL character) at byte " + std::to_string(src) +
                              "; ancre reads plain text files",
                          src);
    }
    map_.emplace_back(text_.size(), src);
    AppendUtf8(cp, &text_);
  }
}

size_t InputText::ToInputOffset(size_t utf8_offset) const {
  if (utf8_offset >= text_.size()) return input_size_;
  if (map_.empty()) return utf8_offset + shift_;
  auto it =
      std::upper_bound(map_.begin(), map_.end(), utf8_offset,
                       [](size_t v, const std::pair<size_t, size_t>& e) { return v < e.first; });
  --it;  // map_ starts at utf8 offset 0
  return it->second + (utf8_offset - it->first);
}

size_t InputText::ToUtf8Offset(size_t input_offset) const {
  // ToInputOffset is non-decreasing in its argument: binary search for the
  // first position that maps at or past `input_offset`, then on to a character start.
  size_t lo = 0, hi = text_.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (ToInputOffset(mid) < input_offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  while (lo < text_.size() && (static_cast<unsigned char>(text_[lo]) & 0xC0) == 0x80) ++lo;
  return lo;
}

namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;

std::string Mebibytes(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Reads all of `in` in blocks; `first` sees the first block before more is read.
std::string ReadAllBytes(std::istream& in, const std::string& name,
                         const std::function<void(std::string_view)>& first) {
  std::string data;
  for (bool is_first = true;; is_first = false) {
    const size_t old = data.size();
    data.resize(old + kBlockBytes);
    in.read(data.data() + old, static_cast<std::streamsize>(kBlockBytes));
    data.resize(old + static_cast<size_t>(in.gcount()));
    if (in.bad()) throw IoError(name + ": read error");
    if (is_first && first) first(data);
    if (data.size() > kMaxDocumentBytes) {
      throw IoError(name + ": larger than " + Mebibytes(kMaxDocumentBytes) +
                    ", the most ancre reads as one document; split it (e.g. at chapters)");
    }
    if (data.size() == old) return data;
  }
}

std::string ReadPathBytes(const std::string& path,
                          const std::function<void(std::string_view)>& first) {
  if (path == "-") return ReadAllBytes(std::cin, "stdin", first);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(path + ": cannot open: " + std::strerror(errno) + "; check the path");
  }
  return ReadAllBytes(in, path, first);
}

}  // namespace

void CheckFirstBlock(std::string_view first_block, const std::string& name,
                     const InputOptions& options) {
  RefuseBinaryFormat(first_block, name);
  if (first_block.find('\0') == std::string_view::npos) return;
  // Only where a NUL is binary: UTF-16 (named, or with its BOM) holds NUL bytes.
  const std::string enc = Lower(options.encoding);
  if (enc != "auto" && enc != "utf-8" && enc != "utf8") return;
  if (first_block.substr(0, 2) == "\xFF\xFE" || first_block.substr(0, 2) == "\xFE\xFF") return;
  const size_t nul = first_block.find('\0');
  std::string message = name + ": binary data (NUL byte) at " + Where(first_block, nul) +
                        "; ancre reads plain text files (UTF-8, UTF-16 with BOM, or --encoding "
                        "NAME)";
  if (const char* guess = GuessUtf16(first_block)) {
    message += "; it looks like " + std::string(guess) +
               " without a byte order mark; pass --encoding " + Lower(guess);
  }
  throw EncodingError(message, nul);
}

std::string ReadFileBytes(const std::string& path) { return ReadPathBytes(path, nullptr); }

InputText ReadInput(const std::string& path, const InputOptions& options, Reporter* reporter) {
  const std::string name = path == "-" ? "stdin" : path;
  std::string bytes =
      ReadPathBytes(path, [&](std::string_view first) { CheckFirstBlock(first, name, options); });
  return InputText(std::move(bytes), name, options, reporter);
}

CheckedInputBuf::CheckedInputBuf(std::istream& source, std::string name, InputOptions options)
    : source_(source), name_(std::move(name)), options_(std::move(options)) {}

CheckedInputBuf::int_type CheckedInputBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  offset_ += block_.size();
  block_.resize(kBlockBytes);
  source_.read(block_.data(), static_cast<std::streamsize>(block_.size()));
  block_.resize(static_cast<size_t>(source_.gcount()));
  if (source_.bad()) throw IoError(name_ + ": read error");
  if (first_) {
    first_ = false;
    CheckFirstBlock(block_, name_, options_);
  }
  const size_t nl = block_.find_last_of("\n\r");
  if (nl == std::string::npos) {
    line_bytes_ += block_.size();
  } else {
    line_bytes_ = block_.size() - nl - 1;
  }
  if (line_bytes_ > kMaxLineBytes) {
    throw IoError(name_ + ": a line longer than " + Mebibytes(kMaxLineBytes) + " (at byte " +
                  std::to_string(offset_ + block_.size()) +
                  "), the most ancre reads as one paragraph; is it a text file?");
  }
  if (block_.empty()) return traits_type::eof();
  setg(block_.data(), block_.data(), block_.data() + block_.size());
  return traits_type::to_int_type(*gptr());
}

std::vector<LineSpan> SplitLines(std::string_view text) {
  std::vector<LineSpan> lines;
  if (std::memchr(text.data(), '\r', text.size()) == nullptr) {  // \n only: memchr all the way
    size_t start = 0;
    while (start < text.size()) {
      const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
      size_t end =
          nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
      lines.push_back({start, end});
      start = end + 1;
    }
    return lines;
  }
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back({start, i});
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back({start, text.size()});
  return lines;
}

}  // namespace ancre::text
