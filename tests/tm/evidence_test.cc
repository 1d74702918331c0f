// The shared-anchor evidence a TM keeps with each aligned pair, read back in
// both the current schema and the "source"/"target" keys that TMs written
// before it hold.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "tests/cli/run_ancre.h"
#include "tm/translation_memory.h"

namespace ancre::tm {
namespace {

Document OneSegment(const std::string& text, const std::string& language) {
  Document doc;
  doc.language = language;
  Segment s;
  s.span = {0, text.size()};
  s.text = text;
  doc.segments.push_back(s);
  return doc;
}

// Saves one 1-1 bead with one shared date into the TM at `path`.
int64_t SaveMeeting(const std::string& path) {
  const std::string fr_text = "La réunion a eu lieu le 27 octobre.";
  const std::string en_text = "The meeting took place on October 27.";
  const Document fr = OneSegment(fr_text, "fr"), en = OneSegment(en_text, "en");
  Alignment alignment;
  alignment.beads = {
      Bead{{0}, {0}, 0.9, {{AnchorKind::kDate, "--10-27", "27 octobre", "October 27"}}}};
  TranslationMemory store(path, {});
  return store
      .SaveAlignment({"a.fr.txt", fr_text, "fr", "", "", &fr, nullptr, {}},
                     {"a.en.txt", en_text, "en", "", "", &en, nullptr, {}}, alignment, {})
      .alignment_id;
}

std::string StoredEvidence(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT anchors FROM provenances", -1, &s, nullptr), SQLITE_OK);
  std::string out;
  if (sqlite3_step(s) == SQLITE_ROW) out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

void SetStoredEvidence(const std::string& path, const std::string& json) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE provenances SET anchors = ?1", -1, &s, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(s, 1, json.data(), static_cast<int>(json.size()), SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(s), SQLITE_DONE);
  sqlite3_finalize(s);
  sqlite3_close(db);
}

TEST(EvidenceTest, StoresTheAnchorsInTheAlignJsonlSchema) {
  testing::ScratchDir dir;
  SaveMeeting(dir / "tm.sqlite");
  EXPECT_EQ(StoredEvidence(dir / "tm.sqlite"),
            R"([{"kind":"date","key":"--10-27","src":"27 octobre","tgt":"October 27"}])");
}

TEST(EvidenceTest, ReadsEvidenceStoredWithTheOlderKeys) {
  testing::ScratchDir dir;
  const int64_t run = SaveMeeting(dir / "tm.sqlite");
  SetStoredEvidence(dir / "tm.sqlite", R"([{"kind":"date","key":"--10-27","source":"27 octobre",)"
                                       R"("target":"October 27"}])");
  const StoredAlignment a = TranslationMemory(dir / "tm.sqlite", {}).LoadAlignment(run);
  ASSERT_EQ(a.beads.size(), 1u);
  ASSERT_EQ(a.beads[0].anchors.size(), 1u);
  EXPECT_EQ(a.beads[0].anchors[0].kind, AnchorKind::kDate);
  EXPECT_EQ(a.beads[0].anchors[0].key, "--10-27");
  EXPECT_EQ(a.beads[0].anchors[0].src_text, "27 octobre");
  EXPECT_EQ(a.beads[0].anchors[0].tgt_text, "October 27");
}

TEST(EvidenceTest, UnreadableEvidenceLeavesTheBeadWithoutAnchors) {
  testing::ScratchDir dir;
  const int64_t run = SaveMeeting(dir / "tm.sqlite");
  SetStoredEvidence(dir / "tm.sqlite", R"([{"kind":"date","key":)");
  const StoredAlignment a = TranslationMemory(dir / "tm.sqlite", {}).LoadAlignment(run);
  ASSERT_EQ(a.beads.size(), 1u);
  EXPECT_TRUE(a.beads[0].anchors.empty());
  EXPECT_EQ(a.beads[0].src, std::vector<size_t>{0});
}

}  // namespace
}  // namespace ancre::tm
