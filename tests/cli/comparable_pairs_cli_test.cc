// End-to-end: comparable pairs (sentences of two separately written articles
// that report the same fact) are told apart from translations everywhere —
// align's JSONL, export's default and filters, lookup and search — and the
// help of the commands that take a score shows what scores mean per mode.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

size_t Lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

// A TM holding a translation (three sentences aligned in parallel mode) and
// the sample articles aligned in comparable mode.
class ComparablePairsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "t.fr.txt",
              "Le 27 octobre, le Premier ministre a rencontré le président à Séoul.\n"
              "Les deux pays vont créer une équipe commune contre la fraude.\n"
              "La police a arrêté 3 400 suspects depuis juillet.\n");
    WriteFile(dir_ / "t.en.txt",
              "On October 27, the Prime Minister met the president in Seoul.\n"
              "The two countries will create a joint team against fraud.\n"
              "Police have arrested 3,400 suspects since July.\n");
    RunResult parallel = RunAncre("align " + Sh(dir_ / "t.fr.txt") + " " + Sh(dir_ / "t.en.txt") +
                                  " --src-lang fr --tgt-lang en --presegmented --mode parallel "
                                  "-q --db " +
                                  Sh(Db()));
    ASSERT_EQ(parallel.exit_code, 0) << parallel.err;
    RunResult comparable =
        RunAncre("align " + SamplePairArgs() + " --mode comparable -q --db " + Sh(Db()));
    ASSERT_EQ(comparable.exit_code, 0) << comparable.err;
  }
  std::string Db() const { return dir_ / "tm.sqlite"; }
  ScratchDir dir_;
};

TEST(ComparablePairsAlignTest, EveryJsonlBeadSaysItsMode) {
  RunResult comparable = RunAncre("align " + SamplePairArgs() + " --mode comparable -f jsonl");
  ASSERT_EQ(comparable.exit_code, 0) << comparable.err;
  EXPECT_GT(Lines(comparable.out), 0u);
  EXPECT_EQ(Count(comparable.out, "\"mode\":\"comparable\""), Lines(comparable.out))
      << comparable.out;
  RunResult parallel = RunAncre("align " + SamplePairArgs() + " --mode parallel -f jsonl");
  ASSERT_EQ(parallel.exit_code, 0) << parallel.err;
  EXPECT_EQ(Count(parallel.out, "\"mode\":\"parallel\""), Lines(parallel.out));
  EXPECT_EQ(parallel.out.find("\"mode\":\"comparable\""), std::string::npos);
}

TEST_F(ComparablePairsCliTest, ExportHoldsTranslationsOnlyAndCountsWhatItLeftOut) {
  RunResult all = RunAncre("export --db " + Sh(Db()) + " --mode any -f jsonl -q");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  const size_t comparable = Count(all.out, "\"mode\":\"comparable\"");
  EXPECT_EQ(Count(all.out, "\"mode\":\"parallel\""), 3u) << all.out;
  ASSERT_GT(comparable, 0u) << all.out;

  for (const char* format : {"tmx", "tsv", "jsonl"}) {
    RunResult r = RunAncre("export --db " + Sh(Db()) + " -f " + format);
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_NE(r.err.find("exported 3 translation unit(s)"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("left out " + std::to_string(comparable) +
                         " comparable pair(s): sentences that report the same fact, not "
                         "translations of each other (--mode any exports them too, marked)"),
              std::string::npos)
        << format << ": " << r.err;
    EXPECT_EQ(r.out.find("Cambodge"), std::string::npos) << format;  // the sample's pairs
  }
  // --quiet keeps the count: it says what the file lacks.
  EXPECT_NE(RunAncre("export --db " + Sh(Db()) + " -q").err.find("left out"), std::string::npos);

  RunResult tmx = RunAncre("export --db " + Sh(Db()) + " --mode any -q");
  EXPECT_EQ(Count(tmx.out, "<prop type=\"x-mode\">comparable</prop>"), comparable);
  EXPECT_EQ(Count(tmx.out, "<prop type=\"x-mode\">parallel</prop>"), 3u);
  EXPECT_EQ(tmx.err.find("left out"), std::string::npos) << tmx.err;

  RunResult only = RunAncre("export --db " + Sh(Db()) + " --mode comparable -f jsonl -q");
  ASSERT_EQ(only.exit_code, 0) << only.err;
  EXPECT_EQ(Lines(only.out), comparable);
  EXPECT_EQ(RunAncre("export --db " + Sh(Db()) + " --mode translations").exit_code, 2);
}

TEST_F(ComparablePairsCliTest, StatsCountsTranslationsAndComparablePairs) {
  RunResult all = RunAncre("export --db " + Sh(Db()) + " --mode comparable -f jsonl -q");
  RunResult r = RunAncre("stats --db " + Sh(Db()) + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const size_t at = r.out.find("\"units_by_mode\":{");
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string by_mode = r.out.substr(at, r.out.find('}', at) - at);
  EXPECT_NE(by_mode.find("\"comparable\":" + std::to_string(Lines(all.out))), std::string::npos)
      << by_mode;
  EXPECT_NE(by_mode.find("\"parallel\":3"), std::string::npos) << by_mode;
  EXPECT_NE(RunAncre("stats --db " + Sh(Db())).out.find("units by mode (parallel: translations"),
            std::string::npos);
}

TEST_F(ComparablePairsCliTest, AnImportedComparableUnitStaysComparable) {
  RunResult tmx = RunAncre("export --db " + Sh(Db()) + " --mode any -q -o " + Sh(dir_ / "a.tmx"));
  ASSERT_EQ(tmx.exit_code, 0) << tmx.err;
  const std::string db2 = dir_ / "imported.sqlite";
  RunResult import = RunAncre("import " + Sh(dir_ / "a.tmx") + " -q --db " + Sh(db2));
  ASSERT_EQ(import.exit_code, 0) << import.err;
  RunResult r = RunAncre("export --db " + Sh(db2) + " -f jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Lines(r.out), 3u) << r.out;
  EXPECT_NE(r.err.find("left out "), std::string::npos) << r.err;
  RunResult comparable = RunAncre("export --db " + Sh(db2) + " --mode comparable -f jsonl -q");
  // No run of this TM aligned them: what they are comes from the TMX's x-mode.
  EXPECT_EQ(comparable.out.find("\"run\""), std::string::npos) << comparable.out;
  EXPECT_GT(Lines(comparable.out), 0u);
  EXPECT_NE(comparable.out.find("\"mode\":\"comparable\""), std::string::npos) << comparable.out;
}

TEST(ComparablePairsExportTest, ATmOfComparablePairsAloneExportsNothingAndSaysWhy) {
  ScratchDir dir;
  const std::string db = dir / "tm.sqlite";
  ASSERT_EQ(RunAncre("align " + SamplePairArgs() + " -q --db " + Sh(db)).exit_code, 0);
  RunResult r = RunAncre("export --db " + Sh(db) + " -o " + Sh(dir / "tm.tmx"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("every unit is a comparable pair"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--mode any exports them"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "tm.tmx"));
  EXPECT_EQ(RunAncre("export --db " + Sh(db) + " --mode any -q -o " + Sh(dir / "tm.tmx")).exit_code,
            0);
}

TEST_F(ComparablePairsCliTest, LookupAndSearchMarkComparablePairsAndFilterThem) {
  // A sentence of the sample's comparable pairs and its translation unit.
  RunResult search = RunAncre("search --db " + Sh(Db()) + " Séoul --color never");
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("COMPARABLE pair: it reports the same fact"), std::string::npos)
      << search.out;
  EXPECT_NE(search.out.find("Prime Minister"), std::string::npos) << search.out;
  RunResult translations =
      RunAncre("search --db " + Sh(Db()) + " Séoul --color never --mode parallel");
  EXPECT_NE(translations.out.find("Prime Minister"), std::string::npos) << translations.out;
  EXPECT_EQ(translations.out.find("COMPARABLE"), std::string::npos) << translations.out;
  RunResult jsonl = RunAncre("search --db " + Sh(Db()) + " Séoul -f jsonl --mode comparable");
  EXPECT_GT(Lines(jsonl.out), 0u);
  EXPECT_EQ(Count(jsonl.out, "\"mode\":\"comparable\""), Lines(jsonl.out)) << jsonl.out;

  // A sentence of the sample that is in a comparable pair only.
  const std::string query =
      "\"Rétablies en 1997, les relations diplomatiques entre le Cambodge et la Corée du Sud ont "
      "été élevées au rang de partenariat stratégique en 2025.\"";
  RunResult any = RunAncre("lookup --db " + Sh(Db()) + " -t 30 -f jsonl " + query);
  ASSERT_EQ(any.exit_code, 0) << any.err;
  EXPECT_NE(any.out.find("\"mode\":\"comparable\""), std::string::npos) << any.out;
  RunResult parallel =
      RunAncre("lookup --db " + Sh(Db()) + " -t 30 -f jsonl --mode parallel " + query);
  EXPECT_EQ(parallel.out.find("\"mode\":\"comparable\""), std::string::npos) << parallel.out;
  EXPECT_EQ(RunAncre("lookup --db " + Sh(Db()) + " --mode both x").exit_code, 2);
}

TEST_F(ComparablePairsCliTest, OriginFiltersLookupAndSearch) {
  WriteFile(dir_ / "one.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\" "
            "datatype=\"plaintext\" segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" "
            "creationtool=\"t\" creationtoolversion=\"1\"/><body><tu><tuv xml:lang=\"fr\"><seg>"
            "La réunion de Séoul a duré deux heures.</seg></tuv><tuv xml:lang=\"en\"><seg>The "
            "Seoul meeting lasted two hours.</seg></tuv></tu></body></tmx>\n");
  ASSERT_EQ(RunAncre("import " + Sh(dir_ / "one.tmx") + " -q --db " + Sh(Db())).exit_code, 0);
  RunResult imported = RunAncre("search --db " + Sh(Db()) + " Séoul -f jsonl --origin imported");
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(Lines(imported.out), 1u) << imported.out;
  EXPECT_NE(imported.out.find("two hours"), std::string::npos);
  RunResult aligned = RunAncre("search --db " + Sh(Db()) + " Séoul -f jsonl --origin aligned");
  EXPECT_EQ(aligned.out.find("two hours"), std::string::npos) << aligned.out;
  EXPECT_GT(Lines(aligned.out), 0u);
  const std::string query = "\"La réunion de Séoul a duré trois heures.\"";
  EXPECT_NE(
      RunAncre("lookup --db " + Sh(Db()) + " --origin imported " + query).out.find("two hours"),
      std::string::npos);
  EXPECT_EQ(
      RunAncre("lookup --db " + Sh(Db()) + " --origin aligned " + query).out.find("two hours"),
      std::string::npos);
  EXPECT_EQ(RunAncre("search --db " + Sh(Db()) + " --origin typed x").exit_code, 2);
}

TEST(ComparablePairsHelpTest, CommandsThatTakeAScoreShowWhatScoresMeanPerMode) {
  for (const char* command : {"align", "export", "tm prune"}) {
    RunResult r = RunAncre(std::string(command) + " --help");
    ASSERT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("  parallel    medium  0.05-0.50"), std::string::npos)
        << command << ": " << r.out;
    EXPECT_NE(r.out.find("  comparable  high    0.90-1.00"), std::string::npos) << command;
  }
  // The examples no longer throw good translations away.
  EXPECT_EQ(RunAncre("tm prune --help").out.find("--below 0.4 --dry-run"), std::string::npos);
  EXPECT_EQ(RunAncre("export --help").out.find("--min-score 0.6"), std::string::npos);
}

}  // namespace
}  // namespace ancre::testing
