// Fuzzes decoding + sentence segmentation. Properties: spans lie inside the
// input, in order, without overlap, trimmed and non-empty; a segment's text is
// the normalization of its original bytes (UTF-8 input); streaming gives the
// same segments as segmenting the whole input.
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

#include "src/core/error.h"
#include "src/text/normalize.h"
#include "src/text/segmenter.h"

namespace {

const char* const kLanguages[] = {"fr", "en", "de", "es", "it", "pt"};

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "property violated: %s\n", what);
    abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  uint8_t control = data[0];
  std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  ancre::text::SegmenterOptions options;
  options.language = kLanguages[control % 6];
  options.paragraphs =
      (control & 0x10) ? ancre::text::ParagraphMode::kBlank : ancre::text::ParagraphMode::kLine;
  static ancre::text::Segmenter* segmenters[12] = {};
  ancre::text::Segmenter*& seg = segmenters[(control % 6) * 2 + ((control & 0x10) ? 1 : 0)];
  if (!seg) seg = new ancre::text::Segmenter(options);  // reused across runs, as in production

  ancre::Document doc;
  ancre::text::InputOptions input_options;
  input_options.lenient = (control & 0x20) != 0;
  bool utf8_identity = false;
  try {
    ancre::text::InputText input(bytes, "fuzz", input_options);
    utf8_identity = input.encoding() == "UTF-8" && !input_options.lenient;
    doc = seg->Segment(input);
  } catch (const ancre::EncodingError&) {
    return 0;
  }
  size_t previous_end = 0;
  for (size_t i = 0; i < doc.segments.size(); ++i) {
    const ancre::Segment& s = doc.segments[i];
    Check(s.index == i, "indices are consecutive");
    Check(s.span.begin < s.span.end, "spans are non-empty");
    Check(s.span.begin >= previous_end, "spans are in order without overlap");
    Check(s.span.end <= bytes.size(), "spans lie inside the input");
    Check(!s.text.empty() && s.text.front() != ' ' && s.text.back() != ' ', "text is trimmed");
    if (utf8_identity) {
      std::string original = bytes.substr(s.span.begin, s.span.size());
      Check(ancre::text::NormalizeSegmentText(original) == s.text, "text normalizes the span");
    }
    previous_end = s.span.end;
  }
  if (utf8_identity) {
    std::istringstream in(bytes);
    size_t k = 0;
    seg->SegmentStream(in, "fuzz", input_options, [&](ancre::Segment&& s) {
      Check(k < doc.segments.size(), "streaming gives no extra segment");
      Check(s.span == doc.segments[k].span, "streaming gives the same spans");
      ++k;
    });
    Check(k == doc.segments.size(), "streaming gives every segment");
  }
  return 0;
}
