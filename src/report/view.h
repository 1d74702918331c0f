// The alignment as the reports see it: both documents with every sentence's
// original text and its anchors (byte offsets into that text), the beads in
// the order `ancre align --format jsonl` prints them, and optional candidate
// pair scores for the score matrix. The renderers (html.h, terminal.h) take
// only this plain data, so a report can be built from a fresh alignment or
// from a translation memory alike.
//
// Usage:
//   ancre::report::AlignmentView v;
//   v.src = {.language = "fr", .name = "a.fr.txt", .sentences = {{0, "Le 27 octobre.", {}}}};
//   v.tgt = {.language = "en", .name = "a.en.txt", .sentences = {{0, "On October 27.", {}}}};
//   v.beads = {{.src = {0}, .tgt = {0}, .score = 0.93}};
//   ancre::report::Layout layout = ancre::report::BuildLayout(v);   // rows, highlights
//
// Thread-safety: plain values and pure functions; share freely.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/anchor.h"
#include "src/core/bead.h"

namespace ancre::report {

// An anchor as found in one sentence.
struct AnchorMark {
  size_t begin = 0;  // byte offset into Sentence::text
  size_t end = 0;    // one past the last byte
  AnchorKind kind = AnchorKind::kNumber;
  std::string key;  // language-independent key ("--10-27")
};

struct Sentence {
  size_t index = 0;                 // Segment::index: what beads refer to
  std::string text;                 // original text as in the input, UTF-8
  std::vector<AnchorMark> anchors;  // any order; out-of-range marks are not shown
  // Why comparable mode set the sentence aside as page furniture ("credit",
  // "promo" ...); empty for text.
  std::string furniture;
};

struct Side {
  std::string language;             // BCP 47 tag, e.g. "fr"
  std::string name;                 // document name shown to the user (file name, TM label)
  std::vector<Sentence> sentences;  // in document order
};

// A scored pair the aligner considered, chosen or not (for the score matrix).
struct CandidatePair {
  size_t src = 0;  // Sentence::index on the source side
  size_t tgt = 0;
  double score = 0.0;  // in [0, 1]; higher = more similar
};

struct AlignmentView {
  Side src;
  Side tgt;
  std::string mode;                       // "parallel" or "comparable"
  std::vector<Bead> beads;                // bead K = line K of `--format jsonl`
  std::vector<CandidatePair> candidates;  // may be empty
  std::string title;                      // page title; empty = from the document names
};

// Confidence bands of calibrated scores, per alignment mode. A score means
// something else in each mode: in parallel mode, that a bead is a
// translation; in comparable mode, that the two sentences report the same
// fact (they are never translations of each other). The thresholds come
// from the share of correct pairs measured on the development news (six
// language pairs; kCalibration below), so that a band says how far a pair
// can be trusted in its mode: "low" is kept for where most pairs are wrong.
enum class Band { kHigh, kMedium, kLow };

struct BandThresholds {
  double high = 0.0;    // score >= high: high
  double medium = 0.0;  // score >= medium: medium; below: low
};
// Parallel: from 0.5 on, 98.6-99.8 % of beads are right; below 0.05, 2 %.
inline constexpr BandThresholds kParallelBands{.high = 0.5, .medium = 0.05};
// Comparable: from 0.9 on, 98.7 % report the same fact; below 0.4, 6 %.
inline constexpr BandThresholds kComparableBands{.high = 0.9, .medium = 0.4};

// The thresholds of `mode` ("parallel" or "comparable"); any other mode
// (empty: unknown, e.g. an imported unit) has the parallel ones.
BandThresholds BandThresholdsOf(std::string_view mode);
// The band of a score in `mode` (see BandThresholdsOf).
Band BandOf(double score, std::string_view mode);
// "high", "medium", "low".
std::string_view BandName(Band band);

// One row of the measured calibration: in `mode`, the pairs scored in
// [from, to) (to = 1 includes 1) of the development news, how many there
// were and the share correct. `with_omissions` is that share on the
// translations with omitted sentences (parallel rows only; -1 otherwise),
// the hardest parallel condition.
struct CalibrationRow {
  std::string_view mode;
  Band band;
  double from;
  double to;
  long pairs;
  double correct;
  double with_omissions;
};
// Measured with `ancre align --presegmented` (and end to end for the raw
// condition) on the development news of the evaluation data: fr, de, cs,
// es, ru -> en and de -> fr; parallel mode on translations (clean, with
// omissions, with merged sentences, raw text), comparable mode on
// synthetic comparable documents (40 % of the sentences dropped, 20 %
// moved, 20 % from other articles). A parallel bead is correct when it is
// the gold bead; a comparable link when it is a gold pair.
extern const CalibrationRow kCalibration[6];

// One sentence saying what the bands of `mode` mean, from kCalibration:
// "parallel mode: high 0.50-1.00 (99.7 % of pairs right on the development
// news), medium 0.05-0.50 (90.3 %), low below 0.05 (2.1 %)". Comparable mode
// says first that a pair reports the same fact and is no translation.
std::string BandMeaning(std::string_view mode);

// The calibration as a plain-text table for --help and notes: per mode,
// band, score range, pairs measured, share correct.
std::string CalibrationTable();

// One line of the side-by-side view: a pair (a bead with sentences on both
// sides) or sentences that stayed alone (a 1-0 / 0-1 bead, or sentences that
// no bead names).
struct Row {
  int bead = -1;            // index into AlignmentView::beads; -1 for sentences no bead names
  bool pair = false;        // both sides non-empty
  std::vector<size_t> src;  // positions in AlignmentView::src.sentences, ascending
  std::vector<size_t> tgt;  // positions in AlignmentView::tgt.sentences
  size_t target_order = 0;  // this row's place when the view follows the target document
};

struct Layout {
  // Rows in source document order; target-only rows follow the row holding the
  // nearest preceding target sentence, so both documents read in order when
  // the alignment is parallel.
  std::vector<Row> rows;
  // Per side, per sentence, per anchor: true if the anchor is the occurrence
  // of a shared anchor of the sentence's bead (the evidence to highlight).
  std::vector<std::vector<bool>> src_shared;
  std::vector<std::vector<bool>> tgt_shared;
  // For each sentence position: the (first) row holding it; in comparable
  // mode a sentence linked to several others is in one row per link.
  std::vector<size_t> src_row;
  std::vector<size_t> tgt_row;
  size_t pairs = 0;          // rows with a pair
  size_t unaligned_src = 0;  // source sentences in no pair
  size_t unaligned_tgt = 0;
  size_t highlighted = 0;  // anchors flagged in src_shared + tgt_shared
};

// Builds the rows and the highlights of `view`. Each shared anchor of a bead
// marks one anchor occurrence per side: the first unused one in the bead's
// sentences with the same key and kind (preferring the same text, then any
// kind with that key). Returns the layout; throws Error if a bead names a
// sentence index the view does not have, or names a sentence twice.
Layout BuildLayout(const AlignmentView& view);

}  // namespace ancre::report
