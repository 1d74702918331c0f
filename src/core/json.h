// Minimal JSON string escaping for the JSONL outputs (RFC 8259 §7).
// Input must be valid UTF-8; non-ASCII is written as is. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ancre {

// Appends s to out as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);
// Returns s as a JSON string literal, quotes included.
std::string JsonString(std::string_view s);

}  // namespace ancre
