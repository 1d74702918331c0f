// ancre import / ancre export end to end: the real binary on the TMX samples of
// other tools, then what CAT-side consumers say of the exported file (the
// checks in the shared tmx/check folder: DTD, strict, translate-toolkit, OmegaT).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kShared = ANCRE_SHARED;
const std::string kSamples = kShared + "/tmx/samples/";
const std::string kCheck = kShared + "/tmx/check/";
const std::string kFixture = std::string(ANCRE_TEST_DATA) + "/tmx/fr-en-underscore-codes.tmx";

struct Shell {
  int exit_code;
  std::string output;
};

// Runs a shell command; returns its exit code and stdout + stderr.
Shell RunShell(const std::string& command) {
  ScratchDir dir;
  const std::string cmd = command + " >'" + (dir / "out") + "' 2>&1";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), ReadAll(dir / "out")};
}

bool Have(const std::string& probe) { return RunShell(probe).exit_code == 0; }

std::string Q(const std::string& s) { return "'" + s + "'"; }

// Header dates differ between runs; everything else must not.
std::string WithoutHeaderDate(const std::string& tmx) {
  return std::regex_replace(tmx, std::regex("(<header[^>]*creationdate=\")[0-9TZ]+\""), "$1\"");
}

class ExportImportTest : public ::testing::Test {
 protected:
  std::string Db() const { return dir_ / "tm.sqlite"; }
  std::string Import(const std::string& file, const std::string& extra = "") const {
    return "import " + Q(file) + " --db " + Q(Db()) + " " + extra;
  }
  // The TM's content as JSONL (one unit per line), to compare states.
  std::string Content() const {
    RunResult r = RunAncre("export --db " + Q(Db()) + " --format jsonl -q");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  void ImportAllSamples() const {
    for (const char* f :
         {"01-lisa-ImportTest2A-utf16le-inline.tmx", "02-lisa-ImportTest1G-utf16be-charrefs.tmx",
          "03-lisa-ImportTest2C-allattrs-notes-props-sub.tmx",
          "04-olifant-props-uppercase-dupsources.tmx", "05-ttk-multilang-4tuv.tmx",
          "06-omegat-project_save-tmx11.tmx", "07-okapi-aligner-sample14b-props-tuid.tmx"}) {
      RunResult r = RunAncre(Import(kSamples + f));
      ASSERT_EQ(r.exit_code, 0) << f << "\n" << r.err;
    }
  }
  ScratchDir dir_;
};

TEST_F(ExportImportTest, ImportsEverySampleAndReportsTheCounts) {
  RunResult r = RunAncre(Import(kSamples + "05-ttk-multilang-4tuv.tmx"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("imported 3 pair(s) from 1 unit(s)"), std::string::npos) << r.err;
  r = RunAncre(Import(kSamples + "01-lisa-ImportTest2A-utf16le-inline.tmx", "--src-lang fr"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("imported 7 pair(s)"), std::string::npos) << r.err;
  const std::string content = Content();
  EXPECT_NE(content.find("\"src_lang\":\"fr-CA\",\"tgt_lang\":\"en-US\""), std::string::npos)
      << content;
  EXPECT_NE(content.find("\"source\":\"Le gros chat noir dors.\""), std::string::npos);
}

TEST_F(ExportImportTest, KeepsTheAttributesAndVariantNotesOtherToolsWrite) {
  ASSERT_EQ(
      RunAncre(Import(kSamples + "03-lisa-ImportTest2C-allattrs-notes-props-sub.tmx")).exit_code,
      0);
  RunResult r = RunAncre("export --db " + Q(Db()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* attribute :
       {"creationid=\"ys\"", "changeid=\"ys\"", "changedate=\"20020523T091200Z\"",
        "usagecount=\"100\"", "lastusagedate=\"20020523T091200Z\""}) {
    EXPECT_NE(r.out.find(attribute), std::string::npos) << attribute << "\n" << r.out;
  }
  const size_t en = r.out.find("<tuv xml:lang=\"en-US\">");
  const size_t fr = r.out.find("<tuv xml:lang=\"fr\">");
  ASSERT_NE(en, std::string::npos) << r.out;
  ASSERT_NE(fr, std::string::npos) << r.out;
  // Each variant's note inside that <tuv>, once.
  const size_t en_note = r.out.find("<note>Text of tuv en note 1</note>");
  const size_t fr_note = r.out.find("<note>Text of tuv fr note 1</note>");
  EXPECT_GT(en_note, en) << r.out;
  EXPECT_LT(en_note, r.out.find("</tuv>", en)) << r.out;
  EXPECT_GT(fr_note, fr) << r.out;
  EXPECT_LT(fr_note, r.out.find("</tuv>", fr)) << r.out;
  // Written twice on the en <tuv> of the file: kept once.
  EXPECT_GT(r.out.find("<note>Text of tuv en note 1", en_note + 1), r.out.find("</tuv>", en))
      << r.out;
}

TEST_F(ExportImportTest, NegativeSampleFailsWithUnitAndLineAndChangesNothing) {
  ASSERT_EQ(RunAncre(Import(kSamples + "07-okapi-aligner-sample14b-props-tuid.tmx")).exit_code, 0);
  const std::string before = Content();
  RunResult r = RunAncre(Import(kSamples + "90-NEGATIVE-omegat-invalid-inline.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("90-NEGATIVE-omegat-invalid-inline.tmx:9: <tu>"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("(line 12) has no <bpt i=\"1\">"), std::string::npos) << r.err;
  EXPECT_EQ(Content(), before);
}

TEST_F(ExportImportTest, WarnImportsTheGoodUnitsAndExitsThree) {
  std::ofstream(dir_ / "mixed.tmx")
      << "<tmx version=\"1.4\"><header srclang=\"en\"/><body>"
         "<tu tuid=\"a\"><tuv xml:lang=\"en\"><seg>One.</seg></tuv><tuv xml:lang=\"fr\">"
         "<seg>Un.</seg></tuv></tu>"
         "<tu tuid=\"b\"><tuv xml:lang=\"en\"><seg><ept i=\"1\"/>Two.</seg></tuv>"
         "<tuv xml:lang=\"fr\"><seg>Deux.</seg></tuv></tu>"
         "<tu tuid=\"c\"><tuv xml:lang=\"en\"><seg>Three.</seg></tuv></tu>"
         "</body></tmx>";
  RunResult fail = RunAncre(Import(dir_ / "mixed.tmx"));
  EXPECT_EQ(fail.exit_code, 1);
  EXPECT_NE(fail.err.find("or import with --on-bad-unit warn (or skip)"), std::string::npos)
      << fail.err;
  RunResult warn = RunAncre(Import(dir_ / "mixed.tmx", "--on-bad-unit warn"));
  EXPECT_EQ(warn.exit_code, 3) << warn.err;
  EXPECT_NE(warn.err.find("<tu tuid=\"b\">"), std::string::npos) << warn.err;
  EXPECT_NE(warn.err.find("<tu tuid=\"c\">"), std::string::npos) << warn.err;
  EXPECT_NE(warn.err.find("2 bad unit(s) skipped"), std::string::npos) << warn.err;
  const std::string content = Content();
  EXPECT_NE(content.find("\"source\":\"One.\""), std::string::npos);
  EXPECT_EQ(content.find("Deux"), std::string::npos);
}

TEST_F(ExportImportTest, NotWellFormedFileReportsLineAndColumnAndChangesNothing) {
  ASSERT_EQ(RunAncre(Import(kFixture)).exit_code, 0);
  const std::string before = Content();
  std::ofstream(dir_ / "broken.tmx")
      << "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n"
         "<tu><tuv xml:lang=\"en\"><seg>One.</seg></tuv><tuv xml:lang=\"fr\"><seg>Un.</seg>"
         "</tuv></tu>\n<tu><tuv xml:lang=\"en\"><seg>Two.</tuv></tu>\n</body></tmx>\n";
  RunResult r = RunAncre(Import(dir_ / "broken.tmx", "--on-bad-unit skip"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(r.err, std::regex("broken\\.tmx:3:[0-9]+: not well-formed XML")))
      << r.err;
  EXPECT_EQ(Content(), before);
}

TEST_F(ExportImportTest, EntityBombIsRefusedAtOnce) {
  std::string dtd = "<!DOCTYPE tmx [<!ENTITY l0 \"lol\">";
  for (int i = 1; i <= 12; ++i) {
    dtd += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&l" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  std::ofstream(dir_ / "bomb.tmx") << dtd << "]>\n<tmx version=\"1.4\"><header srclang=\"en\"/>"
                                   << "<body><tu tuid=\"&l12;\"/></body></tmx>\n";
  RunResult r = RunAncre(Import(dir_ / "bomb.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("declares entities"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(Db()));
}

TEST_F(ExportImportTest, ExportImportExportIsByteIdenticalApartFromTheHeaderDate) {
  ImportAllSamples();
  RunResult first = RunAncre("export --db " + Q(Db()) + " -o -");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_NE(first.out.find("<tu "), std::string::npos);
  std::ofstream(dir_ / "first.tmx") << first.out;
  const std::string db2 = dir_ / "again.sqlite";
  ASSERT_EQ(RunAncre("import " + Q(dir_ / "first.tmx") + " --db " + Q(db2)).exit_code, 0);
  RunResult second = RunAncre("export --db " + Q(db2) + " -o -");
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(WithoutHeaderDate(second.out), WithoutHeaderDate(first.out));
}

TEST_F(ExportImportTest, FiltersAndFormats) {
  ImportAllSamples();
  RunResult r =
      RunAncre("export --db " + Q(Db()) + " --src-lang en-US --tgt-lang de-DE --format tsv -o -");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("src_lang\ttgt_lang\tsource\ttarget\tscore\tdocument\n", 0), 0u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 25);  // header + 24 distinct pairs
  // A filter that matches nothing is an error that says so, and writes nothing.
  r = RunAncre("export --db " + Q(Db()) + " --origin aligned -o -");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("no unit was aligned"), std::string::npos) << r.err;
  r = RunAncre("export --db " + Q(Db()) + " --since 2999-01-01 --format jsonl -o -");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "");
  r = RunAncre("export --db " + Q(Db()) + " --document " +
               Q(kSamples + "06-omegat-project_save-tmx11.tmx") + " --format jsonl -o -");
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 5) << r.out;
  EXPECT_EQ(RunAncre("export --db " + Q(Db()) + " --src-lang fr_FR_x -o -").exit_code, 2);
  EXPECT_EQ(RunAncre("export --db " + Q(Db()) + " --format xml").exit_code, 2);
}

TEST_F(ExportImportTest, FailedExportLeavesNoFile) {
  RunResult r = RunAncre("export --db " + Q(dir_ / "missing.sqlite") + " -o " + Q(dir_ / "o.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "o.tmx"));
}

// `ancre import - <args>` reading a pipe the test writes to, with stderr to a
// file: the import waits for more input where the test wants it to.
struct PipedImport {
  pid_t pid = -1;
  int input = -1;  // write end of the child's stdin

  PipedImport(const std::vector<std::string>& args, const std::string& stderr_path) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid = fork();
    if (pid == 0) {
      std::vector<char*> argv = {const_cast<char*>(ANCRE_BINARY), const_cast<char*>("import"),
                                 const_cast<char*>("-")};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      const int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fds[0], 0);
      dup2(err, 2);
      close(fds[1]);
      execv(ANCRE_BINARY, argv.data());
      _exit(127);
    }
    close(fds[0]);
    input = fds[1];
  }
  ~PipedImport() {
    if (input >= 0) close(input);
    if (pid > 0) waitpid(pid, nullptr, 0);
  }
  void Write(const std::string& bytes) const {
    ASSERT_EQ(write(input, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  // Whether the child has `path` open (one of /proc/<pid>/fd/ links to it).
  bool HasOpen(const std::string& path) const {
    std::error_code ec;
    const std::filesystem::path target = std::filesystem::canonical(path, ec);
    if (ec) return false;
    for (const auto& fd :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd",
                                             std::filesystem::directory_options::none, ec)) {
      std::error_code link_ec;
      if (std::filesystem::read_symlink(fd.path(), link_ec) == target) return true;
    }
    return false;
  }
  // Whether the child has open the temporary name a new TM `path` is built
  // under (".NAME.ancre-XXXXXX" in its folder).
  bool HasOpenTemporaryOf(const std::string& path) const {
    std::error_code ec;
    const std::filesystem::path p = std::filesystem::absolute(path, ec);
    const std::filesystem::path folder = std::filesystem::canonical(p.parent_path(), ec);
    const std::string prefix = "." + p.filename().string() + ".ancre-";
    for (const auto& fd :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd",
                                             std::filesystem::directory_options::none, ec)) {
      std::error_code link_ec;
      const std::filesystem::path target = std::filesystem::read_symlink(fd.path(), link_ec);
      if (!link_ec && target.parent_path() == folder &&
          target.filename().string().rfind(prefix, 0) == 0) {
        return true;
      }
    }
    return false;
  }
  // Waits until the child has `path` open (the import got that far: its
  // interruption handler is installed before anything else), or has exited.
  // With `temporary`, the temporary a new TM `path` is built under instead.
  bool WaitFor(const std::string& path, bool temporary = false) const {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!(temporary ? HasOpenTemporaryOf(path) : HasOpen(path))) {
      siginfo_t info{};
      if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
          info.si_pid == pid || std::chrono::steady_clock::now() > give_up) {
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }
  // Sends sig; returns the exit code.
  int Interrupt(int sig) {
    kill(pid, sig);
    int status = 0;
    waitpid(pid, &status, 0);
    pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

const char kPipedTmxStart[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
    "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
    "adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n"
    "<tu><tuv xml:lang=\"fr\"><seg>Interrompu.</seg></tuv>"
    "<tuv xml:lang=\"en\"><seg>Interrupted.</seg></tuv></tu>\n";

TEST_F(ExportImportTest, InterruptedImportLeavesNoNewTm) {
  for (int sig : {SIGINT, SIGTERM}) {
    PipedImport import({"--db", Db()}, dir_ / "err");
    ASSERT_GT(import.pid, 0);
    import.Write(kPipedTmxStart);
    // A new TM is built under a temporary name, and appears only when complete.
    ASSERT_TRUE(import.WaitFor(Db(), /*temporary=*/true)) << ReadAll(dir_ / "err");
    EXPECT_EQ(import.Interrupt(sig), 130);
    EXPECT_EQ(ReadAll(dir_ / "err"), "ancre: interrupted, nothing written\n");
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      EXPECT_FALSE(std::filesystem::exists(Db() + suffix)) << suffix;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
      EXPECT_EQ(entry.path().filename().string().find(".ancre-"), std::string::npos)
          << entry.path() << " left behind";
    }
  }
}

TEST_F(ExportImportTest, InterruptedImportKeepsTheExistingTmAsItWas) {
  ASSERT_EQ(RunAncre(Import(kFixture)).exit_code, 0);
  const std::string before = Content();
  ASSERT_NE(before.find("\"source\""), std::string::npos);
  PipedImport import({"--db", Db()}, dir_ / "err");
  ASSERT_GT(import.pid, 0);
  import.Write(kPipedTmxStart);
  ASSERT_TRUE(import.WaitFor(Db())) << ReadAll(dir_ / "err");
  EXPECT_EQ(import.Interrupt(SIGINT), 130);
  EXPECT_EQ(ReadAll(dir_ / "err"), "ancre: interrupted, nothing written\n");
  ASSERT_TRUE(std::filesystem::exists(Db()));
  EXPECT_EQ(Content(), before);
  EXPECT_EQ(Content().find("Interrompu"), std::string::npos);
}

// ---------------------------------------------------------------------------
// What the consumers say of an exported file.

class ConsumerCheckTest : public ExportImportTest {
 protected:
  void SetUp() override {
    ImportAllSamples();
    ASSERT_EQ(RunAncre(Import(kFixture)).exit_code, 0);
    RunResult r = RunAncre("export --db " + Q(Db()) + " -o " + Q(Tmx()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string Tmx() const { return dir_ / "export.tmx"; }
};

TEST_F(ConsumerCheckTest, PassesTheTmx14Dtd) {
  if (!Have("command -v xmllint")) GTEST_SKIP() << "SKIPPED: xmllint missing (libxml2-utils)";
  Shell s = RunShell("sh " + Q(kCheck + "dtd_check.sh") + " " + Q(Tmx()));
  EXPECT_EQ(s.exit_code, 0) << s.output;
}

TEST_F(ConsumerCheckTest, PassesTheStrictCheck) {
  if (!Have("/usr/bin/python3 -c 'import lxml'")) {
    GTEST_SKIP() << "SKIPPED: python3-lxml missing (translate-toolkit pulls it in)";
  }
  Shell s = RunShell("/usr/bin/python3 " + Q(kCheck + "strict_check.py") + " --dtd " +
                     Q(kShared + "/tmx/tmx14.dtd") + " " + Q(Tmx()));
  EXPECT_EQ(s.exit_code, 0) << s.output;
}

TEST_F(ConsumerCheckTest, IsReadByTranslateToolkit) {
  if (!Have("/usr/bin/python3 -c 'import translate.storage.tmx'")) {
    GTEST_SKIP() << "SKIPPED: translate-toolkit missing";
  }
  Shell s = RunShell("sh " + Q(kCheck + "ttk_check.sh") + " " + Q(Tmx()));
  EXPECT_EQ(s.exit_code, 0) << s.output;
  EXPECT_NE(s.output.find("units OK"), std::string::npos) << s.output;
}

bool HaveOmegat() { return Have("command -v java && test -f /usr/share/omegat/OmegaT.jar"); }

TEST_F(ConsumerCheckTest, OmegatPreTranslatesFromIt) {
  if (!HaveOmegat()) GTEST_SKIP() << "SKIPPED: OmegaT missing (Debian package omegat)";
  // The project's document holds two of the fixture's French sentences.
  Shell s = RunShell("sh " + Q(kCheck + "omegat_check.sh") + " " + Q(Tmx()));
  EXPECT_EQ(s.exit_code, 0) << s.output;
  EXPECT_NE(s.output.find("segments=3 untranslated=1"), std::string::npos) << s.output;
}

TEST_F(ExportImportTest, OmegatPreTranslatesTheSampleArticleFromItsAlignment) {
  const std::string fr = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt";
  const std::string en = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt";
  RunResult align =
      RunAncre("align " + Q(fr) + " " + Q(en) + " --src-lang fr --tgt-lang en --db " + Q(Db()));
  ASSERT_EQ(align.exit_code, 0) << align.err;
  const std::string tmx = dir_ / "sample.tmx";
  // The sample articles were written separately: their pairs are comparable
  // pairs, which an export leaves out unless --mode any.
  RunResult r = RunAncre("export --db " + Q(Db()) + " --mode any -o " + Q(tmx));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  if (Have("command -v xmllint")) {
    Shell dtd = RunShell("sh " + Q(kCheck + "dtd_check.sh") + " " + Q(tmx));
    EXPECT_EQ(dtd.exit_code, 0) << dtd.output;
  }
  std::smatch exported;
  ASSERT_TRUE(std::regex_search(r.err, exported, std::regex("exported ([0-9]+) translation unit")))
      << r.err;
  const int units = std::stoi(exported[1]);
  EXPECT_GT(units, 0);
  if (!HaveOmegat()) GTEST_SKIP() << "SKIPPED: OmegaT missing (Debian package omegat)";
  Shell s = RunShell("sh " + Q(kCheck + "omegat_check.sh") + " " + Q(tmx) + " " + Q(fr));
  EXPECT_EQ(s.exit_code, 0) << s.output;
  // OmegaT segments the article itself; each stored pair is one of its
  // sentences, so it pre-translates exactly as many segments as the distinct
  // source sentences exported (a comparable sentence linked to two English
  // sentences is two units).
  std::smatch stats;
  ASSERT_TRUE(
      std::regex_search(s.output, stats, std::regex("segments=([0-9]+) untranslated=([0-9]+)")))
      << s.output;
  RunResult jsonl =
      RunAncre("align " + Q(fr) + " " + Q(en) + " --src-lang fr --tgt-lang en" + " --format jsonl");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  std::set<std::string> sources;
  const std::regex pair_src(R"re(^\{"src":(\[[0-9,]+\]),"tgt":\[[0-9])re");
  std::istringstream lines(jsonl.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_search(line, m, pair_src)) sources.insert(m[1]);
  }
  EXPECT_GE(units, static_cast<int>(sources.size()));
  EXPECT_EQ(std::stoi(stats[1]) - std::stoi(stats[2]), static_cast<int>(sources.size()))
      << s.output;
}

}  // namespace
}  // namespace ancre::testing
