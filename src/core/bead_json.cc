#include "src/core/bead_json.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "src/core/json_internal.h"

namespace ancre {
namespace {

using Json = nlohmann::ordered_json;

// The anchor record's keys; the legacy ones are only read.
constexpr const char* kKind = "kind";
constexpr const char* kKey = "key";
constexpr const char* kSrc = "src";
constexpr const char* kTgt = "tgt";
constexpr const char* kLegacySrc = "source";
constexpr const char* kLegacyTgt = "target";

Json AnchorToJson(const SharedAnchor& a) {
  Json j = Json::object();
  j[kKind] = std::string(AnchorKindName(a.kind));
  j[kKey] = a.key;
  j[kSrc] = a.src_text;
  j[kTgt] = a.tgt_text;
  return j;
}

// An object of string values with a known kind; see SharedAnchorsFromJson.
bool AnchorFromJson(const Json& j, SharedAnchor* a) {
  if (!j.is_object() || j.empty()) return false;
  bool has_kind = false;
  for (const auto& [name, value] : j.items()) {
    if (!value.is_string()) return false;
    const std::string& text = value.get_ref<const std::string&>();
    if (name == kKind) {
      has_kind = ParseAnchorKind(text, &a->kind);
    } else if (name == kKey) {
      a->key = text;
    } else if (name == kSrc || name == kLegacySrc) {
      a->src_text = text;
    } else if (name == kTgt || name == kLegacyTgt) {
      a->tgt_text = text;
    }
  }
  return has_kind;
}

Json AnchorsToJson(const std::vector<SharedAnchor>& anchors) {
  Json j = Json::array();
  for (const SharedAnchor& a : anchors) j.push_back(AnchorToJson(a));
  return j;
}

bool AnchorsFromJson(const Json& j, std::vector<SharedAnchor>* out) {
  out->clear();
  if (!j.is_array()) return false;
  for (const Json& item : j) {
    SharedAnchor a;
    if (!AnchorFromJson(item, &a)) {
      out->clear();
      return false;
    }
    out->push_back(std::move(a));
  }
  return true;
}

bool IndicesFromJson(const Json& j, std::vector<size_t>* out) {
  if (!j.is_array()) return false;
  out->clear();
  for (const Json& v : j) {
    if (!v.is_number_unsigned()) return false;
    out->push_back(v.get<size_t>());
  }
  return true;
}

// The JSONL promises three decimals ("0.930", "1.000"); the library writes
// the shortest form that reads back ("0.93", "1.0"), so the score is written
// here. std::to_chars is locale-independent and rounds like printf("%.3f").
std::string FormatScore(double score) {
  char buf[64];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, score, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf, end) : std::string("0.000");
}

}  // namespace

std::string SharedAnchorsJson(const std::vector<SharedAnchor>& anchors) {
  return internal::DumpJson(AnchorsToJson(anchors));
}

std::vector<SharedAnchor> SharedAnchorsFromJson(std::string_view json) {
  const Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  std::vector<SharedAnchor> out;
  if (j.is_discarded() || !AnchorsFromJson(j, &out)) return {};
  return out;
}

std::string BeadJsonLine(const Bead& bead, std::string_view src_text, std::string_view tgt_text,
                         std::string_view furniture, std::string_view mode) {
  using internal::DumpJson;
  std::string line = "{\"src\":" + DumpJson(Json(bead.src));
  line += ",\"tgt\":" + DumpJson(Json(bead.tgt));
  line += ",\"score\":" + FormatScore(bead.score);
  line += ",\"type\":" + DumpJson(Json(bead.type()));
  if (!mode.empty()) line += ",\"mode\":" + DumpJson(Json(std::string(mode)));
  line += ",\"anchors\":" + DumpJson(AnchorsToJson(bead.anchors));
  line += ",\"src_text\":" + DumpJson(Json(std::string(src_text)));
  line += ",\"tgt_text\":" + DumpJson(Json(std::string(tgt_text)));
  if (!furniture.empty()) line += ",\"furniture\":" + DumpJson(Json(std::string(furniture)));
  line += "}";
  return line;
}

bool BeadFromJson(std::string_view json, Bead* bead) {
  const Json j = Json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;  // a discarded parse is not an object either
  *bead = Bead{};
  const auto src = j.find(kSrc), tgt = j.find(kTgt);
  if (src == j.end() || tgt == j.end() || !IndicesFromJson(*src, &bead->src) ||
      !IndicesFromJson(*tgt, &bead->tgt)) {
    return false;
  }
  if (const auto score = j.find("score"); score != j.end() && score->is_number()) {
    bead->score = score->get<double>();
  }
  if (const auto anchors = j.find("anchors"); anchors != j.end()) {
    AnchorsFromJson(*anchors, &bead->anchors);
  }
  return true;
}

}  // namespace ancre
