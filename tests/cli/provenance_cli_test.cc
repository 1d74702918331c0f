// What the TM records of a document and what export says of it: titles cut
// on a character boundary, the same presegmented lines for align and
// segment (and no unit export would drop), and the x-document prop naming
// files, not the folders of the machine that aligned them.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kFr = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt";
const std::string kEn = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt";

// The first column of every row `sql` returns on the TM at db_path.
std::vector<std::string> Column(const std::string& db_path, const char* sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return out;
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK) {
    while (sqlite3_step(s) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(s, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "",
                       static_cast<size_t>(sqlite3_column_bytes(s, 0)));
    }
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return out;
}

// Whether s is valid UTF-8 (RFC 3629: no overlong forms, no surrogates).
bool ValidUtf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

TEST(ProvenanceCliTest, TitlesAreCutOnACharacterBoundary) {
  ScratchDir dir;
  // A first line of 199 ASCII bytes, then "é" (2 bytes) across byte 200.
  const std::string first(199, 'a');
  WriteFile(dir / "fr.txt", first + "\xC3\xA9t\xC3\xA9 suite du titre\nLa phrase suit.\n");
  WriteFile(dir / "en.txt", first + "\xC3\xA9 title goes on\nThe sentence follows.\n");
  const std::string db = dir / "tm.sqlite";
  RunResult r = RunAncre("align " + Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt") +
                         " --src-lang fr --tgt-lang en --dictionary none --db " + Sh(db));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> titles = Column(db, "SELECT title FROM documents ORDER BY id");
  ASSERT_EQ(titles.size(), 2u);
  for (const std::string& title : titles) {
    EXPECT_TRUE(ValidUtf8(title)) << title;
    EXPECT_EQ(title, first);  // the cut character is left out whole
  }
}

TEST(ProvenanceCliTest, ExportNamesTheDocumentsByFileNameAndTheTmKeepsThePathGiven) {
  ScratchDir dir;
  const std::string db = dir / "tm.sqlite";
  RunResult r =
      RunAncre("align " + Sh(kFr) + " " + Sh(kEn) + " --src-lang fr --tgt-lang en --db " + Sh(db));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The TM records the paths as they were given.
  const std::vector<std::string> paths = Column(db, "SELECT path FROM documents ORDER BY id");
  EXPECT_EQ(paths, (std::vector<std::string>{kFr, kEn}));

  // The sample pairs are comparable: --mode any exports them.
  RunResult tmx = RunAncre("export --db " + Sh(db) + " --mode any -o " + Sh(dir / "out.tmx"));
  ASSERT_EQ(tmx.exit_code, 0) << tmx.err;
  const std::string xml = ReadAll(dir / "out.tmx");
  EXPECT_NE(xml.find("<prop type=\"x-document\">cambodia-korea-scams.fr.txt | "
                     "cambodia-korea-scams.en.txt</prop>"),
            std::string::npos)
      << xml.substr(0, 2000);
  // No folder of this machine in the file.
  EXPECT_EQ(xml.find(std::string(ANCRE_SAMPLES)), std::string::npos);
  for (const char* format : {"tsv", "jsonl"}) {
    RunResult out = RunAncre("export --db " + Sh(db) + " -q --mode any --format " + format);
    ASSERT_EQ(out.exit_code, 0) << out.err;
    EXPECT_NE(out.out.find("cambodia-korea-scams.fr.txt | cambodia-korea-scams.en.txt"),
              std::string::npos)
        << format;
    EXPECT_EQ(out.out.find(std::string(ANCRE_SAMPLES)), std::string::npos) << format;
  }
  // The full path still selects the document.
  RunResult one =
      RunAncre("export --db " + Sh(db) + " -q --mode any --format tsv --document " + Sh(kFr));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_GT(std::count(one.out.begin(), one.out.end(), '\n'), 1);
}

// The segment indices of `ancre segment --format jsonl` output.
std::set<std::string> SegmentIndices(const std::string& jsonl) {
  std::set<std::string> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    const size_t at = line.find("\"index\":");
    if (at != std::string::npos) out.insert(line.substr(at + 8, line.find(',', at) - at - 8));
  }
  return out;
}

// The source indices of `ancre align --format jsonl` output, one-sided beads included.
std::set<std::string> AlignedSourceIndices(const std::string& jsonl) {
  std::set<std::string> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    const size_t open = line.find("\"src\":[");
    const size_t close = line.find(']', open);
    std::istringstream list(line.substr(open + 7, close - open - 7));
    for (std::string i; std::getline(list, i, ',');) out.insert(i);
  }
  return out;
}

TEST(ProvenanceCliTest, PresegmentedLinesOfOnlyNoBreakSpaceAreBlankForAlignAndSegment) {
  ScratchDir dir;
  // Line 1 holds only a no-break space (U+00A0), line 3 a narrow one (U+202F).
  WriteFile(dir / "fr.txt", "Bonjour.\n\xC2\xA0\nAu revoir.\n\xE2\x80\xAF\nMerci.\n");
  WriteFile(dir / "en.txt", "Hello.\n\xC2\xA0\nGoodbye.\n\xE2\x80\xAF\nThanks.\n");
  RunResult seg =
      RunAncre("segment " + Sh(dir / "fr.txt") + " --lang fr --presegmented --format jsonl");
  ASSERT_EQ(seg.exit_code, 0) << seg.err;
  EXPECT_EQ(SegmentIndices(seg.out), (std::set<std::string>{"0", "2", "4"})) << seg.out;
  const std::string db = dir / "tm.sqlite";
  RunResult align = RunAncre("align " + Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt") +
                             " --src-lang fr --tgt-lang en --presegmented --mode parallel "
                             "--dictionary none --format jsonl --db " +
                             Sh(db));
  ASSERT_EQ(align.exit_code, 0) << align.err;
  EXPECT_EQ(AlignedSourceIndices(align.out), SegmentIndices(seg.out)) << align.out;
  // Every unit stored is exported: none has a side export would find empty.
  const std::vector<std::string> units = Column(db, "SELECT count(*) FROM units");
  ASSERT_EQ(units.size(), 1u);
  RunResult exported = RunAncre("export --db " + Sh(db) + " --format tsv");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.err.find("skipped"), std::string::npos) << exported.err;
  EXPECT_EQ(std::to_string(std::count(exported.out.begin(), exported.out.end(), '\n') - 1),
            units[0]);
}

}  // namespace
}  // namespace ancre::testing
