// End-to-end: the real ancre binary on hostile input, one test per row of the
// README's "Hostile input" table. Each case ends with a clear error (exit 1)
// or a correct result (exit 0) — never a crash, a hang, output outside the
// TM and the output file, or a TM changed by a refused import. The time and
// memory bounds stated in the README were measured with /usr/bin/time on
// larger inputs; the tests use sizes that keep each case within seconds.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre {
namespace {

using ancre::testing::ReadAll;
using ancre::testing::RunAncre;
using ancre::testing::ScratchDir;
using ancre::testing::Sh;
using ancre::testing::WriteFile;

// (start, end) of every segment of `ancre segment --format jsonl` output.
std::vector<std::pair<size_t, size_t>> Spans(const std::string& jsonl) {
  std::vector<std::pair<size_t, size_t>> spans;
  const std::regex re("\"start\":([0-9]+),\"end\":([0-9]+)");
  for (auto it = std::sregex_iterator(jsonl.begin(), jsonl.end(), re); it != std::sregex_iterator();
       ++it) {
    spans.emplace_back(std::stoul((*it)[1]), std::stoul((*it)[2]));
  }
  return spans;
}

size_t CountLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buf(1 << 20);
  size_t lines = 0;
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) lines += buf[static_cast<size_t>(i)] == '\n';
  }
  return lines;
}

// --- Encodings --------------------------------------------------------------

TEST(HostileInputTest, InvalidUtf8IsRefusedWithItsByteOffsetOrReplacedWhenLenient) {
  ScratchDir dir;
  WriteFile(dir / "in.txt", "Bonjour. Ça va \xff\xfe bien.\n");
  auto strict = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("invalid UTF-8 at line 1, column 17 (byte 16)"), std::string::npos)
      << strict.err;
  EXPECT_EQ(strict.out, "");
  auto lenient = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr --lenient");
  EXPECT_EQ(lenient.exit_code, 0) << lenient.err;
  EXPECT_EQ(lenient.out, "Bonjour.\nÇa va \uFFFD\uFFFD bien.\n");
  EXPECT_NE(lenient.err.find("2 invalid UTF-8 sequence(s) replaced"), std::string::npos);
}

TEST(HostileInputTest, OverlongEncodingsAreInvalidUtf8) {
  // "/" spelled in 2, 3 and 4 bytes, and an overlong NUL (C0 80, "modified UTF-8").
  for (const std::string& overlong : {std::string("\xc0\xaf"), std::string("\xe0\x80\xaf"),
                                      std::string("\xf0\x80\x80\xaf"), std::string("\xc0\x80")}) {
    ScratchDir dir;
    WriteFile(dir / "in.txt", "Chemin a" + overlong + "b. Fin.\n");
    auto r = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("invalid UTF-8 at line 1, column 9 (byte 8)"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(HostileInputTest, LoneSurrogatesAreRefusedInUtf8AndUtf16) {
  ScratchDir dir;
  WriteFile(dir / "utf8.txt", "Seul \xed\xa0\x80 ici.\n");  // U+D800 encoded as UTF-8
  auto r8 = RunAncre("segment " + Sh(dir / "utf8.txt") + " --lang fr");
  EXPECT_EQ(r8.exit_code, 1);
  EXPECT_NE(r8.err.find("invalid UTF-8 at line 1, column 6 (byte 5)"), std::string::npos) << r8.err;
  // "Hi. " then a high surrogate followed by "A", in UTF-16LE.
  WriteFile(dir / "utf16.txt", std::string("H\0i\0.\0 \0\0\xd8"
                                           "A\0.\0",
                                           14));
  auto r16 = RunAncre("segment " + Sh(dir / "utf16.txt") + " --lang en --encoding utf-16le");
  EXPECT_EQ(r16.exit_code, 1);
  EXPECT_NE(r16.err.find("not valid UTF-16LE at byte"), std::string::npos) << r16.err;
  EXPECT_EQ(r16.out, "");
}

TEST(HostileInputTest, Utf16WithoutBomIsRefusedWithAHintAndReadWhenNamed) {
  ScratchDir dir;
  const std::string text = "Bonjour. Il fait beau.\n";
  std::string le;
  for (char c : text) le += std::string{c, '\0'};
  WriteFile(dir / "in.txt", le);
  auto guessed = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr");
  EXPECT_EQ(guessed.exit_code, 1);
  EXPECT_NE(guessed.err.find("binary data (NUL byte)"), std::string::npos) << guessed.err;
  EXPECT_NE(guessed.err.find("--encoding"), std::string::npos) << guessed.err;
  auto named =
      RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr --encoding utf-16le -f jsonl");
  EXPECT_EQ(named.exit_code, 0) << named.err;
  // Offsets are bytes of the UTF-16 file as given: "Il" starts at character 9.
  const auto spans = Spans(named.out);
  ASSERT_EQ(spans.size(), 2u) << named.out;
  EXPECT_EQ(spans[0], std::make_pair(size_t{0}, size_t{16}));
  EXPECT_EQ(spans[1], std::make_pair(size_t{18}, size_t{44}));
}

TEST(HostileInputTest, NulBytesAreRefusedAsBinary) {
  ScratchDir dir;
  WriteFile(dir / "in.txt", std::string("Une phrase. Un \0 octet nul.\n", 28));
  auto r = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("binary data (NUL byte) at line 1, column 16 (byte 15)"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

// --- Size -------------------------------------------------------------------

TEST(HostileInputTest, A64MegabyteFileIsSegmentedWhole) {
  ScratchDir dir;
  const std::string article = ReadAll(std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.fr.txt");
  WriteFile(dir / "one.txt", article);
  auto one = RunAncre("segment " + Sh(dir / "one.txt") + " --lang fr -o " + Sh(dir / "one.out"));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const size_t per_copy = CountLines(dir / "one.out");
  ASSERT_GT(per_copy, 10u);
  size_t copies = 0;
  {
    std::ofstream big(dir / "big.txt", std::ios::binary);
    for (size_t bytes = 0; bytes < (64u << 20); bytes += article.size() + 1, ++copies) {
      big << article << "\n";  // a blank line between copies: paragraphs stay apart
    }
  }
  auto r = RunAncre("segment " + Sh(dir / "big.txt") + " --lang fr -o " + Sh(dir / "big.out"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(dir / "big.out"), per_copy * copies);
}

TEST(HostileInputTest, ASingleLongLineIsOneSegmentWithExactOffsets) {
  ScratchDir dir;
  std::string line;
  line.reserve(24u << 20);
  while (line.size() < (24u << 20)) line += "mot ";
  line += "fin";
  WriteFile(dir / "in.txt", line + "\n");
  auto r =
      RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr -f jsonl -o " + Sh(dir / "out.jsonl"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::ifstream out(dir / "out.jsonl");
  std::string first;
  std::getline(out, first);
  const auto spans = Spans(first.substr(0, 200));
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0], std::make_pair(size_t{0}, line.size()));
  std::string more;
  EXPECT_FALSE(std::getline(out, more)) << "a second segment";
}

TEST(HostileInputTest, AMillionTinyLinesAreAMillionSegments) {
  ScratchDir dir;
  {
    std::ofstream in(dir / "in.txt", std::ios::binary);
    for (int i = 0; i < 1000000; ++i) in << "a.\n";
  }
  auto r = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr -o " + Sh(dir / "out.txt"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(CountLines(dir / "out.txt"), 1000000u);
}

// --- Scripts ----------------------------------------------------------------

TEST(HostileInputTest, RightToLeftTextIsSegmentedAtItsOwnPunctuation) {
  ScratchDir dir;
  const std::string arabic = "مرحبا بكم في سيول. كيف حالك؟ هذا نص عربي.\n";
  WriteFile(dir / "ar.txt", arabic);
  auto ar = RunAncre("segment " + Sh(dir / "ar.txt") + " --lang ar -f jsonl");
  EXPECT_EQ(ar.exit_code, 0) << ar.err;
  const auto spans = Spans(ar.out);
  ASSERT_EQ(spans.size(), 3u) << ar.out;
  EXPECT_EQ(arabic.substr(spans[1].first, spans[1].second - spans[1].first), "كيف حالك؟");
  // Bidirectional controls (RLO, LRM) stay in the text; they do not move offsets.
  auto he = RunAncre("segment - --lang he", "\u202Eשלום עולם.\u200E מה שלומך?\n");
  EXPECT_EQ(he.exit_code, 0) << he.err;
  EXPECT_EQ(he.out, "\u202Eשלום עולם.\u200E\nמה שלומך?\n");
}

TEST(HostileInputTest, CombiningMarksStayWithTheirLetter) {
  ScratchDir dir;
  std::string heavy = "e";
  for (int i = 0; i < 200; ++i) heavy += "\u0301";  // 200 acute accents on one letter
  const std::string text = "Le caf" + heavy + ". Un th" + heavy + " aussi.\n";
  WriteFile(dir / "in.txt", text);
  auto r = RunAncre("segment " + Sh(dir / "in.txt") + " --lang fr -f jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto spans = Spans(r.out);
  ASSERT_EQ(spans.size(), 2u) << r.out;
  EXPECT_EQ(text.substr(spans[0].first, spans[0].second - spans[0].first), "Le caf" + heavy + ".");
  EXPECT_EQ(spans[1].second, text.size() - 1);
}

TEST(HostileInputTest, ZwjSequencesAreKeptWhole) {
  const std::string family = "👨‍👩‍👧‍👦";  // four emoji joined by U+200D
  const std::string flag = "🏳️‍🌈";
  auto r = RunAncre("segment - --lang fr",
                    "La famille " + family + " est arrivée. Le drapeau " + flag + " flotte.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "La famille " + family + " est arrivée.\nLe drapeau " + flag + " flotte.\n");
}

// --- TMX --------------------------------------------------------------------

const char kTmxHead[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
const char kTmxOpen[] =
    "<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" "
    "segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/>"
    "<body>";

// A TM holding one unit, and what `ancre stats` says of it.
class HostileTmxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "one.tmx", std::string(kTmxHead) + kTmxOpen +
                                    "<tu><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv>"
                                    "<tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu>"
                                    "</body></tmx>\n");
    auto r = RunAncre("import " + Sh(dir_ / "one.tmx") + " -q --db " + Sh(db()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    before_ = Stats();
    ASSERT_NE(before_.find("1"), std::string::npos);
  }
  std::string db() const { return dir_ / "tm.sqlite"; }
  std::string Stats() const { return RunAncre("stats --format json --db " + Sh(db())).out; }
  // Imports `xml`; expects it refused with `message` and the TM unchanged.
  void ExpectRefused(const std::string& xml, const std::string& message) {
    WriteFile(dir_ / "in.tmx", xml);
    auto r = RunAncre("import " + Sh(dir_ / "in.tmx") + " --db " + Sh(db()));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("root:"), std::string::npos);
    EXPECT_EQ(r.err.find("root:"), std::string::npos);
    EXPECT_EQ(Stats(), before_);
  }

  ScratchDir dir_;
  std::string before_;
};

TEST_F(HostileTmxTest, ExternalEntitiesAreRefusedBeforeAnythingIsRead) {
  ExpectRefused(std::string(kTmxHead) +
                    "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + kTmxOpen +
                    "<tu><tuv xml:lang=\"fr\"><seg>&xxe;</seg></tuv><tuv xml:lang=\"en\">"
                    "<seg>x</seg></tuv></tu></body></tmx>\n",
                "the DOCTYPE declares entities");
  // A DTD on the network is never fetched; its entity is unknown to TMX.
  ExpectRefused(std::string(kTmxHead) +
                    "<!DOCTYPE tmx SYSTEM \"http://ancre.invalid/tmx14.dtd\">\n" + kTmxOpen +
                    "<tu><tuv xml:lang=\"fr\"><seg>&ext;</seg></tuv><tuv xml:lang=\"en\">"
                    "<seg>x</seg></tuv></tu></body></tmx>\n",
                "entity reference &ext; (line 3) is not defined by TMX");
}

TEST_F(HostileTmxTest, EntityBombsAreRefusedUnexpanded) {
  // "Billion laughs": 10^9 characters if expanded.
  std::string dtd = "<!DOCTYPE tmx [<!ENTITY a0 \"ha\">";
  for (int i = 1; i <= 9; ++i) {
    dtd += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&a" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>\n";
  ExpectRefused(std::string(kTmxHead) + dtd + kTmxOpen +
                    "<tu><tuv xml:lang=\"fr\"><seg>&a9;</seg></tuv><tuv xml:lang=\"en\">"
                    "<seg>x</seg></tuv></tu></body></tmx>\n",
                "the DOCTYPE declares entities");
}

TEST_F(HostileTmxTest, DeeplyNestedXmlIsRefusedAtDepth256) {
  std::string open, close;
  for (int i = 0; i < 100000; ++i) {
    open += "<hi>";
    close += "</hi>";
  }
  ExpectRefused(std::string(kTmxHead) + kTmxOpen + "<tu><tuv xml:lang=\"fr\"><seg>" + open + "x" +
                    close + "</seg></tuv><tuv xml:lang=\"en\"><seg>y</seg></tuv></tu></body></tmx>",
                "Excessive depth in document: 256");
}

// The import reads the file while it writes the TM: a file refused after
// its header leaves no new TM behind, whatever refused it.
TEST(HostileInputTest, RefusedImportCreatesNoTm) {
  ScratchDir dir;
  std::string open, close;
  for (int i = 0; i < 300; ++i) {
    open += "<hi>";
    close += "</hi>";
  }
  WriteFile(dir / "deep.tmx",
            std::string(kTmxHead) + kTmxOpen + "<tu><tuv xml:lang=\"fr\"><seg>" + open + "x" +
                close + "</seg></tuv><tuv xml:lang=\"en\"><seg>y</seg></tuv></tu></body></tmx>");
  auto r = RunAncre("import " + Sh(dir / "deep.tmx") + " --db " + Sh(dir / "new.sqlite"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("Excessive depth in document"), std::string::npos) << r.err;
  // A unit with one language, after a good one, under --on-bad-unit fail.
  WriteFile(dir / "bad.tmx", std::string(kTmxHead) + kTmxOpen +
                                 "<tu><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv>"
                                 "<tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu>"
                                 "<tu><tuv xml:lang=\"fr\"><seg>Seul.</seg></tuv></tu>"
                                 "</body></tmx>\n");
  r = RunAncre("import " + Sh(dir / "bad.tmx") + " --on-bad-unit fail --db " +
               Sh(dir / "new.sqlite"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("only one language"), std::string::npos) << r.err;
  std::vector<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    left.push_back(entry.path().filename().string());
  }
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"bad.tmx", "deep.tmx"}));
  // The same file with the bad unit skipped is a partial success: the TM stays.
  r = RunAncre("import " + Sh(dir / "bad.tmx") + " --on-bad-unit skip --db " +
               Sh(dir / "new.sqlite"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "new.sqlite"));
  EXPECT_NE(RunAncre("stats --format json --db " + Sh(dir / "new.sqlite")).out.find("\"units\":1"),
            std::string::npos);
}

// A merge whose other TM is missing or not a TM creates no TM either.
TEST(HostileInputTest, RefusedMergeCreatesNoTm) {
  ScratchDir dir;
  auto r = RunAncre("tm merge " + Sh(dir / "missing.sqlite") + " --db " + Sh(dir / "new.sqlite"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.sqlite: no such translation memory"), std::string::npos) << r.err;
  WriteFile(dir / "text.sqlite", "not a database, just text\n");
  r = RunAncre("tm merge " + Sh(dir / "text.sqlite") + " --db " + Sh(dir / "new.sqlite"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("text.sqlite"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "new.sqlite"));
}

// A TM that existed before a refused import is kept byte for byte, even an
// empty file (which ancre would have made a TM).
TEST_F(HostileTmxTest, RefusedImportNeverRemovesAnExistingTm) {
  const std::string bytes = ReadAll(db());
  ASSERT_FALSE(bytes.empty());
  WriteFile(dir_ / "bad.tmx", std::string(kTmxHead) + kTmxOpen +
                                  "<tu><tuv xml:lang=\"fr\"><seg>Au revoir.</seg></tuv>"
                                  "<tuv xml:lang=\"en\"><seg>Goodbye.</seg></tuv></tu>"
                                  "<tu><tuv xml:lang=\"fr\"><seg>Seul.</seg></tuv></tu>"
                                  "</body></tmx>\n");
  auto r = RunAncre("import " + Sh(dir_ / "bad.tmx") + " --db " + Sh(db()));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  ASSERT_TRUE(std::filesystem::exists(db()));
  EXPECT_EQ(ReadAll(db()), bytes);
  EXPECT_EQ(Stats(), before_);

  WriteFile(dir_ / "empty.sqlite", "");
  r = RunAncre("import " + Sh(dir_ / "bad.tmx") + " --db " + Sh(dir_ / "empty.sqlite"));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir_ / "empty.sqlite"));
}

// A unit with more <tuv> than the reader's limit (100) is a bad unit: refused
// under --on-bad-unit fail, skipped under warn, and the next unit is read.
TEST_F(HostileTmxTest, TenThousandVariantsInOneUnitAreABadUnit) {
  std::string xml =
      std::string(kTmxHead) + kTmxOpen + "<tu><tuv xml:lang=\"fr\"><seg>Au revoir.</seg></tuv>";
  for (int i = 0; i < 10000; ++i) {
    xml += "<tuv xml:lang=\"" + std::string(i % 2 ? "en" : "de") + "\"><seg>Variant " +
           std::to_string(i) + "</seg></tuv>";
  }
  xml +=
      "</tu><tu><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv>"
      "<tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu>";
  WriteFile(dir_ / "in.tmx", xml + "</body></tmx>\n");
  auto refused = RunAncre("import " + Sh(dir_ / "in.tmx") + " --db " + Sh(db()));
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("100"), std::string::npos) << refused.err;
  auto skipped = RunAncre("import " + Sh(dir_ / "in.tmx") + " --on-bad-unit warn --db " + Sh(db()));
  EXPECT_EQ(skipped.exit_code, 3) << skipped.err;
  auto search = RunAncre("search 'Bonjour' --db " + Sh(db()));
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("Hello"), std::string::npos) << search.out;
  EXPECT_EQ(RunAncre("search 'revoir' --db " + Sh(db())).out.find("Variant"), std::string::npos);
}

// --- SRX --------------------------------------------------------------------

std::string SrxWithBreakRule(const std::string& before) {
  std::string srx = ReadAll(std::string(ANCRE_TEST_DATA) + "/srx/simple.srx");
  const std::string rule = "<rule break=\"yes\"><beforebreak>[\\.\\?!]+</beforebreak>";
  const size_t at = srx.find(rule);
  if (at == std::string::npos) return "";
  return srx.replace(at, rule.size(),
                     "<rule break=\"yes\"><beforebreak>" + before + "</beforebreak>");
}

TEST(HostileInputTest, MalformedSrxRegexIsAnErrorNamingTheRule) {
  ScratchDir dir;
  const std::string srx = SrxWithBreakRule("([a-z");
  ASSERT_FALSE(srx.empty());
  WriteFile(dir / "bad.srx", srx);
  auto r = RunAncre("segment - --lang en --srx " + Sh(dir / "bad.srx"), "One. Two.\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("bad.srx:11: bad regular expression '([a-z'"), std::string::npos) << r.err;
}

TEST(HostileInputTest, CatastrophicBacktrackingInSrxStopsAtTheRegexTimeLimit) {
  ScratchDir dir;
  const std::string srx = SrxWithBreakRule("(a+)+(b+)+$");
  ASSERT_FALSE(srx.empty());
  WriteFile(dir / "slow.srx", srx);
  std::string text;
  for (int i = 0; i < 3; ++i) text += std::string(5000, 'a') + ". ";
  auto r = RunAncre("segment - --lang en --srx " + Sh(dir / "slow.srx"), text + "\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("slow.srx:11: the beforebreak pattern took too long on this text "
                       "(catastrophic backtracking)"),
            std::string::npos)
      << r.err;
}

// --- SQL --------------------------------------------------------------------

TEST(HostileInputTest, SqlMetacharactersAreJustText) {
  ScratchDir dir;
  const std::string evil = "x'; DROP TABLE units; -- \"%_\\";
  const std::string fr = dir / ("l'été " + evil + ".fr.txt");
  const std::string en = dir / ("summer " + evil + ".en.txt");
  const std::string db = dir / ("tm " + evil + ".sqlite");
  WriteFile(fr,
            "Il a tapé '; DROP TABLE units; -- dans le champ.\n"
            "Le taux est de 50 % (voir a_b).\n");
  WriteFile(en,
            "He typed '; DROP TABLE units; -- into the field.\n"
            "The rate is 50 % (see a_b).\n");
  auto align =
      RunAncre("align " + Sh(fr) + " " + Sh(en) +
               " --src-lang fr --tgt-lang en --presegmented --mode parallel -q --db " + Sh(db));
  ASSERT_EQ(align.exit_code, 0) << align.err;
  EXPECT_TRUE(std::filesystem::exists(db));
  for (const std::string& query :
       {std::string("DROP TABLE units"), std::string("'; DROP TABLE units; --"),
        std::string("\" OR 1=1 --"), std::string("50 %"), std::string("a_b")}) {
    SCOPED_TRACE(query);
    auto search = RunAncre("search " + Sh(query) + " --db " + Sh(db));
    EXPECT_EQ(search.exit_code, 0) << search.err;
  }
  auto hit = RunAncre("search " + Sh("'; DROP TABLE units; --") + " --db " + Sh(db));
  EXPECT_NE(hit.out.find("He typed"), std::string::npos) << hit.out;
  auto lookup = RunAncre("lookup " + Sh("Il a tapé '; DROP TABLE units; -- dans le champ.") +
                         " --db " + Sh(db));
  EXPECT_EQ(lookup.exit_code, 0) << lookup.err;
  EXPECT_NE(lookup.out.find("He typed '; DROP TABLE units; -- into the field."), std::string::npos)
      << lookup.out;
  // Both units are there, their texts as written, and the documents' names too.
  auto tsv = RunAncre("export -f tsv --db " + Sh(db));
  EXPECT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_NE(tsv.out.find("Le taux est de 50 % (voir a_b).\tThe rate is 50 % (see a_b)."),
            std::string::npos)
      << tsv.out;
  auto docs = RunAncre("stats --documents --db " + Sh(db));
  EXPECT_NE(docs.out.find("l'été " + evil + ".fr.txt"), std::string::npos) << docs.out;
}

// --- Paths: output files, new TMs, inputs ----------------------------------

// A running `ancre <args>` whose standard input is a pipe the test writes,
// stdout to /dev/null and stderr to a file.
class PipedAncre {
 public:
  PipedAncre(const std::vector<std::string>& args, const std::string& stderr_path) {
    // Close-on-exec: another child must not hold this one's stdin open.
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> argv = {const_cast<char*>(ANCRE_BINARY)};
      for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      const int null_fd = open("/dev/null", O_WRONLY);
      const int err = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fds[0], 0);
      dup2(null_fd, 1);
      dup2(err, 2);
      close(fds[1]);
      execv(ANCRE_BINARY, argv.data());
      _exit(127);
    }
    close(fds[0]);
    input_ = fds[1];
  }
  ~PipedAncre() { Finish(); }
  PipedAncre(const PipedAncre&) = delete;
  PipedAncre& operator=(const PipedAncre&) = delete;

  bool started() const { return pid_ > 0; }
  void Write(const std::string& bytes) const {
    ASSERT_EQ(write(input_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  // Whether the process has open a file of `folder` whose name starts with one of `prefixes`.
  bool HasOpen(const std::filesystem::path& folder,
               const std::vector<std::string>& prefixes) const {
    std::error_code ec;
    const std::filesystem::path dir = std::filesystem::canonical(folder, ec);
    for (const auto& fd :
         std::filesystem::directory_iterator("/proc/" + std::to_string(pid_) + "/fd", ec)) {
      std::error_code link_ec;
      const std::filesystem::path target = std::filesystem::read_symlink(fd.path(), link_ec);
      if (link_ec || target.parent_path() != dir) continue;
      for (const std::string& prefix : prefixes) {
        if (target.filename().string().rfind(prefix, 0) == 0) return true;
      }
    }
    return false;
  }
  // Waits until HasOpen(folder, prefixes); false if the process exits first
  // or after a minute.
  bool WaitForOpen(const std::filesystem::path& folder,
                   const std::vector<std::string>& prefixes) const {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!HasOpen(folder, prefixes)) {
      siginfo_t info{};
      if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0 ||
          info.si_pid == pid_ || std::chrono::steady_clock::now() > give_up) {
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
  }
  // Closes its standard input and waits; returns the exit code (128 + signal).
  int Finish() {
    if (input_ >= 0) close(input_);
    input_ = -1;
    if (pid_ <= 0) return -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  int input_ = -1;
};

// The names in a folder, sorted.
std::vector<std::string> Names(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

mode_t Mode(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

TEST(HostileInputTest, OutputNeverFollowsASymlinkPlantedAtATemporaryName) {
  ScratchDir dir;
  WriteFile(dir / "victim.txt", "precious\n");
  // The name older versions used, and names of the pattern used now.
  std::vector<std::string> planted = {".out.txt.ancre-tmp", ".out.txt.ancre-XXXXXX"};
  for (const char* suffix : {"000000", "aaaaaa", "AAAAAA", "a1B2c3", "zzzzzz"}) {
    planted.push_back(".out.txt.ancre-" + std::string(suffix));
  }
  for (const std::string& name : planted) {
    ASSERT_EQ(symlink((dir / "victim.txt").c_str(), (dir / name).c_str()), 0) << name;
  }
  auto r = RunAncre("segment - --lang fr -o " + Sh(dir / "out.txt"), "Une phrase. Une autre.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadAll(dir / "out.txt"), "Une phrase.\nUne autre.\n");
  EXPECT_EQ(ReadAll(dir / "victim.txt"), "precious\n");
  for (const std::string& name : planted) {
    EXPECT_TRUE(std::filesystem::is_symlink(dir / name)) << name;
  }
  // Nothing else is left: the temporary was renamed.
  std::vector<std::string> expected = planted;
  expected.push_back("out.txt");
  expected.push_back("victim.txt");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Names(dir.path()), expected);
}

TEST(HostileInputTest, OutputKeepsThePermissionsOfTheFileItReplaces) {
  ScratchDir dir;
  WriteFile(dir / "private.txt", "earlier\n");
  ASSERT_EQ(chmod((dir / "private.txt").c_str(), 0600), 0);
  auto r = RunAncre("segment - --lang fr -o " + Sh(dir / "private.txt"), "Une phrase.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadAll(dir / "private.txt"), "Une phrase.\n");
  EXPECT_EQ(Mode(dir / "private.txt"), 0600u);
  // A new file gets the usual 0666 less the umask.
  const mode_t mask = umask(0);
  umask(mask);
  r = RunAncre("segment - --lang fr -o " + Sh(dir / "new.txt"), "Une phrase.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Mode(dir / "new.txt"), 0666u & ~mask);
}

TEST(HostileInputTest, TwoRunsWritingTheSameOutputEachPublishAWholeFile) {
  ScratchDir dir;
  std::string a, b;
  for (int i = 0; i < 4000; ++i) a += "Phrase numéro " + std::to_string(i) + " du premier.\n";
  for (int i = 0; i < 2500; ++i) b += "Sentence " + std::to_string(i) + " of the second.\n";
  const std::string out = dir / "out.txt";
  for (int run = 0; run < 3; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    std::filesystem::remove(out);
    // Both write their first half while the other is writing too.
    PipedAncre first({"segment", "-", "--lang", "fr", "--presegmented", "-o", out},
                     dir / "first.err");
    PipedAncre second({"segment", "-", "--lang", "en", "--presegmented", "-o", out},
                      dir / "second.err");
    ASSERT_TRUE(first.started() && second.started());
    ASSERT_TRUE(first.WaitForOpen(dir.path(), {".out.txt.ancre-"})) << ReadAll(dir / "first.err");
    ASSERT_TRUE(second.WaitForOpen(dir.path(), {".out.txt.ancre-"})) << ReadAll(dir / "second.err");
    first.Write(a.substr(0, a.size() / 2));
    second.Write(b.substr(0, b.size() / 2));
    first.Write(a.substr(a.size() / 2));
    second.Write(b.substr(b.size() / 2));
    const int first_exit = run % 2 ? second.Finish() : first.Finish();
    const int second_exit = run % 2 ? first.Finish() : second.Finish();
    EXPECT_EQ(first_exit, 0) << ReadAll(dir / "first.err");
    EXPECT_EQ(second_exit, 0) << ReadAll(dir / "second.err");
    const std::string published = ReadAll(out);
    EXPECT_TRUE(published == a || published == b)
        << published.size() << " bytes; expected " << a.size() << " or " << b.size();
    EXPECT_EQ(Names(dir.path()), (std::vector<std::string>{"first.err", "out.txt", "second.err"}));
  }
}

// The TMX of `units` good units "Unité N." / "Unit N.", without its end.
std::string TmxUnits(int units) {
  std::string xml = std::string(kTmxHead) + kTmxOpen + "\n";
  for (int i = 0; i < units; ++i) {
    const std::string n = std::to_string(i);
    xml += "<tu><tuv xml:lang=\"fr\"><seg>Unité " + n +
           ".</seg></tuv><tuv xml:lang=\"en\"><seg>Unit " + n + ".</seg></tuv></tu>\n";
  }
  return xml;
}

// `ancre align` of the sample pair into db (20 pairs).
std::string AlignSamplesInto(const std::string& db) {
  const std::string samples = ANCRE_SAMPLES;
  return "align " + Sh(samples + "/cambodia-korea-scams.fr.txt") + " " +
         Sh(samples + "/cambodia-korea-scams.en.txt") +
         " --src-lang fr --tgt-lang en --mode parallel -q --db " + Sh(db);
}

std::string UnitsTsv(const std::string& db) {
  auto r = RunAncre("export -f tsv -q --db " + Sh(db));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.out;
}

// Feeds 2,000 units to a running import into the new TM `db` (read and
// stored while the rest has not come), waits until the import has its TM
// open (the new file, or since it is built under a temporary name, that
// temporary), then aligns the samples into `db` from another process.
void AlignWhileTheImportRuns(const ScratchDir& dir, PipedAncre* import, const std::string& db) {
  import->Write(TmxUnits(2000));
  ASSERT_TRUE(import->WaitForOpen(dir.path(), {"new.sqlite", ".new.sqlite.ancre-"}))
      << ReadAll(dir / "import.err");
  auto align = RunAncre(AlignSamplesInto(db));
  EXPECT_EQ(align.exit_code, 0) << align.err;
}

// An import into a TM that does not exist yet builds it under a temporary
// name: another program that creates and writes the TM meanwhile keeps what
// it wrote when the import then fails.
TEST(HostileInputTest, FailedImportIntoANewTmKeepsWhatAnotherWriterStoredThere) {
  ScratchDir dir;
  ASSERT_EQ(RunAncre(AlignSamplesInto(dir / "reference.sqlite")).exit_code, 0);
  const std::string expected = UnitsTsv(dir / "reference.sqlite");
  ASSERT_NE(expected.find("\nfr\ten\t"), std::string::npos) << expected;
  const std::string db = dir / "new.sqlite";
  PipedAncre import({"import", "-", "--db", db}, dir / "import.err");
  ASSERT_TRUE(import.started());
  ASSERT_NO_FATAL_FAILURE(AlignWhileTheImportRuns(dir, &import, db));
  // The last unit is bad: the import fails and stores nothing.
  import.Write("<tu><tuv xml:lang=\"fr\"><seg>Seul.</seg></tuv></tu></body></tmx>\n");
  EXPECT_EQ(import.Finish(), 1) << ReadAll(dir / "import.err");
  EXPECT_NE(ReadAll(dir / "import.err").find("only one language"), std::string::npos)
      << ReadAll(dir / "import.err");
  ASSERT_TRUE(std::filesystem::exists(db));
  EXPECT_EQ(UnitsTsv(db), expected);
  for (const std::string& name : Names(dir.path())) {
    EXPECT_EQ(name.find(".ancre-"), std::string::npos) << name << " left behind";
  }
}

// The same race when the import succeeds: the TM the other program created
// is not replaced; the imported units are merged into it.
TEST(HostileInputTest, ImportIntoANewTmMergesIntoTheTmAnotherWriterCreatedMeanwhile) {
  ScratchDir dir;
  ASSERT_EQ(RunAncre(AlignSamplesInto(dir / "reference.sqlite")).exit_code, 0);
  const std::string aligned = UnitsTsv(dir / "reference.sqlite");
  const std::string db = dir / "new.sqlite";
  PipedAncre import({"import", "-", "--db", db}, dir / "import.err");
  ASSERT_TRUE(import.started());
  ASSERT_NO_FATAL_FAILURE(AlignWhileTheImportRuns(dir, &import, db));
  import.Write("</body></tmx>\n");
  EXPECT_EQ(import.Finish(), 0) << ReadAll(dir / "import.err");
  const std::string err = ReadAll(dir / "import.err");
  EXPECT_NE(err.find("ancre: " + db +
                     " was created by another program during the import; the imported units "
                     "were merged into it\n"),
            std::string::npos)
      << err;
  EXPECT_NE(err.find("imported 2000 pair(s) from 2000 unit(s) of - into " + db + " (2000 new, "),
            std::string::npos)
      << err;
  const std::string units = UnitsTsv(db);
  EXPECT_NE(units.find("\tUnité 1999.\tUnit 1999.\t"), std::string::npos);
  // Every aligned unit is still there.
  std::istringstream lines(aligned);
  std::string line;
  size_t checked = 0;
  while (std::getline(lines, line)) {
    EXPECT_NE(units.find(line + "\n"), std::string::npos) << line;
    ++checked;
  }
  EXPECT_GT(checked, 10u);
  for (const std::string& name : Names(dir.path())) {
    EXPECT_EQ(name.find(".ancre-"), std::string::npos) << name << " left behind";
  }
}

TEST(HostileInputTest, OutputOverTheTmIsRefused) {
  ScratchDir dir;
  const std::string db = dir / "tm.sqlite";
  ASSERT_EQ(RunAncre(AlignSamplesInto(db)).exit_code, 0);
  const std::string bytes = ReadAll(db);
  const std::string units = UnitsTsv(db);
  ASSERT_FALSE(bytes.empty());
  ASSERT_EQ(symlink(db.c_str(), (dir / "link.sqlite").c_str()), 0);
  for (const std::string& output :
       {db, dir / "link.sqlite", (dir.path() / "." / "tm.sqlite").string(), db + "-wal",
        db + "-shm", db + "-journal"}) {
    SCOPED_TRACE(output);
    auto r = RunAncre("export --db " + Sh(db) + " -o " + Sh(output));
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("export: the output file " + output), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("the translation memory " + db), std::string::npos) << r.err;
    r = RunAncre(AlignSamplesInto(db) + " -f tsv -o " + Sh(output));
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("align: the output file " + output), std::string::npos) << r.err;
    r = RunAncre("report --db " + Sh(db) + " -o " + Sh(output));
    EXPECT_EQ(r.exit_code, 2) << r.err;
  }
  EXPECT_EQ(ReadAll(db), bytes);
  EXPECT_EQ(UnitsTsv(db), units);
  // A TM align is to create, named as the output too.
  auto r = RunAncre(AlignSamplesInto(dir / "new.sqlite") + " -o " + Sh(dir / "new.sqlite"));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "new.sqlite"));
  // Another output is fine.
  r = RunAncre("export --db " + Sh(db) + " -q -o " + Sh(dir / "tm.tmx"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(ReadAll(dir / "tm.tmx").find("<tmx"), std::string::npos);
}

TEST(HostileInputTest, AFolderAsADocumentIsRefused) {
  ScratchDir dir;
  std::filesystem::create_directory(dir / "folder.txt");
  const std::string folder = Sh(dir / "folder.txt");
  const std::string en = Sh(std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams.en.txt");
  ASSERT_EQ(RunAncre(AlignSamplesInto(dir / "tm.sqlite")).exit_code, 0);
  for (const std::string& command :
       {"segment " + folder + " --lang fr", "anchors " + folder + " --lang fr",
        "align " + folder + " " + en + " --src-lang fr --tgt-lang en",
        "align " + en + " " + folder + " --src-lang en --tgt-lang fr --db " +
            Sh(dir / "new.sqlite"),
        "report " + folder + " " + en + " --src-lang fr --tgt-lang en -o " + Sh(dir / "r.html"),
        "analyze " + folder + " --lang fr --to en --db " + Sh(dir / "tm.sqlite")}) {
    SCOPED_TRACE(command);
    auto r = RunAncre(command);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(dir / "folder.txt" + ": is a folder, not a text document"),
              std::string::npos)
        << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "new.sqlite"));
  EXPECT_FALSE(std::filesystem::exists(dir / "r.html"));
  // Standard input, a character device and a FIFO are read.
  auto r = RunAncre("segment - --lang fr", "Une phrase. Une autre.\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Une phrase.\nUne autre.\n");
  r = RunAncre("segment /dev/null --lang fr");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const std::string fifo = dir / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&fifo] {
    // Non-blocking: the open fails (ENXIO) until ancre opens the FIFO to read.
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int fd = -1;
    while ((fd = open(fifo.c_str(), O_WRONLY | O_NONBLOCK)) < 0 &&
           std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (fd < 0) return;
    const std::string text = "Une phrase. Une autre.\n";
    EXPECT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
    close(fd);
  });
  r = RunAncre("segment " + Sh(fifo) + " --lang fr");
  writer.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Une phrase.\nUne autre.\n");
}

}  // namespace
}  // namespace ancre
