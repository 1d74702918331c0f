#include "tm/sqlite/fts5_query.h"

namespace ancre::tm::internal {
namespace {

using Kind = ConcordanceQuery::Kind;

// FTS5 string syntax: in double quotes, a quote doubled.
void AppendString(const QueryTerm& term, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < term.words.size(); ++i) {
    if (i > 0) out->push_back(' ');
    for (char c : term.words[i]) {
      if (c == '"') out->push_back('"');
      out->push_back(c);
    }
  }
  out->push_back('"');
  if (term.prefix) out->push_back('*');
}

// A phrase or a NEAR group: what FTS5 lets stand side by side (implicit AND).
bool IsSimple(const ConcordanceQuery& q) { return q.kind == Kind::kTerm || q.kind == Kind::kNear; }

void Render(const ConcordanceQuery& q, std::string* out);

void RenderOperand(const ConcordanceQuery& q, std::string* out) {
  if (IsSimple(q)) {
    Render(q, out);
    return;
  }
  out->push_back('(');
  Render(q, out);
  out->push_back(')');
}

void Render(const ConcordanceQuery& q, std::string* out) {
  switch (q.kind) {
    case Kind::kTerm:
      AppendString(q.term, out);
      return;
    case Kind::kNear:
      *out += "NEAR(";
      for (size_t i = 0; i < q.parts.size(); ++i) {
        if (i > 0) out->push_back(' ');
        AppendString(q.parts[i].term, out);
      }
      *out += ", " + std::to_string(q.distance) + ")";
      return;
    case Kind::kAll: {
      // Simple parts side by side first, then the compound ones with AND.
      bool first = true;
      for (const ConcordanceQuery& p : q.parts) {
        if (!IsSimple(p)) continue;
        if (!first) out->push_back(' ');
        Render(p, out);
        first = false;
      }
      for (const ConcordanceQuery& p : q.parts) {
        if (IsSimple(p) || p.empty()) continue;
        if (!first) *out += " AND ";
        RenderOperand(p, out);
        first = false;
      }
      return;
    }
    case Kind::kAny:
      for (size_t i = 0; i < q.parts.size(); ++i) {
        if (i > 0) *out += " OR ";
        RenderOperand(q.parts[i], out);
      }
      return;
    case Kind::kNot:
      RenderOperand(q.parts[0], out);
      *out += " NOT ";
      RenderOperand(q.parts[1], out);
      return;
  }
}

}  // namespace

std::string ToFts5(const ConcordanceQuery& query) {
  if (query.empty()) return {};
  std::string out;
  Render(query, &out);
  return out;
}

}  // namespace ancre::tm::internal
