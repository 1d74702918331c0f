// JSON string literals for the JSONL outputs (RFC 8259 §7), written by
// nlohmann::json: UTF-8 is written as is, '"', '\' and control characters
// are escaped, and bytes that are not UTF-8 become U+FFFD. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace ancre {

// Appends s to out as a JSON string literal, quotes included.
void AppendJsonString(std::string_view s, std::string* out);
// Returns s as a JSON string literal, quotes included.
std::string JsonString(std::string_view s);

}  // namespace ancre
