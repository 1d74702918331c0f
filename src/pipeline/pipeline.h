// The pipeline library: from two inputs to an alignment — segmentation (or
// one segment per line), anchors, the lexicon (FreeDict files, see
// freedict.h) and align::Align(). This is what `ancre align` runs, kept here
// so other front ends (storing into a translation memory, a binding) reuse
// it; the libraries below it (align, text) read no files of their own.
//
// Usage:
//   ancre::pipeline::PairOptions o;  o.align.mode = ancre::AlignMode::kAuto;
//   ancre::pipeline::AlignedPair p = ancre::pipeline::AlignDocuments(
//       ancre::text::ReadInput("a.fr.txt", {}), ancre::text::ReadInput("a.en.txt", {}), o);
//   for (const ancre::Bead& b : p.alignment.beads) ... p.src.segments[b.src[0]] ...
//
// Thread-safety: reentrant; uses up to options.align.threads threads.
#pragma once

#include <string>

#include "src/align/aligner.h"
#include "src/align/lexicon.h"
#include "src/align/mode_decision.h"
#include "src/core/anchor.h"
#include "src/core/bead.h"
#include "src/core/segment.h"
#include "src/text/input.h"

namespace ancre::pipeline {

struct PairOptions {
  std::string src_language = "fr";
  std::string tgt_language = "en";
  // Every non-empty input line is one segment, its index the 0-based line number.
  bool presegmented = false;
  // FreeDict dictionaries folder; empty = no lexicon.
  std::string dictionary_dir = "/usr/share/dictd";
  // A lexicon loaded once for many pairs (LoadFreeDict(dictionary_dir, ...));
  // when set, dictionary_dir is not read. Borrowed: must outlive the call.
  const align::Lexicon* lexicon = nullptr;
  // YYYY-MM-DD: resolves relative dates in anchors; empty = inferred.
  std::string document_date;
  // Extract anchors (dates, numbers, entities) as evidence.
  bool anchors = true;
  // Mode, min_score, threads (languages and lexicon are set from the fields above).
  align::AlignOptions align;
};

struct AlignedPair {
  Document src;  // segments; Segment::index is what beads refer to
  Document tgt;
  DocumentAnchors src_anchors;  // parallel to src.segments
  DocumentAnchors tgt_anchors;
  Alignment alignment;           // bead indices are Segment::index values
  align::ModeDecision decision;  // how the mode was chosen (auto)
  double lexicon_load_seconds = 0;
  size_t lexicon_pairs = 0;
};

// Segments both inputs, extracts anchors, loads the lexicon (in the
// background while segmenting) and aligns. Returns the documents and beads.
// Throws Error for an unknown language, IoError for an unreadable dictionary.
AlignedPair AlignDocuments(const text::InputText& src, const text::InputText& tgt,
                           const PairOptions& options);

// The segments of a presegmented input: one per non-empty line, index = line
// number, span = the line, text normalized. Throws nothing but bad_alloc.
Document LineSegments(const text::InputText& input, const std::string& language);

}  // namespace ancre::pipeline
