// `ancre align --pairs MANIFEST --db TM`: aligns many document pairs into a
// translation memory, documents in parallel on every core, one writer.
// Each pair is stored in its own transaction, so an interrupted batch keeps the
// pairs finished before the interruption (and none half-stored); a rerun skips
// them, as storing an alignment twice writes nothing.
#pragma once

#include <string>
#include <vector>

#include "src/cli/options.h"

namespace ancre::cli {

// One line of a manifest: source<TAB>target, relative paths resolved against
// the manifest's folder.
struct ManifestEntry {
  std::string src;
  std::string tgt;
  size_t line = 0;
};

// Reads a manifest: one `source<TAB>target` per line; blank lines and lines
// starting with '#' are skipped. Throws IoError, ParseError (file:line) for a
// line without exactly two fields.
std::vector<ManifestEntry> ReadManifest(const std::string& path);

// Runs the batch with the alignment options of vm (AlignmentOptions(), plus
// "pairs", "db", "progress", "quiet"). Returns the exit code: 0 if every pair
// was stored, 3 if some pairs failed (each reported on stderr with its line).
// Throws UsageError for bad options and what opening the TM throws.
int RunAlignBatch(const po::variables_map& vm);

}  // namespace ancre::cli
