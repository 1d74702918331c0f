// ancre align reads its two files as ancre segment reads one: the same
// segmentation options (--paragraphs, --srx, --abbreviations, --lenient), an
// encoding per side, and errors that recommend only options it has.
#include <gtest/gtest.h>

#include <string>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kLangs = " --src-lang fr --tgt-lang en --mode parallel --dictionary none";

TEST(AlignOptionsCliTest, ReadsEachSideInItsOwnEncoding) {
  ScratchDir dir;
  // "président", "arrivé" in windows-1252 beside an English file in UTF-8.
  WriteFile(dir / "fr.txt", "Le pr\xE9sident est arriv\xE9 \xE0 Paris.\nIl a parl\xE9.\n");
  WriteFile(dir / "en.txt", "The président arrived in Paris.\nHe spoke.\n");
  RunResult r = RunAncre("align " + Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt") + kLangs +
                         " --src-encoding windows-1252 --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"src_text\":\"Le président est arrivé à Paris.\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"tgt_text\":\"The président arrived in Paris.\""), std::string::npos)
      << r.out;
  // One --encoding for both would read the UTF-8 side as mojibake.
  RunResult both = RunAncre("align " + Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt") + kLangs +
                            " --encoding windows-1252 --format jsonl");
  ASSERT_EQ(both.exit_code, 0) << both.err;
  EXPECT_NE(both.out.find("The prÃ©sident"), std::string::npos) << both.out;
}

TEST(AlignOptionsCliTest, LenientReplacesInvalidUtf8AndSaysSo) {
  ScratchDir dir;
  WriteFile(dir / "fr.txt", "Il est arriv\xE9 hier.\n");
  WriteFile(dir / "en.txt", "He arrived yesterday.\n");
  const std::string files = Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt");
  RunResult strict = RunAncre("align " + files + kLangs);
  EXPECT_EQ(strict.exit_code, 1);
  ASSERT_NE(strict.err.find("invalid UTF-8"), std::string::npos) << strict.err;
  ASSERT_NE(strict.err.find("--lenient"), std::string::npos) << strict.err;
  // What the message recommends, align accepts.
  RunResult lenient = RunAncre("align " + files + kLangs + " --lenient --format jsonl");
  ASSERT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_NE(lenient.out.find("Il est arriv\xEF\xBF\xBD hier."), std::string::npos) << lenient.out;
  EXPECT_NE(lenient.err.find("1 invalid UTF-8 sequence(s) replaced with U+FFFD"), std::string::npos)
      << lenient.err;
}

TEST(AlignOptionsCliTest, ParagraphsDecidesWhetherSingleLineBreaksEndSegments) {
  ScratchDir dir;
  WriteFile(dir / "fr.txt", "Le président est arrivé\nà Paris hier soir.\n");
  WriteFile(dir / "en.txt", "The president arrived\nin Paris last night.\n");
  const std::string files = Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt");
  RunResult blank = RunAncre("align " + files + kLangs + " --paragraphs blank --format jsonl");
  ASSERT_EQ(blank.exit_code, 0) << blank.err;
  EXPECT_NE(blank.out.find("\"src_text\":\"Le président est arrivé à Paris hier soir.\""),
            std::string::npos)
      << blank.out;
  RunResult line = RunAncre("align " + files + kLangs + " --paragraphs line --format jsonl");
  ASSERT_EQ(line.exit_code, 0) << line.err;
  EXPECT_EQ(line.out.find("arrivé à Paris"), std::string::npos) << line.out;
  EXPECT_NE(line.out.find("\"src_text\":\"Le président est arrivé\""), std::string::npos)
      << line.out;
}

TEST(AlignOptionsCliTest, AbbreviationsAndSrxShapeTheSegmentsOfBothSides) {
  ScratchDir dir;
  WriteFile(dir / "fr.txt", "Il vit rue Zorg. Dupont depuis dix ans.\n");
  WriteFile(dir / "en.txt", "He has lived on Zorg. Dupont Street for ten years.\n");
  WriteFile(dir / "abbrev.txt", "# ours\nZorg.\n");
  const std::string files = Sh(dir / "fr.txt") + " " + Sh(dir / "en.txt");
  RunResult plain = RunAncre("align " + files + kLangs + " --format jsonl");
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out.find("rue Zorg. Dupont"), std::string::npos) << plain.out;
  RunResult abbrev = RunAncre("align " + files + kLangs + " --abbreviations " +
                              Sh(dir / "abbrev.txt") + " --format jsonl");
  ASSERT_EQ(abbrev.exit_code, 0) << abbrev.err;
  EXPECT_NE(abbrev.out.find("\"src_text\":\"Il vit rue Zorg. Dupont depuis dix ans.\""),
            std::string::npos)
      << abbrev.out;
  EXPECT_NE(abbrev.out.find("on Zorg. Dupont Street"), std::string::npos) << abbrev.out;

  // SRX rules that know the abbreviation too.
  WriteFile(dir / "rules.srx",
            "<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">"
            "<header segmentsubflows=\"yes\" cascade=\"yes\"/><body><languagerules>"
            "<languagerule languagerulename=\"Default\">"
            "<rule break=\"no\"><beforebreak>\\bZorg\\.</beforebreak><afterbreak>\\s"
            "</afterbreak></rule>"
            "<rule break=\"yes\"><beforebreak>[\\.\\?!]+</beforebreak><afterbreak>\\s+\\p{Lu}"
            "</afterbreak></rule></languagerule></languagerules>"
            "<maprules><languagemap languagepattern=\".*\" languagerulename=\"Default\"/>"
            "</maprules></body></srx>\n");
  RunResult srx =
      RunAncre("align " + files + kLangs + " --srx " + Sh(dir / "rules.srx") + " --format jsonl");
  ASSERT_EQ(srx.exit_code, 0) << srx.err;
  EXPECT_NE(srx.out.find("\"src_text\":\"Il vit rue Zorg. Dupont depuis dix ans.\""),
            std::string::npos)
      << srx.out;
}

TEST(AlignOptionsCliTest, HelpListsTheReadingOptions) {
  RunResult r = RunAncre("align --help");
  ASSERT_EQ(r.exit_code, 0);
  for (const char* option : {"--src-encoding", "--tgt-encoding", "--encoding", "--lenient",
                             "--paragraphs", "--srx", "--abbreviations"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

// Every command that reads a text file and says "pass --encoding ... or
// --lenient" on invalid UTF-8 has both options.
TEST(AlignOptionsCliTest, ErrorsRecommendOnlyOptionsTheCommandHas) {
  ScratchDir dir;
  WriteFile(dir / "bad.txt", "Il est arriv\xE9 hier.\n");
  WriteFile(dir / "en.txt", "He arrived yesterday.\n");
  WriteFile(dir / "tm.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\" "
            "datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" o-tmf=\"x\" "
            "creationtool=\"x\" creationtoolversion=\"1\"/><body><tu><tuv xml:lang=\"fr\">"
            "<seg>Bonjour.</seg></tuv><tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu>"
            "</body></tmx>\n");
  ASSERT_EQ(RunAncre("import " + Sh(dir / "tm.tmx") + " --db " + Sh(dir / "tm.sqlite")).exit_code,
            0);
  const std::string bad = Sh(dir / "bad.txt");
  const std::string pair = bad + " " + Sh(dir / "en.txt") + kLangs;
  const std::pair<std::string, std::string> commands[] = {
      {"segment", "segment " + bad + " --lang fr"},
      {"anchors", "anchors " + bad + " --lang fr"},
      {"align", "align " + pair},
      {"report", "report " + pair + " -o " + Sh(dir / "r.html")},
      {"analyze", "analyze " + bad + " --lang fr --db " + Sh(dir / "tm.sqlite")},
  };
  for (const auto& [name, command] : commands) {
    RunResult r = RunAncre(command);
    EXPECT_EQ(r.exit_code, 1) << command << "\n" << r.err;
    ASSERT_NE(r.err.find("invalid UTF-8"), std::string::npos) << command << "\n" << r.err;
    RunResult help = RunAncre(name + " --help");
    for (const char* option : {"--encoding", "--lenient"}) {
      EXPECT_NE(r.err.find(option), std::string::npos) << command << "\n" << r.err;
      EXPECT_NE(help.out.find(option), std::string::npos) << name << " lacks " << option;
    }
    RunResult lenient = RunAncre(command + " --lenient");
    EXPECT_EQ(lenient.exit_code, 0) << command << "\n" << lenient.err;
    EXPECT_NE(lenient.err.find("1 invalid UTF-8 sequence(s) replaced with U+FFFD"),
              std::string::npos)
        << command << "\n"
        << lenient.err;
  }
}

// A DOCX (a ZIP archive) or a PDF is said to be what it is, not "invalid
// UTF-8 ... pass --encoding windows-1252", by every command that reads text.
TEST(AlignOptionsCliTest, BinaryDocumentsAreNamedNotBlamedOnTheEncoding) {
  ScratchDir dir;
  // A ZIP local file header, NUL bytes included (sizeof: the literal's bytes, its NUL aside).
  static const char kZipHeader[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xDF\xA4\xD2l";
  WriteFile(dir / "article.docx", std::string(kZipHeader, sizeof kZipHeader - 1) +
                                      "[Content_Types].xml \xEC\x96\xCB\x8E\xDA");
  WriteFile(dir / "article.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\n");
  WriteFile(dir / "en.txt", "He arrived yesterday.\n");
  for (const std::string& bad : {dir / "article.docx", dir / "article.pdf"}) {
    const bool zip = bad.find(".docx") != std::string::npos;
    for (const std::string& command :
         {"align " + Sh(bad) + " " + Sh(dir / "en.txt") + kLangs,
          "align " + Sh(bad) + " " + Sh(dir / "en.txt") + kLangs + " --encoding windows-1252",
          "segment " + Sh(bad) + " --lang fr", "anchors " + Sh(bad) + " --lang fr"}) {
      RunResult r = RunAncre(command);
      EXPECT_EQ(r.exit_code, 1) << command;
      EXPECT_NE(r.err.find(zip ? "is a ZIP archive (a DOCX" : "is a PDF document"),
                std::string::npos)
          << command << "\n"
          << r.err;
      EXPECT_EQ(r.err.find("--encoding windows-1252"), std::string::npos) << r.err;
      EXPECT_EQ(r.err.find("invalid UTF-8"), std::string::npos) << r.err;
    }
  }
}

}  // namespace
}  // namespace ancre::testing
