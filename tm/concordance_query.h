// ConcordanceQuery: ancre's query language for concordance search, parsed by
// ancre and rendered by each TM backend into its own search syntax (SQLite:
// FTS5, see tm/sqlite/fts5_query.h). What a translator types:
//
//   task force            both words, anywhere in the segment (case and accents ignored)
//   "task force"          the words in this order (a phrase)
//   escroq*               a word starting with "escroq"; "task for"* : a phrase whose last word is
//   a prefix NEAR(task force, 5)   the terms with at most 5 words between them (NEAR(a b): at most
//   10) a OR b, a AND b, a NOT b, ( ... )
//                         either, both (the same as a space), a without b; NOT binds tightest,
//                         then AND, then OR; operators are written in capitals
//
// A word is any run of characters other than white space, quotes and
// parentheses ("l'équipe", "3,400" and "U.S." are words; the backend splits
// them as its index does). Inside a phrase, "" stands for a quote. Text that
// does not follow this grammar (an unclosed quote or parenthesis, an operator
// with nothing after it) is searched as plain words: see Words().
//
// Usage (given const ancre::tm::TranslationMemory& memory):
//   const auto query = ancre::tm::ConcordanceQuery::Parse("\"équipe conjointe\" NOT Séoul");
//   for (const auto& hit : memory.Search(query, {})) std::cout << hit.target << "\n";
//
// Values; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ancre::tm {

// A word or a phrase: words in this order; prefix: the last word is a prefix.
struct QueryTerm {
  std::vector<std::string> words;
  bool prefix = false;
  bool operator==(const QueryTerm&) const = default;
};

struct ConcordanceQuery {
  enum class Kind {
    kTerm,  // term
    kNear,  // the terms of `parts` (each a kTerm) within `distance` words of each other
    kAll,   // every one of `parts`; no parts: matches nothing
    kAny,   // one of `parts` at least
    kNot,   // parts[0] without parts[1]
  };
  Kind kind = Kind::kAll;
  QueryTerm term;
  std::vector<ConcordanceQuery> parts;
  int distance = 10;  // kNear only

  bool operator==(const ConcordanceQuery&) const = default;

  // The default NEAR distance, as FTS5's.
  static constexpr int kDefaultNearDistance = 10;

  // Parses text as described in the header comment. Text that does not follow
  // the grammar is read as Words(text); never throws.
  static ConcordanceQuery Parse(std::string_view text);

  // Every piece of text between white space is a word, whatever it holds
  // (operators, quotes and parentheses included): the query as plain words.
  static ConcordanceQuery Words(std::string_view text);

  // True if the query has no term at all (empty or white space): it matches nothing.
  bool empty() const;
};

}  // namespace ancre::tm
