// TMX 1.4b inline markup rules: which elements a <seg> may hold and where,
// and how its translatable text is read from them.
#include "tm/tmx/inline_markup.h"

#include <new>
#include <set>

#include "tm/tmx/text.h"
#include "tm/tmx/xml_internal.h"

namespace ancre::tm {
namespace internal {
namespace {

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

}  // namespace

SegContent ReadSeg(xmlNodePtr seg) {
  SegWalk w;
  WalkSeg(seg, false, false, &w);
  FinishWalk(&w);
  SegContent content;
  content.text = std::string(TrimSpace(w.text));
  if (w.has_elements) content.markup = SerializeChildren(seg);
  content.problem = std::move(w.problem);
  return content;
}

}  // namespace internal

std::string CheckSegMarkup(std::string_view markup) {
  std::string xml = "<seg>";
  xml.append(markup);
  xml.append("</seg>");
  internal::ParserCtxtHandle ctxt(xmlNewParserCtxt());
  if (!ctxt) throw std::bad_alloc();
  internal::DocHandle doc(
      xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "seg", "UTF-8",
                        internal::kParseOptions | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string message = e && e->message ? e->message : "not well-formed";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return "not well-formed XML: " + message;
  }
  return internal::ReadSeg(xmlDocGetRootElement(doc.get())).problem;
}

}  // namespace ancre::tm
