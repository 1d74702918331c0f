// TMX 1.4b inline markup: the rules a <seg>'s content follows (which inline
// elements, where, paired how). TmxReader applies them to every <seg> it
// reads; TmxWriter checks stored markup with CheckSegMarkup before copying it
// into a file.
//
// Thread-safe (libxml2 parses into a private context).
#pragma once

#include <string>
#include <string_view>

namespace ancre::tm {

// Checks `markup` as the content of a TMX <seg>: well-formed, only TMX inline
// elements (bpt, ept, it, ph, hi, ut, sub) where TMX 1.4b allows them, no
// entity references other than XML's own, every <bpt> closed by one <ept>
// with the same i. Returns the first problem found, or "" if it is valid.
// Throws std::bad_alloc when libxml2 cannot allocate its parser.
std::string CheckSegMarkup(std::string_view markup);

}  // namespace ancre::tm
