// What `ancre align` and `ancre report` share: the flags that shape an
// alignment (languages, mode, segmentation, dictionary ...), read into the
// pipeline's options structs in one place, and the run of the pipeline on
// one document pair with what it says on stderr.
#pragma once

#include <string>
#include <utility>

#include "src/cli/options.h"
#include "src/pipeline/pipeline.h"
#include "src/text/input.h"

namespace ancre::cli {

// --src-lang, --tgt-lang, --mode, --presegmented, --min-score, --date,
// --encoding, --src-encoding, --tgt-encoding, --dictionary, --dictionary-dir, --no-learn,
// --threads, and segment's --paragraphs, --srx, --abbreviations, --lenient.
po::options_description AlignmentOptions();

// The flags of AlignmentOptions(), read.
struct AlignmentArgs {
  pipeline::PairOptions pair;    // languages, mode, dictionary_dir ("" for 'none') ...
  text::InputOptions src_input;  // --encoding or --src-encoding, --lenient
  text::InputOptions tgt_input;  // --encoding or --tgt-encoding, --lenient
  int threads = 2;               // --threads, at least 1 (also in pair.align.threads)
};

// Reads the flags of AlignmentOptions() from vm (the only place they are
// read). Throws UsageError naming `command` for a bad --mode, a bad
// --paragraphs, a --dictionary that is not a file, a --dictionary-dir that
// is not a folder, and an --srx or
// --abbreviations that is not a file; IoError for an unreadable one.
AlignmentArgs AlignmentArgsFromVm(const std::string& command, const po::variables_map& vm);

// The positional SRC and TGT of vm. Throws UsageError naming `command` unless
// both are given.
std::pair<std::string, std::string> DocumentArgs(const std::string& command,
                                                 const po::variables_map& vm);

// Reads and aligns one pair (pipeline::AlignFiles) and prints, on stderr, the
// auto-mode decision, the second pass with learned words, and a missing
// dictionary. Throws what AlignFiles throws.
pipeline::AlignedDocuments AlignPair(const std::string& src, const std::string& tgt,
                                     const AlignmentArgs& args);

// Loads options->dictionary_files into options->user_lexicon (unless set
// already), once for every pair it aligns, and says on stderr how many word
// pairs they gave unless `quiet`. Throws IoError and ParseError (file:line)
// for a dictionary that cannot be read or is not in its format.
void LoadUserDictionaries(pipeline::PairOptions* options, bool quiet);

// The warning for a language pair without a dictionary in `dir`.
std::string NoDictionaryWarning(const pipeline::PairOptions& options);

}  // namespace ancre::cli
