#include "src/text/anchors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>

#include "tests/text/anchor_test_util.h"

namespace ancre::text {
namespace {

using testing::Keys;

bool Has(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// Two phrases, one per language, that must share an anchor key.
struct MeetCase {
  const char* fr;
  const char* en;
  const char* key;  // "kind:key"
};

class CrossLanguageTest : public ::testing::TestWithParam<MeetCase> {};

TEST_P(CrossLanguageTest, BothLanguagesGiveTheSameKey) {
  const MeetCase& c = GetParam();
  std::vector<std::string> fr = Keys("fr", c.fr);
  std::vector<std::string> en = Keys("en", c.en);
  EXPECT_TRUE(Has(fr, c.key)) << "fr \"" << c.fr << "\" gave " << ::testing::PrintToString(fr);
  EXPECT_TRUE(Has(en, c.key)) << "en \"" << c.en << "\" gave " << ::testing::PrintToString(en);
}

INSTANTIATE_TEST_SUITE_P(
    Samples, CrossLanguageTest,
    ::testing::Values(
        MeetCase{"tenu le 27 octobre en Malaisie", "a meeting on October 27 in Malaysia",
                 "date:--10-27"},
        MeetCase{"lancée en novembre", "launched in November", "date:--11"},
        MeetCase{"rétablies en 1997, les relations", "established in 1997, when", "date:1997"},
        MeetCase{"a déclaré Hun Manet.", "said Hun Manet.", "entity:hun manet"},
        MeetCase{"le président Lee Jae Myung a dit", "President Lee Jae-myung said",
                 "entity:lee jae myung"},
        MeetCase{"à Séoul comme ailleurs", "in Seoul and elsewhere", "entity:seoul"},
        MeetCase{"entre le Cambodge et la Corée du Sud", "between Cambodia and South Korea",
                 "entity:KR"},
        MeetCase{"entre le Cambodge et la Corée du Sud", "between Cambodia and South Korea",
                 "entity:KH"},
        MeetCase{"tenu en Malaisie", "held in Malaysia", "entity:MY"},
        MeetCase{"à Phnom Penh hier", "in Phnom Penh yesterday", "entity:phnom penh"},
        MeetCase{"en marge du sommet de l'ASEAN", "on the sidelines of the ASEAN Summit",
                 "acronym:asean"},
        MeetCase{"plus de 3 400 suspects", "more than 3,400 suspects", "number:3400"},
        MeetCase{"un étudiant sud-coréen", "a South Korean student", "entity:KR"},
        MeetCase{"les ressortissants coréens", "Korean nationals", "entity:KR"},
        MeetCase{"un partenaire cambodgien", "a Cambodian partner", "entity:KH"},
        MeetCase{"aux États-Unis et ailleurs", "in the United States and elsewhere", "entity:US"},
        MeetCase{"aux États-Unis et ailleurs", "in the US and elsewhere", "entity:US"},
        MeetCase{"selon l'ONU hier", "according to the UN yesterday", "entity:UN"},
        MeetCase{"à Londres hier", "in London yesterday", "entity:london"},
        MeetCase{"le 26e sommet", "the 26th summit", "number:26"},
        MeetCase{"5 millions de dollars", "$5 million", "money:5000000 USD"},
        MeetCase{"une hausse de 12 %", "a rise of 12 per cent", "percent:12%"},
        MeetCase{"des touristes américains", "American tourists", "entity:US"},
        MeetCase{"la presse britannique", "the British press", "entity:GB"},
        MeetCase{"les banques suisses", "Swiss banks", "entity:CH"},
        MeetCase{"un diplomate polonais", "a Polish diplomat", "entity:PL"},
        MeetCase{"traduit en anglais", "translated into English", "entity:lang:en"},
        MeetCase{"un accord avec la Corée", "a deal with Korea", "entity:KR"}));

TEST(EntityTest, LanguageNamesAreNotCountries) {
  std::vector<std::string> keys = Keys("en", "The report was written in English and Arabic.");
  EXPECT_TRUE(Has(keys, "entity:lang:en")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(Has(keys, "entity:lang:ar")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "entity:US")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "entity:EG")) << ::testing::PrintToString(keys);
  keys = Keys("fr", "Le rapport est écrit en anglais.");
  EXPECT_TRUE(Has(keys, "entity:lang:en")) << ::testing::PrintToString(keys);
  EXPECT_FALSE(Has(keys, "entity:US")) << ::testing::PrintToString(keys);
}

TEST(EntityTest, BareCountryNameIsAWeakerMatchThanTheFullName) {
  AnchorExtractor ex(testing::Options("en"));
  std::vector<Anchor> anchors = ex.ExtractText("Korea and South Korea, not North Korea.");
  ASSERT_EQ(anchors.size(), 3u);
  EXPECT_EQ(anchors[0].key, "KR");
  EXPECT_EQ(anchors[1].key, "KR");
  EXPECT_LT(anchors[0].weight, anchors[1].weight);
  EXPECT_EQ(anchors[2].key, "KP");
  // A continent is no country: "Africa" is not South Africa.
  std::vector<std::string> keys = Keys("en", "He travelled across Africa and South Africa.");
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "entity:ZA"), 1) << ::testing::PrintToString(keys);
}

// Sentence-initial words and headings that must not become names or acronyms.
struct TrapCase {
  const char* language;
  const char* text;
};

class TrapTest : public ::testing::TestWithParam<TrapCase> {};

TEST_P(TrapTest, FindsNoEntityOrAcronym) {
  const TrapCase& c = GetParam();
  for (const std::string& k : Keys(c.language, c.text)) {
    EXPECT_NE(k.rfind("entity:", 0), 0u) << c.language << " \"" << c.text << "\" gave " << k;
    EXPECT_NE(k.rfind("acronym:", 0), 0u) << c.language << " \"" << c.text << "\" gave " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(
    SentenceInitialWords, TrapTest,
    ::testing::Values(TrapCase{"fr", "On a vu la mer."}, TrapCase{"fr", "Son engagement compte."},
                      TrapCase{"fr", "Car il pleut."}, TrapCase{"fr", "Un message politique fort"},
                      TrapCase{"fr", "Cette annonce intervient après la mort d'un étudiant."},
                      TrapCase{"fr", "Dès novembre, les deux pays agiront."},
                      TrapCase{"en", "The recent crackdown marks a pivotal moment."},
                      TrapCase{"en", "Under the efforts of the former minister, ties grew."},
                      TrapCase{"en", "Reportedly, some scammers are leaving."},
                      TrapCase{"en", "Solidified cooperation and tangible results"},
                      TrapCase{"fr", "UN MESSAGE POLITIQUE FORT"},
                      TrapCase{"en", "May I ask a question?"}));

TEST(EntityTest, ElidedArticleIsNotPartOfTheName) {
  AnchorExtractor ex(testing::Options("fr"));
  std::vector<Anchor> anchors = ex.ExtractText("les pays de l'ASEAN et d'Obama");
  ASSERT_EQ(anchors.size(), 2u);
  EXPECT_EQ(anchors[0].text, "ASEAN");
  EXPECT_EQ(anchors[0].kind, AnchorKind::kAcronym);
  EXPECT_EQ(anchors[1].text, "Obama");
  EXPECT_EQ(anchors[1].key, "obama");
}

TEST(EntityTest, ParticlesStayInsideNames) {
  std::vector<std::string> keys =
      Keys("en", "He launched the Commission for Combating Online Scams yesterday.");
  EXPECT_TRUE(Has(keys, "entity:commission for combating online scams"))
      << ::testing::PrintToString(keys);
  keys = Keys("en", "He works at the Royal Academy of Cambodia now.");
  EXPECT_TRUE(Has(keys, "entity:royal academy of cambodia")) << ::testing::PrintToString(keys);
}

TEST(EntityTest, TitlesAreSplitOffAndMarkAPerson) {
  AnchorExtractor ex(testing::Options("en"));
  std::vector<Anchor> anchors = ex.ExtractText("Cambodian Prime Minister Hun Manet spoke.");
  ASSERT_EQ(anchors.size(), 2u);
  EXPECT_EQ(anchors[0].key, "KH");
  EXPECT_EQ(anchors[1].text, "Hun Manet");
  EXPECT_EQ(anchors[1].subtype, "person");
}

TEST(EntityTest, PartialNameTakesTheFullNameAtLowerWeight) {
  AnchorExtractor ex(testing::Options("en"));
  std::string text = "Prime Minister Hun Manet spoke.\nLater, Manet agreed.";
  DocumentAnchors anchors = ex.ExtractUtf8(text, {{0, 31}, {32, text.size()}});
  ASSERT_EQ(anchors[1].size(), 1u);
  EXPECT_EQ(anchors[1][0].text, "Manet");
  EXPECT_EQ(anchors[1][0].key, "hun manet");
  EXPECT_LT(anchors[1][0].weight, anchors[0][0].weight);
}

TEST(EntityTest, AcronymExpansionIsKeyedByTheAcronym) {
  AnchorExtractor ex(testing::Options("en"));
  std::vector<Anchor> anchors =
      ex.ExtractText("He launched the Commission for Combating Online Scams (CCOS) in May.");
  ASSERT_GE(anchors.size(), 2u);
  EXPECT_EQ(anchors[0].kind, AnchorKind::kAcronym);
  EXPECT_EQ(anchors[0].key, "ccos");
  EXPECT_EQ(anchors[1].text, "CCOS");
}

TEST(EntityTest, OtherScriptsAreTransliterated) {
  std::vector<std::string> keys = Keys("en", "He flew to Москва yesterday.");
  EXPECT_TRUE(Has(keys, "entity:moskva")) << ::testing::PrintToString(keys);
}

TEST(EntityTest, WordCapitalizedOnlyAtSentenceStartIsNotAName) {
  AnchorExtractor ex(testing::Options("en"));
  std::string text = "Strong winds hit the coast.\nThe storm was strong.";
  DocumentAnchors anchors = ex.ExtractUtf8(text, {{0, 27}, {28, text.size()}});
  EXPECT_TRUE(anchors[0].empty());
  EXPECT_TRUE(anchors[1].empty());
}

TEST(AnchorExtractorTest, SpansPointIntoTheInputAsGiven) {
  AnchorExtractor ex(testing::Options("fr"));
  std::string text = "Titre\nLe 27 octobre à Séoul, 3 400 personnes.";
  DocumentAnchors anchors = ex.ExtractUtf8(text, {{0, 5}, {6, text.size()}});
  ASSERT_EQ(anchors.size(), 2u);
  ASSERT_EQ(anchors[1].size(), 3u);
  for (const Anchor& a : anchors[1]) {
    EXPECT_EQ(text.substr(a.span.begin, a.span.size()), a.text);
    EXPECT_GE(a.span.begin, 6u);
  }
}

// The sample articles against anchors written down by hand.
struct Counts {
  int expected = 0, found = 0, correct = 0;
};

std::string KindGroup(const std::string& kind) {
  if (kind == "date") return "date";
  if (kind == "number" || kind == "percent" || kind == "money") return "number";
  return "entity";  // entity, acronym
}

void CheckSample(const std::string& language) {
  std::string base = std::string(ANCRE_SAMPLES) + "/cambodia-korea-scams." + language;
  std::ifstream in(base + ".txt", std::ios::binary);
  ASSERT_TRUE(in) << base;
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::vector<Span> spans;
  std::vector<size_t> line_numbers;
  size_t begin = 0, line = 1;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    if (end > begin) {
      spans.push_back({begin, end});
      line_numbers.push_back(line);
    }
    begin = end + 1;
    ++line;
  }
  AnchorExtractor ex(testing::Options(language));
  DocumentAnchors anchors = ex.ExtractUtf8(text, spans);
  // (line, kind, key) multisets.
  std::multiset<std::tuple<size_t, std::string, std::string>> found, expected;
  for (size_t i = 0; i < anchors.size(); ++i) {
    for (const Anchor& a : anchors[i]) {
      found.insert({line_numbers[i], std::string(AnchorKindName(a.kind)), a.key});
    }
  }
  std::ifstream tsv(std::string(ANCRE_TEST_DATA) + "/anchors/cambodia-korea-scams." + language +
                    ".tsv");
  ASSERT_TRUE(tsv);
  std::string row;
  while (std::getline(tsv, row)) {
    if (row.empty() || row[0] == '#') continue;
    std::istringstream fields(row);
    std::string line_s, kind, key;
    std::getline(fields, line_s, '\t');
    std::getline(fields, kind, '\t');
    std::getline(fields, key, '\t');
    expected.insert({std::stoul(line_s), kind, key});
  }
  std::map<std::string, Counts> counts;
  for (const auto& e : expected) ++counts[KindGroup(std::get<1>(e))].expected;
  for (const auto& f : found) ++counts[KindGroup(std::get<1>(f))].found;
  std::multiset<std::tuple<size_t, std::string, std::string>> remaining = expected;
  for (const auto& f : found) {
    auto it = remaining.find(f);
    if (it != remaining.end()) {
      ++counts[KindGroup(std::get<1>(f))].correct;
      remaining.erase(it);
    } else {
      ADD_FAILURE() << language << " line " << std::get<0>(f) << ": unexpected " << std::get<1>(f)
                    << ":" << std::get<2>(f) << " (counts against precision)";
    }
  }
  for (const auto& [group, c] : counts) {
    ASSERT_GT(c.expected, 0) << group;
    double precision = c.found == 0 ? 0 : static_cast<double>(c.correct) / c.found;
    double recall = static_cast<double>(c.correct) / c.expected;
    EXPECT_GE(precision, 0.95) << language << " " << group;
    EXPECT_GE(recall, 0.90) << language << " " << group;
  }
  EXPECT_EQ(counts.size(), 3u) << "dates, numbers and entities are all expected";
}

TEST(SampleAnchorsTest, FrenchSampleMeetsPrecisionAndRecall) { CheckSample("fr"); }
TEST(SampleAnchorsTest, EnglishSampleMeetsPrecisionAndRecall) { CheckSample("en"); }

}  // namespace
}  // namespace ancre::text
