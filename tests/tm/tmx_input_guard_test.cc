#include <gtest/gtest.h>

#include <string>

#include "tm/tmx/input_guard.h"

namespace ancre::tm::internal {
namespace {

// Feeds text to a guard in pieces of `chunk` bytes, then flushes it.
bool Accepts(const std::string& text, size_t chunk = 7, std::string* error = nullptr,
             size_t max_attributes = 4) {
  InputGuard guard(max_attributes);
  for (size_t at = 0; at < text.size(); at += chunk) {
    if (!guard.Feed(text.data() + at, std::min(chunk, text.size() - at))) {
      if (error) *error = guard.error();
      return false;
    }
  }
  const bool ok = guard.Flush();
  if (error) *error = guard.error();
  return ok;
}

std::string Utf16Le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

TEST(InputGuardTest, AcceptsPlainTmxWithADoctype) {
  EXPECT_TRUE(
      Accepts("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
              "<tmx version=\"1.4\"><header srclang=\"fr\"/><body/></tmx>"));
}

TEST(InputGuardTest, RefusesEntityDeclarationsWhereverTheChunksCut) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY a \"aaaa\">\n]>\n"
      "<tmx version=\"1.4\"/>";
  for (size_t chunk : {1, 2, 3, 5, 64}) {
    std::string error;
    EXPECT_FALSE(Accepts(xml, chunk, &error)) << chunk;
    EXPECT_NE(error.find("declares entities"), std::string::npos) << error;
  }
}

TEST(InputGuardTest, EntityInACommentOrAnAttributeValueIsNotADeclaration) {
  EXPECT_TRUE(Accepts("<!-- <!ENTITY a \"x\"> --><tmx note=\"<!ENTITY b 'y'>\"/>"));
  EXPECT_TRUE(Accepts("<tmx><![CDATA[<!ENTITY c \"z\">]]></tmx>"));
}

TEST(InputGuardTest, RefusesEntitiesHiddenInUtf16) {
  std::string error;
  EXPECT_TRUE(Accepts(Utf16Le("<tmx version=\"1.4\"/>")));
  EXPECT_FALSE(Accepts(Utf16Le("<!DOCTYPE tmx [<!ENTITY a \"x\">]><tmx/>"), 3, &error));
  EXPECT_NE(error.find("declares entities"), std::string::npos) << error;
}

TEST(InputGuardTest, RefusesEncodingsThatCouldHideMarkup) {
  std::string error;
  EXPECT_FALSE(Accepts("<?xml version=\"1.0\" encoding=\"UTF-7\"?><tmx/>", 7, &error));
  EXPECT_NE(error.find("\"utf-7\" is not supported"), std::string::npos) << error;
  EXPECT_FALSE(Accepts(std::string("\0\0\0<", 4) + std::string("\0\0\0t", 4), 7, &error));
  EXPECT_NE(error.find("UCS-4"), std::string::npos) << error;
  EXPECT_TRUE(Accepts("<?xml version=\"1.0\" encoding=\"windows-1252\"?><tmx/>"));
}

TEST(InputGuardTest, CountsAttributesOnlyInStartTags) {
  std::string error;
  EXPECT_TRUE(Accepts("<tu a=\"1\" b=\"2\" c=\"=\" d='4'>x = y = z</tu><!-- = = = = = -->"));
  EXPECT_FALSE(Accepts("<tu a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\"/>", 7, &error));
  EXPECT_NE(error.find("more than 4 attributes"), std::string::npos) << error;
}

TEST(InputGuardTest, CountsLinesForItsMessages) {
  InputGuard guard(4);
  const std::string xml = "<tmx>\n\n<!DOCTYPE x [<!ENTITY a \"b\">]>";
  EXPECT_FALSE(guard.Feed(xml.data(), xml.size()));
  EXPECT_EQ(guard.line(), 3u);
}

TEST(InputGuardTest, AShortInputIsCheckedAtFlush) {
  InputGuard guard(4);
  EXPECT_TRUE(guard.Feed("<a", 2));
  EXPECT_TRUE(guard.Flush());
  EXPECT_EQ(guard.error(), "");
}

}  // namespace
}  // namespace ancre::tm::internal
