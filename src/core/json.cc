#include "src/core/json.h"

#include "src/core/json_internal.h"

namespace ancre {

void AppendJsonString(std::string_view s, std::string* out) {
  out->append(internal::DumpJson(nlohmann::json(s)));
}

std::string JsonString(std::string_view s) { return internal::DumpJson(nlohmann::json(s)); }

}  // namespace ancre
