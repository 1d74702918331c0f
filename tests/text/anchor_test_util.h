// Helpers shared by the anchor tests: extraction of one text, key lookup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/text/anchors.h"

namespace ancre::text::testing {

// Options for `language`, with an optional document date and numeric date order.
inline AnchorOptions Options(const std::string& language, const std::string& document_date = "",
                             const std::string& date_order = "") {
  AnchorOptions options;
  options.language = language;
  options.document_date = document_date;
  options.date_order = date_order;
  return options;
}

// "kind:key" of every anchor of `text` in `language`.
inline std::vector<std::string> Keys(const std::string& language, std::string_view text,
                                     const std::string& document_date = "") {
  AnchorExtractor ex(Options(language, document_date));
  std::vector<std::string> keys;
  for (const Anchor& a : ex.ExtractText(text)) {
    keys.push_back(std::string(AnchorKindName(a.kind)) + ":" + a.key);
  }
  return keys;
}

}  // namespace ancre::text::testing
