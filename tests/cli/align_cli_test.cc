// End-to-end: `ancre align` and `ancre eval` on the sample articles.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/cli/run_ancre.h"

namespace ancre::testing {
namespace {

const std::string kSamples = ANCRE_SAMPLES;
const std::string kPairArgs = kSamples + "/cambodia-korea-scams.fr.txt " + kSamples +
                              "/cambodia-korea-scams.en.txt --src-lang fr --tgt-lang en";

// The jsonl line of the bead whose source text contains `needle`, or "".
std::string BeadWith(const std::string& jsonl, const std::string& needle) {
  std::istringstream in(jsonl);
  std::string line;
  while (std::getline(in, line)) {
    size_t src_text = line.find("\"src_text\":");
    if (src_text != std::string::npos && line.find(needle, src_text) != std::string::npos) {
      return line;
    }
  }
  return "";
}

TEST(AlignCliTest, AutoModePicksComparableForTheSampleArticles) {
  RunResult r = RunAncre("align " + kPairArgs + " --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("auto: comparable"), std::string::npos) << r.err;
}

TEST(AlignCliTest, PairsThe1997SentencesAndLeavesPageFurnitureUnaligned) {
  RunResult r = RunAncre("align " + kPairArgs + " --mode comparable --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string bead = BeadWith(r.out, "Rétablies en 1997");
  ASSERT_FALSE(bead.empty());
  EXPECT_NE(bead.find("Under the efforts of former Prime Minister Hun Sen"), std::string::npos)
      << bead;
  EXPECT_NE(bead.find("\"type\":\"1-1\""), std::string::npos);
  for (const char* furniture : {"Édition internationale", "Commentaires"}) {
    std::string b = BeadWith(r.out, furniture);
    ASSERT_FALSE(b.empty()) << furniture;
    EXPECT_NE(b.find("\"tgt\":[]"), std::string::npos) << b;
  }
  // The photo credit stays unaligned: its bead, if any, has no source side.
  size_t supplied = r.out.find("\"tgt_text\":\"Supplied\"");
  if (supplied != std::string::npos) {
    size_t line_start = r.out.rfind('\n', supplied);
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    EXPECT_EQ(r.out.compare(line_start, 9, "{\"src\":[]"), 0);
  }
}

TEST(AlignCliTest, ComparableModeSetsPageFurnitureAsideAndSaysWhy) {
  RunResult r = RunAncre("align " + kPairArgs + " --mode comparable --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("set aside as page furniture: 3 source and 3 target"), std::string::npos)
      << r.err;
  for (const auto& [text, why] : std::vector<std::pair<std::string, std::string>>{
           {"Écrit par Lepetitjournal Cambodge", "byline"},
           {"Publié le 28 octobre 2025", "dateline"},
           {"Commentaires", "label"}}) {
    const std::string b = BeadWith(r.out, text);
    ASSERT_FALSE(b.empty()) << text;
    EXPECT_NE(b.find("\"tgt\":[]"), std::string::npos) << b;
    EXPECT_NE(b.find("\"furniture\":\"" + why + "\""), std::string::npos) << b;
  }
  EXPECT_NE(r.out.find("\"tgt_text\":\"Supplied\",\"furniture\":\"credit\""), std::string::npos);

  // --keep-furniture aligns it as any other segment; parallel mode never sets it aside.
  for (const std::string& args :
       {std::string(" --mode comparable --keep-furniture"), std::string(" --mode parallel")}) {
    RunResult kept = RunAncre("align " + kPairArgs + args + " --format jsonl");
    ASSERT_EQ(kept.exit_code, 0) << kept.err;
    EXPECT_EQ(kept.out.find("\"furniture\""), std::string::npos) << args;
    EXPECT_EQ(kept.err.find("page furniture"), std::string::npos) << args;
  }
}

TEST(AlignCliTest, SwappedDocumentsAreRefusedUnlessForced) {
  const std::string swapped = kSamples + "/cambodia-korea-scams.en.txt " + kSamples +
                              "/cambodia-korea-scams.fr.txt --src-lang fr --tgt-lang en";
  RunResult r = RunAncre("align " + swapped + " --format jsonl");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find("the source document is declared fr but reads as English; the target "
                       "document is declared en but reads as French: the two documents look "
                       "swapped"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--force"), std::string::npos) << r.err;
  RunResult forced = RunAncre("align " + swapped + " --format jsonl --force");
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_FALSE(forced.out.empty());
}

TEST(AlignCliTest, ADocumentWithoutTheFunctionWordsOfItsLanguageIsAlignedWithAWarning) {
  // The French sample with every letter moved one place on: it reads as no
  // language, which is a doubt to show, not a reason to refuse.
  std::string fr = ReadAll(kSamples + "/cambodia-korea-scams.fr.txt");
  for (char& c : fr) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + (c - 'a' + 1) % 26);
  }
  ScratchDir dir;
  WriteFile(dir / "shifted.fr.txt", fr);
  RunResult r = RunAncre("align " + Sh(dir / "shifted.fr.txt") + " " +
                         Sh(kSamples + "/cambodia-korea-scams.en.txt") +
                         " --src-lang fr --tgt-lang en --mode parallel --format jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_NE(r.err.find("ancre: warning: the source document is declared fr but has hardly any "
                       "French function words ("),
            std::string::npos)
      << r.err;
}

// The value of a string field of a jsonl line ("" if absent); enough for
// the texts of the sample, which hold no escaped quotes at their start.
std::string Field(const std::string& line, const std::string& name) {
  size_t at = line.find("\"" + name + "\":\"");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return line.substr(at, line.find('"', at) - at);
}

// The two articles report the same October summit from different angles (a
// French news brief, an English opinion piece): only a few sentences really
// correspond. Every pair ancre makes must be one of those, and the 1997
// sentences must pair with a margin above the threshold.
TEST(AlignCliTest, SampleArticlesPairOnlySentencesThatCorrespond) {
  RunResult r = RunAncre("align " + kPairArgs + " --mode comparable --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // (start of the French sentence, start of an English sentence it may pair with)
  const std::vector<std::pair<std::string, std::string>> acceptable = {
      {"Rétablies en 1997", "Under the efforts of former Prime Minister Hun Sen"},
      {"En marge du 26e Sommet", "South Korean President Lee Jae-myung and Cambodian"},
      {"En marge du 26e Sommet", "During an October 27 bilateral meeting"},
      {"Dès novembre, les deux pays", "This led directly to the launch"},
      {"« En novembre, nos deux pays", "This led directly to the launch"},
      // The lead's cooperation of Seoul and Phnom Penh: a partial link, low score (below).
      {"Secoués par la mort", "Aspirations for cooperation from South Korea"},
  };
  std::istringstream in(r.out);
  std::string line;
  size_t pairs = 0;
  bool summit = false;
  while (std::getline(in, line)) {
    if (line.find("\"src\":[]") != std::string::npos) continue;
    if (line.find("\"tgt\":[]") != std::string::npos) continue;
    ++pairs;
    const std::string fr = Field(line, "src_text");
    const std::string en = Field(line, "tgt_text");
    bool ok = false;
    for (const auto& [f, e] : acceptable) ok = ok || (fr.starts_with(f) && en.starts_with(e));
    EXPECT_TRUE(ok) << "unexpected pair: " << fr << " <-> " << en;
    if (fr.starts_with("Secoués par la mort")) {
      EXPECT_LT(std::stod(line.substr(line.find("\"score\":") + 8)), 0.4) << line;
    }
    summit = summit || fr.starts_with("En marge du 26e Sommet");
  }
  EXPECT_GE(pairs, 2u);
  EXPECT_TRUE(summit) << r.out;
  // No shared name, date or figure: economy and tourism alone are not enough.
  EXPECT_EQ(BeadWith(r.out, "Elles s’étendent désormais").find("When tourists come"),
            std::string::npos);
  std::string bead = BeadWith(r.out, "Rétablies en 1997");
  size_t score = bead.find("\"score\":");
  ASSERT_NE(score, std::string::npos) << bead;
  EXPECT_GE(std::stod(bead.substr(score + 8)), 0.5) << bead;
}

// A translation long enough to learn from: parallel mode learns word
// translations from its first alignment (and says so), unless --no-learn.
TEST(AlignCliTest, ParallelModeLearnsWordTranslationsUnlessAskedNotTo) {
  const std::vector<std::pair<std::string, std::string>> base = {
      {"Le gouvernement a présenté un budget.", "The government presented a budget."},
      {"Les syndicats appellent à la grève.", "The unions are calling for a strike."},
      {"La croissance atteindra deux pour cent.", "Growth will reach two percent."},
      {"Le ministre a reçu les agriculteurs.", "The minister received the farmers."},
      {"Les glaciers fondent chaque année.", "The glaciers melt every year."}};
  ScratchDir dir;
  std::string fr, en;
  for (size_t k = 0; k < 60; ++k) {
    fr += base[k % base.size()].first + " Dossier " + std::to_string(100 + k) + ".\n";
    en += base[k % base.size()].second + " File " + std::to_string(100 + k) + ".\n";
  }
  WriteFile(dir / "fr.txt", fr);
  WriteFile(dir / "en.txt", en);
  const std::string args = "align " + (dir / "fr.txt") + " " + (dir / "en.txt") +
                           " --src-lang fr --tgt-lang en --presegmented --mode parallel "
                           "--dictionary none --format jsonl";
  RunResult learned = RunAncre(args);
  ASSERT_EQ(learned.exit_code, 0) << learned.err;
  EXPECT_NE(learned.err.find("word translation(s) from the first alignment"), std::string::npos)
      << learned.err;
  RunResult not_learned = RunAncre(args + " --no-learn");
  ASSERT_EQ(not_learned.exit_code, 0) << not_learned.err;
  EXPECT_EQ(not_learned.err.find("first alignment"), std::string::npos) << not_learned.err;
}

// --dictionary FILE: the user's words link sentences nothing else links; a
// bad line is an error naming the file and the line; 'none' and a folder
// still name the FreeDict folder (the older spelling of --dictionary-dir).
TEST(AlignCliTest, AUserDictionaryMakesAPairAlign) {
  ScratchDir dir;
  WriteFile(dir / "de.txt",
            "Der Hund schläft ruhig im Garten hinter dem Bauernhaus.\n"
            "Morgen beginnt die Ernte der Äpfel.\n"
            "Die Kinder spielen Fußball auf der Wiese.\n");
  WriteFile(dir / "en.txt",
            "The dog sleeps quietly in the garden behind the farmhouse.\n"
            "Tomorrow the apple harvest begins.\n"
            "The children play football in the meadow.\n");
  WriteFile(dir / "terms.tsv", "# German<TAB>English\nHund\tdog\nGarten\tgarden\n");
  WriteFile(dir / "terms.dic", "sleeps @ schläft\nquietly @ ruhig\n");
  WriteFile(dir / "bad.tsv", "Hund\tdog\nKatze cat\n");
  const std::string args = "align " + (dir / "de.txt") + " " + (dir / "en.txt") +
                           " --src-lang de --tgt-lang en --presegmented --mode comparable "
                           "--no-learn --format jsonl";
  auto linked = [](const RunResult& r) {
    return BeadWith(r.out, "Der Hund").find("\"tgt\":[0]") != std::string::npos;
  };
  for (const char* none : {" --dictionary-dir none", " --dictionary none"}) {
    RunResult without = RunAncre(args + none);
    ASSERT_EQ(without.exit_code, 0) << without.err;
    EXPECT_FALSE(linked(without)) << without.out;
  }
  RunResult with = RunAncre(args + " --dictionary-dir none --dictionary " + (dir / "terms.tsv") +
                            " --dictionary " + (dir / "terms.dic"));
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_TRUE(linked(with)) << with.out;
  EXPECT_NE(with.err.find("--dictionary: 4 word pair(s)"), std::string::npos) << with.err;
  RunResult bad = RunAncre(args + " --dictionary " + (dir / "bad.tsv"));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find(dir / "bad.tsv" + ":2: expected one entry"), std::string::npos) << bad.err;
  EXPECT_TRUE(bad.out.empty()) << bad.out;
}

TEST(AlignCliTest, PresegmentedIndicesAreLineNumbersAndTextsMatch) {
  ScratchDir dir;
  std::ofstream(dir / "a.fr") << "Le gouvernement a présenté le budget.\n\nLe président a parlé.\n";
  std::ofstream(dir / "a.en") << "The government presented the budget.\nThe president spoke.\n";
  RunResult r =
      RunAncre("align " + (dir / "a.fr") + " " + (dir / "a.en") +
               " --src-lang fr --tgt-lang en --presegmented --mode parallel --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("{\"src\":[0],\"tgt\":[0],"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("{\"src\":[2],\"tgt\":[1],"), std::string::npos) << r.out;
  EXPECT_NE(BeadWith(r.out, "Le président a parlé.").find("\"tgt_text\":\"The president spoke.\""),
            std::string::npos);
}

TEST(AlignCliTest, EvalScoresPredictionAgainstGold) {
  ScratchDir dir;
  std::ofstream(dir / "gold.jsonl") << "{\"src\":[0],\"tgt\":[0]}\n{\"src\":[1],\"tgt\":[1,2]}\n";
  std::ofstream(dir / "pred.jsonl") << "{\"src\":[0],\"tgt\":[0],\"score\":0.9}\n"
                                       "{\"src\":[1],\"tgt\":[1]}\n{\"src\":[],\"tgt\":[2]}\n";
  RunResult r = RunAncre("eval --gold " + (dir / "gold.jsonl") + " --pred " + (dir / "pred.jsonl") +
                         " --format jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"strict\":{\"P\":0.500,\"R\":0.500"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"links\":{\"P\":1.000,\"R\":0.667"), std::string::npos) << r.out;
}

TEST(AlignCliTest, BadModeIsAUsageError) {
  RunResult r = RunAncre("align " + kPairArgs + " --mode sideways");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--mode"), std::string::npos);
}

}  // namespace
}  // namespace ancre::testing
