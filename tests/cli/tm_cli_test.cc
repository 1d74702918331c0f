// End-to-end: the real ancre binary on translation memory files (lookup,
// search, stats, analyze, tm merge/prune/check) and on bad files: missing,
// corrupt, foreign, newer, read-only, locked, disk full.
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

#include "src/core/error.h"
#include "tests/cli/run_ancre.h"
#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

using ancre::testing::ReadAll;
using ancre::testing::RunAncre;
using ancre::testing::ScratchDir;

TranslationUnit Unit(std::string source, std::string target, double score = 1.0) {
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = std::move(source);
  u.target = std::move(target);
  u.score = score;
  u.origin = Origin::kAligned;
  u.document = "scams.fr.txt | scams.en.txt";
  return u;
}

void MakeTm(const std::string& path) {
  TranslationMemory store(path, {});
  store.AddUnits({
      Unit("Les deux pays créeront une équipe conjointe.",
           "The two countries will create a joint team.", 0.93),
      Unit("La réunion a eu lieu à Séoul le 27 octobre.",
           "The meeting took place in Seoul on October 27.", 0.88),
      Unit("Les escroqueries en ligne se multiplient au Cambodge.",
           "Online scams are multiplying in Cambodia.", 0.35),
  });
}

std::string Q(const std::string& s) { return "'" + s + "'"; }

int64_t Units(const std::string& path) {
  OpenOptions o;
  o.read_only = true;
  o.create = false;
  return TranslationMemory(path, o).Stats().units;
}

TEST(TmCliTest, LookupShowsMatchPercentTranslationAndDifferences) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto r = RunAncre("lookup --db " + Q(dir / "tm.sqlite") +
                    " 'Les deux pays créeront une équipe commune.'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Characters, as translate-toolkit counts them: 5 edits in 44 characters.
  EXPECT_NE(r.out.find("88.64%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The two countries will create a joint team."), std::string::npos);
  EXPECT_NE(r.out.find("replaced \"commune\"→\"conjointe\""), std::string::npos) << r.out;
}

TEST(TmCliTest, LookupNeverShowsHundredForTextThatDiffersAndSaysHow) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto r = RunAncre("lookup --db " + Q(dir / "tm.sqlite") +
                    " 'les deux pays créeront une équipe conjointe'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("100%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("95.45%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  differs: case, punctuation\n"), std::string::npos) << r.out;
  auto n = RunAncre("lookup --db " + Q(dir / "tm.sqlite") +
                    " 'La réunion a eu lieu à Séoul le 28 octobre.'");
  ASSERT_EQ(n.exit_code, 0) << n.err;
  EXPECT_NE(n.out.find("  differs: number 28 → 27\n"), std::string::npos) << n.out;
}

TEST(TmCliTest, LookupReadsTheTmTheOtherWayAndAdaptsNumbers) {
  ScratchDir dir;
  {
    TranslationMemory store(dir / "tm.sqlite", {});
    TranslationUnit u = Unit("La police a arrêté 30 personnes le 27 octobre.",
                             "Police arrested 30 people on October 27.", 0.9);
    u.anchors_json = R"([{"kind":"number","key":"30","src":"30","tgt":"30"},)"
                     R"({"kind":"date","key":"--10-27","src":"27 octobre","tgt":"October 27"}])";
    store.AddUnits({u});
  }
  auto r = RunAncre("lookup --from en --to fr --db " + Q(dir / "tm.sqlite") +
                    " 'Police arrested 31 people on October 27.'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("the TM's fr → en unit, read the other way"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  en: Police arrested 30 people on October 27.\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  fr: La police a arrêté 30 personnes le 27 octobre.\n"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  adapted fr: La police a arrêté 31 personnes le 27 octobre.  [ADAPTED "
                       "30 → 31: check it]\n"),
            std::string::npos)
      << r.out;
  // Without the query's language, the TM is read fr → en only.
  auto one_way = RunAncre("lookup --db " + Q(dir / "tm.sqlite") +
                          " 'Police arrested 31 people on October 27.'");
  EXPECT_NE(one_way.out.find("no match"), std::string::npos) << one_way.out;
}

TEST(TmCliTest, LookupJsonlHasTheDocumentedFields) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto r = RunAncre("lookup --format jsonl --db " + Q(dir / "tm.sqlite") +
                    " 'la reunion a eu lieu a seoul le 27 octobre'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      r.out.rfind("{\"score\":86.05,\"source\":\"La réunion a eu lieu à Séoul le 27 octobre.\","
                  "\"target\":\"The meeting took place in Seoul on October 27.\",\"tu\":2,"
                  "\"document\":\"scams.fr.txt | scams.en.txt\"",
                  0),
      0u)
      << r.out;
  EXPECT_NE(r.out.find("\"word_score\":100,\"reversed\":false,\"differences\":[\"case\","
                       "\"accents\",\"punctuation\"]"),
            std::string::npos)
      << r.out;
}

TEST(TmCliTest, LookupReadsOneSentencePerLineFromStdin) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto r = RunAncre("lookup --format jsonl --db " + Q(dir / "tm.sqlite") + " -",
                    "Les deux pays créeront une équipe conjointe.\nRien du tout.\n"
                    "La réunion a eu lieu à Séoul le 27 octobre.\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 2);
}

TEST(TmCliTest, SearchFindsAccentedWordsAndHighlightsBothSides) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto r = RunAncre("search --color never --db " + Q(dir / "tm.sqlite") + " seoul");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("à [[Séoul]] le"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("in [[Seoul]] on"), std::string::npos) << r.out;
  auto prefix =
      RunAncre("search --format jsonl --lang fr --db " + Q(dir / "tm.sqlite") + " 'escroq*'");
  ASSERT_EQ(prefix.exit_code, 0) << prefix.err;
  EXPECT_NE(prefix.out.find("\"source_hits\":[[4,16]]"), std::string::npos) << prefix.out;
}

TEST(TmCliTest, SqlLookingQueriesAreJustText) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto s = RunAncre("search --db " + Q(dir / "tm.sqlite") + " \"'); DROP TABLE units; --\"");
  EXPECT_EQ(s.exit_code, 0) << s.err;
  auto l = RunAncre("lookup --db " + Q(dir / "tm.sqlite") + " \"'); DROP TABLE units; --\"");
  EXPECT_EQ(l.exit_code, 0) << l.err;
  EXPECT_EQ(Units(dir / "tm.sqlite"), 3);
}

TEST(TmCliTest, StatsCountsUnitsByScoreBand) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto r = RunAncre("stats --format json --db " + Q(dir / "tm.sqlite"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"units\":3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"units_by_lang_pair\":{\"fr→en\":3}"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"0.90–1.00\":1,\"0.80–0.89\":1"), std::string::npos) << r.out;
}

TEST(TmCliTest, AnalyzeBucketsTheSegmentsOfANewFile) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  std::ofstream(dir / "new.fr.txt")
      << "Les deux pays créeront une équipe conjointe.\n"
         "Un tout autre sujet aujourd'hui.\n";  // 6 words: the apostrophe separates
  auto r = RunAncre("analyze --format json --lang fr --db " + Q(dir / "tm.sqlite") + " " +
                    Q(dir / "new.fr.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"segments\":2,\"words\":13"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"name\":\"100%\",\"segments\":1,\"words\":7"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("{\"name\":\"no match\",\"segments\":1,\"words\":6"), std::string::npos)
      << r.out;
}

TEST(TmCliTest, PruneAsksForYesWhenNotOnATerminalAndDryRunChangesNothing) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  auto no = RunAncre("tm prune --below 0.4 --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(no.exit_code, 2);
  EXPECT_NE(no.err.find("--yes"), std::string::npos) << no.err;
  auto dry = RunAncre("tm prune --below 0.4 --dry-run --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("would remove 1 translation unit(s)"), std::string::npos) << dry.out;
  EXPECT_EQ(Units(dir / "tm.sqlite"), 3);
  auto yes = RunAncre("tm prune --below 0.4 --yes --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(yes.exit_code, 0) << yes.err;
  EXPECT_EQ(Units(dir / "tm.sqlite"), 2);
  auto check = RunAncre("tm check --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  auto missing = RunAncre("tm prune --document 99 --yes --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no document 99; 'ancre stats --documents --db "), std::string::npos)
      << missing.err;
}

TEST(TmCliTest, MergeDeduplicatesAndLeavesTheOtherFileUntouched) {
  ScratchDir dir;
  MakeTm(dir / "a.sqlite");
  {
    TranslationMemory b(dir / "b.sqlite", {});
    b.AddUnits({Unit("Les deux pays créeront une équipe conjointe.",
                     "The two countries will create a joint team.", 0.97),
                Unit("Merci.", "Thank you.")});
  }
  const std::string other_before = ReadAll(dir / "b.sqlite");
  auto r = RunAncre("tm merge " + Q(dir / "b.sqlite") + " --db " + Q(dir / "a.sqlite"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1 new unit(s), 1 already present"), std::string::npos) << r.out;
  EXPECT_EQ(Units(dir / "a.sqlite"), 4);
  EXPECT_EQ(ReadAll(dir / "b.sqlite"), other_before);
  auto again = RunAncre("tm merge " + Q(dir / "b.sqlite") + " --db " + Q(dir / "a.sqlite"));
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(Units(dir / "a.sqlite"), 4);
}

// align --pairs indexes the units of all its pairs once, at the end: every
// unit it stored is searchable when it returns, without a warning.
TEST(TmCliTest, AlignPairsLeavesEveryStoredUnitIndexed) {
  ScratchDir dir;
  const std::string samples = ANCRE_SAMPLES;
  std::ofstream(dir / "manifest.tsv")
      << samples << "/cambodia-korea-scams.fr.txt\t" << samples << "/cambodia-korea-scams.en.txt\n";
  auto r = RunAncre("align --pairs " + Q(dir / "manifest.tsv") + " --db " + Q(dir / "tm.sqlite") +
                    " --src-lang fr --tgt-lang en");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(Units(dir / "tm.sqlite"), 0);
  {
    OpenOptions o;
    o.read_only = true;
    o.create = false;
    EXPECT_EQ(TranslationMemory(dir / "tm.sqlite", o).UnindexedUnits(), 0);
  }
  auto search = RunAncre("search --db " + Q(dir / "tm.sqlite") + " 'Hun Manet'");
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("[[Manet]]"), std::string::npos) << search.out;
  EXPECT_EQ(search.err, "");
}

TEST(TmCliTest, MissingTmIsAnErrorAndIsNotCreated) {
  ScratchDir dir;
  auto r = RunAncre("lookup --db " + Q(dir / "none.sqlite") + " 'Bonjour'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("none.sqlite: no such translation memory"), std::string::npos) << r.err;
  // The library says what is wrong; the command line adds the command that helps.
  EXPECT_NE(r.err.find("or create one with 'ancre align FR EN --db "), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "none.sqlite"));
}

TEST(TmCliTest, CorruptFileIsAnErrorAndIsLeftAsItWas) {
  ScratchDir dir;
  std::string junk;
  for (int i = 0; i < 8192; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) % 251));
  std::ofstream(dir / "junk.sqlite", std::ios::binary) << junk;
  for (const char* cmd : {"stats", "tm prune --below 0.5 --yes", "tm check"}) {
    auto r = RunAncre(std::string(cmd) + " --db " + Q(dir / "junk.sqlite"));
    EXPECT_EQ(r.exit_code, 1) << cmd;
    EXPECT_NE(r.err.find("junk.sqlite"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("not a translation memory"), std::string::npos) << r.err;
  }
  EXPECT_EQ(ReadAll(dir / "junk.sqlite"), junk);
}

TEST(TmCliTest, ForeignSqliteFileIsAnErrorAndIsLeftAsItWas) {
  ScratchDir dir;
  {
    sqlite3* db = nullptr;
    sqlite3_open((dir / "other.sqlite").c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const std::string before = ReadAll(dir / "other.sqlite");
  auto r = RunAncre("tm merge " + Q(dir / "other.sqlite") + " --db " + Q(dir / "other.sqlite"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not an ancre translation memory"), std::string::npos) << r.err;
  EXPECT_EQ(ReadAll(dir / "other.sqlite"), before);
}

// Runs sql on the TM at path, as another program could.
void Tamper(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

// The crafted TM of the hardening issue: `units` is a view counting forever,
// which made tm merge fill the disk and every reader hang.
constexpr const char* kRecursiveUnits =
    "DROP TABLE units; CREATE VIEW units(id, src_lang, tgt_lang, source, target, source_markup, "
    "target_markup, text_hash, match_key, word_count, score, origin, created, tuid, has_extras) "
    "AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT i, 'fr', 'en', "
    "'a', 'b', '', '', 0, 'a', 1, 1.0, 'imported', '2026', '', 0 FROM n";

TEST(TmCliTest, TmWhoseUnitsTableIsARecursiveViewIsRefusedOnOpen) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  Tamper(dir / "tm.sqlite", kRecursiveUnits);
  const std::string before = ReadAll(dir / "tm.sqlite");
  OpenOptions read_only;
  read_only.read_only = true;
  try {
    TranslationMemory store(dir / "tm.sqlite", read_only);
    ADD_FAILURE() << "a TM with a view for units was opened";
  } catch (const DbError& e) {
    EXPECT_NE(std::string(e.what()).find("'units' is a view, not the table"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("tm.sqlite"), std::string::npos) << e.what();
  }
  auto check = RunAncre("tm check --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.err.find("'units' is a view"), std::string::npos) << check.err;
  auto merge = RunAncre("tm merge " + Q(dir / "tm.sqlite") + " --db " + Q(dir / "new.sqlite"));
  EXPECT_EQ(merge.exit_code, 1);
  EXPECT_NE(merge.err.find("not a valid ancre translation memory"), std::string::npos) << merge.err;
  EXPECT_EQ(ReadAll(dir / "tm.sqlite"), before);
}

TEST(TmCliTest, TmWithATriggerOrAnAlteredIndexIsRefused) {
  const std::pair<const char*, const char*> cases[] = {
      {"CREATE TRIGGER grow AFTER INSERT ON units BEGIN SELECT 1; END",
       "trigger 'grow' that ancre did not create"},
      {"CREATE TABLE extra(x)", "table 'extra' that ancre did not create"},
      {"DROP INDEX units_by_hash; CREATE INDEX units_by_hash ON units(text_hash) WHERE "
       "length(source) > 0",
       "index 'units_by_hash' is not defined as ancre defines it"},
      {"DROP INDEX units_by_hash", "index 'units_by_hash' is missing"},
  };
  for (const auto& [sql, problem] : cases) {
    ScratchDir dir;
    MakeTm(dir / "tm.sqlite");
    Tamper(dir / "tm.sqlite", sql);
    auto check = RunAncre("tm check --db " + Q(dir / "tm.sqlite"));
    EXPECT_EQ(check.exit_code, 1) << sql;
    EXPECT_NE(check.err.find(problem), std::string::npos) << check.err;
  }
}

TEST(TmCliTest, TmInAReadOnlyFolderIsReadByLookupSearchStatsAndExport) {
  // Root ignores permissions: the readers then run as user nobody (setpriv),
  // as a user reading a TM on a read-only share would.
  std::string as_user;
  if (geteuid() == 0) {
    if (access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "root, and no setpriv";
    as_user = "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  ScratchDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms(0755));
  const std::string folder = dir / "shared";
  std::filesystem::create_directory(folder);
  const std::string tm = folder + "/tm.sqlite";
  MakeTm(tm);
  ASSERT_FALSE(std::filesystem::exists(tm + "-wal"));  // the last connection checkpointed
  chmod(tm.c_str(), 0444);
  chmod(folder.c_str(), 0555);
  const std::string before = ReadAll(tm);
  auto run = [&](const std::string& args) {
    const std::string cmd = as_user + "'" + ANCRE_BINARY + "' " + args + " --db " + Q(tm) + " >" +
                            Q(dir / "out") + " 2>" + Q(dir / "err");
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << args << ": " << ReadAll(dir / "err");
    return ReadAll(dir / "out");
  };
  EXPECT_NE(run("lookup --format jsonl 'Les deux pays créeront une équipe conjointe.'")
                .find("\"score\":100"),
            std::string::npos);
  EXPECT_NE(run("search Séoul").find("Seoul"), std::string::npos);
  EXPECT_NE(run("stats").find("2"), std::string::npos);
  EXPECT_NE(run("export").find("<tu"), std::string::npos);
  EXPECT_EQ(ReadAll(tm), before);
  EXPECT_FALSE(std::filesystem::exists(tm + "-shm"));
  chmod(folder.c_str(), 0755);
}

// Turns a TM into what ancre wrote at schema `version` (1 or 2).
void MakeOlderSchema(const std::string& path, int version) {
  std::string sql =
      "DROP TABLE beads; DROP TABLE segment_edits; DROP TABLE review_actions;"  // v4
      "DROP TABLE index_state; CREATE INDEX provenances_by_alignment ON "
      "provenances(alignment_id);";  // what v3 changed
  if (version < 2) sql += "DROP INDEX units_by_word_count;";
  sql += "PRAGMA user_version = " + std::to_string(version);
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
}

TEST(TmCliTest, VersionOneTmIsMigratedOnOpenAndKeepsAnsweringLookups) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  MakeOlderSchema(dir / "tm.sqlite", 1);
  auto readonly = RunAncre("lookup --db " + Q(dir / "tm.sqlite") + " 'Les deux pays.'");
  EXPECT_EQ(readonly.exit_code, 1);  // a reader cannot migrate: it says what to do
  EXPECT_NE(readonly.err.find("needs upgrading to v" + std::to_string(internal::kSchemaVersion)),
            std::string::npos)
      << readonly.err;
  {
    TranslationMemory store(dir / "tm.sqlite", {});
    EXPECT_EQ(store.Stats().schema_version, internal::kSchemaVersion);
    EXPECT_EQ(store.Lookup("Les deux pays créeront une équipe conjointe.", {}).size(), 1u);
  }
  auto check = RunAncre("tm check --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST(TmCliTest, VersionTwoTmIsReadAsItIsAndMergedWithoutChangingIt) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  MakeOlderSchema(dir / "tm.sqlite", 2);
  const std::string before = ReadAll(dir / "tm.sqlite");
  auto readonly = RunAncre("lookup --db " + Q(dir / "tm.sqlite") +
                           " --format jsonl 'Les deux pays créeront une équipe conjointe.'");
  EXPECT_EQ(readonly.exit_code, 0) << readonly.err;
  EXPECT_NE(readonly.out.find("\"score\":100"), std::string::npos) << readonly.out;
  EXPECT_EQ(ReadAll(dir / "tm.sqlite"), before);
  auto merge = RunAncre("tm merge " + Q(dir / "tm.sqlite") + " --db " + Q(dir / "new.sqlite"));
  EXPECT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_EQ(ReadAll(dir / "tm.sqlite"), before);
  auto found = RunAncre("lookup --db " + Q(dir / "new.sqlite") +
                        " --format jsonl 'Les deux pays créeront une équipe conjointe.'");
  EXPECT_NE(found.out.find("\"score\":100"), std::string::npos) << found.out;
  {
    TranslationMemory store(dir / "tm.sqlite", {});  // a writer migrates
    EXPECT_EQ(store.Stats().schema_version, internal::kSchemaVersion);
    EXPECT_EQ(store.UnindexedUnits(), 0);
  }
}

TEST(TmCliTest, NewerSchemaSaysToUpgradeAncre) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  {
    sqlite3* db = nullptr;
    sqlite3_open((dir / "tm.sqlite").c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  auto r = RunAncre("stats --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("schema v99 is newer than this ancre (v" +
                       std::to_string(internal::kSchemaVersion) + "); upgrade ancre"),
            std::string::npos)
      << r.err;
}

TEST(TmCliTest, LockedTmFailsAfterTheBusyTimeoutAndIsUnchanged) {
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  sqlite3* db = nullptr;
  sqlite3_open((dir / "tm.sqlite").c_str(), &db);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  auto r = RunAncre("tm prune --below 0.5 --yes --busy-timeout 100 --db " + Q(dir / "tm.sqlite"));
  sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("locked by another process"), std::string::npos) << r.err;
  EXPECT_EQ(Units(dir / "tm.sqlite"), 3);
}

TEST(TmCliTest, ReadOnlyTmRefusesChangesButAnswersLookups) {
  if (geteuid() == 0 && access("/usr/bin/setpriv", X_OK) != 0) {
    GTEST_SKIP() << "root ignores file permissions and setpriv is missing";
  }
  ScratchDir dir;
  MakeTm(dir / "tm.sqlite");
  // Checkpoint the WAL so a read-only reader needs nothing else.
  {
    sqlite3* db = nullptr;
    sqlite3_open((dir / "tm.sqlite").c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  chmod(dir.path().c_str(), 0755);
  chmod((dir / "tm.sqlite").c_str(), 0444);
  const std::string before = ReadAll(dir / "tm.sqlite");
  const std::string as_user =
      geteuid() == 0 ? "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  // RunAncre quotes the binary itself; prefix it through the shell by a wrapper.
  auto run = [&](const std::string& args) {
    if (as_user.empty()) return RunAncre(args);
    ScratchDir io;
    chmod(io.path().c_str(), 0777);
    std::string cmd = as_user + "'" + std::string(ANCRE_BINARY) + "' " + args + " </dev/null >'" +
                      (io / "out") + "' 2>'" + (io / "err") + "'";
    int status = std::system(cmd.c_str());
    ancre::testing::RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    r.out = ReadAll(io / "out");
    r.err = ReadAll(io / "err");
    return r;
  };
  auto prune = run("tm prune --below 0.5 --yes --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(prune.exit_code, 1);
  EXPECT_NE(prune.err.find("read-only"), std::string::npos) << prune.err;
  auto lookup = run("lookup --db " + Q(dir / "tm.sqlite") + " 'Merci beaucoup.'");
  EXPECT_EQ(lookup.exit_code, 0) << lookup.err;
  EXPECT_EQ(ReadAll(dir / "tm.sqlite"), before);
}

TEST(TmCliTest, DiskFullDuringMergeRollsBackAndSaysSo) {
  ScratchDir dir;
  {
    TranslationMemory big(dir / "big.sqlite", {});
    std::vector<TranslationUnit> units;
    for (int i = 0; i < 3000; ++i) {
      units.push_back(Unit("Phrase numéro " + std::to_string(i) + " d'un long texte de test.",
                           "Sentence number " + std::to_string(i) + " of a long test text."));
    }
    big.AddUnits(units);
  }
  MakeTm(dir / "tm.sqlite");
  {
    sqlite3* db = nullptr;  // start from a checkpointed file, no WAL
    sqlite3_open((dir / "tm.sqlite").c_str(), &db);
    sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  // ulimit -f: no file may grow beyond 256 KiB (bash counts 1024-byte blocks).
  std::string cmd = "bash -c \"ulimit -f 256; exec '" + std::string(ANCRE_BINARY) + "' tm merge '" +
                    (dir / "big.sqlite") + "' --db '" + (dir / "tm.sqlite") + "'\" >'" +
                    (dir / "out") + "' 2>'" + (dir / "err") + "'";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  const std::string err = ReadAll(dir / "err");
  EXPECT_NE(err.find("rolled back"), std::string::npos) << err;
  EXPECT_EQ(Units(dir / "tm.sqlite"), 3);
  auto check = RunAncre("tm check --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
}

TEST(TmCliTest, KillDuringMergeLeavesTheTmAsBeforeOrAsAfter) {
  ScratchDir dir;
  {
    TranslationMemory big(dir / "big.sqlite", {});
    std::vector<TranslationUnit> units;
    for (int i = 0; i < 20000; ++i) {
      units.push_back(Unit("Phrase numéro " + std::to_string(i) + " d'un long texte de test.",
                           "Sentence number " + std::to_string(i) + " of a long test text."));
    }
    big.AddUnits(units);
  }
  MakeTm(dir / "tm.sqlite");
  // Kill at several moments; each time the TM must hold either none or all of the merge.
  int killed = 0;
  for (int delay_ms : {5, 40, 150}) {
    const int64_t before = Units(dir / "tm.sqlite");
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::string db = dir / "tm.sqlite";
      std::string other = dir / "big.sqlite";
      int null_fd = open("/dev/null", O_WRONLY);
      dup2(null_fd, 1);
      dup2(null_fd, 2);
      execl(ANCRE_BINARY, ANCRE_BINARY, "tm", "merge", other.c_str(), "--db", db.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(static_cast<useconds_t>(delay_ms) * 1000);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    killed += WIFSIGNALED(status) ? 1 : 0;
    const int64_t after = Units(dir / "tm.sqlite");
    EXPECT_TRUE(after == before || after == 20003) << "after " << delay_ms << " ms: " << after;
    auto check = RunAncre("tm check --db " + Q(dir / "tm.sqlite"));
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  }
  EXPECT_GT(killed, 0);  // at least one kill hit a running merge
  auto done = RunAncre("tm merge " + Q(dir / "big.sqlite") + " --db " + Q(dir / "tm.sqlite"));
  EXPECT_EQ(done.exit_code, 0) << done.err;
  EXPECT_EQ(Units(dir / "tm.sqlite"), 20003);
}

// A TMX file of `units` French/English units, each with a prop and a note.
void WriteTmx(const std::filesystem::path& path, int units) {
  std::ofstream out(path);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
         "creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"x\" "
         "adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/>\n<body>\n";
  for (int i = 0; i < units; ++i) {
    out << "<tu tuid=\"" << i << "\" creationdate=\"20240501T101112Z\"><prop type=\"x-client\">c"
        << i % 7 << "</prop><note>n" << i << "</note><tuv xml:lang=\"fr\"><seg>Les deux pays "
        << "créeront l'équipe conjointe numéro " << i << " contre les escroqueries à Séoul."
        << "</seg></tuv><tuv xml:lang=\"en\"><seg>The two countries will set up joint team "
        << "number " << i << " against scams in Seoul.</seg></tuv></tu>\n";
  }
  out << "</body></tmx>\n";
}

// What a TM holds, to compare states: row counts and text totals of every
// table the import writes, and the integrity checks; with_indexes adds the
// search indexes, which a catch-up transaction derives from the units after
// the import's own. Empty if it cannot be read.
std::string Fingerprint(const std::string& path, bool with_indexes = true) {
  sqlite3* db = nullptr;
  std::string out;
  std::vector<const char*> queries = {
      "PRAGMA integrity_check",
      "SELECT count(*), total(length(source) + length(target)), total(score) FROM units",
      "SELECT count(*), total(length(document)) FROM provenances",
      "SELECT count(*), total(length(value)) FROM unit_extras"};
  if (with_indexes) {
    queries.insert(queries.end(),
                   {"SELECT count(*), total(df) FROM word_df",
                    "SELECT count(*) FROM unit_text WHERE unit_text MATCH 'escroqueries'",
                    "SELECT count(*) FROM unit_words WHERE unit_words MATCH 'equipe'",
                    "SELECT indexed_through = (SELECT max(id) FROM units) FROM index_state"});
  }
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    for (const char* sql : queries) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return "cannot prepare";
      while (sqlite3_step(s) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(s); ++c) {
          const unsigned char* t = sqlite3_column_text(s, c);
          out += t ? reinterpret_cast<const char*>(t) : "NULL";
          out += c + 1 < sqlite3_column_count(s) ? "|" : "\n";
        }
      }
      sqlite3_finalize(s);
    }
  }
  sqlite3_close(db);
  return out;
}

TEST(TmCliTest, KillDuringImportLeavesTheTmExactlyAsBeforeOrAsAfter) {
  ScratchDir dir;
  constexpr int kUnits = 8000;
  WriteTmx(dir / "big.tmx", kUnits);
  MakeTm(dir / "before.sqlite");
  const std::string before = Fingerprint(dir / "before.sqlite");
  ASSERT_NE(before.find("ok\n3|"), std::string::npos) << before;
  // The state after a complete import, and how long one takes.
  std::filesystem::copy_file(dir / "before.sqlite", dir / "after.sqlite");
  const auto start = std::chrono::steady_clock::now();
  auto full = RunAncre("import " + Q(dir / "big.tmx") + " --db " + Q(dir / "after.sqlite"));
  const auto took = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const std::string after = Fingerprint(dir / "after.sqlite");
  ASSERT_NE(after.find("ok\n" + std::to_string(kUnits + 3) + "|"), std::string::npos) << after;

  // Kill at random moments of the import; each time the TM must hold exactly
  // the units of before or of after, and pass the integrity checks, which
  // (opening the TM for writing) index what a kill between the import's
  // transaction and the index catch-up left unindexed.
  const std::string before_stored = Fingerprint(dir / "before.sqlite", false);
  const std::string after_stored = Fingerprint(dir / "after.sqlite", false);
  std::mt19937 rng(std::random_device{}());
  std::uniform_int_distribution<int64_t> moment(0, took.count());
  int killed = 0;
  for (int run = 0; run < 5; ++run) {
    const std::string db = dir / ("run" + std::to_string(run) + ".sqlite");
    std::filesystem::copy_file(dir / "before.sqlite", db);
    const int64_t delay_us = moment(rng);
    SCOPED_TRACE("killed after " + std::to_string(delay_us) + " us");
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const std::string tmx = dir / "big.tmx";
      int null_fd = open("/dev/null", O_WRONLY);
      dup2(null_fd, 1);
      dup2(null_fd, 2);
      execl(ANCRE_BINARY, ANCRE_BINARY, "import", tmx.c_str(), "--db", db.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(static_cast<useconds_t>(delay_us));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    killed += WIFSIGNALED(status) ? 1 : 0;
    const std::string stored = Fingerprint(db, false);
    EXPECT_TRUE(stored == before_stored || stored == after_stored) << stored;
    auto check = RunAncre("tm check --db " + Q(db));
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const std::string state = Fingerprint(db);
    EXPECT_TRUE(state == before || state == after) << state;
  }
  EXPECT_GT(killed, 0);  // at least one kill hit a running import
}

}  // namespace
}  // namespace ancre::tm
