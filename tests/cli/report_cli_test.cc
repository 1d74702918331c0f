// `ancre report` end to end: formats, colour rules, widths and usage errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kPair = std::string("'") + ANCRE_SAMPLES + "/cambodia-korea-scams.fr.txt' '" +
                          ANCRE_SAMPLES +
                          "/cambodia-korea-scams.en.txt' --src-lang fr --tgt-lang en";

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

TEST(ReportCliTest, WritesOneSelfContainedPage) {
  ScratchDir dir;
  RunResult r = RunAncre("report " + kPair + " -o '" + (dir / "r.html") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string page = ReadAll(dir / "r.html");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("cambodia-korea-scams.fr.txt"), std::string::npos);
  EXPECT_NE(page.find("Édition internationale"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
}

TEST(ReportCliTest, TextFitsTheRequestedWidth) {
  RunResult r = RunAncre("report " + kPair + " --format text --width 60 --color never");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    EXPECT_LE(CodePoints(line), 60u) << line;
  }
  EXPECT_GT(lines, 70u);  // every sentence of both documents is shown
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST(ReportCliTest, ColourOnlyWhenAskedOrOnATerminal) {
  RunResult piped = RunAncre("report " + kPair + " --format text");
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos);  // stdout is a file: auto means no colour
  RunResult always = RunAncre("report " + kPair + " --format text --color always");
  ASSERT_EQ(always.exit_code, 0) << always.err;
  EXPECT_NE(always.out.find("\x1b["), std::string::npos);
}

TEST(ReportCliTest, ColumnsComeFromTheEnvironment) {
  setenv("COLUMNS", "50", 1);
  RunResult r = RunAncre("report " + kPair + " --format text");
  unsetenv("COLUMNS");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  size_t widest = 0;
  for (std::string line; std::getline(in, line);) widest = std::max(widest, CodePoints(line));
  EXPECT_EQ(widest, 50u);  // the rules above each pair take the whole width
}

// Runs ancre with stdout on a pseudo-terminal (util-linux `script`).
RunResult RunOnTerminal(const std::string& env, const std::string& args) {
  ScratchDir dir;
  std::string cmd = "script -qec \"" + env + " '" + ANCRE_BINARY + "' " + args + "\" /dev/null >'" +
                    (dir / "out") + "' 2>&1 </dev/null";
  RunResult r;
  r.exit_code = std::system(cmd.c_str());
  r.out = ReadAll(dir / "out");
  return r;
}

TEST(ReportCliTest, AutoColourOnATerminalUnlessNoColorIsSet) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "SKIPPED: util-linux script is not installed; no pseudo-terminal to test on";
  }
  std::string args = "report " + kPair + " --format text --width 80";
  RunResult tty = RunOnTerminal("NO_COLOR=", args);
  ASSERT_EQ(tty.exit_code, 0) << tty.out;
  EXPECT_NE(tty.out.find("\x1b["), std::string::npos);
  RunResult no_color = RunOnTerminal("NO_COLOR=1", args);
  ASSERT_EQ(no_color.exit_code, 0) << no_color.out;
  EXPECT_EQ(no_color.out.find("\x1b["), std::string::npos);
  RunResult forced = RunOnTerminal("NO_COLOR=1", args + " --color always");
  EXPECT_NE(forced.out.find("\x1b["), std::string::npos);  // an explicit flag wins
}

TEST(ReportCliTest, RejectsBadDisplayOptions) {
  EXPECT_EQ(RunAncre("report " + kPair + " --format text --color sometimes").exit_code, 2);
  EXPECT_EQ(RunAncre("report " + kPair + " --format text --width 10").exit_code, 2);
  EXPECT_EQ(RunAncre("report " + kPair + " --format pdf").exit_code, 2);
  EXPECT_EQ(RunAncre("report " + std::string(ANCRE_SAMPLES) +
                     "/cambodia-korea-scams.fr.txt "
                     "--src-lang fr --tgt-lang en")
                .exit_code,
            2);
}

TEST(ReportCliTest, MissingInputIsAnError) {
  RunResult r = RunAncre("report nowhere.fr.txt nowhere.en.txt --src-lang fr --tgt-lang en");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nowhere.fr.txt"), std::string::npos);
}

}  // namespace
}  // namespace ancre::testing
