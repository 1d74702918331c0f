// A filter that matches nothing is said, with why, and is not a success:
// export exits 1 and writes nothing; every command checks its numeric
// options the same way; a --db that is not a TM is refused before any work.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kPair = SamplePairArgs();

// A TM of two German-English units, imported from a TMX.
class EmptyResultsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "de-en.tmx",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
              "srclang=\"de\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" "
              "o-tmf=\"x\" creationtool=\"x\" creationtoolversion=\"1\"/><body>\n"
              "<tu><tuv xml:lang=\"de\"><seg>Guten Morgen.</seg></tuv>"
              "<tuv xml:lang=\"en\"><seg>Good morning.</seg></tuv></tu>\n"
              "<tu><tuv xml:lang=\"de\"><seg>Danke schön.</seg></tuv>"
              "<tuv xml:lang=\"en\"><seg>Thank you.</seg></tuv></tu>\n"
              "</body></tmx>\n");
    RunResult r = RunAncre("import " + Sh(dir_ / "de-en.tmx") + " --db " + Sh(db()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string db() const { return dir_ / "tm.sqlite"; }

  ScratchDir dir_;
};

TEST_F(EmptyResultsCliTest, ExportOfAnUnknownDocumentFailsAndWritesNothing) {
  const std::string out = dir_ / "out.tmx";
  RunResult r = RunAncre("export --db " + Sh(db()) + " --document nosuch -o " + Sh(out));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("no unit comes from --document nosuch"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was written"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find("out.tmx"), std::string::npos)
        << entry.path();  // no temporary left either
  }
  // Nor on stdout: no empty TMX for a pipe to take as a result.
  RunResult piped = RunAncre("export --db " + Sh(db()) + " --document nosuch");
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_EQ(piped.out, "");
}

TEST_F(EmptyResultsCliTest, ExportInLanguagesTheTmLacksSaysWhatItHolds) {
  const std::string out = dir_ / "out.tmx";
  for (const char* format : {"tmx", "tsv", "jsonl"}) {
    RunResult r = RunAncre("export --db " + Sh(db()) + " --src-lang fr --tgt-lang en --format " +
                           format + " -o " + Sh(out));
    EXPECT_EQ(r.exit_code, 1) << format << r.err;
    EXPECT_NE(r.err.find("no unit is in --src-lang fr --tgt-lang en"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the TM holds de→en (2 units)"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << format;
  }
  // The languages it holds still export.
  RunResult ok = RunAncre("export --db " + Sh(db()) + " --src-lang de -o " + Sh(out));
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ReadAll(out).find("Guten Morgen."), std::string::npos);
}

TEST_F(EmptyResultsCliTest, FiltersThatMatchOnlyApartSaySo) {
  RunResult r = RunAncre("export --db " + Sh(db()) + " --src-lang de --origin aligned");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("no unit was aligned"), std::string::npos) << r.err;
}

TEST_F(EmptyResultsCliTest, ScoreRangesAreCheckedAlikeEverywhere) {
  const std::string expected =
      "--min-score 95 is out of range; give a number from 0 to 1 (scores are fractions: for "
      "95% write 0.95)";
  RunResult align = RunAncre("align " + kPair + " --min-score 95");
  EXPECT_EQ(align.exit_code, 2);
  EXPECT_NE(align.err.find("align: " + expected), std::string::npos) << align.err;
  EXPECT_EQ(align.out, "");
  RunResult exp = RunAncre("export --db " + Sh(db()) + " --min-score 95");
  EXPECT_EQ(exp.exit_code, 2);
  EXPECT_NE(exp.err.find("export: " + expected), std::string::npos) << exp.err;
  RunResult prune = RunAncre("tm prune --db " + Sh(db()) + " --below 95 --yes");
  EXPECT_EQ(prune.exit_code, 2);
  EXPECT_NE(prune.err.find("--below 95 is out of range; give a number from 0 to 1"),
            std::string::npos)
      << prune.err;
  RunResult lookup = RunAncre("lookup --db " + Sh(db()) + " --threshold 150 'Guten Morgen.'");
  EXPECT_EQ(lookup.exit_code, 2);
  EXPECT_NE(lookup.err.find("--threshold 150 is out of range; give a number from 0 to 100"),
            std::string::npos)
      << lookup.err;
  RunResult threads = RunAncre("align " + kPair + " --threads 0");
  EXPECT_EQ(threads.exit_code, 2);
  EXPECT_NE(threads.err.find("--threads 0 is out of range; give a number of at least 1"),
            std::string::npos)
      << threads.err;
}

TEST_F(EmptyResultsCliTest, AlignWarnsWhenMinScoreLeavesNoPair) {
  RunResult r = RunAncre("align " + kPair + " --min-score 1 --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("no pair scored --min-score 1 or more"), std::string::npos) << r.err;
}

TEST_F(EmptyResultsCliTest, AlignRefusesATmxAsItsTmBeforeAligning) {
  RunResult r = RunAncre("align " + kPair + " --db " + Sh(dir_ / "de-en.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is a TMX file, not a translation memory"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ancre import"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("corrupt"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("backup"), std::string::npos) << r.err;
  // Refused before the alignment ran: no auto-mode decision was printed.
  EXPECT_EQ(r.err.find("auto:"), std::string::npos) << r.err;
  // Every command that opens a TM says the same.
  RunResult stats = RunAncre("stats --db " + Sh(dir_ / "de-en.tmx"));
  EXPECT_EQ(stats.exit_code, 1);
  EXPECT_NE(stats.err.find("is a TMX file, not a translation memory"), std::string::npos)
      << stats.err;
}

TEST_F(EmptyResultsCliTest, AlignRefusesATmInAMissingFolderBeforeAligning) {
  const std::string missing = dir_ / "no/such/folder/tm.sqlite";
  RunResult r = RunAncre("align " + kPair + " --db " + Sh(missing));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("auto:"), std::string::npos) << r.err;
  RunResult folder = RunAncre("align " + kPair + " --db " + Sh(dir_.path().string()));
  EXPECT_EQ(folder.exit_code, 1);
  EXPECT_NE(folder.err.find("is a folder, not a translation memory"), std::string::npos)
      << folder.err;
}

}  // namespace
}  // namespace ancre::testing
