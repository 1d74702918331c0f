// The pipeline library: from two inputs to an alignment — segmentation (or
// one segment per line), anchors, the lexicon (FreeDict files, see
// freedict.h) and align::Align() — and on to its stored run (store.h), its
// report view (view.h), or a whole batch of pairs (batch.h). This is what
// `ancre align` and `ancre report` run, as options structs and functions any
// program (or a binding) calls without a command line; the libraries below it
// (align, text) read no files of their own.
//
// Usage:
//   ancre::pipeline::PairOptions o;  o.align.mode = ancre::AlignMode::kAuto;
//   ancre::pipeline::AlignedDocuments d =
//       ancre::pipeline::AlignFiles("a.fr.txt", "a.en.txt", {}, o);
//   for (const ancre::Bead& b : d.pair.alignment.beads)
//     if (!b.src.empty()) std::cout << d.pair.src.segments[b.src[0]].text << "\n";
//
// Thread-safety: reentrant; uses up to options.align.threads threads.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "src/align/aligner.h"
#include "src/align/lexicon.h"
#include "src/align/mode_decision.h"
#include "src/core/anchor.h"
#include "src/core/bead.h"
#include "src/core/segment.h"
#include "src/text/furniture.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::pipeline {

// Where the alignment of one pair is, for a progress display: the step
// `stage` starts, with `done` the share of the work finished before it
// (fixed shares, measured on long news documents), 1 when all is done.
struct AlignProgress {
  std::string_view stage;  // "reading", "segmenting", "finding anchors", "aligning", "done"
  double done = 0;         // in [0, 1]
};

struct PairOptions {
  // Language tags, as LanguageTag::Parse reads them ("fr", "FR", "fr_FR").
  std::string src_language = "fr";
  std::string tgt_language = "en";
  // Every non-blank input line is one segment, numbered by its 0-based line
  // (Segment::number).
  bool presegmented = false;
  // How both documents are segmented: paragraphs, SRX rules, extra
  // abbreviations (its language and presegmented are set from the fields
  // above).
  text::SegmenterOptions segmentation;
  // FreeDict dictionaries folder; empty = no lexicon.
  std::string dictionary_dir = "/usr/share/dictd";
  // A lexicon loaded once for many pairs (LoadFreeDict(dictionary_dir, ...));
  // when set, dictionary_dir is not read.
  std::shared_ptr<const align::Lexicon> lexicon;
  // The user's dictionaries (user_dictionary.h: TSV, or hunalign's .dic),
  // used beside FreeDict's; empty = none.
  std::vector<std::string> dictionary_files;
  // Those dictionaries loaded once for many pairs (LoadUserDictionaries);
  // when set, dictionary_files are not read.
  std::shared_ptr<const align::Lexicon> user_lexicon;
  // YYYY-MM-DD: resolves relative dates in anchors; empty = inferred.
  std::string document_date;
  // Extract anchors (dates, numbers, entities) as evidence.
  bool anchors = true;
  // Refuse documents that clearly do not read as their declared languages
  // (text::LanguageMismatch: script and function words), as swapped inputs
  // would store English as French; false aligns them anyway.
  bool check_languages = true;
  // Comparable mode: set page furniture aside (text::DetectFurniture:
  // credits, bylines, promotion blocks ...), so that no link takes it.
  bool set_aside_furniture = true;
  // Keep the aligner's candidate pairs and their similarities
  // (AlignedPair::candidates), for a report's score matrix.
  bool candidates = false;
  // Mode, min_score, threads (languages and lexicon are set from the fields above).
  align::AlignOptions align;
  // Called on the calling thread as each step of AlignFiles or
  // AlignDocuments starts, and once done; empty = not called. Must not throw.
  // The libraries print nothing: a program draws the progress it is given.
  std::function<void(const AlignProgress&)> progress;
};

struct AlignedPair {
  Document src;  // segments, in document order (Segment::index = position)
  Document tgt;
  DocumentAnchors src_anchors;  // parallel to src.segments
  DocumentAnchors tgt_anchors;
  // Beads name segments by position in src/tgt.segments; outputs show
  // Segment::number instead (see Numbered()).
  Alignment alignment;
  align::ModeDecision decision;  // how the mode was chosen (auto)
  // With PairOptions::candidates: each source segment's best targets under
  // the aligner's final scorer (positions in src/tgt.segments).
  std::vector<align::Candidate> candidates;
  // Each segment's page-furniture verdict (parallel to src/tgt.segments);
  // comparable mode set the furniture aside. Empty when not detected.
  std::vector<text::Furniture> src_furniture, tgt_furniture;
  // What the user should know that did not stop the alignment, one line
  // each ("the source document is declared de but has hardly any German
  // function words ..."); a program shows them as warnings.
  std::vector<std::string> warnings;
  double lexicon_load_seconds = 0;
  size_t lexicon_pairs = 0;       // FreeDict's
  size_t user_lexicon_pairs = 0;  // the user dictionaries'
};

// Segments both inputs, extracts anchors, loads the lexicon (in the
// background while segmenting) and aligns. Returns the documents and beads.
// Throws Error for an unknown language, IoError for an unreadable dictionary,
// ParseError for a user dictionary that is not in its format.
AlignedPair AlignDocuments(const text::InputText& src, const text::InputText& tgt,
                           const PairOptions& options);

// Two documents read from files, and their alignment: what the TM step
// (store.h) and the report views (view.h) take.
// Why comparable mode set the segment of an unaligned bead aside as page
// furniture ("credit", "promo" ...); empty for any other bead.
std::string_view FurnitureOf(const Bead& bead, const AlignedPair& pair);

struct AlignedDocuments {
  std::string src_path;  // as given ("-" = stdin)
  std::string tgt_path;
  text::InputText src;  // the inputs, decoded to UTF-8
  text::InputText tgt;
  // Invalid UTF-8 sequences replaced with U+FFFD (InputOptions::lenient).
  size_t src_replaced = 0;
  size_t tgt_replaced = 0;
  PairOptions options;  // what they were aligned with
  AlignedPair pair;
};

// Reads both files (RequireDocumentFile, then text::ReadInput with
// `src_input` and `tgt_input`: each side its own encoding) and aligns them
// (AlignDocuments). Throws what those throw.
AlignedDocuments AlignFiles(const std::string& src_path, const std::string& tgt_path,
                            const text::InputOptions& src_input,
                            const text::InputOptions& tgt_input, const PairOptions& options);

// The same, both files read with `input`.
AlignedDocuments AlignFiles(const std::string& src_path, const std::string& tgt_path,
                            const text::InputOptions& input, const PairOptions& options);

// Throws IoError naming `path` unless it can be read as a document: a regular
// file, a FIFO or a character device (/dev/stdin), or "-" (stdin); a path
// that does not exist passes (reading it says what is wrong). A folder, a
// block device or a socket would otherwise read as an empty text.
void RequireDocumentFile(const std::string& path);

// `bead` (naming segments by position in src and tgt) as outputs name it:
// by Segment::number. Throws nothing but bad_alloc.
Bead Numbered(const Bead& bead, const Document& src, const Document& tgt);

}  // namespace ancre::pipeline
