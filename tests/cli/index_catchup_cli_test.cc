// The search indexes trail the stored units when a run is stopped between its
// write and the index catch-up: the readers say so, the next writer indexes.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/run_ancre.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

using testing::RunAncre;
using testing::ScratchDir;

std::string Q(const std::string& s) { return "'" + s + "'"; }

TranslationUnit Unit(std::string source, std::string target) {
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = std::move(source);
  u.target = std::move(target);
  u.score = 0.9;
  u.document = "a.tmx";
  return u;
}

TEST(IndexCatchUpCliTest, ReadersWarnAboutUnindexedUnitsAndAWriterIndexesThem) {
  ScratchDir dir;
  const std::string db = dir / "tm.sqlite";
  {
    OpenOptions deferred;  // what a run killed after its write and before indexing leaves
    deferred.index_after_write = false;
    TranslationMemory store(db, deferred);
    store.AddUnits({Unit("Les deux pays créeront une équipe conjointe.",
                         "The two countries will create a joint team.")});
  }
  const std::string query = " 'Les deux pays créeront une équipe conjointe.'";
  auto lookup = RunAncre("lookup --db " + Q(db) + query);
  EXPECT_EQ(lookup.exit_code, 0) << lookup.err;
  EXPECT_NE(lookup.err.find("1 translation unit(s) stored by an interrupted run are not indexed "
                            "yet and are not searched"),
            std::string::npos)
      << lookup.err;
  EXPECT_EQ(lookup.out.find("joint team"), std::string::npos) << lookup.out;
  auto search = RunAncre("search --db " + Q(db) + " 'équipe'");
  EXPECT_NE(search.err.find("not indexed yet"), std::string::npos) << search.err;

  auto check = RunAncre("tm check --db " + Q(db));  // opens for writing: catches up
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("units not indexed yet: 0\n"), std::string::npos) << check.out;

  lookup = RunAncre("lookup --db " + Q(db) + query);
  EXPECT_EQ(lookup.err.find("not indexed yet"), std::string::npos) << lookup.err;
  EXPECT_NE(lookup.out.find("joint team"), std::string::npos) << lookup.out;
  search = RunAncre("search --db " + Q(db) + " 'équipe'");
  EXPECT_NE(search.out.find("joint team"), std::string::npos) << search.out;
}

}  // namespace
}  // namespace ancre::tm
