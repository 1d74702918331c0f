#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/core/error.h"
#include "tm/tmx/reader.h"

namespace ancre::tm {
namespace {

std::string Tmx(const std::string& body, const std::string& prolog = "",
                const std::string& srclang = "en-US") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog +
         "<tmx version=\"1.4\">\n<header creationtool=\"t\" creationtoolversion=\"1\" "
         "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"" +
         srclang + "\" datatype=\"plaintext\"/>\n<body>\n" + body + "</body>\n</tmx>\n";
}

std::vector<TmxUnit> ReadAll(const std::string& xml) {
  auto reader = TmxReader::FromMemory(xml, "in.tmx");
  std::vector<TmxUnit> units;
  TmxUnit u;
  while (reader->Next(&u)) units.push_back(u);
  return units;
}

const char kPair[] =
    "<tu tuid=\"7\" creationdate=\"20240501T101112Z\">\n"
    "  <prop type=\"x-document\">doc</prop><note>a note</note>\n"
    "  <tuv xml:lang=\"en-us\"><seg>  Hello world. </seg></tuv>\n"
    "  <tuv xml:lang=\"fr_fr\"><prop type=\"p\">v</prop><seg>Bonjour\u00a0!</seg></tuv>\n"
    "</tu>\n";

TEST(TmxReaderTest, ReadsHeaderAttributes) {
  auto reader = TmxReader::FromMemory(Tmx(""), "in.tmx");
  EXPECT_EQ(reader->header().version, "1.4");
  EXPECT_EQ(reader->header().srclang, "en-US");
  EXPECT_EQ(reader->header().creation_tool, "t");
  EXPECT_EQ(reader->header().datatype, "plaintext");
  TmxUnit u;
  EXPECT_FALSE(reader->Next(&u));
}

TEST(TmxReaderTest, ReadsUnitWithPropsNotesAndTrimmedText) {
  const auto units = ReadAll(Tmx(kPair));
  ASSERT_EQ(units.size(), 1u);
  const TmxUnit& u = units[0];
  EXPECT_EQ(u.tuid, "7");
  EXPECT_EQ(u.creation_date, "20240501T101112Z");
  EXPECT_EQ(u.line, 5u);
  EXPECT_EQ(u.problem, "");
  ASSERT_EQ(u.props.size(), 1u);
  EXPECT_EQ(u.props[0], (Prop{"x-document", "doc"}));
  EXPECT_EQ(u.notes, std::vector<std::string>{"a note"});
  ASSERT_EQ(u.variants.size(), 2u);
  EXPECT_EQ(u.variants[0].lang, "en-US");
  EXPECT_EQ(u.variants[0].text, "Hello world.");
  EXPECT_EQ(u.variants[0].markup, "");
  EXPECT_EQ(u.variants[1].lang, "fr-FR");
  EXPECT_EQ(u.variants[1].text, "Bonjour\u00a0!");  // NBSP kept as a character
  EXPECT_EQ(u.variants[1].props, (std::vector<Prop>{{"p", "v"}}));
}

TEST(TmxReaderTest, StripsNativeCodesKeepsHighlightedTextAndMarkup) {
  const auto units = ReadAll(
      Tmx("<tu><tuv xml:lang=\"en\"><seg>The <bpt i=\"1\" x=\"1\">&lt;b></bpt>big<ept i=\"1\">"
          "&lt;/b></ept> <hi type=\"x\">cat</hi><ph x=\"2\">&lt;br/></ph>.</seg></tuv>"
          "<tuv xml:lang=\"fr\"><seg>Le gros chat.</seg></tuv></tu>\n"));
  ASSERT_EQ(units.size(), 1u);
  const Variant& en = units[0].variants[0];
  EXPECT_EQ(en.text, "The big cat.");
  EXPECT_EQ(en.markup,
            "The <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>big<ept i=\"1\">&lt;/b&gt;</ept> "
            "<hi type=\"x\">cat</hi><ph x=\"2\">&lt;br/&gt;</ph>.");
  EXPECT_EQ(units[0].problem, "");
}

TEST(TmxReaderTest, SubflowTextInsideNativeCodeIsNotSegmentText) {
  const auto units = ReadAll(
      Tmx("<tu><tuv xml:lang=\"en\"><seg>Click <ph x=\"3\">&lt;img alt=\"<sub>Start</sub>\"></ph> "
          "now</seg></tuv><tuv xml:lang=\"fr\"><seg>Cliquez</seg></tuv></tu>\n"));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].variants[0].text, "Click  now");
  EXPECT_EQ(units[0].problem, "");
}

TEST(TmxReaderTest, EptBeforeBptIsAProblemWithItsLine) {
  const auto units = ReadAll(
      Tmx("<tu>\n<tuv xml:lang=\"en\"><seg>\n<ept i=\"1\">&lt;/b></ept>\n<bpt i=\"1\">&lt;b></bpt>"
          "</seg></tuv>\n<tuv xml:lang=\"be\"><seg>x</seg></tuv></tu>\n"));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_NE(units[0].problem.find("<ept i=\"1\"> (line 7) has no <bpt i=\"1\"> before it"),
            std::string::npos)
      << units[0].problem;
}

TEST(TmxReaderTest, DuplicateAndUnclosedBptAreProblems) {
  auto units =
      ReadAll(Tmx("<tu><tuv xml:lang=\"en\"><seg><bpt i=\"1\"/>a<bpt i=\"1\"/></seg></tuv>"
                  "<tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n"));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_NE(units[0].problem.find("duplicate <bpt i=\"1\">"), std::string::npos);
  units =
      ReadAll(Tmx("<tu><tuv xml:lang=\"en\"><seg><bpt i=\"4\"/>a</seg></tuv>"
                  "<tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n"));
  EXPECT_NE(units[0].problem.find("<bpt i=\"4\"> is never closed"), std::string::npos);
}

TEST(TmxReaderTest, UnknownElementInSegIsAProblem) {
  const auto units =
      ReadAll(Tmx("<tu><tuv xml:lang=\"en\"><seg>a <b>bold</b></seg></tuv>"
                  "<tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n"));
  EXPECT_NE(units[0].problem.find("<b>"), std::string::npos);
}

TEST(TmxReaderTest, TuvWithoutLanguageOrSegIsAProblem) {
  auto units =
      ReadAll(Tmx("<tu><tuv><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n"));
  EXPECT_NE(units[0].problem.find("has no xml:lang"), std::string::npos);
  units = ReadAll(Tmx("<tu><tuv xml:lang=\"en\"/><tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n"));
  EXPECT_NE(units[0].problem.find("has no <seg>"), std::string::npos);
}

TEST(TmxReaderTest, ReadsDeprecatedLangAttributeOfTmx11) {
  const auto units = ReadAll(
      "<?xml version='1.0'?><tmx version=\"1.1\"><header srclang=\"EN\"/><body>"
      "<tu><tuv lang=\"EN\"><seg>a</seg></tuv><tuv lang=\"fr\" creationdate=\"20241127T035017Z\">"
      "<seg>b</seg></tuv></tu></body></tmx>");
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].variants[0].lang, "en");
  EXPECT_EQ(units[0].variants[1].lang, "fr");
  EXPECT_EQ(units[0].creation_date, "20241127T035017Z");
}

std::string ToUtf16(const std::string& ascii_or_utf8, bool little_endian) {
  // Enough for the test: ASCII and the two-byte UTF-8 of é.
  std::u16string u16;
  for (size_t i = 0; i < ascii_or_utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(ascii_or_utf8[i]);
    if (c < 0x80) {
      u16.push_back(c);
    } else {
      const unsigned char d = static_cast<unsigned char>(ascii_or_utf8[++i]);
      u16.push_back(static_cast<char16_t>(((c & 0x1F) << 6) | (d & 0x3F)));
    }
  }
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t cu : u16) {
    const char hi = static_cast<char>(cu >> 8), lo = static_cast<char>(cu & 0xFF);
    out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}

TEST(TmxReaderTest, ReadsUtf16LittleAndBigEndianWithBom) {
  std::string xml =
      Tmx("<tu><tuv xml:lang=\"en\"><seg>cafe</seg></tuv><tuv xml:lang=\"fr\"><seg>caf\u00e9 "
          "&#x2122;</seg></tuv></tu>\n");
  xml.replace(xml.find("UTF-8"), 5, "UTF-16");
  for (bool le : {true, false}) {
    const auto units = ReadAll(ToUtf16(xml, le));
    ASSERT_EQ(units.size(), 1u) << le;
    EXPECT_EQ(units[0].variants[1].text, "caf\u00e9 \u2122") << le;
  }
}

TEST(TmxReaderTest, NotWellFormedXmlThrowsWithLineAndColumn) {
  const std::string xml =
      Tmx("<tu><tuv xml:lang=\"en\"><seg>a</tuv></tu>\n");  // </seg> missing, line 5
  try {
    ReadAll(xml);
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.file(), "in.tmx");
    EXPECT_EQ(e.line(), 5u);
    EXPECT_GT(e.column(), 0u);
    EXPECT_NE(std::string(e.what()).find("not well-formed"), std::string::npos) << e.what();
  }
}

TEST(TmxReaderTest, TruncatedFileThrows) {
  std::string xml = Tmx(kPair);
  xml.resize(xml.size() - 20);
  EXPECT_THROW(ReadAll(xml), ParseError);
}

TEST(TmxReaderTest, ControlCharacterReferenceIsNotWellFormed) {
  EXPECT_THROW(ReadAll(Tmx("<tu><tuv xml:lang=\"en\"><seg>a&#1;</seg></tuv></tu>\n")), ParseError);
}

TEST(TmxReaderTest, RootOtherThanTmxIsRefused) {
  try {
    TmxReader::FromMemory("<xliff version=\"1.2\"><file/></xliff>", "a.xlf");
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("not a TMX file"), std::string::npos);
  }
}

std::string BillionLaughs() {
  std::string dtd = "<!DOCTYPE tmx [\n<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&l" + std::to_string(i - 1) + ";";
    dtd += "\">\n";
  }
  return dtd + "]>\n";
}

TEST(TmxReaderTest, RefusesBillionLaughsBeforeExpandingAnything) {
  const std::string xml =
      Tmx("<tu tuid=\"&l9;\"><tuv xml:lang=\"en\"><seg>&l9;</seg></tuv></tu>\n", BillionLaughs());
  try {
    ReadAll(xml);
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("declares entities"), std::string::npos) << e.what();
    EXPECT_EQ(e.line(), 3u);
  }
}

TEST(TmxReaderTest, RefusesQuadraticBlowupInAttribute) {
  // One 100 kB entity used 100,000 times in an attribute: 10 GB if expanded.
  const std::string dtd = "<!DOCTYPE tmx [<!ENTITY a \"" + std::string(100000, 'A') + "\">]>\n";
  std::string refs;
  for (int i = 0; i < 100000; ++i) refs += "&a;";
  EXPECT_THROW(ReadAll(Tmx("<tu tuid=\"" + refs + "\"/>\n", dtd)), ParseError);
}

std::string Attributes(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += " a" + std::to_string(i) + "=\"x\"";
  return out;
}

TEST(TmxReaderTest, RefusesAnElementWithMoreAttributesThanTheLimit) {
  // 100,000 attributes on one element kept libxml2 busy for over a minute.
  const std::string tu =
      "<tuv xml:lang=\"fr\"><seg>a</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n";
  try {
    ReadAll(Tmx("<tu" + Attributes(TmxLimits::kMaxAttributes + 1) + ">" + tu));
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("more than 256 attributes"), std::string::npos)
        << e.what();
    EXPECT_EQ(e.line(), 5u);
  }
  EXPECT_EQ(ReadAll(Tmx("<tu" + Attributes(TmxLimits::kMaxAttributes) + ">" + tu)).size(), 1u);
  // '=' in attribute values, text, comments and CDATA sections are not attributes.
  const std::string equals(2000, '=');
  const auto units =
      ReadAll(Tmx("<!-- " + equals + " --><tu tuid=\"" + equals + "\"><tuv xml:lang=\"fr\"><seg>" +
                  equals + "<![CDATA[<a " + equals + ">]]></seg></tuv></tu>\n"));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].tuid, equals);
}

TEST(TmxReaderTest, RefusesExternalEntities) {
  const std::string dtd =
      "<!DOCTYPE tmx [ <!-- a comment with <tmx> inside --> "
      "<!ENTITY xxe SYSTEM \"file:///etc/hostname\"> ]>\n";
  EXPECT_THROW(ReadAll(Tmx("<tu><tuv xml:lang=\"en\"><seg>&xxe;</seg></tuv></tu>\n", dtd)),
               ParseError);
  const std::string pe =
      "<!DOCTYPE tmx [ <!ENTITY % p SYSTEM \"http://example.com/x.dtd\"> %p; ]>\n";
  EXPECT_THROW(ReadAll(Tmx("", pe)), ParseError);
}

TEST(TmxReaderTest, AcceptsDoctypeWithoutEntitiesAndNeverLoadsTheDtd) {
  const auto units =
      ReadAll(Tmx(kPair, "<!DOCTYPE tmx SYSTEM \"http://example.invalid/tmx14.dtd\">\n"));
  EXPECT_EQ(units.size(), 1u);
}

TEST(TmxReaderTest, UndeclaredEntityWithExternalDtdIsAProblemNotACrash) {
  const auto units = ReadAll(Tmx(
      "<tu><tuv xml:lang=\"en\"><seg>a&nbsp;b</seg></tuv><tuv xml:lang=\"fr\"><seg>c</seg></tuv>"
      "</tu>\n",
      "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_NE(units[0].problem.find("&nbsp;"), std::string::npos) << units[0].problem;
}

TEST(TmxReaderTest, RefusesEncodingThatCouldHideMarkup) {
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-7\"?>+ADw-tmx version=\"1.4\"+AD4-";
  try {
    TmxReader::FromMemory(xml, "in.tmx");
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_NE(std::string(e.what()).find("utf-7"), std::string::npos) << e.what();
  }
}

TEST(TmxReaderTest, ReportsTrueLineNumbersPastLine65535) {
  std::string padding(70000, '\n');
  const auto units = ReadAll(Tmx(padding + kPair));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_NEAR(static_cast<double>(units[0].line), 70005.0, 1.0);
}

TEST(TmxReaderTest, SkipsCommentsAndUnknownBodyElements) {
  const auto units = ReadAll(Tmx(std::string("<!-- c -->\n<x-ext><tu/></x-ext>\n") + kPair));
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].tuid, "7");
}

}  // namespace
}  // namespace ancre::tm
