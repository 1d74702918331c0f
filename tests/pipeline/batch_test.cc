// The batch runner: every pair of a manifest into one TM, in manifest order,
// a failed pair reported and the others stored.
#include "src/pipeline/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/core/error.h"

namespace ancre::pipeline {
namespace {

namespace fs = std::filesystem;

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ancre-batch-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

TEST_F(BatchTest, ReadsAManifestRelativeToItsFolder) {
  const std::string m = Write("m.tsv", "# pairs\n\na.fr\ta.en\n/abs/b.fr\tb.en\n");
  const std::vector<ManifestEntry> e = ReadManifest(m);
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].src, (dir_ / "a.fr").string());
  EXPECT_EQ(e[0].tgt, (dir_ / "a.en").string());
  EXPECT_EQ(e[0].line, 3u);
  EXPECT_EQ(e[1].src, "/abs/b.fr");
  EXPECT_EQ(e[1].line, 4u);
  EXPECT_THROW(ReadManifest(Write("bad.tsv", "one-field\n")), ParseError);
}

TEST_F(BatchTest, StoresEveryPairInOrderAndReportsTheFailedOne) {
  Write("1.fr", "Le chien dort dans la maison.\nLe budget est de 320 milliards.\n");
  Write("1.en", "The dog sleeps in the house.\nThe budget is 320 billion.\n");
  Write("2.fr", "Les syndicats manifestent le 12 octobre.\n");
  Write("2.en", "The unions demonstrate on October 12.\n");
  BatchOptions o;
  o.pairs = ReadManifest(Write("m.tsv", "1.fr\t1.en\nmissing.fr\t2.en\n2.fr\t2.en\n"));
  o.pair.dictionary_dir = "";
  o.pair.presegmented = true;
  o.db_path = (dir_ / "tm.sqlite").string();
  o.workers = 2;
  std::vector<size_t> seen;
  std::vector<bool> failed;
  o.on_pair = [&](const PairOutcome& p) {
    seen.push_back(p.entry);
    failed.push_back(p.error != nullptr);
  };
  const BatchSummary s = RunBatch(o);
  EXPECT_EQ(seen, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(failed, (std::vector<bool>{false, true, false}));
  EXPECT_EQ(s.stored, 2u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_GE(s.units, 2u);

  // A rerun finds them stored.
  o.on_pair = nullptr;
  const BatchSummary again = RunBatch(o);
  EXPECT_EQ(again.stored, 0u);
  EXPECT_EQ(again.already, 2u);
  EXPECT_EQ(again.units, 0u);
  EXPECT_EQ(tm::TranslationMemory(o.db_path, {.read_only = true}).Stats().units,
            static_cast<int64_t>(s.units));
}

}  // namespace
}  // namespace ancre::pipeline
