// The review actions (src/review/actions.h), applied to a TM in memory.
#include "src/review/actions.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/review/review_fixture.h"

namespace ancre::review {
namespace {

using testing::ReviewFixture;

std::string Shape(const tm::ReviewState& s) {
  std::string out;
  for (const tm::ReviewBead& b : s.beads) {
    out += "[";
    for (size_t n : b.src) out += std::to_string(n);
    out += "|";
    for (size_t n : b.tgt) out += std::to_string(n);
    out += "]";
  }
  return out;
}

class ActionsTest : public ReviewFixture {};

TEST_F(ActionsTest, TheFixtureStartsAsTheAlignerLeftIt) {
  EXPECT_EQ(Shape(Load()), "[0|0][1|1][2|2][3|][|3]");
}

TEST_F(ActionsTest, MergeWithNextAndPreviousMakeOneEditedBead) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, Merge(s, s.beads[1].id, true, "ana"));
  EXPECT_EQ(Shape(Load()), "[0|0][12|12][3|][|3]");
  s = Load();
  tm_.ApplyReview(run_, Merge(s, s.beads[3].id, false, "ana"));
  EXPECT_EQ(Shape(Load()), "[0|0][12|12][3|3]");
  EXPECT_EQ(Load().beads[2].status, tm::BeadStatus::kEdited);
  EXPECT_EQ(Units(), (std::vector<std::string>{"Deux. Trois.|Two. Three.|edited",
                                               "Quatre.|Four.|edited", "Un.|One.|aligned"}));
  EXPECT_THROW(Merge(Load(), Load().beads.back().id, true, "ana"), ActionError);
}

TEST_F(ActionsTest, SplitCutsABeadInTwoInPlace) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, Merge(s, s.beads[1].id, true, "ana"));
  s = Load();
  tm_.ApplyReview(run_, Split(s, s.beads[1].id, 1, 1, "ana"));
  EXPECT_EQ(Shape(Load()), "[0|0][1|1][2|2][3|][|3]");
  EXPECT_EQ(Units(), (std::vector<std::string>{"Deux.|Two.|edited", "Trois.|Three.|edited",
                                               "Un.|One.|aligned"}));
  s = Load();
  EXPECT_THROW(Split(s, s.beads[0].id, 1, 1, "ana"), ActionError);  // a 1-1 has no cut
}

TEST_F(ActionsTest, MoveShiftsOneSentenceToTheNeighbour) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, Move(s, s.beads[1].id, true, false, "ana"));  // "Two." up
  EXPECT_EQ(Shape(Load()), "[0|01][1|][2|2][3|][|3]");
  s = Load();
  tm_.ApplyReview(run_, Move(s, s.beads[3].id, false, true, "ana"));  // "Quatre." down
  EXPECT_EQ(Shape(Load()), "[0|01][1|][2|2][3|3]");                   // the emptied bead is gone
  EXPECT_EQ(Units(), (std::vector<std::string>{"Quatre.|Four.|edited", "Trois.|Three.|aligned",
                                               "Un.|One. Two.|edited"}));
  s = Load();
  EXPECT_THROW(Move(s, s.beads[1].id, true, true, "ana"), ActionError);  // no target sentence
}

TEST_F(ActionsTest, LinkPairsTwoLoneSentences) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, Link(s, 3, 3, "ana"));
  EXPECT_EQ(Shape(Load()), "[0|0][1|1][2|2][3|3]");
  EXPECT_EQ(Units()[1], "Quatre.|Four.|edited");
  EXPECT_THROW(Link(Load(), 3, 3, "ana"), ActionError);  // already linked
  EXPECT_THROW(Link(Load(), 9, 3, "ana"), ActionError);
}

TEST_F(ActionsTest, EditChangesTheUnitOfEveryBeadHoldingTheSentence) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, EditSegment(s, false, 0, "Une.", "ana"));
  EXPECT_EQ(Units().back(), "Une.|One.|edited");
  EXPECT_EQ(Load().beads[0].status, tm::BeadStatus::kEdited);
  EXPECT_THROW(EditSegment(Load(), false, 0, "  ", "ana"), ActionError);
}

TEST_F(ActionsTest, ConfirmAllAboveConfirmsOnlyAutomaticBeads) {
  tm::ReviewState s = Load();
  tm_.ApplyReview(run_, Reject(s, s.beads[1].id, "ana"));
  s = Load();
  tm_.ApplyReview(run_, ConfirmAllAbove(s, s.beads[2].id, "ben"));
  s = Load();
  EXPECT_EQ(s.beads[0].status, tm::BeadStatus::kConfirmed);
  EXPECT_EQ(s.beads[1].status, tm::BeadStatus::kRejected);
  EXPECT_EQ(s.beads[2].status, tm::BeadStatus::kConfirmed);
  EXPECT_EQ(s.beads[2].reviewer, "ben");
  EXPECT_EQ(s.beads[3].status, tm::BeadStatus::kAutomatic);
}

TEST_F(ActionsTest, AnUnknownBeadSaysToReload) {
  try {
    Confirm(Load(), 12345, "ana");
    FAIL();
  } catch (const ActionError& e) {
    EXPECT_NE(std::string(e.what()).find("reload"), std::string::npos);
  }
}

}  // namespace
}  // namespace ancre::review
