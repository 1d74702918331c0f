// Reading text input: encoding detection and decoding to UTF-8, validation,
// and the map from positions in the decoded UTF-8 back to byte offsets in the
// input as given (so a UTF-16 or windows-1252 file still gets offsets into
// its own bytes).
//
// Usage (given size_t utf8_offset):
//   ancre::text::InputText in = ancre::text::ReadInput("a.txt", {});
//   size_t original = in.ToInputOffset(utf8_offset);
//
// Thread-safety: InputText is immutable after construction; share freely.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace ancre {
class Reporter;
}

namespace ancre::text {

struct InputOptions {
  // "auto" (BOM, else UTF-8; UTF-16 without BOM is recognized and refused with a hint), "utf-8",
  // "utf-16", "utf-16le", "utf-16be", or any ICU converter name ("windows-1252", "latin1").
  std::string encoding = "auto";
  // Replace invalid UTF-8 with U+FFFD (reported to `reporter`) instead of failing.
  bool lenient = false;
};

// Decoded input. For UTF-8 input (with or without BOM) the text is the input's
// own bytes and offsets map by a constant shift; otherwise a sparse map is kept.
class InputText {
 public:
  InputText() = default;
  // Decodes `bytes` (the whole input). `name` is used in error messages.
  // Throws EncodingError (invalid UTF-8 with its byte offset; binary input),
  // Error (unknown encoding). Invalid sequences go to `reporter` when lenient.
  InputText(std::string bytes, const std::string& name, const InputOptions& options,
            Reporter* reporter = nullptr);

  const std::string& utf8() const { return text_; }
  const std::string& name() const { return name_; }
  const std::string& encoding() const { return encoding_; }  // as detected, e.g. "UTF-8"
  // Byte offset in the input as given of the character that starts at
  // `utf8_offset` in utf8() (utf8().size() maps to the input's size).
  size_t ToInputOffset(size_t utf8_offset) const;
  // The inverse: the offset in utf8() of the first character whose input
  // offset is `input_offset` or more (utf8().size() past the end).
  size_t ToUtf8Offset(size_t input_offset) const;

 private:
  std::string text_;
  std::string name_;
  std::string encoding_;
  size_t shift_ = 0;  // BOM length when the map is a constant shift
  // (utf8 offset, input offset) at every code point; empty when identity + shift_.
  std::vector<std::pair<size_t, size_t>> map_;
  size_t input_size_ = 0;
};

// Limits on input, far above any real document (a long novel is 1 MiB) and
// low enough that memory stays bounded on unbounded input (/dev/zero, a file
// of blank lines): inputs read whole (align, report, anchors, analyze, and
// the manifests and word lists options name, and what segment decodes whole:
// --encoding other than UTF-8, --lenient) stop at kMaxDocumentBytes; a line
// read by streaming (segment) stops at kMaxLineBytes, and a paragraph of
// lines with no blank line between them (segment --paragraphs blank) at
// kMaxParagraphBytes. All are refused with an error naming the file and the
// limit.
inline constexpr size_t kMaxDocumentBytes = size_t{64} << 20;   // 64 MiB
inline constexpr size_t kMaxLineBytes = size_t{64} << 20;       // 64 MiB
inline constexpr size_t kMaxParagraphBytes = size_t{64} << 20;  // 64 MiB

// Throws EncodingError (naming `name`, the NUL's line and column, and the
// --encoding to pass when the block looks like UTF-16 without BOM) if
// `first_block` (the start of an input) holds a NUL byte in UTF-8 ("auto",
// "utf-8"): binary input is refused on its first block, before more is read.
// A file in an obvious binary format (ZIP — DOCX, ODT, EPUB —, PDF, an Office
// 97-2003 document, a SQLite database, an image) is refused whatever the
// encoding, with what it is and what to do (InputText's constructor does the
// same).
void CheckFirstBlock(std::string_view first_block, const std::string& name,
                     const InputOptions& options);

// Reads a whole file ("-" = stdin) and decodes it. Throws IoError if it cannot
// be read or is larger than kMaxDocumentBytes, EncodingError as soon as its
// first block is binary, plus what InputText's constructor throws.
InputText ReadInput(const std::string& path, const InputOptions& options,
                    Reporter* reporter = nullptr);

// Reads all bytes of a file ("-" = stdin). Throws IoError naming the path if it
// cannot be read or is larger than kMaxDocumentBytes.
std::string ReadFileBytes(const std::string& path);

// A stream buffer over `source` (which must outlive it) that refuses, by
// throwing from its reads, binary input on the first block (CheckFirstBlock)
// and a line longer than kMaxLineBytes (IoError naming `name` and the limit).
// Read it through a std::istream with exceptions(std::ios::badbit) set, so
// that the error reaches the caller instead of a bare "read error".
class CheckedInputBuf : public std::streambuf {
 public:
  CheckedInputBuf(std::istream& source, std::string name, InputOptions options);

 protected:
  int_type underflow() override;

 private:
  std::istream& source_;
  std::string name_;
  InputOptions options_;
  std::string block_;
  bool first_ = true;
  size_t line_bytes_ = 0;  // bytes since the last line break
  size_t offset_ = 0;      // bytes before block_
};

// Splits UTF-8 text into lines on \n, \r\n or \r. Each line's span excludes its
// line terminator. A final line terminator does not start an empty last line.
struct LineSpan {
  size_t begin;
  size_t end;
};
std::vector<LineSpan> SplitLines(std::string_view text);

}  // namespace ancre::text
