#include "src/text/srx.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "src/core/error.h"
#include "src/text/icu_util.h"
#include "src/text/input.h"

namespace ancre::text {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct XmlCharFree {
  void operator()(xmlChar* s) const { xmlFree(s); }
};

// ICU regex time limit, in its "steps" (about a millisecond each): bounds
// catastrophic backtracking in user-supplied rules.
constexpr int32_t kRegexTimeLimit = 2000;

bool Named(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string Attr(const xmlNode* n, const char* name) {
  std::unique_ptr<xmlChar, XmlCharFree> v(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
  return v ? reinterpret_cast<const char*>(v.get()) : "";
}

std::string Content(const xmlNode* n) {
  std::unique_ptr<xmlChar, XmlCharFree> v(xmlNodeGetContent(n));
  return v ? reinterpret_cast<const char*>(v.get()) : "";
}

const xmlNode* Child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
    if (Named(c, name)) return c;
  }
  return nullptr;
}

struct Rule {
  bool is_break = true;
  std::unique_ptr<icu::RegexPattern> before;  // null = matches everywhere
  std::unique_ptr<icu::RegexPattern> after;
  size_t line = 0;
};

std::unique_ptr<icu::RegexPattern> Compile(const std::string& pattern, const std::string& name,
                                           size_t line) {
  if (pattern.empty()) return nullptr;
  UParseError pe;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> p(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, pe, status));
  if (U_FAILURE(status)) {
    throw ParseError(name, line, 0,
                     "bad regular expression '" + pattern + "' (" + u_errorName(status) +
                         " at offset " + std::to_string(pe.offset) + "); fix the SRX rule");
  }
  return p;
}

}  // namespace

struct SrxRules::Impl {
  std::string name;
  std::vector<Rule> rules;
};

SrxRules::SrxRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SrxRules::SrxRules(SrxRules&&) noexcept = default;
SrxRules& SrxRules::operator=(SrxRules&&) noexcept = default;
SrxRules::~SrxRules() = default;
size_t SrxRules::rule_count() const { return impl_->rules.size(); }

SrxRules SrxRules::Load(const std::string& path, const std::string& language) {
  return Parse(ReadFileBytes(path), path, language);
}

SrxRules SrxRules::Parse(std::string_view xml, const std::string& name,
                         const std::string& language) {
  // No network, no entity substitution, no DTD loading (XXE-safe).
  std::unique_ptr<xmlDoc, DocFree> doc(
      xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name.c_str(), nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    throw ParseError(name, e ? static_cast<size_t>(e->line) : 0,
                     e ? static_cast<size_t>(e->int2) : 0,
                     std::string("not well-formed XML: ") + (e && e->message ? e->message : "?") +
                         "; check the SRX file");
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !Named(root, "srx")) throw ParseError(name, 1, 0, "not an SRX file (no <srx> root)");
  const xmlNode* header = Child(root, "header");
  // SRX 2.0 makes `cascade` mandatory; OmegaT's own default rules omit it and
  // OmegaT applies them cascading (language rules, then Default), so a missing
  // attribute cascades here too.
  bool cascade = !header || Attr(header, "cascade") != "no";
  const xmlNode* body = Child(root, "body");
  const xmlNode* language_rules = Child(body, "languagerules");
  const xmlNode* map_rules = Child(body, "maprules");
  if (!language_rules || !map_rules) {
    throw ParseError(name, static_cast<size_t>(xmlGetLineNo(root)), 0,
                     "SRX file lacks <languagerules> or <maprules>");
  }
  std::map<std::string, const xmlNode*> by_name;
  for (const xmlNode* lr = language_rules->children; lr; lr = lr->next) {
    if (Named(lr, "languagerule")) by_name[Attr(lr, "languagerulename")] = lr;
  }
  auto impl = std::make_unique<Impl>();
  impl->name = name;
  icu::UnicodeString lang = icu::UnicodeString::fromUTF8(language);
  bool matched = false;
  for (const xmlNode* m = map_rules->children; m; m = m->next) {
    if (!Named(m, "languagemap")) continue;
    size_t line = static_cast<size_t>(xmlGetLineNo(m));
    auto pattern = Compile(Attr(m, "languagepattern"), name, line);
    UErrorCode status = U_ZERO_ERROR;
    bool applies = !pattern;
    if (pattern) {
      // Language patterns are written for codes such as FR or fr-FR: compare case-insensitively.
      UParseError pe;
      std::unique_ptr<icu::RegexPattern> ci(
          icu::RegexPattern::compile(pattern->pattern(), UREGEX_CASE_INSENSITIVE, pe, status));
      std::unique_ptr<icu::RegexMatcher> mm(ci->matcher(lang, status));
      applies = U_SUCCESS(status) && mm->matches(status);
    }
    if (!applies) continue;
    auto it = by_name.find(Attr(m, "languagerulename"));
    if (it == by_name.end()) {
      throw ParseError(
          name, line, 0,
          "languagemap names an unknown languagerule '" + Attr(m, "languagerulename") + "'");
    }
    for (const xmlNode* r = it->second->children; r; r = r->next) {
      if (!Named(r, "rule")) continue;
      Rule rule;
      rule.line = static_cast<size_t>(xmlGetLineNo(r));
      rule.is_break = Attr(r, "break") != "no";
      const xmlNode* b = Child(r, "beforebreak");
      const xmlNode* a = Child(r, "afterbreak");
      rule.before = Compile(b ? Content(b) : "", name, rule.line);
      rule.after = Compile(a ? Content(a) : "", name, rule.line);
      impl->rules.push_back(std::move(rule));
    }
    matched = true;
    if (!cascade) break;
  }
  if (!matched) throw Error(name + ": no SRX language map applies to '" + language + "'");
  return SrxRules(std::move(impl));
}

void SrxRules::Boundaries(std::string_view utf8, std::vector<size_t>* out) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const int32_t n = text.length();
  // UTF-16 index -> UTF-8 offset.
  std::vector<size_t> to_utf8(static_cast<size_t>(n) + 1);
  {
    size_t u8 = 0;
    for (int32_t i = 0; i < n; ++i) {
      to_utf8[static_cast<size_t>(i)] = u8;
      UChar c = text.charAt(i);
      if (U16_IS_LEAD(c) && i + 1 < n) {
        to_utf8[static_cast<size_t>(i) + 1] = u8;
        u8 += 4;
        ++i;
      } else {
        u8 += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
    }
    to_utf8[static_cast<size_t>(n)] = u8;
  }
  // The first rule (in order) that matches at a position decides it.
  std::vector<signed char> decided(static_cast<size_t>(n) + 1, -1);
  for (const Rule& rule : impl_->rules) {
    UErrorCode status = U_ZERO_ERROR;
    auto check = [&](const char* what) {
      if (status == U_REGEX_TIME_OUT) {
        throw Error(
            impl_->name + ":" + std::to_string(rule.line) + ": the " + what +
            " pattern took too long on this text (catastrophic backtracking); simplify the rule");
      }
      CheckIcu(status, impl_->name + ":" + std::to_string(rule.line) + ": SRX rule");
    };
    std::unique_ptr<icu::RegexMatcher> after;
    if (rule.after) {
      after.reset(rule.after->matcher(text, status));
      check("afterbreak");
      after->setTimeLimit(kRegexTimeLimit, status);
      after->useTransparentBounds(true);
      after->useAnchoringBounds(false);
    }
    auto after_matches = [&](int32_t pos) {
      if (!after) return true;
      after->region(pos, n, status);
      bool ok = after->lookingAt(status);
      check("afterbreak");
      return ok;
    };
    if (!rule.before) {
      for (int32_t pos = 1; pos < n; ++pos) {
        if (decided[static_cast<size_t>(pos)] < 0 && after_matches(pos))
          decided[static_cast<size_t>(pos)] = rule.is_break;
      }
      continue;
    }
    std::unique_ptr<icu::RegexMatcher> before(rule.before->matcher(text, status));
    check("beforebreak");
    before->setTimeLimit(kRegexTimeLimit, status);
    int32_t from = 0;
    while (from <= n && before->find(from, status)) {
      check("beforebreak");
      int32_t start = before->start(status);
      int32_t end = before->end(status);
      if (end > 0 && end < n && decided[static_cast<size_t>(end)] < 0 && after_matches(end)) {
        decided[static_cast<size_t>(end)] = rule.is_break;
      }
      from = end > start ? end : start + 1;
    }
    check("beforebreak");
  }
  for (int32_t pos = 1; pos < n; ++pos) {
    if (decided[static_cast<size_t>(pos)] == 1) out->push_back(to_utf8[static_cast<size_t>(pos)]);
  }
  out->push_back(utf8.size());
}

}  // namespace ancre::text
