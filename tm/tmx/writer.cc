#include "tm/tmx/writer.h"

#include <libxml/xmlwriter.h>

#include <algorithm>
#include <cctype>
#include <ostream>
#include <string>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "src/core/version.h"
#include "tm/errors.h"
#include "tm/tmx/inline_markup.h"
#include "tm/tmx/text.h"

namespace ancre::tm {
namespace {

// xmlFreeTextWriter flushes and closes its output buffer; NULL is a no-op.
struct TextWriterFree {
  void operator()(xmlTextWriterPtr w) const { xmlFreeTextWriter(w); }
};
using TextWriterHandle = std::unique_ptr<xmlTextWriter, TextWriterFree>;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }

}  // namespace

struct TmxWriter::Impl {
  std::ostream* out = nullptr;
  bool write_failed = false;
  std::string srclang;
  TmxWriteStats stats;
  bool finished = false;
  TextWriterHandle writer;  // last: freed first, while `out` is alive
  std::string scratch;

  // Called by libxml2 with each filled output buffer. No exception may cross
  // it: a failed stream is remembered and reported after the libxml2 call.
  static int WriteCallback(void* context, const char* buffer, int len) {
    auto* self = static_cast<Impl*>(context);
    self->out->write(buffer, len);
    if (!*self->out) {
      self->write_failed = true;
      return -1;
    }
    return len;
  }
  static int CloseCallback(void*) { return 0; }

  void Check(int rc) const {
    if (rc < 0 || write_failed) throw IoError("cannot write the TMX output (disk full?)");
  }

  // Copies s with forbidden characters removed; counts them.
  const std::string& Clean(const std::string& s) {
    scratch = s;
    stats.chars_removed += RemoveXmlForbidden(&scratch);
    return scratch;
  }

  void Attribute(const char* name, const std::string& value) {
    Check(xmlTextWriterWriteAttribute(writer.get(), X(name), X(Clean(value))));
  }
  void Element(const char* name, const std::string& text) {
    Check(xmlTextWriterWriteElement(writer.get(), X(name), X(Clean(text))));
  }
  void Props(const std::vector<Prop>& props) {
    for (const Prop& p : props) {
      Check(xmlTextWriterStartElement(writer.get(), X("prop")));
      Attribute("type", p.type.empty() ? std::string("x-unnamed") : p.type);
      Check(xmlTextWriterWriteString(writer.get(), X(Clean(p.value))));
      Check(xmlTextWriterEndElement(writer.get()));
    }
  }
  void Notes(const std::vector<std::string>& notes) {
    for (const std::string& n : notes) Element("note", n);
  }
};

TmxWriter::TmxWriter(std::ostream& out, const TmxHeader& header) : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.out = &out;
  im.srclang = header.srclang == "*all*" ? header.srclang : NormalizeLanguageTag(header.srclang);
  if (im.srclang != "*all*" && !IsWellFormedLanguageTag(im.srclang)) {
    throw Error("source language '" + header.srclang + "' is not a BCP 47 language tag");
  }
  xmlOutputBufferPtr buffer =
      xmlOutputBufferCreateIO(&Impl::WriteCallback, &Impl::CloseCallback, &im, nullptr);
  if (buffer == nullptr) throw std::bad_alloc();
  im.writer.reset(xmlNewTextWriter(buffer));  // owns buffer from here on
  if (!im.writer) {
    xmlOutputBufferClose(buffer);
    throw std::bad_alloc();
  }
  xmlTextWriter* w = im.writer.get();
  im.Check(xmlTextWriterSetIndent(w, 1));
  im.Check(xmlTextWriterSetIndentString(w, X("  ")));
  im.Check(xmlTextWriterStartDocument(w, "1.0", "UTF-8", nullptr));
  // TMX 1.4b: the DTD requires version="1.4" (not "1.4b") and all seven
  // header attributes below.
  im.Check(xmlTextWriterStartElement(w, X("tmx")));
  im.Attribute("version", "1.4");
  im.Check(xmlTextWriterStartElement(w, X("header")));
  const auto or_default = [](const std::string& v, const std::string& d) {
    return v.empty() ? d : v;
  };
  im.Attribute("creationtool", or_default(header.creation_tool, "ancre"));
  im.Attribute("creationtoolversion", or_default(header.creation_tool_version, kVersion));
  im.Attribute("segtype", or_default(header.segtype, "sentence"));
  im.Attribute("o-tmf", or_default(header.o_tmf, "ancre"));
  im.Attribute("adminlang", NormalizeLanguageTag(or_default(header.adminlang, "en")));
  im.Attribute("srclang", im.srclang);
  im.Attribute("datatype", or_default(header.datatype, "plaintext"));
  const std::string date = ToTmxDate(header.creation_date).value_or(TmxDateNow());
  im.Attribute("creationdate", date);
  im.Notes(header.notes);
  im.Props(header.props);
  im.Check(xmlTextWriterEndElement(w));
  im.Check(xmlTextWriterStartElement(w, X("body")));
}

TmxWriter::~TmxWriter() = default;

bool TmxWriter::Write(const TmxUnit& unit) {
  Impl& im = *impl_;
  xmlTextWriter* w = im.writer.get();
  // Clean and trim every variant first: a unit is written whole or not at all.
  struct Side {
    std::string lang;
    std::string text;
    std::string markup;
    const Variant* v;
  };
  std::vector<Side> sides;
  sides.reserve(unit.variants.size());
  for (const Variant& v : unit.variants) {
    Side s{NormalizeLanguageTag(v.lang), v.text, {}, &v};
    if (!IsWellFormedLanguageTag(s.lang)) {
      throw InvalidUnitLanguage(unit.tuid, v.lang);
    }
    im.stats.chars_removed += RemoveXmlForbidden(&s.text);
    s.text = std::string(TrimSpace(s.text));
    if (s.text.empty()) {
      if (sides.empty()) break;  // no source: the unit is not written
      continue;
    }
    if (!v.markup.empty()) {
      s.markup = v.markup;
      im.stats.chars_removed += RemoveXmlForbidden(&s.markup);
      s.markup = std::string(TrimSpace(s.markup));
      if (!CheckSegMarkup(s.markup).empty()) {
        s.markup.clear();
        ++im.stats.markup_dropped;
      }
    }
    sides.push_back(std::move(s));
  }
  if (sides.size() < 2 || sides[0].v != &unit.variants[0]) {
    ++im.stats.units_skipped;
    return false;
  }
  im.Check(xmlTextWriterStartElement(w, X("tu")));
  if (!unit.tuid.empty()) im.Attribute("tuid", unit.tuid);
  if (!unit.srclang.empty()) {
    std::string src = NormalizeLanguageTag(unit.srclang);
    if (src != im.srclang) {
      // Tags compare case-insensitively (RFC 5646 section 2.1.1), but some
      // consumers compare tu@srclang with lowercased xml:lang values as strings.
      for (char& c : src) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      im.Attribute("srclang", src);
    }
  }
  if (auto date = ToTmxDate(unit.creation_date)) im.Attribute("creationdate", *date);
  const TuAttributes& a = unit.attributes;
  if (!a.creation_id.empty()) im.Attribute("creationid", a.creation_id);
  if (auto date = ToTmxDate(a.change_date)) im.Attribute("changedate", *date);
  if (!a.change_id.empty()) im.Attribute("changeid", a.change_id);
  if (!a.usage_count.empty() && std::all_of(a.usage_count.begin(), a.usage_count.end(),
                                            [](char c) { return c >= '0' && c <= '9'; })) {
    im.Attribute("usagecount", a.usage_count);
  }
  if (auto date = ToTmxDate(a.last_usage_date)) im.Attribute("lastusagedate", *date);
  im.Notes(unit.notes);
  im.Props(unit.props);
  for (const Side& s : sides) {
    im.Check(xmlTextWriterStartElement(w, X("tuv")));
    im.Attribute("xml:lang", s.lang);
    im.Notes(s.v->notes);
    im.Props(s.v->props);
    im.Check(xmlTextWriterStartElement(w, X("seg")));
    if (!s.markup.empty()) {
      im.Check(xmlTextWriterWriteRaw(w, X(s.markup)));
    } else {
      im.Check(xmlTextWriterWriteString(w, X(s.text)));
    }
    im.Check(xmlTextWriterEndElement(w));  // seg
    im.Check(xmlTextWriterEndElement(w));  // tuv
  }
  im.Check(xmlTextWriterEndElement(w));  // tu
  ++im.stats.units;
  return true;
}

void TmxWriter::Finish() {
  Impl& im = *impl_;
  if (im.finished) return;
  im.Check(xmlTextWriterEndDocument(im.writer.get()));  // closes body and tmx
  im.Check(xmlTextWriterFlush(im.writer.get()));
  im.out->flush();
  if (!*im.out) throw IoError("cannot write the TMX output (disk full?)");
  im.finished = true;
}

const TmxWriteStats& TmxWriter::stats() const { return impl_->stats; }

}  // namespace ancre::tm
