#include "src/text/segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "src/core/error.h"
#include "src/text/normalize.h"

namespace ancre::text {
namespace {

std::vector<std::string> Split(const std::string& text, const std::string& lang,
                               ParagraphMode mode = ParagraphMode::kAuto) {
  SegmenterOptions o;
  o.language = lang;
  o.paragraphs = mode;
  Segmenter seg(o);
  Document doc = seg.Segment(InputText(text, "test", {}));
  std::vector<std::string> out;
  for (const auto& s : doc.segments) {
    // The span is the original text, the text its normalization.
    EXPECT_EQ(s.text, NormalizeSegmentText(text.substr(s.span.begin, s.span.size())));
    out.push_back(s.text);
  }
  return out;
}

struct Case {
  const char* lang;
  const char* text;
  std::vector<std::string> expected;
};

class SegmenterCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(SegmenterCaseTest, SplitsAsExpected) {
  const Case& c = GetParam();
  EXPECT_EQ(Split(c.text, c.lang), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Quotes, SegmenterCaseTest,
    ::testing::Values(
        Case{
            "fr",
            "« Nous voulons que le public voie des résultats concrets de notre collaboration. »",
            {"« Nous voulons que le public voie des résultats concrets de notre collaboration. »"}},
        Case{"fr",
             "« En novembre, nos deux pays agiront », a déclaré Hun Manet. « Nous voulons des "
             "résultats. » Puis il est parti.",
             {"« En novembre, nos deux pays agiront », a déclaré Hun Manet.",
              "« Nous voulons des résultats. »", "Puis il est parti."}},
        Case{"fr",
             "Il a dit\u00a0: « C'est fini\u202f! » Et il est parti.",
             {"Il a dit\u00a0: « C'est fini\u202f! »", "Et il est parti."}},
        Case{"fr",
             "« Quelle horreur ! » s'exclama-t-il. Le silence suivit.",
             {"« Quelle horreur ! » s'exclama-t-il.", "Le silence suivit."}},
        Case{"en",
             "He said: “We will act.” Then he left.",
             {"He said: “We will act.”", "Then he left."}},
        Case{"en",
             "He said: \"We will act.\" Then he left.",
             {"He said: \"We will act.\"", "Then he left."}},
        Case{"en",
             "It was late. \"We will act,\" he said.",
             {"It was late.", "\"We will act,\" he said."}},
        Case{"en",
             "(This is a sentence in brackets.) This is another.",
             {"(This is a sentence in brackets.)", "This is another."}},
        Case{"en", "What? he asked.", {"What? he asked."}}));

INSTANTIATE_TEST_SUITE_P(
    Abbreviations, SegmenterCaseTest,
    ::testing::Values(
        Case{"en",
             "Dr. Seun Sam is a policy analyst at the Royal Academy of Cambodia.",
             {"Dr. Seun Sam is a policy analyst at the Royal Academy of Cambodia."}},
        Case{"en",
             "Mr. and Mrs. Smith met St. John in the U.S. last year. It was No. 5.",
             {"Mr. and Mrs. Smith met St. John in the U.S. last year.", "It was No. 5."}},
        Case{"en",
             "J. R. R. Tolkien wrote it. It costs 3.5 dollars.",
             {"J. R. R. Tolkien wrote it.", "It costs 3.5 dollars."}},
        Case{"en", "What?! He left… then came back.", {"What?!", "He left… then came back."}},
        Case{"fr",
             "M. Hun Manet et MM. Lee et Kim sont arrivés. Mme Kang aussi.",
             {"M. Hun Manet et MM. Lee et Kim sont arrivés.", "Mme Kang aussi."}},
        Case{"fr",
             "Il a payé 3,5 euros, p. ex. pour le pain, etc. et le reste.",
             {"Il a payé 3,5 euros, p. ex. pour le pain, etc. et le reste."}},
        Case{"fr",
             "La réunion du 3 janv. 2025 a eu lieu. Elle fut longue.",
             {"La réunion du 3 janv. 2025 a eu lieu.", "Elle fut longue."}},
        Case{"fr", "Le prix de l'A400M. Il a augmenté.", {"Le prix de l'A400M.", "Il a augmenté."}},
        Case{"fr",
             "Il a parlé à son avocat. La Britannique est libre.",
             {"Il a parlé à son avocat.", "La Britannique est libre."}},
        Case{"fr",
             "Huit missiles dans le royaume. 22 personnes sont détenues.",
             {"Huit missiles dans le royaume.", "22 personnes sont détenues."}},
        Case{"de",
             "Dr. Müller kam um 8 Uhr. Er blieb lange.",
             {"Dr. Müller kam um 8 Uhr.", "Er blieb lange."}},
        Case{"es",
             "El Sr. García llegó. Después se fue.",
             {"El Sr. García llegó.", "Después se fue."}}));

TEST(SegmenterTest, EveryLineWithoutFinalPunctuationIsASegment) {
  EXPECT_EQ(
      Split("Un message politique fort\nPublié le 28 octobre 2025\n-Opinion-\nTexte. Suite.\n",
            "fr"),
      (std::vector<std::string>{"Un message politique fort", "Publié le 28 octobre 2025",
                                "-Opinion-", "Texte.", "Suite."}));
}

TEST(SegmenterTest, BlankModeJoinsSoftWrappedLines) {
  std::string text =
      "It was the best of times, it was the worst\nof times, it was the age of wisdom. It was\n"
      "the age of foolishness.\n\nA new paragraph\nstarts here.\n";
  EXPECT_EQ(Split(text, "en", ParagraphMode::kBlank),
            (std::vector<std::string>{
                "It was the best of times, it was the worst of times, it was the age of wisdom.",
                "It was the age of foolishness.", "A new paragraph starts here."}));
}

TEST(SegmenterTest, AutoModeDetectsHardWrappedText) {
  std::string wrapped;
  for (int i = 0; i < 10; ++i)
    wrapped += "the quick brown fox jumps over\nthe lazy dog and runs away\n";
  EXPECT_EQ(DecideParagraphMode(wrapped), ParagraphMode::kBlank);
  EXPECT_EQ(DecideParagraphMode("A title\n\nFirst paragraph. Second.\nThird paragraph.\n"),
            ParagraphMode::kLine);
}

TEST(SegmenterTest, SpansAreByteOffsetsIntoTheInputAsGiven) {
  SegmenterOptions o;
  o.language = "fr";
  Segmenter seg(o);
  std::string text = "\xEF\xBB\xBF  Première phrase.\r\n  Deuxième   phrase !\r\n";
  Document doc = seg.Segment(InputText(text, "t", {}));
  ASSERT_EQ(doc.segments.size(), 2u);
  EXPECT_EQ(text.substr(doc.segments[0].span.begin, doc.segments[0].span.size()),
            "Première phrase.");
  EXPECT_EQ(text.substr(doc.segments[1].span.begin, doc.segments[1].span.size()),
            "Deuxième   phrase !");
  EXPECT_EQ(doc.segments[1].text, "Deuxième phrase !");
  EXPECT_EQ(doc.segments[1].paragraph, 1u);
}

TEST(SegmenterTest, Utf16InputGetsOffsetsIntoItsOwnBytes) {
  // "Oui. Non." in UTF-16LE with BOM.
  std::string text("\xFF\xFEO\0u\0i\0.\0 \0N\0o\0n\0.\0", 20);
  SegmenterOptions o;
  o.language = "fr";
  Segmenter seg(o);
  Document doc = seg.Segment(InputText(text, "t", {}));
  ASSERT_EQ(doc.segments.size(), 2u);
  EXPECT_EQ(doc.segments[0].span, (Span{2, 10}));
  EXPECT_EQ(doc.segments[1].span, (Span{12, 20}));
  EXPECT_EQ(doc.segments[1].text, "Non.");
}

TEST(SegmenterTest, StreamingGivesTheSameSegmentsAsWholeInput) {
  std::string text;
  for (int i = 0; i < 40000; ++i) text += "Phrase numéro " + std::to_string(i) + ". Encore une.\n";
  SegmenterOptions o;
  o.language = "fr";
  Segmenter seg(o);
  Document whole = seg.Segment(InputText(text, "t", {}));
  std::istringstream in(text);
  std::vector<ancre::Segment> streamed;
  seg.SegmentStream(in, "t", {}, [&](ancre::Segment&& s) { streamed.push_back(std::move(s)); });
  ASSERT_EQ(streamed.size(), whole.segments.size());
  ASSERT_EQ(streamed.size(), 80000u);
  for (size_t i = 0; i < streamed.size(); i += 997) {
    EXPECT_EQ(streamed[i].span, whole.segments[i].span);
    EXPECT_EQ(streamed[i].index, i);
  }
}

TEST(SegmenterTest, StreamingReportsInvalidUtf8WithItsPlace) {
  std::string text = std::string(3 << 20, 'a') + "\nok\nbad \xC3\x28 here\n";
  SegmenterOptions o;
  o.language = "en";
  Segmenter seg(o);
  std::istringstream in(text);
  try {
    seg.SegmentStream(in, "big.txt", {}, [](ancre::Segment&&) {});
    FAIL() << "expected EncodingError";
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.byte_offset(), (3u << 20) + 8);
    EXPECT_NE(std::string(e.what()).find("line 3, column 5"), std::string::npos) << e.what();
  }
}

TEST(SegmenterTest, PresegmentedKeepsEveryLine) {
  SegmenterOptions o;
  o.language = "en";
  o.presegmented = true;
  Segmenter seg(o);
  Document doc = seg.Segment(InputText("One. Two.\n\nThree\n", "t", {}));
  ASSERT_EQ(doc.segments.size(), 2u);
  EXPECT_EQ(doc.segments[0].text, "One. Two.");
  EXPECT_EQ(doc.segments[1].text, "Three");
  EXPECT_EQ(doc.segments[1].index, 2u);  // the line number: the empty line leaves a gap
}

TEST(SegmenterTest, UnknownLanguageIsAUsageError) {
  SegmenterOptions o;
  o.language = "xx-nonsense";
  EXPECT_THROW(Segmenter{o}, UsageError);
}

TEST(SegmenterTest, UserAbbreviationsAreHonoured) {
  SegmenterOptions o;
  o.language = "en";
  o.extra_abbreviations = {"Approx."};
  Segmenter seg(o);
  Document doc = seg.Segment(InputText("It weighs Approx. Ten tons. Yes.", "t", {}));
  ASSERT_EQ(doc.segments.size(), 2u);
}

// The expected segmentation of the two sample articles, checked by eye.
std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

TEST(SegmenterTest, SampleArticlesSegmentAsExpected) {
  for (const char* lang : {"fr", "en"}) {
    std::string name = std::string("cambodia-korea-scams.") + lang;
    SegmenterOptions o;
    o.language = lang;
    Segmenter seg(o);
    Document doc = seg.Segment(ReadInput(std::string(ANCRE_SAMPLES) + "/" + name + ".txt", {}));
    std::vector<std::string> got;
    for (const auto& s : doc.segments) got.push_back(s.text);
    EXPECT_EQ(got, ReadLines(std::string(ANCRE_TEST_DATA) + "/segment/" + name + ".expected"))
        << lang;
  }
}

}  // namespace
}  // namespace ancre::text
