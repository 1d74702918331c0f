// The byte-level guard in front of libxml2; see input_guard.h.
#include "tm/tmx/input_guard.h"

#include <cctype>

namespace ancre::tm::internal {

namespace {

bool IsLetter(unsigned c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

}  // namespace

InputGuard::InputGuard(size_t max_attributes) : max_attributes_(max_attributes) {}

// Returns false, with error() set, if the bytes must not be parsed.
bool InputGuard::Feed(const char* data, size_t n) {
  for (size_t k = 0; k < n; ++k) {
    const unsigned char b = static_cast<unsigned char>(data[k]);
    if (header_.size() < 4) {
      header_.push_back(static_cast<char>(b));
      if (header_.size() == 4 && !DetectEncoding()) return false;
      if (header_.size() < 4) continue;
      for (char h : header_) {
        if (!Unit(static_cast<unsigned char>(h))) return false;
      }
      continue;
    }
    if (!Unit(b)) return false;
  }
  return true;
}

// At the end of the input: a file shorter than 4 bytes.
bool InputGuard::Flush() {
  if (header_.size() >= 4) return true;
  std::string h = header_;
  header_ = "xxxx";  // disables detection: what remains is 8-bit
  for (char c : h) {
    if (!Unit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool InputGuard::DetectEncoding() {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(header_[i]); };
  if ((b(0) == 0 && b(1) == 0) || (b(2) == 0 && b(3) == 0 && b(0) != 0 && b(1) == 0) ||
      (b(0) == 0x4C && b(1) == 0x6F)) {
    return Refuse("UCS-4 and EBCDIC encodings are not supported; convert the file to UTF-8");
  }
  if ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0x3C && b(1) == 0)) width_ = kUtf16Le;
  if ((b(0) == 0xFE && b(1) == 0xFF) || (b(0) == 0 && b(1) == 0x3C)) width_ = kUtf16Be;
  return true;
}

// Takes one byte; combines UTF-16 code units.
bool InputGuard::Unit(unsigned char b) {
  if (width_ == k8Bit) return Char(b);
  if (!have_half_) {
    half_ = b;
    have_half_ = true;
    return true;
  }
  have_half_ = false;
  const unsigned cu = width_ == kUtf16Le ? (half_ | (b << 8)) : ((half_ << 8) | b);
  return Char(cu);
}

bool InputGuard::Refuse(const std::string& what) {
  error_ = what;
  return false;
}

bool InputGuard::CheckEncodingDecl() {
  // <?xml version="1.0" encoding="..."?>: the declared encoding must keep
  // ASCII characters as single bytes (or be UTF-16, detected above).
  const size_t at = pi_.find("encoding");
  if (pi_.rfind("xml", 0) != 0 || at == std::string::npos) return true;
  size_t q = pi_.find_first_of("\"'", at);
  if (q == std::string::npos) return true;
  const size_t end = pi_.find(pi_[q], q + 1);
  std::string enc = pi_.substr(q + 1, end == std::string::npos ? std::string::npos : end - q - 1);
  for (char& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* kAllowed[] = {"utf-8",       "utf8",  "utf-16",    "utf-16le", "utf-16be",
                                   "us-ascii",    "ascii", "iso-8859-", "iso8859-", "latin",
                                   "windows-125", "cp125", "macintosh", "macroman"};
  for (const char* a : kAllowed) {
    if (enc.rfind(a, 0) == 0) return true;
  }
  return Refuse("encoding \"" + enc + "\" is not supported; convert the file to UTF-8");
}

bool InputGuard::Char(unsigned c) {
  if (c == '\n') ++line_;
  switch (state_) {
    case kText:
      if (c == '<') state_ = kLt;
      break;
    case kLt:
      if (c == '!') {
        state_ = kBang;
      } else if (c == '?') {
        state_ = kPi;
        pi_.clear();
        pi_prev_ = 0;
      } else {
        attributes_ = 0;
        state_ = (IsLetter(c) || c == '_' || c == ':' || c >= 0x80) ? kTag : kText;
      }
      break;
    case kBang:
      if (c == '-') {
        state_ = kBangDash;
      } else if (IsLetter(c)) {
        name_.assign(1, static_cast<char>(c));
        state_ = kDeclName;
      } else if (c == '[' && !in_doctype_) {
        state_ = kCdata;
        dashes_ = 0;
      } else {
        state_ = kDecl;
      }
      break;
    case kBangDash:
      state_ = c == '-' ? kComment : kDecl;
      dashes_ = 0;
      break;
    case kComment:
      if (c == '-') {
        ++dashes_;
      } else {
        if (c == '>' && dashes_ >= 2) state_ = kText;
        dashes_ = 0;
      }
      break;
    case kPi:
      if (c == '>' && pi_prev_ == '?') {
        state_ = kText;
        if (!seen_pi_ && !CheckEncodingDecl()) return false;
        seen_pi_ = true;
      } else if (pi_.size() < 256) {
        pi_.push_back(c < 0x80 ? static_cast<char>(c) : '?');
      }
      pi_prev_ = c;
      break;
    case kDeclName:
      if (IsLetter(c)) {
        if (name_.size() < 16) name_.push_back(static_cast<char>(c));
        break;
      }
      if (name_ == "ENTITY") {
        return Refuse(
            "the DOCTYPE declares entities, which TMX does not use and which can expand "
            "without bound; remove the <!ENTITY> declarations");
      }
      in_doctype_ = name_ == "DOCTYPE";
      state_ = kDecl;
      return Char(c);
    case kDecl:
      if (c == '"' || c == '\'') {
        quote_ = c;
        state_ = kDeclQuote;
      } else if (c == '[' && in_doctype_) {
        in_doctype_ = false;  // the internal subset: declarations again
        state_ = kText;
      } else if (c == '>') {
        in_doctype_ = false;
        state_ = kText;
      }
      break;
    case kDeclQuote:
      if (c == quote_) state_ = kDecl;
      break;
    case kTag:
      if (c == '"' || c == '\'') {
        quote_ = c;
        state_ = kTagQuote;
      } else if (c == '=' && ++attributes_ > max_attributes_) {
        return Refuse("an element has more than " + std::to_string(max_attributes_) +
                      " attributes; TMX elements have at most a dozen: fix the file");
      } else if (c == '>') {
        state_ = kText;
      }
      break;
    case kTagQuote:
      if (c == quote_) state_ = kTag;
      break;
    case kCdata:  // ends at "]]>"; dashes_ counts the ']'
      if (c == ']') {
        ++dashes_;
      } else {
        if (c == '>' && dashes_ >= 2) state_ = kText;
        dashes_ = 0;
      }
      break;
  }
  return true;
}

}  // namespace ancre::tm::internal
