// A run's review as a file for other tools, and back: a spreadsheet (TSV) or
// InterText's XML (cesAlign), so that people who prefer those review there
// and the TM takes their work as one change.
//
//   TSV: a header line, then one line per bead in order:
//     bead  version  status  src  tgt  score  source  target
//   src/tgt: segment numbers ("3,4"); source/target: the sentences' texts
//   (the reviewer's edits where there are), joined by " ¦ ". To review: set
//   status (confirmed, rejected), move numbers between lines (a line with an
//   empty bead column is a new bead), edit a text. bead and version say which
//   stored bead a line is: a line whose bead changed in the TM since the
//   export is refused (tm::StaleReview).
//
//   InterText: three files, PREFIX.SRC.xml and PREFIX.TGT.xml (the
//   documents, one <s id="1:N"> per sentence, N its segment number + 1) and
//   PREFIX.SRC.TGT.xml (the links: <link xtargets="1:1 1:2;1:1" status="man"/>
//   with InterText's statuses: man for a reviewer's, auto for the aligner's,
//   and ancre's own attributes for what InterText has no word for).
//
// Usage (given ancre::tm::TranslationMemory& memory, int64_t run, const std::string& tsv):
//   std::string file = ancre::review::ToTsv(memory.LoadReview(run));
//   memory.ApplyReview(run, ancre::review::FromTsv(memory.LoadReview(run), tsv, "ana", "f.tsv"));
//
// Thread-safety: reentrant; arguments are only read.
#pragma once

#include <string>
#include <string_view>

#include "tm/review.h"

namespace ancre::review {

// The TSV of state's beads, in order.
std::string ToTsv(const tm::ReviewState& state);

// The change that makes state's run what `tsv` says (beads gone from the file
// are removed, sentences in no line become lone beads, a line whose
// sentences changed becomes an edited bead). Empty when the file says what
// the TM holds. Throws ParseError naming `file` and the line for a line that
// is not of this format, names a sentence the run lacks, or a bead not in the
// run; ActionError when the lines of unchanged beads were reordered.
tm::ReviewChange FromTsv(const tm::ReviewState& state, std::string_view tsv,
                         std::string_view reviewer, const std::string& file);

// The three InterText files: names (PREFIX.SRC.xml ...) and contents.
struct InterTextFiles {
  std::string source_name, source;
  std::string target_name, target;
  std::string links_name, links;
};

// `prefix`: the path the names start with.
InterTextFiles ToInterText(const tm::ReviewState& state, const std::string& prefix);

}  // namespace ancre::review
