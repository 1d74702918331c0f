#include "src/core/bead_json.h"

#include <gtest/gtest.h>

#include "src/core/json.h"

namespace ancre {
namespace {

Bead MeetingBead() {
  return Bead{{9}, {1}, 0.93, {{AnchorKind::kDate, "--10-27", "27 octobre", "October 27"}}};
}

TEST(BeadJsonTest, WritesTheAlignJsonlLine) {
  EXPECT_EQ(BeadJsonLine(MeetingBead(), "Le 27 octobre.", "On \"October 27\"."),
            R"({"src":[9],"tgt":[1],"score":0.930,"type":"1-1","anchors":[{"kind":"date",)"
            R"("key":"--10-27","src":"27 octobre","tgt":"October 27"}],"src_text":)"
            R"("Le 27 octobre.","tgt_text":"On \"October 27\"."})");
  EXPECT_EQ(BeadJsonLine(Bead{{0, 1}, {}, 1.0, {}}, "a\tb", ""),
            R"({"src":[0,1],"tgt":[],"score":1.000,"type":"2-0","anchors":[],)"
            R"("src_text":"a\tb","tgt_text":""})");
}

TEST(BeadJsonTest, SaysTheModeAfterTheType) {
  EXPECT_NE(BeadJsonLine(MeetingBead(), "a", "b", "", "comparable")
                .find(R"("type":"1-1","mode":"comparable","anchors":)"),
            std::string::npos);
  EXPECT_EQ(BeadJsonLine(MeetingBead(), "a", "b").find("\"mode\""), std::string::npos);
}

TEST(BeadJsonTest, ReadsBackWhatItWrites) {
  Bead b;
  ASSERT_TRUE(BeadFromJson(BeadJsonLine(MeetingBead(), "x", "y"), &b));
  EXPECT_EQ(b.src, std::vector<size_t>{9});
  EXPECT_EQ(b.tgt, std::vector<size_t>{1});
  EXPECT_DOUBLE_EQ(b.score, 0.93);
  ASSERT_EQ(b.anchors.size(), 1u);
  EXPECT_EQ(b.anchors[0].kind, AnchorKind::kDate);
  EXPECT_EQ(b.anchors[0].key, "--10-27");
  EXPECT_EQ(b.anchors[0].src_text, "27 octobre");
  EXPECT_EQ(b.anchors[0].tgt_text, "October 27");
}

TEST(BeadJsonTest, RefusesWhatIsNotABead) {
  Bead b;
  EXPECT_FALSE(BeadFromJson(R"({"src":[1]})", &b));
  EXPECT_FALSE(BeadFromJson(R"({"src":[1],"tgt":[-2]})", &b));
  EXPECT_FALSE(BeadFromJson(R"({"src":[1],"tgt":["2"]})", &b));
  EXPECT_FALSE(BeadFromJson(R"([{"src":[1],"tgt":[2]}])", &b));
  EXPECT_FALSE(BeadFromJson(R"({"src":[1],"tgt":[2])", &b));
  EXPECT_TRUE(BeadFromJson(R"({"tgt":[2], "src" : [ 1 ], "anchors":7})", &b));
  EXPECT_TRUE(b.anchors.empty());
}

TEST(BeadJsonTest, AnchorsRoundTripWithEscapes) {
  const std::vector<SharedAnchor> anchors = {
      {AnchorKind::kEntity, "seoul", "S\xC3\xA9oul \"x\"\n", "Seoul\\"},
      {AnchorKind::kNumber, "3400",
       "3\xE2\x80\xAF"
       "400",
       "3,400"}};
  const std::string json = SharedAnchorsJson(anchors);
  EXPECT_EQ(json,
            "[{\"kind\":\"entity\",\"key\":\"seoul\",\"src\":\"S\xC3\xA9oul \\\"x\\\"\\n\","
            "\"tgt\":\"Seoul\\\\\"},{\"kind\":\"number\",\"key\":\"3400\",\"src\":\"3\xE2\x80\xAF"
            "400\",\"tgt\":\"3,400\"}]");
  const std::vector<SharedAnchor> back = SharedAnchorsFromJson(json);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].src_text, anchors[0].src_text);
  EXPECT_EQ(back[0].tgt_text, anchors[0].tgt_text);
  EXPECT_EQ(back[1].kind, AnchorKind::kNumber);
  EXPECT_EQ(SharedAnchorsJson({}), "[]");
}

// Translation memories written before the one schema stored the evidence
// with "source"/"target" keys.
TEST(BeadJsonTest, ReadsTheOlderEvidenceKeys) {
  const std::vector<SharedAnchor> a = SharedAnchorsFromJson(
      R"([{"kind":"date","key":"--10-27","source":"27 octobre","target":"October 27"}])");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].src_text, "27 octobre");
  EXPECT_EQ(a[0].tgt_text, "October 27");
  EXPECT_EQ(
      SharedAnchorsFromJson(R"([{"kind":"date","key":"k","source":"\ud83d\ude00"}])")[0].src_text,
      "\xF0\x9F\x98\x80");
}

TEST(BeadJsonTest, UnreadableEvidenceYieldsNoAnchors) {
  EXPECT_TRUE(SharedAnchorsFromJson("").empty());
  EXPECT_TRUE(SharedAnchorsFromJson("[{\"kind\":\"date\"").empty());
  EXPECT_TRUE(SharedAnchorsFromJson(R"([{"kind":"weather","key":"k"}])").empty());
  EXPECT_TRUE(SharedAnchorsFromJson(R"([{"kind":"date","key":3}])").empty());
  EXPECT_TRUE(SharedAnchorsFromJson(R"([{"kind":"date"},{}])").empty());
  EXPECT_TRUE(SharedAnchorsFromJson(R"({"kind":"date"})").empty());
}

TEST(JsonTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("a\"b\\c\n\r\t\x01 \xC3\xA9"), "\"a\\\"b\\\\c\\n\\r\\t\\u0001 \xC3\xA9\"");
  std::string out = "x";
  AppendJsonString("", &out);
  EXPECT_EQ(out, "x\"\"");
  EXPECT_EQ(JsonString("bad \xFF byte"), "\"bad \xEF\xBF\xBD byte\"");  // U+FFFD, still JSON
}

}  // namespace
}  // namespace ancre
