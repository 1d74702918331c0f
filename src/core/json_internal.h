// Private to ancre_core (its .cc files only; no public header includes it):
// how ancre writes a JSON value with nlohmann::json, so that every JSON
// ancre writes escapes strings the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ancre::internal {

// Compact (no spaces), UTF-8 written as is (control characters, '"' and '\'
// escaped, RFC 8259 §7); a byte sequence that is not UTF-8 is written as
// U+FFFD instead of making the output invalid JSON.
template <typename BasicJson>
std::string DumpJson(const BasicJson& j) {
  return j.dump(-1, ' ', /*ensure_ascii=*/false, BasicJson::error_handler_t::replace);
}

}  // namespace ancre::internal
