// Times of day for anchors: "21:30", "9:30 p.m.", "3 p.m.", "21.30 Uhr",
// "15 Uhr", "15h30", "15 h", "в 15 часов" -> the key "T15:00"-style 24-hour
// time, so "15 Uhr" meets "3 p.m." and "21.30 Uhr" is not the number 21.3.
// A time is a date anchor with subtype "time".
//
// Thread-safety: pure functions over their arguments.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/text/anchor_lexicon.h"
#include "src/text/anchor_tokens.h"

namespace ancre::text {

// One time of day found in a segment's tokens.
struct TimeMatch {
  size_t first_token = 0;  // index in the token vector
  size_t last_token = 0;   // inclusive
  int hour = 0;            // 0-24
  int minute = 0;          // 0-59
};

// Finds the times of day among `tokens` (from Tokenize of one segment of
// `text`), skipping tokens already marked in *used and marking the ones it
// takes. A bare "H:MM" counts; a bare number needs a clock word after it
// ("Uhr", "h", "hodin", "часов", "a.m.", "p.m." ...). Returns them in text order.
std::vector<TimeMatch> FindTimes(std::string_view text, const std::vector<Token>& tokens,
                                 const AnchorLexicon& lexicon, std::vector<bool>* used);

// Turns matches into anchors (kind date, subtype "time", key "T21:30"), spans
// relative to `text`, the segment the tokens came from.
void AppendTimeAnchors(std::string_view text, const std::vector<Token>& tokens,
                       const std::vector<TimeMatch>& matches, std::vector<Anchor>* out);

}  // namespace ancre::text
