// Long work shows progress on stderr: import of a TMX, a single align and a
// batch draw a progress line when stderr is a terminal or --progress forces
// it, never with --quiet, and never on stdout.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kSamples = ANCRE_SAMPLES;
const std::string kPair = SamplePairArgs();

// A TMX of n French-English units.
std::string Tmx(int n) {
  std::ostringstream s;
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\" "
       "datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" "
       "creationtool=\"x\" creationtoolversion=\"1\"/><body>\n";
  for (int i = 0; i < n; ++i) {
    s << "<tu><tuv xml:lang=\"fr\"><seg>Phrase numéro " << i
      << " du texte.</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence number " << i
      << " of the text.</seg></tuv></tu>\n";
  }
  s << "</body></tmx>\n";
  return s.str();
}

TEST(ProgressCliTest, ImportDrawsHowMuchOfTheFileWasRead) {
  ScratchDir dir;
  WriteFile(dir / "big.tmx", Tmx(3000));
  RunResult r =
      RunAncre("import " + Sh(dir / "big.tmx") + " --db " + Sh(dir / "a.sqlite") + " --progress");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("\r["), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("100%"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" MB  reading "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("storing and indexing"), std::string::npos) << r.err;
  // The summary starts on a line of its own.
  EXPECT_NE(r.err.find("\nancre: imported 3000 pair(s)"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");

  // Not on a terminal and not forced: nothing drawn.
  RunResult plain = RunAncre("import " + Sh(dir / "big.tmx") + " --db " + Sh(dir / "b.sqlite"));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.err.find('\r'), std::string::npos) << plain.err;
  // --quiet wins over --progress.
  RunResult quiet = RunAncre("import " + Sh(dir / "big.tmx") + " --db " + Sh(dir / "c.sqlite") +
                             " --progress --quiet");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
}

TEST(ProgressCliTest, AlignDrawsItsStepsAndLeavesTheOutputAlone) {
  RunResult plain = RunAncre("align " + kPair + " --format jsonl");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.err.find('\r'), std::string::npos) << plain.err;
  RunResult shown = RunAncre("align " + kPair + " --format jsonl --progress");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  for (const char* stage : {"reading", "segmenting", "finding anchors", "aligning", "100%"}) {
    EXPECT_NE(shown.err.find(stage), std::string::npos) << stage << "\n" << shown.err;
  }
  EXPECT_EQ(shown.out, plain.out);  // the alignment is the same, byte for byte
  // What align says after the work starts on a line of its own.
  EXPECT_NE(shown.err.find("\nancre: auto:"), std::string::npos) << shown.err;
  RunResult quiet = RunAncre("align " + kPair + " --format jsonl --progress -q");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find('\r'), std::string::npos) << quiet.err;
}

TEST(ProgressCliTest, BatchDrawsPairsDone) {
  ScratchDir dir;
  WriteFile(dir / "manifest.tsv", kSamples + "/cambodia-korea-scams.fr.txt\t" + kSamples +
                                      "/cambodia-korea-scams.en.txt\n");
  const std::string args = "align --pairs " + Sh(dir / "manifest.tsv") + " --db " +
                           Sh(dir / "tm.sqlite") + " --src-lang fr --tgt-lang en";
  RunResult shown = RunAncre(args + " --progress");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.err.find("100%  1/1 pairs"), std::string::npos) << shown.err;
  RunResult quiet = RunAncre(args + " --progress --quiet");
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err, "");
}

}  // namespace
}  // namespace ancre::testing
