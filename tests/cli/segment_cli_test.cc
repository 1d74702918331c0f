// ancre segment end to end, on the samples and on bad input.
#include <gtest/gtest.h>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kFr = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt";

TEST(SegmentCliTest, JsonlOffsetsPointAtTheOriginalText) {
  RunResult r = RunAncre("segment '" + kFr + "' --lang fr --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string input = ReadAll(kFr);
  std::istringstream in(r.out);
  int n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    // {"index":N,"start":B,"end":E,"text":"...","paragraph":P}
    size_t s = line.find("\"start\":"), e = line.find("\"end\":");
    ASSERT_NE(s, std::string::npos);
    size_t b = std::stoul(line.substr(s + 8)), en = std::stoul(line.substr(e + 6));
    EXPECT_EQ(line.rfind("{\"index\":" + std::to_string(n) + ",", 0), 0u);
    std::string original = input.substr(b, en - b);
    EXPECT_NE(line.find(original.substr(0, 20)), std::string::npos) << line;
  }
  EXPECT_EQ(n, 24);
}

TEST(SegmentCliTest, TextFormatIsOneSegmentPerLine) {
  RunResult r = RunAncre("segment - --lang en", "Dr. Seun Sam is here. He left.\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Dr. Seun Sam is here.\nHe left.\n");
}

TEST(SegmentCliTest, EmptyInputGivesNothingAndSucceeds) {
  RunResult r = RunAncre("segment - --lang fr --format jsonl", "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
}

TEST(SegmentCliTest, InvalidUtf8FailsWithThePlace) {
  RunResult r = RunAncre("segment - --lang fr", "Bonjour.\nCaf\xE9 cr\xE8me.\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("stdin: invalid UTF-8 at line 2, column 4 (byte 12)"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--encoding windows-1252"), std::string::npos);
}

TEST(SegmentCliTest, LegacyEncodingOptionDecodes) {
  RunResult r = RunAncre("segment - --lang fr --encoding windows-1252", "Caf\xE9 cr\xE8me.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Café crème.\n");
}

TEST(SegmentCliTest, LenientReplacesAndWarns) {
  RunResult r = RunAncre("segment - --lang fr --lenient", "Caf\xE9.\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "Caf\xEF\xBF\xBD.\n");
  EXPECT_NE(r.err.find("1 invalid UTF-8"), std::string::npos);
}

TEST(SegmentCliTest, BinaryFileIsRefused) {
  RunResult r = RunAncre("segment - --lang fr", std::string("\x7f"
                                                            "ELF\0\0\0\x01\x02",
                                                            9));
  EXPECT_EQ(r.exit_code, 1);
  // Its format is known: said as what it is.
  EXPECT_NE(r.err.find("is a program (ELF executable), not a text file"), std::string::npos)
      << r.err;
  // A binary file of no known format: its NUL byte.
  r = RunAncre("segment - --lang fr", std::string("ab\0\0\x01\x02", 6));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("binary data"), std::string::npos) << r.err;
}

TEST(SegmentCliTest, MissingFileNamesIt) {
  RunResult r = RunAncre("segment /nonexistent/x.txt --lang fr");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("/nonexistent/x.txt: cannot open"), std::string::npos) << r.err;
}

TEST(SegmentCliTest, MissingLanguageIsUsageError) {
  RunResult r = RunAncre("segment - ", "x");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--lang"), std::string::npos) << r.err;
}

TEST(SegmentCliTest, OutputFileIsWrittenWhole) {
  ScratchDir dir;
  RunResult r = RunAncre("segment - --lang en -o '" + (dir / "out.txt") + "'", "One. Two.\n");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(ReadAll(dir / "out.txt"), "One.\nTwo.\n");
}

TEST(SegmentCliTest, FailedRunLeavesNoOutputFile) {
  ScratchDir dir;
  RunResult r = RunAncre("segment - --lang en -o '" + (dir / "out.txt") + "'", "bad \xFF\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir / "out.txt"));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace ancre::testing

namespace ancre::testing {
namespace {

TEST(SegmentCliTest, OutputToADeviceWritesInPlaceAndKeepsTheDevice) {
  RunResult r = RunAncre("segment - --lang en -o /dev/null", "One. Two.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::is_character_file("/dev/null"));
}

}  // namespace
}  // namespace ancre::testing
