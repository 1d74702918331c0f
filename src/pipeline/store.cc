#include "src/pipeline/store.h"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <vector>

#include "src/core/json.h"

namespace ancre::pipeline {
namespace {

// The original text of every segment, decoded to UTF-8 (right for any input encoding).
std::vector<std::string> Originals(const text::InputText& input, const Document& doc) {
  std::vector<std::string> out;
  out.reserve(doc.segments.size());
  for (const Segment& s : doc.segments) {
    out.push_back(
        input.utf8().substr(s.utf8.begin, std::max(s.utf8.begin, s.utf8.end) - s.utf8.begin));
  }
  return out;
}

// A document's title: its first segment, cut at kTitleBytes on a character
// boundary (the text is valid UTF-8, and so is the title).
std::string Title(const std::string& first_segment) {
  constexpr size_t kTitleBytes = 200;
  if (first_segment.size() <= kTitleBytes) return first_segment;
  size_t end = kTitleBytes;
  // UTF-8: continuation bytes are 10xxxxxx; back up to the start of a character.
  while (end > 0 && (static_cast<unsigned char>(first_segment[end]) & 0xC0) == 0x80) --end;
  return first_segment.substr(0, end);
}

// A TM's record of one side; borrows doc and anchors (see tm::DocumentRecord).
tm::DocumentRecord Record(const std::string& path, const text::InputText& input,
                          const Document& doc, const DocumentAnchors& anchors,
                          const std::string& language, const std::string& date) {
  tm::DocumentRecord r;
  r.path = path;
  r.content = input.utf8();
  r.language = language;
  r.title = doc.segments.empty() ? "" : Title(doc.segments.front().text);
  r.date = date;
  r.document = &doc;
  r.anchors = &anchors;
  r.originals = Originals(input, doc);
  return r;
}

}  // namespace

std::string RunParameters(const PairOptions& options) {
  std::ostringstream params;
  params << "{\"min_score\":" << options.align.min_score
         << ",\"presegmented\":" << (options.presegmented ? "true" : "false")
         << ",\"lexicon\":" << (options.dictionary_dir.empty() ? "false" : "true")
         << ",\"date\":" << JsonString(options.document_date) << "}";
  return params.str();
}

StoreSummary StoreAlignment(tm::TranslationMemory& store, const AlignedDocuments& a) {
  const tm::DocumentRecord src = Record(a.src_path, a.src, a.pair.src, a.pair.src_anchors,
                                        a.options.src_language, a.options.document_date);
  const tm::DocumentRecord tgt = Record(a.tgt_path, a.tgt, a.pair.tgt, a.pair.tgt_anchors,
                                        a.options.tgt_language, a.options.document_date);
  tm::AlignmentRecord run;
  run.mode = std::string(AlignModeName(a.pair.alignment.mode));
  run.parameters = RunParameters(a.options);
  const tm::SaveResult saved = store.SaveAlignment(src, tgt, a.pair.alignment, run);
  StoreSummary out;
  out.run_id = saved.alignment_id;
  out.already_stored = saved.already_stored;
  out.units_added = saved.units_added;
  out.units_existing = saved.units_existing;
  for (const Bead& b : a.pair.alignment.beads) out.pairs += !b.src.empty() && !b.tgt.empty();
  return out;
}

}  // namespace ancre::pipeline
