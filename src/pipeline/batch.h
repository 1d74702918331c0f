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

// Aligns and stores every pair, then brings the TM's search indexes up to
// date once (faster than pair by pair; a batch that stops midway leaves its
// stored pairs for the next writer to index). A pair that fails is counted
// and reported to on_pair, and the batch goes on. Throws what opening the TM
// throws, and what on_pair throws (the workers are stopped first).
BatchSummary RunBatch(const BatchOptions& options);

}  // namespace ancre::pipeline
