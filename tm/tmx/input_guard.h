// InputGuard: the byte-level check TmxReader puts in front of libxml2, for
// hostile input. It scans the bytes as libxml2 receives them and refuses:
// - before the root element, a DOCTYPE that declares entities. libxml2 2.9
//   bounds nested entity expansion but not one large entity repeated in an
//   attribute value (quadratic blowup), and it expands before the reader sees
//   the DOCTYPE, so the check has to happen on the bytes;
// - encodings whose bytes could hide markup from this scan (UTF-7, UCS-4,
//   EBCDIC, or any declared encoding that does not keep ASCII as single
//   bytes); UTF-16 with or without BOM is read code unit by code unit;
// - a start tag with more than max_attributes attributes ('=' outside quoted
//   values): libxml2 2.9 compares each attribute with every other (100,000
//   attributes: over a minute), again before the reader sees them.
// It keeps a few bytes of state, whatever the input's size.
//
// Private to tm/tmx/. Thread-safety: one guard per input, used by one thread.
#pragma once

#include <cstddef>
#include <string>

namespace ancre::tm::internal {

class InputGuard {
 public:
  // max_attributes: the most attributes one start tag may have.
  explicit InputGuard(size_t max_attributes);

  // Takes the next n bytes of the input. Returns false, with error() set, if
  // the input must not be parsed (then feed it no more).
  bool Feed(const char* data, size_t n);
  // At the end of the input (a file shorter than 4 bytes is checked here).
  // Returns false, with error() set, as Feed.
  bool Flush();

  // Why the input was refused (what to fix); "" while it is accepted.
  const std::string& error() const { return error_; }
  // The line (1-based) of the last byte taken.
  size_t line() const { return line_; }

 private:
  enum State {
    kText,
    kLt,
    kBang,
    kBangDash,
    kDeclName,
    kDecl,
    kDeclQuote,
    kComment,
    kPi,
    kTag,       // in a start tag
    kTagQuote,  // in an attribute value
    kCdata,     // in <![CDATA[ ... ]]>
  };
  enum Width { k8Bit, kUtf16Le, kUtf16Be };

  bool DetectEncoding();
  // Takes one byte; combines UTF-16 code units.
  bool Unit(unsigned char b);
  bool Refuse(const std::string& what);
  bool CheckEncodingDecl();
  bool Char(unsigned c);

  size_t max_attributes_;
  std::string header_;
  Width width_ = k8Bit;
  bool have_half_ = false;
  unsigned half_ = 0;
  State state_ = kText;
  std::string name_;
  std::string pi_;
  unsigned pi_prev_ = 0;
  bool seen_pi_ = false;
  bool in_doctype_ = false;
  unsigned quote_ = 0;
  int dashes_ = 0;
  size_t attributes_ = 0;
  size_t line_ = 1;
  std::string error_;
};

}  // namespace ancre::tm::internal
