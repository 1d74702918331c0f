// A run's review as TSV and InterText files, and the TSV back
// (src/review/exchange.h).
#include "src/review/exchange.h"

#include <gtest/gtest.h>

#include "src/review/actions.h"
#include "tests/review/review_fixture.h"

namespace ancre::review {
namespace {

using testing::ReviewFixture;

class ExchangeTest : public ReviewFixture {
 protected:
  // The TSV's lines after the header.
  std::vector<std::string> Lines(const std::string& tsv) {
    std::vector<std::string> out;
    size_t begin = tsv.find('\n') + 1;
    while (begin < tsv.size()) {
      const size_t end = tsv.find('\n', begin);
      out.push_back(tsv.substr(begin, end - begin));
      begin = end + 1;
    }
    return out;
  }
  std::string Replace(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
  }
};

TEST_F(ExchangeTest, TsvListsEveryBeadInOrder) {
  const std::string tsv = ToTsv(Load());
  EXPECT_EQ(tsv.substr(0, tsv.find('\n')),
            "bead\tversion\tstatus\tsrc\ttgt\tscore\tsource\ttarget");
  const std::vector<std::string> lines = Lines(tsv);
  ASSERT_EQ(lines.size(), 5u);
  const std::string id = std::to_string(Load().beads[0].id);
  EXPECT_EQ(lines[0], id + "\t0\tautomatic\t0\t0\t0.900\tUn.\tOne.");
  EXPECT_NE(lines[3].find("\t3\t\t0.000\tQuatre.\t"), std::string::npos) << lines[3];
}

TEST_F(ExchangeTest, TheSameFileChangesNothing) {
  const tm::ReviewState s = Load();
  const tm::ReviewChange c = FromTsv(s, ToTsv(s), "ana", "run.tsv");
  EXPECT_TRUE(c.put.empty() && c.removed.empty() && c.edits.empty());
}

TEST_F(ExchangeTest, ASpreadsheetReviewComesBackAsOneChange) {
  tm::ReviewState s = Load();
  std::string tsv = ToTsv(s);
  const std::string one = std::to_string(s.beads[0].id), two = std::to_string(s.beads[1].id);
  const std::string four = std::to_string(s.beads[3].id), lone = std::to_string(s.beads[4].id);
  tsv = Replace(tsv, one + "\t0\tautomatic", one + "\t0\tconfirmed");  // confirm
  tsv = Replace(tsv, two + "\t0\tautomatic", two + "\t0\trejected");   // reject
  tsv = Replace(tsv, "\tTwo.", "\tTwo!");  // an edit, kept even in a rejected bead
  tsv = Replace(tsv, four + "\t0\tautomatic\t3\t\t", four + "\t0\tautomatic\t3\t3\t");  // link
  tsv = Replace(tsv, lone + "\t0\tautomatic\t\t3\t0.000\t\tFour.\n", "");  // its line goes
  tm_.ApplyReview(run_, FromTsv(s, tsv, "ana", "run.tsv"));
  s = Load();
  ASSERT_EQ(s.beads.size(), 4u);
  EXPECT_EQ(s.beads[0].status, tm::BeadStatus::kConfirmed);
  EXPECT_EQ(s.beads[0].reviewer, "ana");
  EXPECT_EQ(s.beads[1].status, tm::BeadStatus::kRejected);
  EXPECT_EQ(s.beads[3].tgt, std::vector<size_t>{3});
  EXPECT_EQ(s.beads[3].status, tm::BeadStatus::kEdited);
  EXPECT_EQ(s.edits, (std::vector<tm::SegmentEdit>{{true, 1, "Two!"}}));
  EXPECT_EQ(Units(), (std::vector<std::string>{"Quatre.|Four.|edited", "Trois.|Three.|aligned",
                                               "Un.|One.|aligned"}));
  EXPECT_EQ(s.undoable, 1u);  // one change
}

TEST_F(ExchangeTest, ALineOfAChangedBeadIsRefusedAndABadLineNamed) {
  tm::ReviewState s = Load();
  const std::string tsv = ToTsv(s);
  tm_.ApplyReview(run_, Confirm(s, s.beads[0].id, "ben"));
  const std::string id = std::to_string(s.beads[0].id);
  const tm::ReviewChange stale =
      FromTsv(Load(), Replace(tsv, id + "\t0\tautomatic", id + "\t0\trejected"), "ana", "r.tsv");
  EXPECT_THROW(tm_.ApplyReview(run_, stale), tm::StaleReview);
  try {
    FromTsv(Load(), tsv + "\t\tconfirmed\t9\t\t\tx\t\n", "ana", "r.tsv");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.line(), 7u);
    EXPECT_NE(std::string(e.what()).find("no source sentence 9"), std::string::npos);
  }
  EXPECT_THROW(FromTsv(Load(), "bead\tstatus\n", "ana", "r.tsv"), ParseError);
}

TEST_F(ExchangeTest, InterTextFilesNameEverySentenceAndLink) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, Confirm(s, s.beads[0].id, "ana"));
  const InterTextFiles f = ToInterText(Load(), "out/a");
  EXPECT_EQ(f.source_name, "out/a.fr.xml");
  EXPECT_EQ(f.links_name, "out/a.fr.en.xml");
  EXPECT_NE(f.source.find("<s id=\"1:4\">Quatre.</s>"), std::string::npos) << f.source;
  EXPECT_NE(f.links.find("fromDoc=\"a.fr.xml\" toDoc=\"a.en.xml\""), std::string::npos);
  EXPECT_NE(f.links.find("cesAlign//EN\" \"\">"), std::string::npos);  // well-formed DOCTYPE
  EXPECT_NE(f.links.find("xtargets=\"1:1;1:1\" status=\"man\" ancre-status=\"confirmed\""),
            std::string::npos)
      << f.links;
  EXPECT_NE(f.links.find("xtargets=\"1:4;\" status=\"auto\""), std::string::npos);
}

}  // namespace
}  // namespace ancre::review
