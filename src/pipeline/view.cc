#include "src/pipeline/view.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>

namespace ancre::pipeline {
namespace {

// The name a document is shown by: its file name, else what it was called.
std::string DisplayName(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  return name.empty() ? path : name;
}

report::Side MakeSide(const Document& doc, const DocumentAnchors& anchors,
                      const text::InputText& input) {
  report::Side side;
  side.language = doc.language;
  side.name = DisplayName(input.name());
  side.sentences.reserve(doc.segments.size());
  const std::string& utf8 = input.utf8();
  for (size_t p = 0; p < doc.segments.size(); ++p) {
    const Segment& seg = doc.segments[p];
    const size_t begin = seg.utf8.begin;
    const size_t end = std::max(begin, seg.utf8.end);
    report::Sentence s;
    s.index = seg.number;
    s.text = utf8.substr(begin, end - begin);
    if (p < anchors.size()) {
      for (const Anchor& a : anchors[p]) {
        const size_t ab = input.ToUtf8Offset(a.span.begin);
        const size_t ae = input.ToUtf8Offset(a.span.end);
        if (ab < begin || ae > end || ab >= ae) continue;  // not inside its segment
        s.anchors.push_back({ab - begin, ae - begin, a.kind, a.key});
      }
    }
    side.sentences.push_back(std::move(s));
  }
  return side;
}

report::Side StoredSide(const std::vector<tm::StoredSegment>& segments,
                        const tm::DocumentInfo& doc) {
  report::Side side;
  side.language = doc.language;
  side.name = DisplayName(doc.path);
  side.sentences.reserve(segments.size());
  for (const tm::StoredSegment& s : segments) {
    report::Sentence sentence;
    sentence.index = s.index;
    sentence.text = s.original;
    for (const Anchor& a : s.anchors) {
      sentence.anchors.push_back({a.span.begin, a.span.end, a.kind, a.key});
    }
    side.sentences.push_back(std::move(sentence));
  }
  return side;
}

}  // namespace

report::AlignmentView AlignmentView(const AlignedDocuments& aligned) {
  const AlignedPair& pair = aligned.pair;
  report::AlignmentView view;
  view.src = MakeSide(pair.src, pair.src_anchors, aligned.src);
  view.tgt = MakeSide(pair.tgt, pair.tgt_anchors, aligned.tgt);
  view.mode = std::string(AlignModeName(pair.alignment.mode));
  if (pair.alignment.mode == AlignMode::kComparable) {
    for (auto [side, furniture] :
         {std::pair{&view.src, &pair.src_furniture}, std::pair{&view.tgt, &pair.tgt_furniture}}) {
      for (size_t p = 0; p < side->sentences.size() && p < furniture->size(); ++p) {
        side->sentences[p].furniture = text::FurnitureName((*furniture)[p]);
      }
    }
  }
  view.beads.reserve(pair.alignment.beads.size());
  for (const Bead& b : pair.alignment.beads) view.beads.push_back(Numbered(b, pair.src, pair.tgt));
  for (const align::Candidate& c : pair.candidates) {
    if (c.sim < kMinCandidateScore) continue;
    view.candidates.push_back(
        {pair.src.segments[c.src].number, pair.tgt.segments[c.tgt].number, c.sim});
  }
  return view;
}

report::AlignmentView StoredAlignmentView(const tm::StoredAlignment& stored) {
  report::AlignmentView view;
  view.src = StoredSide(stored.source, stored.run.source);
  view.tgt = StoredSide(stored.target, stored.run.target);
  view.mode = stored.run.mode;
  view.beads = stored.beads;
  return view;
}

}  // namespace ancre::pipeline
