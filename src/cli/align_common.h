// What `ancre align` and `ancre report` share: the options that shape an
// alignment (languages, mode, segmentation, dictionary ...), reading both
// inputs and running the alignment pipeline, and saving the result into a
// translation memory.
#pragma once

#include <string>

#include "src/cli/options.h"
#include "src/pipeline/pipeline.h"
#include "src/text/input.h"
#include "tm/store.h"

namespace ancre::cli {

// --src-lang, --tgt-lang, --mode, --presegmented, --min-score, --date,
// --encoding, --dictionary, --threads.
po::options_description AlignmentOptions();

// Both inputs and their alignment.
struct AlignedInputs {
  std::string src_path;
  std::string tgt_path;
  text::InputText src;
  text::InputText tgt;
  pipeline::PairOptions options;
  pipeline::AlignedPair pair;
};

// Reads SRC and TGT (positional "src" and "tgt" in vm) and aligns them with
// the options of AlignmentOptions(); prints the auto-mode decision and a
// missing-dictionary warning on stderr unless `quiet`. Throws UsageError for
// bad options, and what ReadInput and AlignDocuments throw.
AlignedInputs AlignFromArgs(const std::string& command, const po::variables_map& vm,
                            bool quiet = false, const align::Lexicon* lexicon = nullptr);

// What SaveToStore did.
struct StoredAlignment {
  std::string db_path;
  bool already_stored = false;
  size_t units_added = 0;
  size_t units_existing = 0;
  size_t pairs = 0;  // beads with both sides
};

// Stores both documents, their segments and anchors, the run and its pairs in
// the TM at db_path (created if missing), in one transaction: an interrupted
// run leaves the TM as it was. Waits up to busy_timeout_ms while another
// process writes. Throws what tm::Store throws (DbError, IoError).
StoredAlignment SaveToStore(const std::string& db_path, const AlignedInputs& aligned,
                            int busy_timeout_ms);
// The same into an open store.
StoredAlignment SaveToStore(tm::Store& store, const AlignedInputs& aligned);

}  // namespace ancre::cli
