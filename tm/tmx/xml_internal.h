// libxml2 helpers shared by the .cc files of tm/tmx/ (reader, inline markup).
// Private to tm/tmx/: this is the only header there that includes libxml2,
// and no public header includes it.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace ancre::tm::internal {

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

inline const char* Str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }
inline bool NameIs(xmlNodePtr n, const char* name) { return std::strcmp(Str(n->name), name) == 0; }

inline std::string TakeString(xmlChar* s) {
  XmlString owner(s);
  return s ? std::string(Str(s)) : std::string();
}

inline std::string Attr(xmlNodePtr n, const char* name) {
  return TakeString(xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name)));
}

// xml:lang, or TMX 1.1-1.3's deprecated lang.
inline std::string LangAttr(xmlNodePtr n) {
  std::string lang =
      TakeString(xmlGetNsProp(n, reinterpret_cast<const xmlChar*>("lang"), XML_XML_NAMESPACE));
  if (lang.empty()) lang = Attr(n, "lang");
  return lang;
}

// libxml2 keeps element line numbers in 16 bits (65535 = "or more"); with
// XML_PARSE_BIG_LINES text nodes keep the full number, so past that line the
// nearest text node inside or after the element stands in.
inline size_t LineOf(xmlNodePtr n) {
  const long line = xmlGetLineNo(n);
  if (line > 0 && line < 65535) return static_cast<size_t>(line);
  for (xmlNodePtr p = n; p != nullptr; p = p->next) {
    for (xmlNodePtr t = p; t != nullptr; t = t->children) {
      if (t->type == XML_TEXT_NODE) return static_cast<size_t>(std::max(0L, xmlGetLineNo(t)));
    }
  }
  return line > 0 ? static_cast<size_t>(line) : 0;
}

inline std::string Where(xmlNodePtr n) { return "line " + std::to_string(LineOf(n)); }

// What a <seg> holds: its translatable text, trimmed (inline codes removed,
// <hi> content kept), its content as XML when it holds inline elements, and
// the first problem with its inline markup ("" if none). See inline_markup.h.
struct SegContent {
  std::string text;
  std::string markup;
  std::string problem;
};
SegContent ReadSeg(xmlNodePtr seg);

}  // namespace ancre::tm::internal
