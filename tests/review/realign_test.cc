// "Re-align the rest" (src/review/realign.h): reviewed beads stay, the rest
// is aligned again between them.
#include "src/review/realign.h"

#include <gtest/gtest.h>

#include "src/review/actions.h"
#include "tests/review/review_fixture.h"

namespace ancre::review {
namespace {

using testing::ReviewFixture;

class RealignTest : public ReviewFixture {
 protected:
  std::string Shape() {
    std::string out;
    for (const tm::ReviewBead& b : Load().beads) {
      out += "[";
      for (size_t n : b.src) out += std::to_string(n);
      out += "|";
      for (size_t n : b.tgt) out += std::to_string(n);
      out += b.status == tm::BeadStatus::kAutomatic ? "]" : "*]";
    }
    return out;
  }
  align::AlignOptions Options() {
    align::AlignOptions o;
    o.src_language = "fr";
    o.tgt_language = "en";
    o.threads = 1;
    return o;
  }
};

TEST_F(RealignTest, TheRestIsAlignedAgainAroundTheReviewedBeads) {
  // A wrong automatic stretch: fr 1 and 2 both with en 1, en 2 alone.
  tm::ReviewState s = Load();
  tm::ReviewBead wrong = s.beads[1];
  wrong.src = {1, 2};
  wrong.tgt = {1};
  tm::ReviewBead alone = s.beads[2];
  alone.src = {};
  alone.tgt = {2};
  tm_.ApplyReview(run_, {"setup", "aligner", {}, {wrong, alone}, {}});
  s = Load();
  tm_.ApplyReview(run_, Confirm(s, s.beads[0].id, "ana"));
  ASSERT_EQ(Shape(), "[0|0*][12|1][|2][3|][|3]");
  const int64_t confirmed = Load().beads[0].id;

  s = Load();
  tm::ReviewChange change = RealignRest(s, Options(), "ana");
  EXPECT_FALSE(change.put.empty());
  for (const tm::ReviewBead& b : change.removed) EXPECT_NE(b.id, confirmed);
  tm_.ApplyReview(run_, change);
  EXPECT_EQ(Shape(), "[0|0*][1|1][2|2][3|3]");
  EXPECT_EQ(Load().beads[0].id, confirmed);
  EXPECT_EQ(Units(), (std::vector<std::string>{"Deux.|Two.|aligned", "Quatre.|Four.|aligned",
                                               "Trois.|Three.|aligned", "Un.|One.|aligned"}));
  // Done once, nothing is left to change.
  s = Load();
  change = RealignRest(s, Options(), "ana");
  EXPECT_TRUE(change.put.empty() && change.removed.empty());
}

TEST_F(RealignTest, NoBeadCrossesAReviewedOne) {
  // Reviewed: fr 2 with en 1. Before it, fr 0 and 1 and en 0 are left to
  // align; after it, fr 3 and en 2 and 3. A bead already crossing it (fr 1
  // with en 2) is in neither stretch and stays as it is.
  tm::ReviewState s = Load();
  tm::ReviewBead odd = s.beads[2];
  odd.src = {2};
  odd.tgt = {1};
  odd.status = tm::BeadStatus::kEdited;
  tm::ReviewBead first = s.beads[0];
  first.src = {0, 1};
  tm::ReviewBead second = s.beads[1];
  second.src = {};
  second.tgt = {2};
  tm_.ApplyReview(run_, {"setup", "ana", {}, {first, second, odd}, {}});
  ASSERT_EQ(Shape(), "[01|0][|2][2|1*][3|][|3]");
  s = Load();
  tm_.ApplyReview(run_, RealignRest(s, Options(), "ana"));
  const std::string shape = Shape();
  EXPECT_NE(shape.find("[2|1*]"), std::string::npos) << shape;
  // fr 0 and 1 only meet en 0; en 2 only meets fr 3.
  for (const tm::ReviewBead& b : Load().beads) {
    if (b.status != tm::BeadStatus::kAutomatic) continue;
    for (size_t n : b.src) {
      for (size_t t : b.tgt) EXPECT_EQ(n < 2, t < 1) << shape;
    }
  }
}

}  // namespace
}  // namespace ancre::review
