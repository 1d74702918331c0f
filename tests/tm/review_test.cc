// The review of a run in the TM (tm/review.h): bead identity and status,
// changes with their units, versions, undo and redo, and the migration.
#include "tm/review.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "tests/cli/run_ancre.h"
#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

// Four French and four English lines; the aligner paired 0-0, 1-1, 2-2 and
// left fr 3 and en 3 alone.
struct Pair {
  std::string fr_text = "Un.\nDeux.\nTrois.\nQuatre.\n";
  std::string en_text = "One.\nTwo.\nThree.\nFour.\n";
  Document fr, en;
  Alignment alignment;

  Pair() {
    fr.language = "fr";
    en.language = "en";
    Add(fr_text, &fr);
    Add(en_text, &en);
    alignment.beads = {{{0}, {0}, 0.9, {}}, {{1}, {1}, 0.8, {}}, {{2}, {2}, 0.7, {}}};
  }
  static void Add(const std::string& text, Document* doc) {
    for (size_t begin = 0; begin < text.size();) {
      const size_t end = text.find('\n', begin);
      Segment s;
      s.index = s.number = s.paragraph = doc->segments.size();
      s.span = {begin, end};
      s.text = text.substr(begin, end - begin);
      doc->segments.push_back(s);
      begin = end + 1;
    }
  }
  int64_t Save(TranslationMemory& tm) const {
    return tm
        .SaveAlignment({"a.fr", fr_text, "fr", "", "", &fr, nullptr, {}},
                       {"a.en", en_text, "en", "", "", &en, nullptr, {}}, alignment, {})
        .alignment_id;
  }
};

std::vector<std::string> Units(const TranslationMemory& tm, bool reviewed_only = false) {
  UnitFilter f;
  f.reviewed_only = reviewed_only;
  std::vector<std::string> out;
  tm.ForEachUnit(f, [&](const TranslationUnit& u) {
    out.push_back(u.source + "|" + u.target + "|" + std::string(OriginName(u.origin)) +
                  (u.reviewed ? "|reviewed" : ""));
  });
  std::sort(out.begin(), out.end());
  return out;
}

class ReviewTest : public ::testing::Test {
 protected:
  ReviewTest() : tm_(":memory:", {}) { run_ = pair_.Save(tm_); }
  ReviewState Load() { return tm_.LoadReview(run_); }
  ReviewChange Change(std::string action) { return {std::move(action), "ana", {}, {}, {}}; }

  Pair pair_;
  TranslationMemory tm_;
  int64_t run_ = 0;
};

TEST_F(ReviewTest, EverySegmentIsInABeadWithAnIdentityThatStays) {
  ReviewState s = Load();
  ASSERT_EQ(s.beads.size(), 5u);  // three pairs, fr 3 alone, en 3 alone
  EXPECT_EQ(s.beads[3].src, std::vector<size_t>{3});
  EXPECT_TRUE(s.beads[3].tgt.empty());
  EXPECT_EQ(s.beads[4].tgt, std::vector<size_t>{3});
  for (const ReviewBead& b : s.beads) {
    EXPECT_GT(b.id, 0);
    EXPECT_EQ(b.status, BeadStatus::kAutomatic);
    EXPECT_EQ(b.version, 0);
  }
  EXPECT_EQ(Load().beads, s.beads);
  EXPECT_EQ(s.alignment.source[1].text, "Deux.");
  EXPECT_EQ(Units(tm_).size(), 3u);  // storing the beads changed no unit
}

TEST_F(ReviewTest, ConfirmRecordsWhoAndWhenAndKeepsTheUnit) {
  ReviewBead b = Load().beads[0];
  b.status = BeadStatus::kConfirmed;
  ReviewChange c = Change("confirm");
  c.put = {b};
  ReviewResult r = tm_.ApplyReview(run_, c);
  ReviewBead stored = Load().beads[0];
  EXPECT_EQ(stored.status, BeadStatus::kConfirmed);
  EXPECT_EQ(stored.reviewer, "ana");
  EXPECT_EQ(stored.reviewed.size(), 16u);  // YYYYMMDDThhmmssZ
  EXPECT_EQ(stored.version, r.version);
  EXPECT_GT(stored.version, 0);
  EXPECT_EQ(Units(tm_, true), std::vector<std::string>{"Un.|One.|aligned|reviewed"});
  EXPECT_EQ(Units(tm_).size(), 3u);
  EXPECT_EQ(tm_.Stats().beads_by_status.front().name, "automatic");
  EXPECT_EQ(tm_.Stats().beads_by_status.back().name, "confirmed");
}

TEST_F(ReviewTest, AStaleVersionIsRefusedAndChangesNothing) {
  ReviewBead seen = Load().beads[1];
  ReviewBead b = seen;
  b.status = BeadStatus::kConfirmed;
  tm_.ApplyReview(run_, {"confirm", "ana", {}, {b}, {}});
  b.status = BeadStatus::kRejected;  // a second page still holds version 0
  try {
    tm_.ApplyReview(run_, {"reject", "ben", {}, {b}, {}});
    FAIL() << "a stale change was applied";
  } catch (const StaleReview& e) {
    EXPECT_EQ(e.bead(), seen.id);
    EXPECT_NE(std::string(e.what()).find("changed by another review"), std::string::npos);
  }
  EXPECT_EQ(Load().beads[1].status, BeadStatus::kConfirmed);
  EXPECT_EQ(Units(tm_).size(), 3u);
}

TEST_F(ReviewTest, MergeReplacesTheUnitsWithAnEditedOneOfTheSameRun) {
  ReviewState s = Load();
  ReviewBead merged = s.beads[1];
  merged.src = {1, 2};
  merged.tgt = {1, 2};
  merged.status = BeadStatus::kEdited;
  tm_.ApplyReview(run_, {"merge", "ana", {s.beads[2]}, {merged}, {}});
  EXPECT_EQ(Units(tm_), (std::vector<std::string>{"Deux. Trois.|Two. Three.|edited|reviewed",
                                                  "Un.|One.|aligned"}));
  ReviewState after = Load();
  EXPECT_EQ(after.beads.size(), 4u);
  EXPECT_EQ(after.beads[1].id, s.beads[1].id);
  std::vector<TranslationUnit> units;
  tm_.ForEachUnit({}, [&](const TranslationUnit& u) { units.push_back(u); });
  EXPECT_EQ(units.back().run, run_);  // the provenance keeps the run
  EXPECT_EQ(units.back().bead_type, "2-2");
  EXPECT_EQ(tm_.LoadAlignment(run_).beads.size(), 2u);
}

TEST_F(ReviewTest, ARejectedBeadsUnitGoesUnlessAnotherProvenanceKeepsIt) {
  TranslationUnit imported;
  imported.src_lang = "fr";
  imported.tgt_lang = "en";
  imported.source = "Deux.";
  imported.target = "Two.";
  imported.origin = Origin::kImported;
  imported.document = "old.tmx";
  tm_.AddUnits({imported});
  EXPECT_EQ(tm_.Lookup("Un.", {}).size(), 1u);
  ReviewState s = Load();
  ReviewBead one = s.beads[0], two = s.beads[1];
  one.status = two.status = BeadStatus::kRejected;
  tm_.ApplyReview(run_, {"reject", "ana", {}, {one, two}, {}});
  EXPECT_EQ(Units(tm_), (std::vector<std::string>{"Deux.|Two.|aligned", "Trois.|Three.|aligned"}));
  EXPECT_EQ(tm_.Lookup("Un.", {}).size(), 0u);  // out of the search indexes too
}

TEST_F(ReviewTest, AnEditedSegmentChangesItsUnitAndUndoAndRedoWalkTheLog) {
  ReviewState s = Load();
  ReviewBead b = s.beads[2];
  b.status = BeadStatus::kEdited;
  tm_.ApplyReview(run_, {"edit", "ana", {}, {b}, {{true, 2, "Three!"}}});
  EXPECT_EQ(Units(tm_)[1], "Trois.|Three!|edited|reviewed");
  EXPECT_EQ(Load().edits, (std::vector<SegmentEdit>{{true, 2, "Three!"}}));
  EXPECT_EQ(Load().undoable, 1u);

  tm_.UndoReview(run_);
  ReviewState undone = Load();
  EXPECT_EQ(undone.beads, s.beads);
  EXPECT_TRUE(undone.edits.empty());
  EXPECT_EQ(Units(tm_)[1], "Trois.|Three.|aligned");
  EXPECT_EQ(undone.redoable, 1u);
  EXPECT_THROW(tm_.UndoReview(run_), Error);  // nothing left to undo

  tm_.RedoReview(run_);
  EXPECT_EQ(Units(tm_)[1], "Trois.|Three!|edited|reviewed");
  EXPECT_EQ(Load().beads[2].status, BeadStatus::kEdited);

  // A new change after an undo ends what could be redone.
  tm_.UndoReview(run_);
  ReviewBead c = Load().beads[0];
  c.status = BeadStatus::kConfirmed;
  tm_.ApplyReview(run_, {"confirm", "ana", {}, {c}, {}});
  EXPECT_EQ(Load().redoable, 0u);
  EXPECT_THROW(tm_.RedoReview(run_), Error);
}

TEST_F(ReviewTest, UndoTakesBackTheLatestChangeFirst) {
  ReviewState s = Load();
  ReviewBead b = s.beads[0];
  b.status = BeadStatus::kConfirmed;
  ReviewResult first = tm_.ApplyReview(run_, {"confirm", "ana", {}, {b}, {}});
  ReviewBead again = first.beads[0];
  again.status = BeadStatus::kRejected;
  tm_.ApplyReview(run_, {"reject", "ben", {}, {again}, {}});
  tm_.UndoReview(run_);
  EXPECT_EQ(Load().beads[0].status, BeadStatus::kConfirmed);
  tm_.UndoReview(run_);
  EXPECT_EQ(Load().beads[0].status, BeadStatus::kAutomatic);
}

TEST_F(ReviewTest, ABeadWithoutSegmentsOrAnUnknownSegmentIsRefused) {
  ReviewBead empty;
  empty.position = 1;
  EXPECT_THROW(tm_.ApplyReview(run_, {"x", "ana", {}, {empty}, {}}), Error);
  ReviewBead far;
  far.src = {99};
  EXPECT_THROW(tm_.ApplyReview(run_, {"x", "ana", {}, {far}, {}}), Error);
  EXPECT_EQ(Load().undoable, 0u);
}

TEST(ReviewMigrationTest, AVersionThreeTmGainsTheReviewTablesAndKeepsItsUnits) {
  testing::ScratchDir dir;
  const std::string path = dir / "tm.sqlite";
  Pair pair;
  {
    TranslationMemory tm(path, {});
    pair.Save(tm);
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "DROP TABLE beads; DROP TABLE segment_edits; DROP TABLE review_actions; PRAGMA "
               "user_version = 3",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  {
    TranslationMemory reader(path, {.read_only = true});  // v3 is read as it is
    EXPECT_EQ(reader.Stats().schema_version, 3);
    EXPECT_EQ(Units(reader).size(), 3u);
    EXPECT_THROW(reader.LoadReview(1), DbError);
  }
  TranslationMemory tm(path, {});
  EXPECT_EQ(tm.Stats().schema_version, internal::kSchemaVersion);
  EXPECT_EQ(tm.LoadReview(1).beads.size(), 5u);
  EXPECT_TRUE(tm.Check().ok());
}

}  // namespace
}  // namespace ancre::tm
