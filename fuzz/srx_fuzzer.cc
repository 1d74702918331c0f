// Fuzzes the SRX reader and rule application: arbitrary XML must either load or
// throw an ancre error (never crash, never hang past the regex time limit); the
// boundaries of loaded rules are increasing offsets ending at the text's size.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "src/core/error.h"
#include "src/text/srx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string xml(reinterpret_cast<const char*>(data), size);
  try {
    ancre::text::SrxRules rules = ancre::text::SrxRules::Parse(xml, "fuzz.srx", "fr");
    const std::string text = "M. Dupont est arrivé. Il est reparti ! « Oui. » Fin… 3.5 km.";
    std::vector<size_t> out;
    rules.Boundaries(text, &out);
    if (out.empty() || out.back() != text.size()) abort();
    for (size_t i = 1; i < out.size(); ++i) {
      if (out[i] <= out[i - 1]) abort();
    }
  } catch (const ancre::Error&) {
  }
  return 0;
}
