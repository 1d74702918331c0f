// Alphanumeric codes for anchors: capital letters glued to digits, with or
// without a hyphen ("1MDB", "G20", "COVID-19", "F-16", "A380", "CO2"), kept
// as one acronym anchor keyed by the code folded, without hyphens ("1mdb",
// "covid19"), instead of a number and an acronym that meet nothing.
//
// Thread-safety: pure functions over their arguments.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/text/anchor_tokens.h"

namespace ancre::text {

// One code found in a segment's tokens.
struct CodeMatch {
  size_t first_token = 0;  // index in the token vector
  size_t last_token = 0;   // inclusive
  std::string key;         // "1mdb", "covid19"
};

// Finds the codes among `tokens` (from Tokenize of one segment), skipping
// tokens already marked in *used and marking the ones it takes.
std::vector<CodeMatch> FindCodes(const std::vector<Token>& tokens, std::vector<bool>* used);

// Turns matches into acronym anchors (subtype "code"), spans relative to
// `text`, the segment the tokens came from.
void AppendCodeAnchors(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<CodeMatch>& matches, std::vector<Anchor>* out);

}  // namespace ancre::text
