#include "tm/tmx/reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "tm/tmx/input_guard.h"
#include "tm/tmx/text.h"
#include "tm/tmx/xml_internal.h"

namespace ancre::tm {

using internal::Attr;
using internal::LangAttr;
using internal::LineOf;
using internal::NameIs;
using internal::Str;
using internal::TakeString;
using internal::TextReaderHandle;
using internal::Where;

namespace {

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
      internal::SegContent seg = internal::ReadSeg(c);
      if (!seg.problem.empty() && problem.empty()) {
        problem = "<seg> in " + (v.lang.empty() ? std::string("?") : v.lang) + ": " + seg.problem;
      }
      v.text = std::move(seg.text);
      v.markup = std::move(seg.markup);
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
  unit->attributes.creation_id = Attr(tu, "creationid");
  unit->attributes.change_id = Attr(tu, "changeid");
  unit->attributes.change_date = Attr(tu, "changedate");
  unit->attributes.usage_count = Attr(tu, "usagecount");
  unit->attributes.last_usage_date = Attr(tu, "lastusagedate");
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
// Byte sources.

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

}  // namespace

// ---------------------------------------------------------------------------

struct TmxReader::Impl {
  std::string name;
  std::unique_ptr<ByteSource> source;
  internal::InputGuard guard{TmxLimits::kMaxAttributes};
  std::string io_error;
  uint64_t bytes_read = 0;  // what ReadCallback handed to the parser
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
    self->bytes_read += static_cast<uint64_t>(got);
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
                                    impl.get(), name.c_str(), nullptr, internal::kParseOptions));
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
uint64_t TmxReader::bytes_read() const { return impl_->bytes_read; }

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

}  // namespace ancre::tm
