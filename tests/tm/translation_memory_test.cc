#include "tm/translation_memory.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "src/core/error.h"
#include "tests/cli/run_ancre.h"

namespace ancre::tm {
namespace {

TranslationUnit Unit(std::string source, std::string target) {
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = std::move(source);
  u.target = std::move(target);
  u.origin = Origin::kImported;
  u.document = "test.tmx";
  return u;
}

OpenOptions ReadOnly() {
  OpenOptions o;
  o.read_only = true;
  o.create = false;
  return o;
}

TEST(TranslationMemoryTest, OpensSqliteUrisAndPlainPathsAlike) {
  testing::ScratchDir dir;
  const std::string path = dir / "tm.sqlite";
  {
    TranslationMemory tm("sqlite:" + path, {});
    tm.AddUnits({Unit("Bonjour.", "Hello.")});
    EXPECT_EQ(tm.name(), path);
  }
  EXPECT_EQ(TranslationMemory(path, ReadOnly()).Stats().units, 1);
  EXPECT_EQ(TranslationMemory("sqlite://" + path, ReadOnly()).Stats().units, 1);
  EXPECT_EQ(TranslationMemory("sqlite::memory:", {}).Stats().units, 0);
}

TEST(TranslationMemoryTest, APostgresqlUriSaysThisBuildHasNoSuchBackend) {
  try {
    TranslationMemory tm("postgresql://localhost/ancre", {});
    FAIL() << "opened";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("no PostgreSQL backend"), std::string::npos) << e.what();
  }
  EXPECT_THROW(TranslationMemory::Files("postgresql://localhost/ancre"), UsageError);
  EXPECT_THROW(TranslationMemory("mysql://db/tm", {}), UsageError);
  EXPECT_THROW(TranslationMemory("sqlite:", {}), UsageError);
}

TEST(TranslationMemoryTest, FilesNameTheFileAndItsWorkingFiles) {
  const TmFiles files = TranslationMemory::Files("sqlite:/data/tm.sqlite");
  EXPECT_EQ(files.file, std::filesystem::path("/data/tm.sqlite"));
  EXPECT_EQ(files.working_suffixes, (std::vector<std::string>{"-wal", "-shm", "-journal"}));
  EXPECT_EQ(TranslationMemory::Files("tm.sqlite").file, std::filesystem::path("tm.sqlite"));
  EXPECT_TRUE(TranslationMemory::Files(":memory:").file.empty());
}

TEST(TranslationMemoryTest, CloseLeavesTheFileWholeAndEndsTheObject) {
  testing::ScratchDir dir;
  const std::string path = dir / "tm.sqlite";
  TranslationMemory tm(path, {});
  tm.AddUnits({Unit("Bonjour.", "Hello.")});
  EXPECT_TRUE(tm.Close());
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  EXPECT_THROW(tm.Stats(), Error);
  EXPECT_EQ(TranslationMemory(path, ReadOnly()).Stats().units, 1);
}

TEST(TranslationMemoryTest, MergesAnotherOpenTmAndRefusesItself) {
  testing::ScratchDir dir;
  {
    TranslationMemory other(dir / "other.sqlite", {});
    other.AddUnits({Unit("Bonjour.", "Hello."), Unit("Merci.", "Thank you.")});
  }
  TranslationMemory tm(dir / "tm.sqlite", {});
  tm.AddUnits({Unit("Merci.", "Thank you.")});
  const TranslationMemory other(dir / "other.sqlite", ReadOnly());
  const MergeResult r = tm.Merge(other);
  EXPECT_EQ(r.units_added, 1);
  EXPECT_EQ(r.units_existing, 1);
  EXPECT_EQ(tm.Stats().units, 2);
  EXPECT_EQ(other.Stats().units, 2);
  EXPECT_THROW(tm.Merge(tm), Error);
  const TranslationMemory same(dir / "tm.sqlite", ReadOnly());
  EXPECT_THROW(tm.Merge(same), Error);
  TranslationMemory memory(":memory:", {});
  EXPECT_THROW(tm.Merge(memory), Error);
}

TEST(TranslationMemoryTest, AnotherWritersLockIsALockedError) {
  testing::ScratchDir dir;
  const std::string path = dir / "tm.sqlite";
  { TranslationMemory tm(path, {}); }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  OpenOptions no_wait;
  no_wait.lock_wait_ms = 0;
  EXPECT_THROW(TranslationMemory(path, no_wait).AddUnits({Unit("Bonjour.", "Hello.")}),
               LockedError);
  sqlite3_exec(raw, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  TranslationMemory tm(path, no_wait);
  EXPECT_EQ(tm.AddUnits({Unit("Bonjour.", "Hello.")}).added, 1u);
}

TEST(TranslationMemoryTest, MissingThingsAreTypedErrorsCarryingWhatWasMissing) {
  testing::ScratchDir dir;
  const std::string path = dir / "none.sqlite";
  try {
    TranslationMemory tm(path, ReadOnly());
    FAIL() << "opened";
  } catch (const NoSuchTranslationMemory& e) {
    EXPECT_EQ(e.name(), path);
    EXPECT_EQ(std::string(e.what()).find("ancre "), std::string::npos) << e.what();
  }
  TranslationMemory tm(":memory:", {});
  try {
    tm.LoadAlignment(7);
    FAIL() << "loaded";
  } catch (const RecordNotFound& e) {
    EXPECT_EQ(e.kind(), RecordNotFound::Kind::kAlignmentRun);
    EXPECT_EQ(e.id(), 7);
    EXPECT_EQ(e.tm_name(), ":memory:");
    EXPECT_EQ(std::string(e.what()), ":memory:: no alignment run 7");
  }
  try {
    PruneOptions prune;
    prune.document_id = 9;
    tm.Prune(prune);
    FAIL() << "pruned";
  } catch (const RecordNotFound& e) {
    EXPECT_EQ(e.kind(), RecordNotFound::Kind::kDocument);
    EXPECT_EQ(e.id(), 9);
    EXPECT_EQ(std::string(e.what()), ":memory:: no document 9");
  }
}

TEST(TranslationMemoryTest, PruneWithoutACriterionNamesTheOptions) {
  TranslationMemory tm(":memory:", {});
  try {
    tm.Prune({});
    FAIL() << "pruned";
  } catch (const UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("PruneOptions::below"), std::string::npos) << what;
    EXPECT_EQ(what.find("--"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace ancre::tm
