// Fuzzes the concordance query: arbitrary bytes as a query (first byte:
// substring search or not, which side). CheckSearchQuery either accepts the
// query or throws UsageError; an accepted query runs on a small TM and either
// returns hits or throws an ancre error (an FTS5 syntax error), never crashes
// or hangs; every hit's byte ranges lie inside its texts, in order.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "src/core/error.h"
#include "tm/translation_memory.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "property violated: %s\n", what);
    abort();
  }
}

ancre::tm::TranslationMemory& SmallTm() {
  static std::unique_ptr<ancre::tm::TranslationMemory> store = [] {
    auto s = std::make_unique<ancre::tm::TranslationMemory>(":memory:", ancre::tm::OpenOptions{});
    std::vector<ancre::tm::TranslationUnit> units;
    const char* pairs[][2] = {
        {"Le groupe de travail conjoint sera lancé le 10 novembre.",
         "The joint task force will be launched on November 10."},
        {"Les escroqueries en ligne ont fait 3 400 victimes.", "Online scams made 3,400 victims."},
        {"Hun Manet a rencontré Lee Jae-myung à Kuala Lumpur.",
         "Hun Manet met Lee Jae-myung in Kuala Lumpur."},
        {"Où est la gare ? « Ici », dit-il.", "Where is the station? \"Here\", he said."},
    };
    for (const auto& p : pairs) {
      ancre::tm::TranslationUnit u;
      u.src_lang = "fr";
      u.tgt_lang = "en";
      u.source = p[0];
      u.target = p[1];
      u.document = "fuzz";
      u.created = "20250101T000000Z";
      units.push_back(u);
    }
    s->AddUnits(units);
    return s;
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t control = data[0];
  const std::string query(reinterpret_cast<const char*>(data + 1), size - 1);
  ancre::tm::SearchOptions options;
  options.substring = (control & 1) != 0;
  options.lang = (control & 2) != 0 ? "fr" : ((control & 4) != 0 ? "en" : "any");
  options.max = 1 + (control >> 4);
  try {
    ancre::tm::CheckSearchQuery(query, options.substring);
  } catch (const ancre::UsageError&) {
    Check(query.size() > 0, "an empty query is not beyond a limit");
    return 0;
  }
  try {
    for (const ancre::tm::ConcordanceHit& hit : SmallTm().Search(query, options)) {
      for (const auto& [side, hits] :
           {std::pair{&hit.source, &hit.source_hits}, std::pair{&hit.target, &hit.target_hits}}) {
        size_t previous = 0;
        for (const auto& [b, e] : *hits) {
          Check(b < e && e <= side->size(), "a hit lies inside its text");
          Check(b >= previous, "hits are in order");
          previous = b;
        }
      }
    }
  } catch (const ancre::Error&) {
    // A query FTS5 cannot parse is an error for the user, not a crash.
  }
  return 0;
}
