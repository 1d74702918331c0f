// Fuzzes anchor extraction (dates, numbers, entities, acronyms) over the
// segments of arbitrary text. Properties: one anchor list per segment; every
// anchor's span is non-empty and lies inside its segment's span; its text is
// the input's bytes at that span; its key is non-empty; its weight is finite
// and not negative.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "src/core/error.h"
#include "src/text/anchors.h"
#include "src/text/segmenter.h"

namespace {

const char* const kLanguages[] = {"fr", "en"};

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "property violated: %s\n", what);
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t control = data[0];
  const size_t lang = control % 2;
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  // Reused across runs, as one process reuses them for many documents.
  static std::unique_ptr<ancre::text::Segmenter> segmenters[2];
  static std::unique_ptr<ancre::text::AnchorExtractor> extractors[2];
  if (!segmenters[lang]) {
    ancre::text::SegmenterOptions so;
    so.language = kLanguages[lang];
    segmenters[lang] = std::make_unique<ancre::text::Segmenter>(so);
    ancre::text::AnchorOptions ao;
    ao.language = kLanguages[lang];
    ao.document_date = "2025-10-27";  // fixed: results do not depend on earlier runs
    extractors[lang] = std::make_unique<ancre::text::AnchorExtractor>(ao);
  }

  ancre::text::InputOptions input_options;
  input_options.lenient = (control & 0x10) != 0;
  ancre::Document doc;
  ancre::text::InputText input;
  try {
    input = ancre::text::InputText(bytes, "fuzz", input_options);
    doc = segmenters[lang]->Segment(input);
  } catch (const ancre::EncodingError&) {
    return 0;
  }
  const bool identity = input.encoding() == "UTF-8" && !input_options.lenient;
  const ancre::DocumentAnchors anchors = extractors[lang]->Extract(input, doc);
  Check(anchors.size() == doc.segments.size(), "one anchor list per segment");
  for (size_t i = 0; i < anchors.size(); ++i) {
    const ancre::Span seg = doc.segments[i].span;
    for (const ancre::Anchor& a : anchors[i]) {
      Check(a.span.begin < a.span.end, "anchor spans are non-empty");
      Check(seg.begin <= a.span.begin && a.span.end <= seg.end,
            "anchor spans lie inside their segment");
      Check(!a.key.empty(), "anchor keys are non-empty");
      Check(std::isfinite(a.weight) && a.weight >= 0, "anchor weights are finite, not negative");
      if (identity) {
        Check(bytes.compare(a.span.begin, a.span.size(), a.text) == 0,
              "anchor text is the input at its span");
      }
    }
  }
  return 0;
}
