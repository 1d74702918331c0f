// Export follows review: `export --status confirmed` writes only the units a
// reviewer vouched for, `--status any` counts the others on stderr, and
// `stats` shows the beads by review status.
#include <gtest/gtest.h>

#include <algorithm>

#include "tests/cli/run_ancre.h"
#include "tm/translation_memory.h"

namespace ancre::testing {
namespace {

size_t Lines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST(ReviewExportCliTest, StatusConfirmedExportsOnlyWhatAReviewerConfirmed) {
  ScratchDir dir;
  const std::string db = Sh(dir / "tm.sqlite");
  RunResult align = RunAncre("align " + SamplePairArgs() + " --db " + db + " --quiet");
  ASSERT_EQ(align.exit_code, 0) << align.err;

  // The sample pair's units are comparable pairs: --mode any exports them.
  RunResult none = RunAncre("export --db " + db + " --format jsonl --mode any --status confirmed");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no unit was confirmed by a reviewer"), std::string::npos) << none.err;

  std::string confirmed_source;
  {
    tm::TranslationMemory memory(dir / "tm.sqlite", {});
    tm::ReviewState state = memory.LoadReview(memory.Alignments().front().id);
    tm::ReviewBead pair;
    for (const tm::ReviewBead& b : state.beads) {
      if (!b.src.empty() && !b.tgt.empty()) {
        pair = b;
        break;
      }
    }
    ASSERT_GT(pair.id, 0);
    confirmed_source = state.alignment.source[pair.src[0]].text;
    pair.status = tm::BeadStatus::kConfirmed;
    tm::ReviewChange change;
    change.action = "confirm";
    change.reviewer = "ana";
    change.put = {pair};
    memory.ApplyReview(state.alignment.run.id, change);
  }
  RunResult confirmed =
      RunAncre("export --db " + db + " --format jsonl --mode any --status confirmed");
  ASSERT_EQ(confirmed.exit_code, 0) << confirmed.err;
  EXPECT_EQ(Lines(confirmed.out), 1u) << confirmed.out;
  EXPECT_NE(confirmed.out.find(confirmed_source.substr(0, 20)), std::string::npos);

  RunResult any = RunAncre("export --db " + db + " --format jsonl --mode any");
  ASSERT_EQ(any.exit_code, 0) << any.err;
  const size_t all = Lines(any.out);
  EXPECT_GT(all, 1u);
  EXPECT_NE(any.err.find(std::to_string(all - 1) + " of them not confirmed by a reviewer"),
            std::string::npos)
      << any.err;

  RunResult stats = RunAncre("stats --db " + db);
  EXPECT_NE(stats.out.find("beads by review status"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("confirmed"), std::string::npos);

  RunResult bad = RunAncre("export --db " + db + " --status maybe");
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace ancre::testing
