#include "tm/tmx_reader.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "src/core/error.h"
#include "tm/language_tag.h"
#include "tm/tmx_text.h"

namespace ancre::tm {
namespace {

// ---------------------------------------------------------------------------
// RAII owners for libxml2 handles. xmlFree*(NULL) are no-ops.

struct TextReaderFree {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};
struct DocFree {
  void operator()(xmlDocPtr d) const { xmlFreeDoc(d); }
};
struct ParserCtxtFree {
  void operator()(xmlParserCtxtPtr c) const { xmlFreeParserCtxt(c); }
};
struct BufferFree {
  void operator()(xmlBufferPtr b) const { xmlBufferFree(b); }
};
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};
using TextReaderHandle = std::unique_ptr<xmlTextReader, TextReaderFree>;
using DocHandle = std::unique_ptr<xmlDoc, DocFree>;
using ParserCtxtHandle = std::unique_ptr<xmlParserCtxt, ParserCtxtFree>;
using BufferHandle = std::unique_ptr<xmlBuffer, BufferFree>;
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

// Options for every parse: never the network, CDATA as text, line numbers
// past 65535 kept on text nodes. Deliberately absent: XML_PARSE_NOENT
// (substitutes entities), XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (load the
// external DTD), XML_PARSE_HUGE (lifts libxml2's size limits).
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;

const char* Str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }
bool NameIs(xmlNodePtr n, const char* name) { return std::strcmp(Str(n->name), name) == 0; }

std::string TakeString(xmlChar* s) {
  XmlString owner(s);
  return s ? std::string(Str(s)) : std::string();
}

std::string Attr(xmlNodePtr n, const char* name) {
  return TakeString(xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name)));
}

// xml:lang, or TMX 1.1-1.3's deprecated lang.
std::string LangAttr(xmlNodePtr n) {
  std::string lang =
      TakeString(xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("lang"), XML_XML_NAMESPACE));
  if (lang.empty()) lang = Attr(n, "lang");
  return lang;
}

// libxml2 keeps element line numbers in 16 bits (65535 = "or more"); with
// XML_PARSE_BIG_LINES text nodes keep the full number, so past that line the
// nearest text node inside or after the element stands in.
size_t LineOf(xmlNodePtr n) {
  const long line = xmlGetLineNo(n);
  if (line > 0 && line < 65535) return static_cast<size_t>(line);
  for (xmlNodePtr p = n; p != nullptr; p = p->next) {
    for (xmlNodePtr t = p; t != nullptr; t = t->children) {
      if (t->type == XML_TEXT_NODE) return static_cast<size_t>(std::max(0L, xmlGetLineNo(t)));
    }
  }
  return line > 0 ? static_cast<size_t>(line) : 0;
}

std::string Where(xmlNodePtr n) { return "line " + std::to_string(LineOf(n)); }

// Appends the text children of a <prop> or <note>.
void AppendText(xmlNodePtr parent, std::string* out, std::string* problem) {
  for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) out->append(Str(c->content));
    } else if (c->type == XML_ENTITY_REF_NODE && problem->empty()) {
      *problem = "entity reference &" + std::string(Str(c->name)) + "; (" + Where(c) +
                 ") is not defined by TMX; write the character itself";
    }
  }
}

// ---------------------------------------------------------------------------
// <seg> content: plain text for matching, and checks of the inline markup.

bool IsCode(xmlNodePtr n) {
  return NameIs(n, "bpt") || NameIs(n, "ept") || NameIs(n, "it") || NameIs(n, "ph") ||
         NameIs(n, "ut");
}

struct SegWalk {
  std::string text;
  bool has_elements = false;
  std::set<std::string> open;  // i of each <bpt> not yet closed
  std::string problem;
  void Problem(std::string what) {
    if (problem.empty()) problem = std::move(what);
  }
};

// Walks the children of parent. in_code: parent is a native code element
// (bpt, ept, it, ph, ut), whose text is not translatable and which may hold
// only <sub>. in_sub: inside a <sub>, whose text is a separate flow.
void WalkSeg(xmlNodePtr parent, bool in_code, bool in_sub, SegWalk* w) {
  for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
    switch (c->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (!in_code && !in_sub && c->content) w->text.append(Str(c->content));
        break;
      case XML_ENTITY_REF_NODE:
        w->Problem("entity reference &" + std::string(Str(c->name)) + "; (" + Where(c) +
                   ") is not defined by TMX; write the character itself");
        break;
      case XML_ELEMENT_NODE: {
        w->has_elements = true;
        const std::string name = Str(c->name);
        if (in_code) {
          if (name != "sub") {
            w->Problem("<" + name + "> (" + Where(c) + ") is not allowed inside a native code; " +
                       "only <sub> is");
          }
          WalkSeg(c, false, true, w);
        } else if (name == "bpt" || name == "ept") {
          const std::string i = Attr(c, "i");
          if (i.empty()) {
            w->Problem("<" + name + "> (" + Where(c) + ") has no i attribute");
          } else if (name == "bpt" && !w->open.insert(i).second) {
            w->Problem("duplicate <bpt i=\"" + i + "\"> (" + Where(c) + ")");
          } else if (name == "ept" && w->open.erase(i) == 0) {
            w->Problem("<ept i=\"" + i + "\"> (" + Where(c) + ") has no <bpt i=\"" + i +
                       "\"> before it");
          }
          WalkSeg(c, true, in_sub, w);
        } else if (IsCode(c)) {
          WalkSeg(c, true, in_sub, w);
        } else if (name == "hi" || name == "sub") {
          WalkSeg(c, false, in_sub, w);
        } else {
          w->Problem("<" + name + "> (" + Where(c) + ") is not a TMX inline element");
        }
        break;
      }
      default:  // comments, processing instructions
        break;
    }
  }
}

void FinishWalk(SegWalk* w) {
  for (const std::string& i : w->open) {
    w->Problem("<bpt i=\"" + i + "\"> is never closed by an <ept i=\"" + i + "\">");
  }
}

// The content of seg as XML (libxml2's serialization: UTF-8, '<', '>' and
// '&' escaped), trimmed like the text.
std::string SerializeChildren(xmlNodePtr seg) {
  BufferHandle buf(xmlBufferCreate());
  if (!buf) throw std::bad_alloc();
  for (xmlNodePtr c = seg->children; c != nullptr; c = c->next) {
    xmlNodeDump(buf.get(), seg->doc, c, 0, 0);
  }
  const char* content = Str(xmlBufferContent(buf.get()));
  return std::string(TrimSpace(content ? content : ""));
}

// Props and notes seen so far in one <tu>, against TmxLimits.
struct UnitBudget {
  size_t props = 0;
  size_t notes = 0;
  // True if one more `what` fits; else sets the unit's problem once.
  bool Take(size_t* count, size_t max, const char* what, xmlNodePtr at, TmxUnit* unit) {
    if (++*count <= max) return true;
    if (*count == max + 1) {
      unit->problem = "more than " + std::to_string(max) + " <" + what + "> in one <tu> (" +
                      Where(at) + "); ancre reads at most " + std::to_string(max) +
                      " per unit: remove the surplus";
    }
    return false;
  }
};

void ParseVariant(xmlNodePtr tuv, TmxUnit* unit, UnitBudget* budget) {
  Variant v;
  const std::string lang = LangAttr(tuv);
  v.lang = NormalizeLanguageTag(lang);
  std::string problem;
  if (v.lang.empty()) problem = "<tuv> (" + Where(tuv) + ") has no xml:lang";
  bool has_seg = false;
  for (xmlNodePtr c = tuv->children; c != nullptr; c = c->next) {
    if (c->type == XML_ENTITY_REF_NODE && problem.empty()) {
      problem = "entity reference &" + std::string(Str(c->name)) + "; (" + Where(c) +
                ") is not defined by TMX";
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    if (NameIs(c, "prop")) {
      if (!budget->Take(&budget->props, TmxLimits::kMaxProps, "prop", c, unit)) continue;
      Prop p{Attr(c, "type"), {}};
      AppendText(c, &p.value, &problem);
      v.props.push_back(std::move(p));
    } else if (NameIs(c, "note")) {
      if (!budget->Take(&budget->notes, TmxLimits::kMaxNotes, "note", c, unit)) continue;
      std::string note;
      AppendText(c, &note, &problem);
      v.notes.push_back(std::move(note));
    } else if (NameIs(c, "seg") && !has_seg) {
      has_seg = true;
      SegWalk w;
      WalkSeg(c, false, false, &w);
      FinishWalk(&w);
      if (!w.problem.empty() && problem.empty()) {
        problem = "<seg> in " + (v.lang.empty() ? std::string("?") : v.lang) + ": " + w.problem;
      }
      v.text = std::string(TrimSpace(w.text));
      if (w.has_elements) v.markup = SerializeChildren(c);
    }
  }
  if (!has_seg && problem.empty()) problem = "<tuv> (" + Where(tuv) + ") has no <seg>";
  if (!problem.empty() && unit->problem.empty()) unit->problem = problem;
  unit->variants.push_back(std::move(v));
}

void ParseUnit(xmlNodePtr tu, TmxUnit* unit) {
  unit->line = LineOf(tu);
  unit->tuid = Attr(tu, "tuid");
  unit->creation_date = Attr(tu, "creationdate");
  const std::string srclang = Attr(tu, "srclang");
  unit->srclang = srclang == "*all*" ? srclang : NormalizeLanguageTag(srclang);
  UnitBudget budget;
  size_t variants = 0;
  for (xmlNodePtr c = tu->children; c != nullptr; c = c->next) {
    if (c->type == XML_ENTITY_REF_NODE && unit->problem.empty()) {
      unit->problem = "entity reference &" + std::string(Str(c->name)) + "; (" + Where(c) +
                      ") is not defined by TMX";
    }
    if (c->type != XML_ELEMENT_NODE) continue;
    if (NameIs(c, "prop")) {
      if (!budget.Take(&budget.props, TmxLimits::kMaxProps, "prop", c, unit)) continue;
      Prop p{Attr(c, "type"), {}};
      AppendText(c, &p.value, &unit->problem);
      unit->props.push_back(std::move(p));
    } else if (NameIs(c, "note")) {
      if (!budget.Take(&budget.notes, TmxLimits::kMaxNotes, "note", c, unit)) continue;
      std::string note;
      AppendText(c, &note, &unit->problem);
      unit->notes.push_back(std::move(note));
    } else if (NameIs(c, "tuv")) {
      if (!budget.Take(&variants, TmxLimits::kMaxVariants, "tuv", c, unit)) continue;
      const size_t before = unit->variants.size();
      ParseVariant(c, unit, &budget);
      // No date on the <tu> (TMX 1.1 tools put it on each <tuv>): take the first.
      if (unit->creation_date.empty() && unit->variants.size() > before) {
        unit->creation_date = Attr(c, "creationdate");
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Byte sources and the prolog guard.

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes; returns how many (0 at the end), or -1 with errno set.
  virtual long Read(char* buf, size_t n) = 0;
};

class FdSource : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override {
    if (owned_) close(fd_);
  }
  long Read(char* buf, size_t n) override {
    for (;;) {
      const ssize_t got = read(fd_, buf, n);
      if (got >= 0 || errno != EINTR) return static_cast<long>(got);
    }
  }

 private:
  int fd_;
  bool owned_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  long Read(char* buf, size_t n) override {
    const size_t k = std::min(n, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return static_cast<long>(k);
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Scans the bytes as libxml2 receives them. Before the root element, refuses
// a DOCTYPE that declares entities. libxml2 2.9 bounds nested entity
// expansion but not one large entity repeated in an attribute value
// (quadratic blowup), and it expands before the reader sees the DOCTYPE, so
// the check has to happen here. Also refuses encodings whose bytes could hide
// markup from this scan (UTF-7, UCS-4, EBCDIC). In every start tag, counts
// the attributes ('=' outside quoted values) and refuses more than
// TmxLimits::kMaxAttributes: libxml2 2.9 compares each attribute with every
// other (100,000 attributes: over a minute), again before the reader sees them.
class InputGuard {
 public:
  // Returns false, with error() set, if the bytes must not be parsed.
  bool Feed(const char* data, size_t n) {
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
  bool Flush() {
    if (header_.size() >= 4) return true;
    std::string h = header_;
    header_ = "xxxx";  // disables detection: what remains is 8-bit
    for (char c : h) {
      if (!Unit(static_cast<unsigned char>(c))) return false;
    }
    return true;
  }
  const std::string& error() const { return error_; }
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

  bool DetectEncoding() {
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
  bool Unit(unsigned char b) {
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

  bool Refuse(const std::string& what) {
    error_ = what;
    return false;
  }

  static bool IsLetter(unsigned c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

  bool CheckEncodingDecl() {
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

  bool Char(unsigned c) {
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
        } else if (c == '=' && ++attributes_ > TmxLimits::kMaxAttributes) {
          return Refuse("an element has more than " + std::to_string(TmxLimits::kMaxAttributes) +
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

}  // namespace

// ---------------------------------------------------------------------------

struct TmxReader::Impl {
  std::string name;
  std::unique_ptr<ByteSource> source;
  InputGuard guard;
  std::string io_error;
  bool guard_failed = false;
  // The last error libxml2 reported (the fatal one comes last).
  std::string xml_error;
  size_t xml_line = 0;
  size_t xml_column = 0;
  bool xml_fatal = false;
  TmxHeader header;
  bool pending_skip = false;
  bool done = false;
  // Declared last: destroyed first, while the source it reads is alive.
  TextReaderHandle reader;

  static int ReadCallback(void* context, char* buffer, int len) {
    auto* self = static_cast<Impl*>(context);
    if (len <= 0) return 0;
    const long got = self->source->Read(buffer, static_cast<size_t>(len));
    if (got < 0) {
      self->io_error = std::strerror(errno);
      return -1;
    }
    const bool ok =
        got == 0 ? self->guard.Flush() : self->guard.Feed(buffer, static_cast<size_t>(got));
    if (!ok) {
      self->guard_failed = true;
      return -1;
    }
    return static_cast<int>(got);
  }

  static int CloseCallback(void*) { return 0; }  // the source is owned by Impl

  static void ErrorCallback(void* context, xmlErrorPtr error) {
    auto* self = static_cast<Impl*>(context);
    if (error == nullptr || error->level < XML_ERR_ERROR) return;
    if (self->xml_fatal && error->level != XML_ERR_FATAL) return;
    self->xml_fatal = error->level == XML_ERR_FATAL;
    std::string message = error->message ? error->message : "unknown XML error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    self->xml_error = message;
    self->xml_line = error->line > 0 ? static_cast<size_t>(error->line) : 0;
    self->xml_column = error->int2 > 0 ? static_cast<size_t>(error->int2) : 0;
  }

  // Throws the error behind a failed libxml2 call.
  [[noreturn]] void Fail() const {
    if (guard_failed) throw ParseError(name, guard.line(), 0, guard.error());
    if (!io_error.empty()) throw IoError(name + ": cannot read: " + io_error);
    if (!xml_error.empty()) {
      throw ParseError(name, xml_line, xml_column,
                       "not well-formed XML: " + xml_error + "; fix the file and import it again");
    }
    throw ParseError(name, 0, 0, "cannot parse the file as XML");
  }

  // Moves to the next node (skipping the current subtree after an Expand).
  // Returns false at the end of the document.
  bool Advance() {
    const int rc = pending_skip ? xmlTextReaderNext(reader.get()) : xmlTextReaderRead(reader.get());
    pending_skip = false;
    if (rc < 0 || guard_failed || !io_error.empty()) Fail();
    return rc == 1;
  }

  int Type() const { return xmlTextReaderNodeType(reader.get()); }
  int Depth() const { return xmlTextReaderDepth(reader.get()); }
  std::string LocalName() const {
    const xmlChar* n = xmlTextReaderConstLocalName(reader.get());
    return n ? Str(n) : "";
  }
  xmlNodePtr Expand() {
    xmlNodePtr n = xmlTextReaderExpand(reader.get());
    if (n == nullptr) Fail();
    pending_skip = true;
    return n;
  }

  void ReadHeader(xmlNodePtr h) {
    header.srclang = Attr(h, "srclang");
    if (header.srclang != "*all*") header.srclang = NormalizeLanguageTag(header.srclang);
    header.creation_tool = Attr(h, "creationtool");
    header.creation_tool_version = Attr(h, "creationtoolversion");
    header.segtype = Attr(h, "segtype");
    header.o_tmf = Attr(h, "o-tmf");
    header.adminlang = Attr(h, "adminlang");
    header.datatype = Attr(h, "datatype");
    header.creation_date = Attr(h, "creationdate");
    std::string ignored;
    for (xmlNodePtr c = h->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      if (NameIs(c, "prop")) {
        Prop p{Attr(c, "type"), {}};
        AppendText(c, &p.value, &ignored);
        header.props.push_back(std::move(p));
      } else if (NameIs(c, "note")) {
        std::string note;
        AppendText(c, &note, &ignored);
        header.notes.push_back(std::move(note));
      }
    }
  }

  // Reads the prolog, the root and the header; stops inside <body>.
  void Start() {
    bool root_seen = false;
    bool header_seen = false;
    while (Advance()) {
      const int type = Type();
      const int depth = Depth();
      if (type != XML_READER_TYPE_ELEMENT) continue;
      const std::string local = LocalName();
      if (depth == 0) {
        if (local != "tmx") {
          throw ParseError(name,
                           static_cast<size_t>(xmlTextReaderGetParserLineNumber(reader.get())), 0,
                           "the root element is <" + local + ">, not <tmx>: not a TMX file");
        }
        root_seen = true;
        header.version = TakeString(
            xmlTextReaderGetAttribute(reader.get(), reinterpret_cast<const xmlChar*>("version")));
      } else if (depth == 1 && local == "header") {
        ReadHeader(Expand());
        header_seen = true;
      } else if (depth == 1 && local == "body") {
        if (!header_seen) {
          throw ParseError(name, LineOf(xmlTextReaderCurrentNode(reader.get())), 0,
                           "<body> comes without a <header>: not a TMX file");
        }
        if (xmlTextReaderIsEmptyElement(reader.get()) == 1) done = true;
        return;
      } else if (depth == 1) {
        Expand();  // skip unknown elements
      }
    }
    if (!root_seen) throw ParseError(name, 0, 0, "no <tmx> element: not a TMX file");
    throw ParseError(name, 0, 0, "no <body> element: not a TMX file");
  }
};

TmxReader::TmxReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmxReader::~TmxReader() = default;

namespace {

std::unique_ptr<TmxReader::Impl> MakeImpl(std::unique_ptr<ByteSource> source,
                                          const std::string& name) {
  auto impl = std::make_unique<TmxReader::Impl>();
  impl->name = name;
  impl->source = std::move(source);
  impl->reader.reset(xmlReaderForIO(&TmxReader::Impl::ReadCallback, &TmxReader::Impl::CloseCallback,
                                    impl.get(), name.c_str(), nullptr, kParseOptions));
  if (!impl->reader) {
    if (impl->guard_failed || !impl->io_error.empty()) impl->Fail();
    throw Error(name + ": cannot create an XML reader (out of memory?)");
  }
  xmlTextReaderSetStructuredErrorHandler(impl->reader.get(), &TmxReader::Impl::ErrorCallback,
                                         impl.get());
  impl->Start();
  return impl;
}

}  // namespace

std::unique_ptr<TmxReader> TmxReader::Open(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::unique_ptr<ByteSource> source;
  if (name == "-") {
    source = std::make_unique<FdSource>(STDIN_FILENO, false);
  } else {
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      throw IoError(name + ": cannot open: " + std::strerror(errno) + "; check the path");
    }
    source = std::make_unique<FdSource>(fd, true);
  }
  return std::unique_ptr<TmxReader>(new TmxReader(MakeImpl(std::move(source), name)));
}

std::unique_ptr<TmxReader> TmxReader::FromMemory(std::string_view xml, const std::string& name) {
  return std::unique_ptr<TmxReader>(
      new TmxReader(MakeImpl(std::make_unique<MemorySource>(xml), name)));
}

const std::string& TmxReader::name() const { return impl_->name; }
const TmxHeader& TmxReader::header() const { return impl_->header; }

bool TmxReader::Next(TmxUnit* unit) {
  Impl& im = *impl_;
  if (im.done) return false;
  while (im.Advance()) {
    const int type = im.Type();
    if (type != XML_READER_TYPE_ELEMENT || im.Depth() != 2) continue;
    xmlNodePtr node = im.Expand();
    if (im.LocalName() != "tu") continue;  // not TMX: skipped
    *unit = TmxUnit{};
    ParseUnit(node, unit);
    return true;
  }
  im.done = true;
  return false;
}

std::string CheckSegMarkup(std::string_view markup) {
  std::string xml = "<seg>";
  xml.append(markup);
  xml.append("</seg>");
  ParserCtxtHandle ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  DocHandle doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "seg",
                                  "UTF-8",
                                  kParseOptions | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string message = e && e->message ? e->message : "not well-formed";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return "not well-formed XML: " + message;
  }
  SegWalk w;
  WalkSeg(xmlDocGetRootElement(doc.get()), false, false, &w);
  FinishWalk(&w);
  return w.problem;
}

}  // namespace ancre::tm
