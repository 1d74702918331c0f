// The CLI as a user meets it: help, version, exit codes, error messages.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

TEST(CliTest, HelpListsCommandsWithAnExample) {
  RunResult r = RunAncre("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("segment"), std::string::npos);
  EXPECT_NE(r.out.find("Example"), std::string::npos);
}

TEST(CliTest, VersionPrintsVersion) {
  RunResult r = RunAncre("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("ancre ", 0), 0u);
}

TEST(CliTest, NoArgumentsIsUsageError) { EXPECT_EQ(RunAncre("").exit_code, 2); }

TEST(CliTest, UnknownCommandIsUsageErrorOnStderr) {
  RunResult r = RunAncre("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "ancre: error: unknown command 'frobnicate' (see 'ancre --help')\n");
  EXPECT_EQ(r.out, "");
}

// The commands a user is promised (README's command table): one missing from
// `ancre --help`, or listed there without working help, fails here.
TEST(CliTest, EveryCommandHasHelpWithAnExample) {
  const std::vector<std::string> kCommands = {
      "segment", "align", "eval",    "lookup",        "search",       "stats",
      "analyze", "tm",    "lexicon", "anchors",       "report",       "export",
      "import",  "show",  "review",  "review-export", "review-import"};
  RunResult list = RunAncre("--help");
  ASSERT_EQ(list.exit_code, 0);
  std::istringstream in(list.out);
  std::vector<std::string> listed;
  bool in_commands = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "Commands:") {
      in_commands = true;
      continue;
    }
    if (in_commands && line.empty()) break;
    if (in_commands) listed.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  EXPECT_EQ(listed, kCommands);
  for (const std::string& name : kCommands) {
    RunResult a = RunAncre(name + " --help");
    RunResult b = RunAncre("help " + name);
    EXPECT_EQ(a.exit_code, 0) << name;
    EXPECT_EQ(a.out, b.out) << name;
    EXPECT_NE(a.out.find("ancre " + name), std::string::npos) << name;
    EXPECT_NE(a.out.find("Example"), std::string::npos) << name;
  }
}

}  // namespace
}  // namespace ancre::testing
