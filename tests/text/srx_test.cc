#include "src/text/srx.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "src/core/error.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::text {
namespace {

constexpr const char* kRules = R"(<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="French">
        <rule break="no"><beforebreak>\bM\.</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="no"><beforebreak>\b(Dr|Mr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="yes"><beforebreak>[\.\?!]+</beforebreak><afterbreak>\s+\p{Lu}</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="FR.*" languagerulename="French"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>)";

std::vector<size_t> Breaks(SrxRules& rules, std::string_view text) {
  std::vector<size_t> out;
  rules.Boundaries(text, &out);
  return out;
}

TEST(SrxTest, CascadesLanguageMapsInOrder) {
  SrxRules fr = SrxRules::Parse(kRules, "rules.srx", "fr");
  EXPECT_EQ(fr.rule_count(), 3u);
  SrxRules en = SrxRules::Parse(kRules, "rules.srx", "en");
  EXPECT_EQ(en.rule_count(), 2u);
  std::string text = "M. Dupont vient. Il part.";
  EXPECT_EQ(Breaks(fr, text), (std::vector<size_t>{16, text.size()}));
  EXPECT_EQ(Breaks(en, text), (std::vector<size_t>{2, 16, text.size()}));
}

TEST(SrxTest, BreaksAreUtf8Offsets) {
  SrxRules en = SrxRules::Parse(kRules, "rules.srx", "en");
  std::string text = "Séoul était là. Éric aussi.";
  EXPECT_EQ(Breaks(en, text), (std::vector<size_t>{18, text.size()}));
}

TEST(SrxTest, BadRegexIsAParseErrorWithLine) {
  std::string bad = kRules;
  bad.replace(bad.find("[\\.\\?!]+"), 8, "[unclosed");
  try {
    SrxRules::Parse(bad, "rules.srx", "en");
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "rules.srx");
    EXPECT_EQ(e.line(), 11u);
  }
}

TEST(SrxTest, MalformedXmlIsAParseError) {
  EXPECT_THROW(SrxRules::Parse("<srx><body>", "r.srx", "en"), ParseError);
}

TEST(SrxTest, CatastrophicBacktrackingIsBounded) {
  std::string rules = kRules;
  rules.replace(rules.find("[\\.\\?!]+"), 8, "(a+)+b");
  SrxRules en = SrxRules::Parse(rules, "rules.srx", "en");
  std::string text(40, 'a');
  std::vector<size_t> out;
  EXPECT_THROW(en.Boundaries(text + "!", &out), Error);
}

TEST(SrxTest, SegmenterUsesSrxFile) {
  SegmenterOptions o;
  o.language = "en";
  o.srx_path = std::string(ANCRE_TEST_DATA) + "/srx/simple.srx";
  Segmenter seg(o);
  Document doc = seg.Segment(InputText("Dr. Who came. He left.", "t", {}));
  ASSERT_EQ(doc.segments.size(), 2u);
  EXPECT_EQ(doc.segments[0].text, "Dr. Who came.");
}

}  // namespace
}  // namespace ancre::text

namespace ancre::text {
namespace {

// OmegaT's own default rules, read from the OmegaT package when it is installed.
TEST(SrxTest, OmegatDefaultRulesSegmentLikeOmegat) {
  const char* jar = "/usr/share/omegat/OmegaT.jar";
  if (!std::filesystem::exists(jar))
    GTEST_SKIP() << "SKIPPED: OmegaT is not installed (" << jar << ")";
  std::string xml;
  {
    FILE* p = popen(
        "unzip -p /usr/share/omegat/OmegaT.jar org/omegat/core/segmentation/defaultRules.srx", "r");
    ASSERT_NE(p, nullptr);
    char buf[65536];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) xml.append(buf, n);
    pclose(p);
  }
  if (xml.empty()) GTEST_SKIP() << "SKIPPED: unzip could not read OmegaT's default rules";
  SrxRules fr = SrxRules::Parse(xml, "defaultRules.srx", "fr");
  EXPECT_GT(fr.rule_count(), 10u);
  std::string text = "M. Dupont est arrivé. Il est reparti ! Puis il est revenu.";
  std::vector<size_t> out;
  fr.Boundaries(text, &out);
  // Breaks after "arrivé." and "!" (OmegaT keeps the space with the next segment's
  // boundary position); no break after "M.".
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(text.substr(0, out[0]), "M. Dupont est arrivé.");
  EXPECT_EQ(text.substr(out[0], out[1] - out[0]), " Il est reparti !");
}

}  // namespace
}  // namespace ancre::text
