#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "tm/errors.h"
#include "tm/tmx/export.h"
#include "tm/tmx/reader.h"
#include "tm/tmx/text.h"
#include "tm/tmx/writer.h"

namespace ancre::tm {
namespace {

TmxUnit Pair(const std::string& src, const std::string& tgt) {
  TmxUnit u;
  u.tuid = "1";
  u.variants.resize(2);
  u.variants[0].lang = "fr";
  u.variants[0].text = src;
  u.variants[1].lang = "en";
  u.variants[1].text = tgt;
  return u;
}

std::string WriteUnits(const std::vector<TmxUnit>& units, TmxWriteStats* stats = nullptr) {
  std::ostringstream out;
  TmxHeader header;
  header.srclang = "fr";
  header.creation_date = "20240102T030405Z";
  TmxWriter writer(out, header);
  for (const auto& u : units) writer.Write(u);
  writer.Finish();
  if (stats) *stats = writer.stats();
  return out.str();
}

TEST(TmxWriterTest, WritesTmx14HeaderWithAllRequiredAttributes) {
  const std::string xml = WriteUnits({Pair("Bonjour.", "Hello.")});
  EXPECT_NE(xml.find("<tmx version=\"1.4\">"), std::string::npos) << xml;
  for (const char* attr :
       {"creationtool=\"ancre\"", "creationtoolversion=\"", "segtype=\"sentence\"",
        "o-tmf=\"ancre\"", "adminlang=\"en\"", "srclang=\"fr\"", "datatype=\"plaintext\"",
        "creationdate=\"20240102T030405Z\""}) {
    EXPECT_NE(xml.find(attr), std::string::npos) << attr;
  }
  EXPECT_LT(xml.find("xml:lang=\"fr\""), xml.find("xml:lang=\"en\"")) << "source first";
}

TEST(TmxWriterTest, RemovesForbiddenCharactersAndCountsThem) {
  TmxWriteStats stats;
  const std::string xml =
      WriteUnits({Pair(std::string("A\x01") + "B\x1F\xEF\xBF\xBE" + "C\xFF", "ok\ttab")}, &stats);
  EXPECT_NE(xml.find("<seg>ABC</seg>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("ok\ttab"), std::string::npos);
  EXPECT_EQ(stats.chars_removed, 4u);
  auto reader = TmxReader::FromMemory(xml, "out.tmx");  // well-formed
  TmxUnit u;
  ASSERT_TRUE(reader->Next(&u));
  EXPECT_EQ(u.variants[0].text, "ABC");
}

TEST(TmxWriterTest, KeepsNbspAsCharactersAndTrimsSegments) {
  const std::string xml = WriteUnits({Pair("  \u00ab\u202fOui\u202f\u00bb\u00a0!\n", "Yes!")});
  EXPECT_NE(xml.find("<seg>\u00ab\u202fOui\u202f\u00bb\u00a0!</seg>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("&#"), std::string::npos);
}

TEST(TmxWriterTest, NeverWritesAnEmptySide) {
  TmxWriteStats stats;
  const std::string xml = WriteUnits({Pair("Bonjour", " \x01 "), Pair("", "Hello")}, &stats);
  EXPECT_EQ(xml.find("<tu"), std::string::npos) << xml;
  EXPECT_EQ(stats.units, 0u);
  EXPECT_EQ(stats.units_skipped, 2u);
}

TEST(TmxWriterTest, EscapesMarkupCharactersInText) {
  const std::string xml = WriteUnits({Pair("a < b & c > \"d\"", "x")});
  EXPECT_NE(xml.find("a &lt; b &amp; c &gt; &quot;d&quot;"), std::string::npos) << xml;
}

TEST(TmxWriterTest, CopiesValidMarkupAndFallsBackToTextForBrokenMarkup) {
  TmxUnit good = Pair("Le chat", "The cat");
  good.variants[0].markup = "Le <bpt i=\"1\">&lt;b&gt;</bpt>chat<ept i=\"1\">&lt;/b&gt;</ept>";
  TmxUnit bad = Pair("Le chien", "The dog");
  bad.variants[0].markup = "Le <bpt i=\"1\">chien";
  TmxWriteStats stats;
  const std::string xml = WriteUnits({good, bad}, &stats);
  EXPECT_NE(xml.find(good.variants[0].markup), std::string::npos) << xml;
  EXPECT_NE(xml.find("<seg>Le chien</seg>"), std::string::npos) << xml;
  EXPECT_EQ(stats.markup_dropped, 1u);
}

TEST(TmxWriterTest, WritesTheTuAttributesAndEachVariantsNotes) {
  TmxUnit u = Pair("Le chat", "The cat");
  u.attributes.creation_id = "ys";
  u.attributes.change_id = "mk";
  u.attributes.change_date = "20240501T101112Z";
  u.attributes.usage_count = "7";
  u.attributes.last_usage_date = "not a date";
  u.variants[1].notes = {"checked by the reviewer"};
  const std::string xml = WriteUnits({u});
  EXPECT_NE(xml.find("creationid=\"ys\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("changeid=\"mk\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("changedate=\"20240501T101112Z\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("usagecount=\"7\""), std::string::npos) << xml;
  EXPECT_EQ(xml.find("lastusagedate"), std::string::npos) << xml;  // not a TMX date
  const size_t en = xml.find("<tuv xml:lang=\"en\">");
  const size_t note = xml.find("<note>checked by the reviewer</note>");
  ASSERT_NE(en, std::string::npos) << xml;
  EXPECT_GT(note, en) << xml;
  EXPECT_LT(note, xml.find("<seg>The cat", en)) << xml;
}

TEST(TmxWriterTest, WritesHyphenatedCanonicalLanguageTags) {
  TmxUnit u = Pair("a", "b");
  u.variants[0].lang = "fr_fr";
  u.variants[1].lang = "EN-us";
  const std::string xml = WriteUnits({u});
  EXPECT_NE(xml.find("xml:lang=\"fr-FR\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("xml:lang=\"en-US\""), std::string::npos);
  EXPECT_EQ(xml.find('_'), std::string::npos);
}

TEST(TmxWriterTest, RefusesLanguageThatIsNotBcp47) {
  TmxUnit u = Pair("a", "b");
  u.variants[1].lang = "english";
  try {
    WriteUnits({u});
    FAIL() << "written";
  } catch (const InvalidUnitLanguage& e) {
    EXPECT_EQ(e.lang(), "english");
    EXPECT_EQ(std::string(e.what()).find("--"), std::string::npos) << e.what();
  }
}

TEST(TmxWriterTest, WritesOnlyValidTmxDates) {
  TmxUnit a = Pair("a", "b");
  a.creation_date = "2024-05-01T10:11:12Z";
  TmxUnit b = Pair("c", "d");
  b.creation_date = "yesterday";
  const std::string xml = WriteUnits({a, b});
  EXPECT_NE(xml.find("creationdate=\"20240501T101112Z\""), std::string::npos) << xml;
  EXPECT_EQ(xml.find("yesterday"), std::string::npos);
}

TEST(TmxExportTest, WritesProvenancePropsWithModeAndRunAndJoinsNothingItself) {
  TranslationUnit u;
  u.id = 42;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = "Il pleut.";
  u.target = "It rains. It pours.";
  u.score = 0.875;
  u.bead_type = "1-2";
  u.anchors_json = "[{\"kind\":\"number\",\"text\":\"3\"}]";
  u.document = "doc-fr | doc-en";
  u.created = "20240501T101112Z";
  u.mode = "parallel";
  u.run = 7;
  u.props = {{"x-client", "acme"}};
  const TmxUnit t = ToTmxUnit(u, "fr-FR", "en-US");
  EXPECT_EQ(t.tuid, "42");
  EXPECT_EQ(t.variants[0].lang, "fr-FR");
  EXPECT_EQ(t.variants[1].text, "It rains. It pours.");
  const std::vector<Prop> expected = {{"x-score", "0.875"},
                                      {"x-bead", "1-2"},
                                      {"x-anchors", u.anchors_json},
                                      {"x-document", "doc-fr | doc-en"},
                                      {"x-origin", "aligned"},
                                      {"x-mode", "parallel"},
                                      {"x-run", "7"},
                                      {"x-client", "acme"}};
  EXPECT_EQ(t.props, expected);
}

TEST(TmxExportTest, FiltersByLanguageWithRegionFallbackAndRelabels) {
  std::ostringstream out;
  TmxExportOptions options;
  options.src_lang = "fr-FR";
  options.tgt_lang = "en-US";
  TmxExporter exporter(out, options);
  TranslationUnit fr_en;
  fr_en.src_lang = "fr";
  fr_en.tgt_lang = "en";
  fr_en.source = "Oui";
  fr_en.target = "Yes";
  TranslationUnit fr_de = fr_en;
  fr_de.tgt_lang = "de";
  TranslationUnit ca_en = fr_en;
  ca_en.src_lang = "fr-CA";
  EXPECT_TRUE(exporter.Add(fr_en));
  EXPECT_FALSE(exporter.Add(fr_de));
  EXPECT_FALSE(exporter.Add(ca_en));
  exporter.Finish();
  EXPECT_EQ(exporter.filtered_out(), 2u);
  EXPECT_EQ(exporter.stats().units, 1u);
  EXPECT_NE(out.str().find("srclang=\"fr-FR\""), std::string::npos);
  EXPECT_NE(out.str().find("xml:lang=\"en-US\""), std::string::npos);
}

TEST(TmxExportTest, MixedSourceLanguagesGetTuSrclang) {
  std::ostringstream out;
  TmxExporter exporter(out, {});
  TranslationUnit a;
  a.src_lang = "fr";
  a.tgt_lang = "en";
  a.source = "Oui";
  a.target = "Yes";
  TranslationUnit b = a;
  b.src_lang = "en-US";
  b.tgt_lang = "fr";
  b.source = "Yes";
  b.target = "Oui";
  exporter.Add(a);
  exporter.Add(b);
  exporter.Finish();
  EXPECT_NE(out.str().find("srclang=\"fr\""), std::string::npos);
  EXPECT_NE(out.str().find("<tu srclang=\"en-us\""), std::string::npos) << out.str();
}

TEST(TmxExportTest, EmptyExportIsStillAValidFile) {
  std::ostringstream out;
  TmxExporter exporter(out, {});
  exporter.Finish();
  auto reader = TmxReader::FromMemory(out.str(), "out.tmx");
  EXPECT_EQ(reader->header().srclang, "*all*");
  TmxUnit u;
  EXPECT_FALSE(reader->Next(&u));
}

TEST(FormatScoreTest, IsShortestRoundTrip) {
  EXPECT_EQ(FormatScore(1.0), "1");
  EXPECT_EQ(FormatScore(0.1), "0.1");
  EXPECT_EQ(FormatScore(0.87654321), "0.87654321");
}

}  // namespace
}  // namespace ancre::tm
