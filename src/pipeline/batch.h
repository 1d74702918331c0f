// The batch runner: aligns many document pairs into one translation memory,
// pairs in parallel on several threads, one writer (the calling thread)
// storing them in manifest order. Each pair is stored in its own transaction,
// so a batch that stops midway keeps the pairs finished before (and none
// half-stored); a rerun skips them, as storing an alignment twice writes
// nothing.
//
// Usage:
//   ancre::pipeline::BatchOptions o;
//   o.pairs = ancre::pipeline::ReadManifest("manifest.tsv");
//   o.db_path = "tm.sqlite";  o.pair.src_language = "fr";  o.pair.tgt_language = "en";
//   ancre::pipeline::BatchSummary s = ancre::pipeline::RunBatch(o);
//
// Thread-safety: RunBatch is reentrant; it starts up to options.workers
// threads and calls options.on_pair on the calling thread.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "src/align/learned_lexicon.h"
#include "src/pipeline/pipeline.h"
#include "src/pipeline/store.h"
#include "src/text/input.h"

namespace ancre::pipeline {

// One line of a manifest: a source and a target document.
struct ManifestEntry {
  std::string src;  // paths, resolved against the manifest's folder
  std::string tgt;
  size_t line = 0;  // 1-based line in the manifest
};

// Reads a manifest: one `source<TAB>target` per line, relative paths resolved
// against the manifest's folder ("-" = stdin: against the working folder);
// blank lines and lines starting with '#' are skipped. Throws IoError, and
// ParseError (file:line) for a line without exactly two fields.
std::vector<ManifestEntry> ReadManifest(const std::string& path);

// What became of one pair, as the writer stored it.
struct PairOutcome {
  size_t entry = 0;          // index into BatchOptions::pairs
  std::exception_ptr error;  // set if reading, aligning or storing failed
  StoreSummary stored;       // when no error
};

struct BatchOptions {
  std::vector<ManifestEntry> pairs;  // the document pairs, stored in this order
  // Alignment options of every pair. Set `lexicon` to load the dictionary
  // once for the batch (else each pair reads dictionary_dir). Its
  // align.threads is ignored: each pair runs on one worker thread.
  PairOptions pair;
  text::InputOptions input;                           // how the source documents are read
  text::InputOptions tgt_input;                       // how the target documents are read
  std::string db_path;                                // the TM, created if missing
  int lock_wait_ms = tm::OpenOptions{}.lock_wait_ms;  // wait while another process writes
  size_t workers = 2;                                 // alignment threads (at least 1)
  // With pair.align.learn, more than one pair and no dictionary (neither
  // FreeDict's nor the user's): first learn word translations from all pairs
  // together (LearnFromPairs: every document is read and aligned twice), and
  // give them to every pair's alignment (align::AlignOptions::learned_lexicon).
  // Without a dictionary this is what a pair of short documents lacks most
  // (German–English news, omissions, strict F1 0.949 -> 0.965); with one it
  // measured no gain (Russian–English omissions 0.973 -> 0.971).
  bool learn_together = true;
  // Called with the number of word translations learned together, before
  // the first pair is stored; may be empty.
  std::function<void(size_t)> on_learned;
  // Called after each pair is stored (or failed), in manifest order, on the
  // calling thread; may be empty. An exception it throws stops the batch.
  std::function<void(const PairOutcome&)> on_pair;
};

struct BatchSummary {
  size_t stored = 0;   // pairs stored
  size_t already = 0;  // pairs the TM held already
  size_t failed = 0;   // pairs that could not be read, aligned or stored
  size_t units = 0;    // new translation units
};

// Learns word translations from every pair of `pairs` together: each is
// read (with src_input, tgt_input) and aligned in parallel mode without learning
// (options.align.learn and mode are overridden), and the confident 1-1 beads of all of them are
// counted by one align::LexiconLearner. Returns its pairs (see
// LexiconLearner::Pairs). Deterministic, whatever `workers` (pairs aligned
// at once, each on one thread; with 1, options.align.threads). A pair that
// cannot be read or aligned is passed to on_failed (its index) and left
// out; with no on_failed, its error is thrown.
std::vector<align::LearnedPair> LearnFromPairs(
    const std::vector<ManifestEntry>& pairs, const text::InputOptions& src_input,
    const text::InputOptions& tgt_input, const PairOptions& options, size_t workers = 1,
    const std::function<void(size_t)>& on_failed = nullptr);

// Aligns and stores every pair, then brings the TM's search indexes up to
// date once (faster than pair by pair; a batch that stops midway leaves its
// stored pairs for the next writer to index). A pair that fails is counted
// and reported to on_pair, and the batch goes on. Throws what opening the TM
// throws, and what on_pair throws (the workers are stopped first).
BatchSummary RunBatch(const BatchOptions& options);

}  // namespace ancre::pipeline
