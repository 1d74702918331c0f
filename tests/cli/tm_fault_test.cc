// Fault injection on the real ancre binary: killed (SIGKILL) or interrupted
// (SIGINT, SIGTERM) at random moments of `ancre align --db` over a large
// input, two processes writing the same TM at once. Afterwards the TM passes
// PRAGMA integrity_check and holds exactly the state before or after the
// command, never something in between; an interrupted command leaves no
// output file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::tm {
namespace {

using ancre::testing::ReadAll;
using ancre::testing::RunAncre;
using ancre::testing::ScratchDir;
using Clock = std::chrono::steady_clock;

std::string Q(const std::string& s) { return "'" + s + "'"; }

// The sentences of a WMT SGML file, one per line.
bool WriteSentences(const std::filesystem::path& sgm, const std::filesystem::path& out) {
  std::ifstream in(sgm);
  if (!in) return false;
  std::ofstream o(out);
  const std::regex seg("<seg[^>]*>(.*)</seg>");
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, seg)) o << m[1] << "\n";
  }
  return true;
}

// A running `ancre` child with stdout to /dev/null and stderr to a file.
struct Child {
  pid_t pid = -1;
  int stdin_fd = -1;  // write end of its stdin pipe when asked for, else -1
};

Child Spawn(const std::vector<std::string>& args, const std::string& stderr_path,
            bool stdin_pipe = false) {
  int fds[2] = {-1, -1};
  if (stdin_pipe && pipe(fds) != 0) return {};
  Child c;
  c.pid = fork();
  if (c.pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(ANCRE_BINARY));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int null_fd = open("/dev/null", O_RDWR);
    int err_fd = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(stdin_pipe ? fds[0] : null_fd, 0);
    dup2(null_fd, 1);
    dup2(err_fd, 2);
    if (stdin_pipe) close(fds[1]);
    execv(ANCRE_BINARY, argv.data());
    _exit(127);
  }
  if (stdin_pipe) {
    close(fds[0]);
    c.stdin_fd = fds[1];
  }
  return c;
}

// Waits for the child; returns its exit code, or 128 + signal.
int Wait(Child* c) {
  int status = 0;
  waitpid(c->pid, &status, 0);
  if (c->stdin_fd >= 0) close(c->stdin_fd);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool Exited(pid_t pid, int* status) { return waitpid(pid, status, WNOHANG) == pid; }

// Whether process pid catches signal sig (its handler is installed): the
// SigCgt mask of /proc/<pid>/status.
bool Catches(pid_t pid, int sig) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("SigCgt:", 0) == 0) {
      return (std::stoull(line.substr(7), nullptr, 16) >> (sig - 1)) & 1;
    }
  }
  return false;
}

// Waits until the child catches sig, or has exited (it is then left to reap).
void WaitForHandler(pid_t pid, int sig) {
  while (!Catches(pid, sig)) {
    siginfo_t info;
    info.si_pid = 0;
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
        info.si_pid == pid) {
      return;
    }
    usleep(100);
  }
}

off_t FileSize(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_size : -1;
}

// The temporary file an output `name` of `folder` is written to
// (".NAME.ancre-XXXXXX"), or "" if there is none.
std::string Temporary(const std::filesystem::path& folder, const std::string& name) {
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().filename().string().rfind("." + name + ".ancre-", 0) == 0) {
      return entry.path().string();
    }
  }
  return "";
}

// What a TM holds, to compare states: PRAGMA integrity_check, then for every
// ordinary table its row count and the total length of each text column
// (dates have a fixed length, so two runs of the same command compare equal), the
// source and target texts of all units in order, and full-text search counts.
std::string Fingerprint(const std::string& path, bool with_indexes = true) {
  sqlite3* db = nullptr;
  std::string out;
  auto query = [&](const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      out += "cannot prepare " + sql + "\n";
      return std::vector<std::string>{};
    }
    std::vector<std::string> rows;
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const unsigned char* t = sqlite3_column_text(s, c);
        row += t ? reinterpret_cast<const char*>(t) : "NULL";
        row += c + 1 < sqlite3_column_count(s) ? "|" : "";
      }
      rows.push_back(row);
    }
    sqlite3_finalize(s);
    return rows;
  };
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    for (const std::string& r : query("PRAGMA integrity_check")) out += r + "\n";
    const std::vector<std::string> tables = query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%' AND NOT EXISTS (SELECT 1 FROM sqlite_master v "
        "WHERE v.sql LIKE 'CREATE VIRTUAL%' AND sqlite_master.name LIKE v.name || '_%') "
        "ORDER BY name");
    for (const std::string& t : tables) {
      if (!with_indexes && (t == "word_df" || t == "index_state")) continue;
      std::string sql = "SELECT count(*)";
      // Text columns only: ids depend on which of two writers came first.
      for (const std::string& col :
           query("SELECT name FROM pragma_table_info('" + t + "') WHERE type LIKE '%TEXT%'")) {
        sql += ", total(length(\"" + col + "\"))";
      }
      for (const std::string& r : query(sql + " FROM \"" + t + "\"")) out += t + ": " + r + "\n";
    }
    for (const std::string& r :
         query("SELECT group_concat(source || '=' || target, '\n') FROM (SELECT source, target "
               "FROM units ORDER BY source, target)")) {
      out += "texts: " + std::to_string(std::hash<std::string>{}(r)) + "\n";
    }
    if (with_indexes) {
      for (const std::string& r :
           query("SELECT count(*) FROM unit_text WHERE unit_text MATCH 'the'")) {
        out += "fts: " + r + "\n";
      }
      for (const std::string& r :
           query("SELECT indexed_through = (SELECT max(id) FROM units) FROM index_state")) {
        out += "all indexed: " + r + "\n";
      }
    }
  }
  sqlite3_close(db);
  return out;
}

class FaultTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path wmt =
        std::filesystem::path(ANCRE_SHARED) / "data" / "wmt-newstest-fren-dev";
    if (!WriteSentences(wmt / "newstest2009-src.fr.sgm", dir_ / "news.fr.txt") ||
        !WriteSentences(wmt / "newstest2009-src.en.sgm", dir_ / "news.en.txt") ||
        !WriteSentences(wmt / "newssyscomb2009-src.fr.sgm", dir_ / "comb.fr.txt") ||
        !WriteSentences(wmt / "newssyscomb2009-src.en.sgm", dir_ / "comb.en.txt")) {
      GTEST_SKIP() << "the WMT news test sets are not there";
    }
    // The TM before: the sample article pair.
    const std::string samples = ANCRE_SAMPLES;
    auto r = RunAncre("align " + Q(samples + "/cambodia-korea-scams.fr.txt") + " " +
                      Q(samples + "/cambodia-korea-scams.en.txt") +
                      " --src-lang fr --tgt-lang en -q --db " + Q(dir_ / "before.sqlite"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // `ancre align` of the news pair into db, as argument words.
  std::vector<std::string> AlignNews(const std::string& db, const std::string& pair = "news") {
    return {"align",
            dir_ / (pair + ".fr.txt"),
            dir_ / (pair + ".en.txt"),
            "--src-lang",
            "fr",
            "--tgt-lang",
            "en",
            "--presegmented",
            "-q",
            "--db",
            db};
  }

  // Runs `ancre align` of `pair` to the end on a copy of before.sqlite: sets *after to
  // the state it leaves and *window to how long the TM file is being written
  // (from its WAL's creation to the process's exit).
  void Reference(std::string* after, Clock::duration* window, const std::string& pair = "news") {
    const std::string db = dir_ / ("after-" + pair + ".sqlite");
    std::filesystem::copy_file(dir_ / "before.sqlite", db);
    Child c = Spawn(AlignNews(db, pair), dir_ / "after.err");
    ASSERT_GT(c.pid, 0);
    int status = 0;
    Clock::time_point wal_seen{};
    while (!Exited(c.pid, &status)) {
      if (wal_seen == Clock::time_point{} && FileSize(db + "-wal") > 0) wal_seen = Clock::now();
      usleep(200);
    }
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadAll(dir_ / "after.err");
    ASSERT_NE(wal_seen, Clock::time_point{}) << "the TM was written without a WAL";
    *window = Clock::now() - wal_seen;
    *after = Fingerprint(db);
  }

  ScratchDir dir_;
};

// The kills and interruptions use the smaller news pair (500 sentences, 500 translation
// units written in one transaction) to keep the test quick under ASan.
constexpr char kKillPair[] = "comb";

TEST_F(FaultTest, KillDuringAlignDbLeavesTheTmExactlyAsBeforeOrAsAfter) {
  const std::string before = Fingerprint(dir_ / "before.sqlite");
  ASSERT_EQ(before.rfind("ok\n", 0), 0u) << before;
  std::string after;
  Clock::duration window{};
  ASSERT_NO_FATAL_FAILURE(Reference(&after, &window, kKillPair));
  ASSERT_EQ(after.rfind("ok\n", 0), 0u) << after;
  ASSERT_NE(before, after);
  const std::string before_stored = Fingerprint(dir_ / "before.sqlite", false);
  const std::string after_stored =
      Fingerprint(dir_ / ("after-" + std::string(kKillPair) + ".sqlite"), false);

  // 20 kills: once the TM's WAL exists (the TM is open and being written),
  // after a random part of the time writing takes, a little beyond its end.
  std::mt19937 rng(std::random_device{}());
  const auto span = std::chrono::duration_cast<std::chrono::microseconds>(window).count();
  std::uniform_int_distribution<int64_t> moment(0, span + span / 5);
  int killed = 0, as_before = 0, as_after = 0;
  for (int run = 0; run < 20; ++run) {
    const std::string db = dir_ / ("run" + std::to_string(run) + ".sqlite");
    std::filesystem::copy_file(dir_ / "before.sqlite", db);
    const int64_t delay_us = moment(rng);
    SCOPED_TRACE("run " + std::to_string(run) + ": killed " + std::to_string(delay_us) +
                 " us into the TM write");
    Child c = Spawn(AlignNews(db, kKillPair), dir_ / "run.err");
    ASSERT_GT(c.pid, 0);
    int status = 0;
    bool done = false;
    while (!(done = Exited(c.pid, &status)) && FileSize(db + "-wal") <= 0) usleep(200);
    if (!done) {
      usleep(static_cast<useconds_t>(delay_us));
      kill(c.pid, SIGKILL);
      waitpid(c.pid, &status, 0);
    }
    killed += WIFSIGNALED(status) ? 1 : 0;
    // The stored data: exactly as before or as after. The search indexes may
    // lag (a kill between the write and its index catch-up); the next writer,
    // here `tm check`, brings them up to date.
    const std::string stored = Fingerprint(db, false);
    EXPECT_TRUE(stored == before_stored || stored == after_stored) << stored;
    auto check = RunAncre("tm check --db " + Q(db));
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const std::string state = Fingerprint(db);
    EXPECT_TRUE(state == before || state == after) << state;
    as_before += state == before;
    as_after += state == after;
    std::filesystem::remove(db);
  }
  EXPECT_GT(killed, 0) << "no kill hit a running write";
  EXPECT_EQ(as_before + as_after, 20);
  RecordProperty("killed", killed);
  RecordProperty("as_before", as_before);
}

TEST_F(FaultTest, InterruptDuringAlignDbSaysWhatTheTmHolds) {
  // Stored data only: an interruption during the index catch-up that follows
  // the write leaves the indexes to the next writer (see the kill test).
  const std::string before = Fingerprint(dir_ / "before.sqlite", false);
  std::string after_full;
  Clock::duration window{};
  ASSERT_NO_FATAL_FAILURE(Reference(&after_full, &window, kKillPair));
  const std::string after =
      Fingerprint(dir_ / ("after-" + std::string(kKillPair) + ".sqlite"), false);
  std::mt19937 rng(std::random_device{}());
  const auto span = std::chrono::duration_cast<std::chrono::microseconds>(window).count();
  std::uniform_int_distribution<int64_t> moment(0, span);
  int interrupted = 0;
  for (int run = 0; run < 6; ++run) {
    const std::string db = dir_ / ("int" + std::to_string(run) + ".sqlite");
    std::filesystem::copy_file(dir_ / "before.sqlite", db);
    const int sig = run % 2 == 0 ? SIGINT : SIGTERM;
    // Half the runs are interrupted while aligning, half while writing the TM.
    const bool while_writing = run % 4 < 2;
    const int64_t delay_us = moment(rng);
    SCOPED_TRACE("run " + std::to_string(run) + ": signal " + std::to_string(sig) + " after " +
                 std::to_string(delay_us) + " us" + (while_writing ? " of writing" : ""));
    Child c = Spawn(AlignNews(db, kKillPair), dir_ / "int.err");
    ASSERT_GT(c.pid, 0);
    WaitForHandler(c.pid, sig);
    int status = 0;
    bool done = false;
    if (while_writing) {
      while (!(done = Exited(c.pid, &status)) && FileSize(db + "-wal") <= 0) usleep(200);
    }
    if (!done) {
      usleep(static_cast<useconds_t>(delay_us));
      kill(c.pid, sig);
      waitpid(c.pid, &status, 0);
    }
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
    const std::string err = ReadAll(dir_ / "int.err");
    const std::string state = Fingerprint(db, false);
    if (WEXITSTATUS(status) == 130 &&
        err.find("interrupted, nothing written") != std::string::npos) {
      ++interrupted;
      EXPECT_NE(err.find("ancre: interrupted, nothing written\n"), std::string::npos) << err;
      EXPECT_EQ(state, before);
    } else if (WEXITSTATUS(status) == 130) {
      // Interrupted once the TM transaction had committed: the message says so.
      EXPECT_NE(err.find("ancre: interrupted; what was already saved is complete"),
                std::string::npos)
          << err;
      EXPECT_EQ(state, after);
    } else {
      EXPECT_EQ(WEXITSTATUS(status), 0) << err;
      EXPECT_EQ(state, after);
    }
  }
  EXPECT_GT(interrupted, 0) << "no signal arrived while the command ran";
}

// A command writing to a file, interrupted while it runs (it waits for more
// standard input), exits 130, says so, and leaves neither the file nor its
// temporary.
class InterruptOutputTest : public ::testing::TestWithParam<int> {};

TEST_P(InterruptOutputTest, LeavesNoOutputFileAndExits130) {
  ScratchDir dir;
  const std::string out = dir / "out.tsv";
  Child c = Spawn({"segment", "-", "--lang", "fr", "-o", out}, dir / "err", true);
  ASSERT_GT(c.pid, 0);
  const std::string text = "Le premier paragraphe. Une phrase.\n\nUn autre paragraphe.\n\n";
  ASSERT_EQ(write(c.stdin_fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  // The temporary appears once the command runs; it then waits on stdin.
  std::string tmp;
  for (int i = 0; i < 20000 && (tmp = Temporary(dir.path(), "out.tsv")).empty(); ++i) usleep(500);
  ASSERT_FALSE(tmp.empty()) << "the command did not start writing";
  WaitForHandler(c.pid, GetParam());
  kill(c.pid, GetParam());
  EXPECT_EQ(Wait(&c), 130);
  EXPECT_EQ(ReadAll(dir / "err"), "ancre: interrupted, nothing written\n");
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(tmp));
  EXPECT_EQ(Temporary(dir.path(), "out.tsv"), "");
}

INSTANTIATE_TEST_SUITE_P(Signals, InterruptOutputTest, ::testing::Values(SIGINT, SIGTERM),
                         [](const auto& p) { return p.param == SIGINT ? "Int" : "Term"; });

TEST_F(FaultTest, InterruptedRunLeavesTheEarlierOutputFileUntouched) {
  // An existing output file is replaced only by a complete one.
  const std::string out = dir_ / "out.tsv";
  std::ofstream(out) << "earlier content\n";
  Child c = Spawn({"segment", "-", "--lang", "en", "-o", out}, dir_ / "err", true);
  ASSERT_GT(c.pid, 0);
  std::string tmp;
  for (int i = 0; i < 20000 && (tmp = Temporary(dir_.path(), "out.tsv")).empty(); ++i) usleep(500);
  ASSERT_FALSE(tmp.empty()) << "the command did not start writing";
  WaitForHandler(c.pid, SIGINT);
  kill(c.pid, SIGINT);
  EXPECT_EQ(Wait(&c), 130);
  EXPECT_EQ(ReadAll(out), "earlier content\n");
  EXPECT_FALSE(std::filesystem::exists(tmp));
  EXPECT_EQ(Temporary(dir_.path(), "out.tsv"), "");
}

// A long merge is interruptible: Ctrl-C before its commit stops at once and
// rolls it back (the TM is as before, and ancre says nothing was written).
TEST_F(FaultTest, InterruptedMergeRollsBackAtOnce) {
  const std::string tmx = dir_ / "big.tmx";
  {
    std::ofstream o(tmx);
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
         "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
         "adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n";
    for (int i = 0; i < 150000; ++i) {
      o << "<tu><tuv xml:lang=\"fr\"><seg>Unité numéro " << i
        << ".</seg></tuv><tuv xml:lang=\"en\"><seg>Unit number " << i << ".</seg></tuv></tu>\n";
    }
    o << "</body></tmx>\n";
  }
  const std::string other = dir_ / "other.sqlite";
  ASSERT_EQ(RunAncre("import " + Q(tmx) + " --db " + Q(other) + " --quiet").exit_code, 0);
  const std::string db = dir_ / "tm.sqlite";
  ASSERT_EQ(RunAncre("align " + Q(std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt") +
                     " " + Q(std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt") +
                     " --src-lang fr --tgt-lang en --db " + Q(db))
                .exit_code,
            0);
  const std::string before = RunAncre("stats --db " + Q(db)).out;
  Child c = Spawn({"tm", "merge", other, "--db", db}, dir_ / "err");
  ASSERT_GT(c.pid, 0);
  WaitForHandler(c.pid, SIGINT);
  usleep(300 * 1000);  // well inside the merge of 150,000 units (seconds)
  kill(c.pid, SIGINT);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Wait(&c), 130);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_NE(ReadAll(dir_ / "err").find("nothing written"), std::string::npos)
      << ReadAll(dir_ / "err") << " (exited " << seconds << " s after the signal)";
  EXPECT_EQ(RunAncre("stats --db " + Q(db)).out, before);
  EXPECT_EQ(RunAncre("tm check --db " + Q(db)).exit_code, 0);
}

TEST_F(FaultTest, TwoProcessesWritingTheSameTmBothSucceedAndNothingIsLost) {
  // The state expected: both pairs stored one after the other.
  const std::string sequential = dir_ / "sequential.sqlite";
  std::filesystem::copy_file(dir_ / "before.sqlite", sequential);
  for (const char* pair : {"news", "comb"}) {
    Child c = Spawn(AlignNews(sequential, pair), dir_ / "seq.err");
    ASSERT_EQ(Wait(&c), 0) << ReadAll(dir_ / "seq.err");
  }
  // Both at once, twice (which one writes first varies).
  for (int run = 0; run < 2; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    const std::string db = dir_ / ("both" + std::to_string(run) + ".sqlite");
    std::filesystem::copy_file(dir_ / "before.sqlite", db);
    Child a = Spawn(AlignNews(db, "news"), dir_ / "a.err");
    Child b = Spawn(AlignNews(db, "comb"), dir_ / "b.err");
    EXPECT_EQ(Wait(&a), 0) << ReadAll(dir_ / "a.err");
    EXPECT_EQ(Wait(&b), 0) << ReadAll(dir_ / "b.err");
    EXPECT_EQ(Fingerprint(db), Fingerprint(sequential));
  }
}

}  // namespace
}  // namespace ancre::tm
