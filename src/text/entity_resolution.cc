#include "src/text/entity_resolution.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace ancre::text {

void ResolveDocumentEntities(std::vector<std::vector<Anchor>>* anchors) {
  // Acronyms introduced in brackets right after their expansion.
  std::unordered_map<std::string, std::string> expansion_to_acronym;
  for (const auto& segment : *anchors) {
    for (size_t i = 0; i + 1 < segment.size(); ++i) {
      const Anchor& name = segment[i];
      const Anchor& acro = segment[i + 1];
      if (name.kind != AnchorKind::kEntity || acro.kind != AnchorKind::kAcronym) continue;
      if (acro.span.begin < name.span.end || acro.span.begin - name.span.end > 3) continue;
      std::string initials;
      bool start = true;
      for (char c : name.text) {
        if (start && c >= 'A' && c <= 'Z') initials.push_back(static_cast<char>(c - 'A' + 'a'));
        start = c == ' ' || c == '-';
      }
      if (initials == acro.key) expansion_to_acronym[name.key] = acro.key;
    }
  }
  // Full names of people and other multi-word names, by their words.
  // The one name each word belongs to; "" once it belongs to several.
  std::unordered_map<std::string, std::string> names_by_word;
  std::unordered_set<std::string> persons;
  for (const auto& segment : *anchors) {
    for (const Anchor& a : segment) {
      if (a.kind != AnchorKind::kEntity || a.subtype == "place" || a.subtype == "nationality" ||
          a.subtype == "language" || a.subtype == "organization") {
        continue;
      }
      if (a.subtype == "person") persons.insert(a.key);
      if (a.key.find(' ') == std::string::npos) continue;
      size_t pos = 0;
      while (pos < a.key.size()) {
        size_t sp = a.key.find(' ', pos);
        if (sp == std::string::npos) sp = a.key.size();
        auto [it, added] = names_by_word.try_emplace(a.key.substr(pos, sp - pos), a.key);
        if (!added && it->second != a.key) it->second.clear();
        pos = sp + 1;
      }
    }
  }
  for (auto& segment : *anchors) {
    for (Anchor& a : segment) {
      if (a.kind != AnchorKind::kEntity) continue;
      auto acro = expansion_to_acronym.find(a.key);
      if (acro != expansion_to_acronym.end()) {
        a.kind = AnchorKind::kAcronym;
        a.key = acro->second;
        a.subtype = "expansion";
        continue;
      }
      if (a.key.find(' ') == std::string::npos && (a.subtype.empty() || a.subtype == "person")) {
        auto it = names_by_word.find(a.key);
        if (it != names_by_word.end() && !it->second.empty()) {
          a.key = it->second;
          a.weight = 0.5;  // "Manet" for "Hun Manet": weaker than the full name
        }
      }
      if (a.subtype.empty() && persons.count(a.key) > 0) a.subtype = "person";
    }
  }
}

}  // namespace ancre::text
