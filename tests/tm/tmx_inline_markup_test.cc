#include <gtest/gtest.h>

#include "tm/tmx/inline_markup.h"

namespace ancre::tm {
namespace {

TEST(CheckSegMarkupTest, AcceptsPairedInlineMarkup) {
  EXPECT_EQ(CheckSegMarkup("a <bpt i=\"1\">&lt;b&gt;</bpt>b<ept i=\"1\">&lt;/b&gt;</ept>"), "");
  EXPECT_EQ(CheckSegMarkup("plain &amp; simple"), "");
}

TEST(CheckSegMarkupTest, RefusesBrokenMarkup) {
  EXPECT_NE(CheckSegMarkup("a <bpt i=\"1\">"), "");
  EXPECT_NE(CheckSegMarkup("<ept i=\"1\">x</ept>"), "");
  EXPECT_NE(CheckSegMarkup("<script>x</script>"), "");
  EXPECT_NE(CheckSegMarkup("a &nbsp; b"), "");
  EXPECT_NE(CheckSegMarkup("</seg><seg>"), "");
}

TEST(CheckSegMarkupTest, KeepsCodeContentOutOfItsRules) {
  // A native code may hold only <sub>; <hi> and <sub> nest freely.
  EXPECT_EQ(CheckSegMarkup("<ph x=\"1\">&lt;br/&gt;<sub>note</sub></ph> and <hi>x</hi>"), "");
  EXPECT_NE(CheckSegMarkup("<ph><hi>x</hi></ph>").find("not allowed inside a native code"),
            std::string::npos);
}

TEST(CheckSegMarkupTest, NamesTheFirstProblem) {
  EXPECT_NE(CheckSegMarkup("<bpt i=\"1\">a</bpt><bpt i=\"1\">b</bpt><ept i=\"1\">c</ept>")
                .find("duplicate <bpt i=\"1\">"),
            std::string::npos);
  EXPECT_NE(CheckSegMarkup("a <bpt i=\"2\">b</bpt>").find("never closed"), std::string::npos);
  EXPECT_NE(CheckSegMarkup("<bpt>x</bpt>").find("has no i attribute"), std::string::npos);
}

}  // namespace
}  // namespace ancre::tm
