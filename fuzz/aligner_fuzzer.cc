// Fuzzes the sentence aligner on random anchored documents: the input bytes
// choose each side's segments (words from a small French and English
// vocabulary, numbers, punctuation, empty texts) and anchors (keys from a
// small set, so both sides share some), the mode and min_score. Properties:
// parallel mode puts every segment of both sides in exactly one bead, beads
// in order, no empty bead; comparable mode never puts a segment in two beads
// and, without a threshold, lists every segment once (aligned or not); every
// score is in [0, 1]; shared anchors carry a key.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "src/align/aligner.h"
#include "src/core/anchor.h"
#include "src/core/bead.h"

namespace {

const char* const kWords[] = {
    "le",    "la",    "de",      "et",       "Séoul",    "Cambodge", "police",  "the",
    "of",    "and",   "Seoul",   "Cambodia", "police",   "27",       "octobre", "October",
    "2025",  "3,5",   "3.5",     "%",        "millions", "million",  "«",       "»",
    ".",     "!",     "?",       "Corée",    "Korea",    "M.",       "Mr.",     "n'est",
    "isn't", "élève", "student", "",         "x",        "ÉTATS",    "US",      "É.-U."};
const char* const kKeys[] = {"2025-10-27", "--10-27", "3.5",  "KR", "KH",
                             "person:lee", "1000000", "0.15", "UN", "x"};
constexpr ancre::AnchorKind kKinds[] = {ancre::AnchorKind::kDate,    ancre::AnchorKind::kNumber,
                                        ancre::AnchorKind::kPercent, ancre::AnchorKind::kMoney,
                                        ancre::AnchorKind::kEntity,  ancre::AnchorKind::kAcronym};

void Check(bool ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "property violated: %s\n", what);
    abort();
  }
}

// Reads the fuzzer's bytes one at a time; 0 once they run out.
class Bytes {
 public:
  Bytes(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t Next() { return pos_ < size_ ? data_[pos_++] : 0; }
  bool empty() const { return pos_ >= size_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

void MakeSide(Bytes* in, size_t count, bool with_anchors, std::vector<std::string>* texts,
              ancre::DocumentAnchors* anchors) {
  for (size_t i = 0; i < count; ++i) {
    std::string text;
    const size_t words = in->Next() % 24;
    for (size_t w = 0; w < words; ++w) {
      const char* word = kWords[in->Next() % std::size(kWords)];
      if (!text.empty() && *word) text += ' ';
      text += word;
    }
    texts->push_back(text);
    if (!with_anchors) continue;
    std::vector<ancre::Anchor> list;
    const size_t n = in->Next() % 4;
    for (size_t a = 0; a < n; ++a) {
      ancre::Anchor anchor;
      const uint8_t b = in->Next();
      anchor.kind = kKinds[b % std::size(kKinds)];
      anchor.key = kKeys[(b / 8) % std::size(kKeys)];
      anchor.text = anchor.key;
      anchor.span = {0, text.size()};
      anchor.weight = (in->Next() % 5) / 4.0;
      list.push_back(anchor);
    }
    anchors->push_back(std::move(list));
  }
}

// Checks the indices of one side over all beads. Every segment is listed
// (a segment never vanishes, whatever min_score). Parallel mode: each exactly
// once, in order. Comparable mode: a segment may be in several links (1-1
// beads), but one left unaligned (a 1-0 or 0-1 bead) is in no link and
// listed once.
void CheckSide(const std::vector<ancre::Bead>& beads, bool source, size_t count, bool parallel) {
  std::vector<int> seen(count, 0), unaligned(count, 0);
  size_t next = 0;
  for (const ancre::Bead& b : beads) {
    const std::vector<size_t>& side = source ? b.src : b.tgt;
    const bool alone = b.src.empty() || b.tgt.empty();
    for (size_t k = 0; k < side.size(); ++k) {
      Check(side[k] < count, "bead indices are segments");
      ++seen[side[k]];
      if (alone) ++unaligned[side[k]];
      if (k > 0) Check(side[k] > side[k - 1], "bead indices ascend");
      if (parallel) {
        Check(side[k] == next, "parallel beads cover the segments in order");
        ++next;
      }
    }
    if (!parallel) Check(alone || (b.src.size() == 1 && b.tgt.size() == 1), "links are 1-1");
  }
  if (parallel) Check(next == count, "parallel mode puts every segment in a bead");
  for (size_t i = 0; i < count; ++i) {
    Check(seen[i] >= 1, "every segment is listed, aligned or not");
    if (parallel) Check(seen[i] == 1, "no segment in two parallel beads");
    if (unaligned[i] > 0) Check(seen[i] == 1, "an unaligned segment is in no link");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  Bytes in(data, size);
  const uint8_t control = in.Next();
  const size_t src_count = in.Next() % 64;
  const size_t tgt_count = in.Next() % 64;
  const bool with_anchors = (control & 0x04) == 0;
  std::vector<std::string> src_texts, tgt_texts;
  ancre::DocumentAnchors src_anchors, tgt_anchors;
  MakeSide(&in, src_count, with_anchors, &src_texts, &src_anchors);
  MakeSide(&in, tgt_count, with_anchors, &tgt_texts, &tgt_anchors);

  ancre::align::AlignOptions options;
  const ancre::AlignMode modes[] = {ancre::AlignMode::kParallel, ancre::AlignMode::kComparable,
                                    ancre::AlignMode::kAuto, ancre::AlignMode::kParallel};
  options.mode = modes[control % 4];
  options.min_score = (control & 0x08) ? 0.0 : (control >> 4) / 16.0;
  options.threads = 1;
  ancre::align::ModeDecision decision;
  const ancre::Alignment result =
      ancre::align::Align({src_texts, src_anchors}, {tgt_texts, tgt_anchors}, options, &decision);

  Check(result.mode != ancre::AlignMode::kAuto, "the mode used is never auto");
  if (options.mode != ancre::AlignMode::kAuto) Check(result.mode == options.mode, "mode as asked");
  Check(decision.mode == result.mode, "the decision names the mode used");
  const bool parallel = result.mode == ancre::AlignMode::kParallel;
  CheckSide(result.beads, true, src_count, parallel);
  CheckSide(result.beads, false, tgt_count, parallel);
  size_t last_src = 0;
  bool any_src = false;
  for (const ancre::Bead& b : result.beads) {
    Check(!b.src.empty() || !b.tgt.empty(), "no empty bead");
    Check(std::isfinite(b.score) && b.score >= 0.0 && b.score <= 1.0, "scores are in [0, 1]");
    if (result.mode == ancre::AlignMode::kParallel && !b.src.empty()) {
      if (any_src) Check(b.src.front() > last_src, "parallel beads are in source order");
      last_src = b.src.back();
      any_src = true;
    }
    for (const ancre::SharedAnchor& a : b.anchors)
      Check(!a.key.empty(), "shared anchors have keys");
  }
  return 0;
}
