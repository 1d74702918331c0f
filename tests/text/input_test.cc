#include "src/text/input.h"

#include <gtest/gtest.h>

#include "src/core/error.h"
#include "src/core/reporter.h"

namespace ancre::text {
namespace {

TEST(InputTest, Utf8WithBomShiftsOffsetsByThree) {
  InputText in("\xEF\xBB\xBFSéoul", "t", {});
  EXPECT_EQ(in.utf8(), "Séoul");
  EXPECT_EQ(in.ToInputOffset(0), 3u);
  EXPECT_EQ(in.ToInputOffset(in.utf8().size()), 9u);
}

TEST(InputTest, InvalidUtf8NamesLineColumnAndByte) {
  try {
    InputText in("ok\nab\xFF", "f.txt", {});
    FAIL();
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.byte_offset(), 5u);
    EXPECT_STREQ(e.what(),
                 "f.txt: invalid UTF-8 at line 2, column 3 (byte 5); if the file is in a legacy "
                 "encoding pass --encoding windows-1252 (or its name), or --lenient to replace bad "
                 "bytes with U+FFFD");
  }
}

TEST(InputTest, OverlongAndSurrogateEncodingsAreInvalid) {
  EXPECT_THROW(InputText("\xC0\xAF", "t", {}), EncodingError);          // overlong '/'
  EXPECT_THROW(InputText("\xE0\x80\xAF", "t", {}), EncodingError);      // overlong
  EXPECT_THROW(InputText("\xED\xA0\x80", "t", {}), EncodingError);      // lone surrogate
  EXPECT_THROW(InputText("\xF4\x90\x80\x80", "t", {}), EncodingError);  // > U+10FFFF
}

TEST(InputTest, LenientReplacesAndReports) {
  CountingReporter reporter;
  InputOptions o;
  o.lenient = true;
  InputText in(
      "a\xFF"
      "b",
      "t", o, &reporter);
  EXPECT_EQ(in.utf8(),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(reporter.count(), 1u);
  EXPECT_EQ(in.ToInputOffset(4), 2u);  // 'b'
}

TEST(InputTest, NulBytesAreRefusedAsBinary) {
  try {
    InputText in(std::string("abc\0\x01\x02\x03xyz", 10), "bin", {});
    FAIL();
  } catch (const EncodingError& e) {
    EXPECT_NE(std::string(e.what()).find("binary"), std::string::npos);
  }
}

TEST(InputTest, Utf16WithoutBomIsRecognisedAndExplained) {
  std::string le("H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", 22);
  try {
    InputText in(le, "u.txt", {});
    FAIL();
  } catch (const EncodingError& e) {
    EXPECT_NE(std::string(e.what()).find("--encoding utf-16le"), std::string::npos) << e.what();
  }
  InputOptions o;
  o.encoding = "utf-16le";
  EXPECT_EQ(InputText(le, "u.txt", o).utf8(), "Hello world");
}

TEST(InputTest, Utf16BigEndianWithBomDecodes) {
  InputText in(std::string("\xFE\xFF\0S\0\xE9\xD8\x3D\xDE\x00", 10), "t", {});
  EXPECT_EQ(in.utf8(), "Sé\xF0\x9F\x98\x80");
  EXPECT_EQ(in.ToInputOffset(1), 4u);   // 'é'
  EXPECT_EQ(in.ToInputOffset(3), 6u);   // the emoji's surrogate pair
  EXPECT_EQ(in.ToInputOffset(7), 10u);  // end
}

TEST(InputTest, LegacyEncodingThroughIcu) {
  InputOptions o;
  o.encoding = "windows-1252";
  InputText in("S\xE9oul \x80", "t", o);
  EXPECT_EQ(in.utf8(), "Séoul €");
  EXPECT_EQ(in.ToInputOffset(3), 2u);  // 'o' after the two-byte 'é'
}

TEST(InputTest, UnknownEncodingIsAnError) {
  InputOptions o;
  o.encoding = "no-such-charset";
  EXPECT_THROW(InputText("x", "t", o), Error);
}

TEST(InputTest, SplitLinesHandlesCrLfAndCr) {
  auto lines = SplitLines("a\r\nb\rc\n\nd");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[1].begin, 3u);
  EXPECT_EQ(lines[3].begin, lines[3].end);  // the empty line
  EXPECT_EQ(lines[4].begin, 8u);
}

}  // namespace
}  // namespace ancre::text
