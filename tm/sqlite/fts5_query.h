// Renders ancre's concordance query (tm/concordance_query.h) as an FTS5 MATCH
// expression (sqlite.org/fts5.html, "Full-text Query Syntax") for the
// unicode61 index of concordance search.
//
// Pure function; thread-safe.
#pragma once

#include <string>

#include "tm/concordance_query.h"

namespace ancre::tm::internal {

// Every term becomes an FTS5 string ("word", "two words", "prefix"*), so no
// character of the user's text is FTS5 syntax; FTS5's tokenizer then splits
// each string as it split the indexed text. Juxtaposed terms stay juxtaposed
// (FTS5 ignores a string without tokens there, as in "task - force");
// compound operands are parenthesized. Returns "" for an empty query.
std::string ToFts5(const ConcordanceQuery& query);

}  // namespace ancre::tm::internal
