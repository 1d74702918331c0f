// The review page: one HTML page with its style sheet (the report's, plus the
// review's own) and script, all served by the binary: no network resource, no
// inline script (the server's Content-Security-Policy forbids it, and eval).
// The script builds the page from the session's JSON with textContent only.
// Static strings; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ancre::review {

// The page's HTML; `token` (hex digits) goes into the URLs of its style
// sheet and script.
std::string PageHtml(std::string_view token);
// The style sheet and the script.
std::string PageCss();
std::string_view PageScript();

}  // namespace ancre::review
