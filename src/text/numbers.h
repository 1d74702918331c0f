// Number recognition for anchors: plain numbers ("3 400", "3,400", "3.5",
// "3,5"), ordinals ("26e", "26th"), small number words ("deux", "two", from
// ICU's spellout rules), multipliers ("5 millions", "$5 million"),
// percentages ("12 %", "12 pour cent", "12 per cent") and money ("5 millions
// de dollars", "$5 million", "3 €"). Keys: the canonical value ("3400",
// "3.5"), "12%" for percentages, "5000000 USD" for money.
//
// Thread-safety: pure functions over their arguments.
#pragma once

#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/text/anchor_lexicon.h"
#include "src/text/anchor_tokens.h"

namespace ancre::text {

// Appends the numbers, percentages and amounts of money among `tokens` (from
// Tokenize of `text`) to *out, spans relative to `text`. Tokens marked in
// *used (dates) are skipped; the ones taken are marked.
void AppendNumberAnchors(std::string_view text, const std::vector<Token>& tokens,
                         const AnchorLexicon& lexicon, std::vector<bool>* used,
                         std::vector<Anchor>* out);

}  // namespace ancre::text
