// Reading text input: encoding detection and decoding to UTF-8, validation,
// and the map from positions in the decoded UTF-8 back to byte offsets in the
// input as given (so a UTF-16 or windows-1252 file still gets offsets into
// its own bytes).
//
// Usage:
//   ancre::text::InputText in = ancre::text::ReadInput("a.txt", {});
//   size_t original = in.ToInputOffset(utf8_offset);
//
// Thread-safety: InputText is immutable after construction; share freely.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
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

 private:
  std::string text_;
  std::string name_;
  std::string encoding_;
  size_t shift_ = 0;  // BOM length when the map is a constant shift
  // (utf8 offset, input offset) at every code point; empty when identity + shift_.
  std::vector<std::pair<size_t, size_t>> map_;
  size_t input_size_ = 0;
};

// Reads a whole file ("-" = stdin) and decodes it. Throws IoError if it cannot
// be read, plus what InputText's constructor throws.
InputText ReadInput(const std::string& path, const InputOptions& options,
                    Reporter* reporter = nullptr);

// Reads all bytes of a file ("-" = stdin). Throws IoError naming the path.
std::string ReadFileBytes(const std::string& path);

// Splits UTF-8 text into lines on \n, \r\n or \r. Each line's span excludes its
// line terminator. A final line terminator does not start an empty last line.
struct LineSpan {
  size_t begin;
  size_t end;
};
std::vector<LineSpan> SplitLines(std::string_view text);

}  // namespace ancre::text
