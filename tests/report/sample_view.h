// Hand-made alignment views for the report tests.
#pragma once

#include <string>
#include <string_view>

#include "src/report/view.h"

namespace ancre::report::testing {

// The anchor of `text` found at its first occurrence in sentence s.
inline AnchorMark MarkOf(const Sentence& s, std::string_view text, AnchorKind kind,
                         std::string key) {
  size_t at = s.text.find(text);
  return AnchorMark{at, at + text.size(), kind, std::move(key)};
}

// Three French and four English sentences, aligned in parallel:
// bead 0: fr 0 - en 0 (0.95, shares a date and an entity)
// bead 1: fr 1 - en 1,2 (0.35, shares a number: a medium translation)
// bead 2: fr 2 - nothing (1-0)
// en 3: in no bead.
inline AlignmentView ParallelView() {
  AlignmentView v;
  v.mode = "parallel";
  v.src = {.language = "fr", .name = "a.fr.txt", .sentences = {}};
  v.tgt = {.language = "en", .name = "a.en.txt", .sentences = {}};
  v.src.sentences = {
      {0, "Le 27 octobre, Hun Manet a rencontré Lee Jae-myung.", {}, {}},
      {1, "Les deux pays comptent 1 000 victimes.", {}, {}},
      {2, "Édition internationale", {}, {}},
  };
  v.tgt.sentences = {
      {0, "On October 27, Hun Manet met Lee Jae-myung.", {}, {}},
      {1, "The two countries count 1,000 victims.", {}, {}},
      {2, "Most were lured by fake jobs.", {}, {}},
      {3, "Comments", {}, {}},
  };
  Sentence& f0 = v.src.sentences[0];
  f0.anchors = {MarkOf(f0, "27 octobre", AnchorKind::kDate, "--10-27"),
                MarkOf(f0, "Hun Manet", AnchorKind::kEntity, "hun manet"),
                MarkOf(f0, "Lee Jae-myung", AnchorKind::kEntity, "lee jae-myung")};
  Sentence& e0 = v.tgt.sentences[0];
  e0.anchors = {MarkOf(e0, "October 27", AnchorKind::kDate, "--10-27"),
                MarkOf(e0, "Hun Manet", AnchorKind::kEntity, "hun manet")};
  Sentence& f1 = v.src.sentences[1];
  f1.anchors = {MarkOf(f1, "1 000", AnchorKind::kNumber, "1000")};
  Sentence& e1 = v.tgt.sentences[1];
  e1.anchors = {MarkOf(e1, "1,000", AnchorKind::kNumber, "1000")};

  Bead b0{.src = {0}, .tgt = {0}, .score = 0.95, .anchors = {}};
  b0.anchors = {{AnchorKind::kDate, "--10-27", "27 octobre", "October 27"},
                {AnchorKind::kEntity, "hun manet", "Hun Manet", "Hun Manet"}};
  Bead b1{.src = {1}, .tgt = {1, 2}, .score = 0.35, .anchors = {}};
  b1.anchors = {{AnchorKind::kNumber, "1000", "1 000", "1,000"}};
  Bead b2{.src = {2}, .tgt = {}, .score = 0.0, .anchors = {}};
  v.beads = {b0, b1, b2};
  v.candidates = {{0, 0, 0.9}, {1, 1, 0.7}, {1, 3, 0.2}};
  return v;
}

}  // namespace ancre::report::testing
