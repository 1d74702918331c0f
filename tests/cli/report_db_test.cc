// ancre report --db and ancre show: an alignment stored by `ancre align --db`
// shown again from the TM, with the pairs `ancre align --format jsonl` gave.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kPair = "'" + std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt' '" +
                          std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt'";

size_t CountOf(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class ReportDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RunResult r = RunAncre("align " + kPair + " --src-lang fr --tgt-lang en --format jsonl --db '" +
                           Db() + "'");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    jsonl_ = r.out;
  }
  std::string Db() const { return dir_ / "tm.sqlite"; }
  // Beads of the jsonl with sentences on both sides.
  size_t JsonlPairs() const {
    std::istringstream in(jsonl_);
    size_t pairs = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.find("\"src\":[") != std::string::npos &&
          line.find("\"src\":[]") == std::string::npos &&
          line.find("\"tgt\":[]") == std::string::npos) {
        ++pairs;
      }
    }
    return pairs;
  }
  ScratchDir dir_;
  std::string jsonl_;
};

TEST_F(ReportDbTest, PageFromTheTmHasThePairsOfTheJsonl) {
  const size_t pairs = JsonlPairs();
  ASSERT_GT(pairs, 0u);
  RunResult r = RunAncre("report --db '" + Db() + "' -o '" + (dir_ / "r.html") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string page = ReadAll(dir_ / "r.html");
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(CountOf(page, " data-bead=\""), pairs);
  EXPECT_NE(page.find("cambodia-korea-scams.fr.txt"), std::string::npos);
  // The same page as from the files: sentences left alone, highlighted anchors.
  RunResult from_files = RunAncre("report " + kPair + " --src-lang fr --tgt-lang en");
  ASSERT_EQ(from_files.exit_code, 0) << from_files.err;
  EXPECT_EQ(CountOf(page, " data-unaligned=\""), CountOf(from_files.out, " data-unaligned=\""));
  EXPECT_GT(CountOf(page, " data-unaligned=\""), 0u);
  EXPECT_EQ(CountOf(page, "<mark data-kind=\""), CountOf(from_files.out, "<mark data-kind=\""));
  // The same run chosen by document and by id.
  RunResult by_document = RunAncre("report --db '" + Db() + "' --document 1");
  ASSERT_EQ(by_document.exit_code, 0) << by_document.err;
  EXPECT_EQ(CountOf(by_document.out, " data-bead=\""), pairs);
  RunResult by_run = RunAncre("report --db '" + Db() + "' --run 1 --format text --color never");
  ASSERT_EQ(by_run.exit_code, 0) << by_run.err;
  EXPECT_NE(by_run.out.find("Séoul"), std::string::npos);
}

TEST_F(ReportDbTest, MissingRunIsAnErrorNamingTheTm) {
  RunResult r = RunAncre("report --db '" + Db() + "' --run 99");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no alignment run 99; 'ancre show --db "), std::string::npos) << r.err;
  RunResult both = RunAncre("report --db '" + Db() + "' --run 1 --document 1");
  EXPECT_EQ(both.exit_code, 2);
}

TEST_F(ReportDbTest, ShowPrintsTheRunSideBySideAndListsRuns) {
  RunResult list = RunAncre("show --db '" + Db() + "'");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("cambodia-korea-scams.en.txt"), std::string::npos) << list.out;
  RunResult r = RunAncre("show --db '" + Db() + "' --document 2 --width 72 --color never");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream in(r.out);
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    EXPECT_LE(CodePoints(line), 72u) << line;
  }
  EXPECT_GT(lines, 70u);  // every sentence of both documents is shown
  EXPECT_NE(r.out.find("Cambodge"), std::string::npos);
  EXPECT_NE(r.out.find("Cambodia"), std::string::npos);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST_F(ReportDbTest, ShowWritesToAFileAndDatesRunsInIso8601) {
  const std::string list = dir_ / "runs.tsv";
  ASSERT_EQ(RunAncre("show --db '" + Db() + "' -o '" + list + "'").exit_code, 0);
  const std::string runs = ReadAll(list);
  // run, mode, pairs, then the time it was created: 2026-12-07T21:04:03Z.
  std::istringstream in(runs);
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  std::vector<std::string> fields;
  for (size_t at = 0, tab; at <= row.size(); at = tab + 1) {
    tab = std::min(row.find('\t', at), row.size());
    fields.push_back(row.substr(at, tab - at));
  }
  ASSERT_GE(fields.size(), 4u) << row;
  const std::string& created = fields[3];
  ASSERT_EQ(created.size(), 20u) << created;
  EXPECT_EQ(created[4], '-');
  EXPECT_EQ(created[7], '-');
  EXPECT_EQ(created[10], 'T');
  EXPECT_EQ(created[13], ':');
  EXPECT_EQ(created[19], 'Z');

  const std::string page = dir_ / "run.html";
  RunResult r = RunAncre("show --db '" + Db() + "' --run 1 --format html -o '" + page + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(ReadAll(page).find("<!DOCTYPE html>"), std::string::npos);
}

}  // namespace
}  // namespace ancre::testing
