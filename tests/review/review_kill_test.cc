// kill -9 of `ancre review` while it applies review changes leaves the TM as
// before or after each change: its units always follow its beads, and the TM
// passes its own checks.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "tests/cli/run_ancre.h"
#include "tm/translation_memory.h"

namespace ancre::testing {
namespace {

// `ancre review --db db`, its stdout's first line (the URL) read.
struct ReviewProcess {
  pid_t pid = -1;
  std::string url;

  explicit ReviewProcess(const std::string& db) {
    int out[2];
    if (pipe(out) != 0) return;
    pid = fork();
    if (pid == 0) {
      dup2(out[1], 1);
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, 2);
      close(out[0]);
      execl(ANCRE_BINARY, ANCRE_BINARY, "review", "--db", db.c_str(), "--reviewer", "killer",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    char c;
    while (read(out[0], &c, 1) == 1 && c != '\n') url.push_back(c);
    close(out[0]);
  }
};

// Texts of a side of a bead, as the TM makes its unit: each segment's edit or
// normalized text, joined by a space.
std::string SideText(sqlite3* db, int64_t run, int64_t document, int side,
                     const std::string& numbers) {
  std::string out;
  size_t begin = 0;
  while (begin < numbers.size()) {
    size_t end = numbers.find(',', begin);
    if (end == std::string::npos) end = numbers.size();
    const std::string n = numbers.substr(begin, end - begin);
    begin = end + 1;
    sqlite3_stmt* s = nullptr;
    const std::string sql =
        "SELECT coalesce((SELECT text FROM segment_edits WHERE alignment_id = " +
        std::to_string(run) + " AND side = " + std::to_string(side) + " AND idx = " + n +
        "), (SELECT normalized FROM segments WHERE document_id = " + std::to_string(document) +
        " AND idx = " + n + "))";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
    if (sqlite3_step(s) == SQLITE_ROW) {
      if (!out.empty()) out += " ";
      out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
  }
  return out;
}

// Rows of a query as "a|b|c" strings.
std::multiset<std::string> Rows(sqlite3* db, const std::string& sql) {
  std::multiset<std::string> out;
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr);
  while (sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* t = sqlite3_column_text(s, c);
      row += std::string(c ? "|" : "") + (t ? reinterpret_cast<const char*>(t) : "");
    }
    out.insert(row);
  }
  sqlite3_finalize(s);
  return out;
}

// Every pair bead of run 1 that is not rejected has its unit, with its texts;
// no other provenance of the run exists.
void ExpectUnitsFollowBeads(const std::string& path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::multiset<std::string> want;
  for (const std::string& row :
       Rows(db,
            "SELECT b.src_segments, b.tgt_segments, a.src_document_id, a.tgt_document_id FROM "
            "beads b JOIN alignments a ON a.id = b.alignment_id WHERE b.alignment_id = 1 AND "
            "b.status != 'rejected' AND b.src_segments != '' AND b.tgt_segments != ''")) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(row, m, std::regex("([^|]*)\\|([^|]*)\\|([0-9]+)\\|([0-9]+)")));
    want.insert(m[1].str() + "|" + m[2].str() + "|" + SideText(db, 1, std::stoll(m[3]), 0, m[1]) +
                "|" + SideText(db, 1, std::stoll(m[4]), 1, m[2]));
  }
  const std::multiset<std::string> got =
      Rows(db,
           "SELECT p.src_segments, p.tgt_segments, u.source, u.target FROM provenances p JOIN "
           "units u ON u.id = p.unit_id WHERE p.alignment_id = 1");
  EXPECT_EQ(got, want);
  sqlite3_close(db);
}

TEST(ReviewKillTest, KillNineDuringChangesLeavesTheTmBeforeOrAfterEach) {
  size_t answered = 0;
  for (int round = 0; round < 4; ++round) {
    ScratchDir dir;
    const std::string db = dir / "tm.sqlite";
    RunResult align = RunAncre("align " + SamplePairArgs() + " --db " + Sh(db) + " --quiet");
    ASSERT_EQ(align.exit_code, 0) << align.err;
    ReviewProcess review(db);
    std::smatch m;
    ASSERT_TRUE(std::regex_match(review.url, m,
                                 std::regex("ancre review: http://127\\.0\\.0\\.1:([0-9]+)/"
                                            "\\?token=([0-9a-f]+)")))
        << review.url;
    const int port = std::stoi(m[1]);
    const std::string token = m[2];
    std::atomic<bool> stop = false;
    std::thread client([&] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(120);
      const httplib::Headers headers = {{"X-Ancre-Token", token}};
      // Changes that write many beads: re-align everything, undo it, merge
      // the first beads, confirm everything above the last one.
      const char* actions[] = {"{\"action\":\"realign\"}",
                               "{\"action\":\"undo\"}",
                               "{\"action\":\"merge\",\"bead\":1,\"next\":true}",
                               "{\"action\":\"confirm-above\",\"bead\":60}",
                               "{\"action\":\"undo\"}",
                               "{\"action\":\"redo\"}"};
      for (size_t i = 0; !stop; ++i) {
        auto r =
            c.Post("/api/action", headers, actions[i % std::size(actions)], "application/json");
        if (!r) break;  // killed
        if (r->status == 200) ++answered;
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200 + 200 * round));
    kill(review.pid, SIGKILL);
    int status = 0;
    waitpid(review.pid, &status, 0);
    stop = true;
    client.join();
    EXPECT_TRUE(WIFSIGNALED(status));
    {
      tm::TranslationMemory memory(db, {});  // recovers from the WAL as SQLite does
      const tm::CheckReport check = memory.Check();
      EXPECT_TRUE(check.ok()) << "round " << round;
      EXPECT_GT(memory.LoadReview(1).beads.size(), 0u);
    }
    ExpectUnitsFollowBeads(db);
  }
  EXPECT_GT(answered, 0u);  // changes were under way when the server was killed
}

}  // namespace
}  // namespace ancre::testing
