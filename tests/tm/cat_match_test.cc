#include "tm/cat_match.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <string>
#include <vector>

namespace ancre::tm {
namespace {

struct Pair {
  std::string kind;
  bool edit = false;
  std::string query, tm, markup;
  double ttk = 0;
};

// tests/data/tm/match_percent.tsv: 50 query/TM pairs with translate-toolkit's
// match % (the file says how it was produced).
std::vector<Pair> ReadPairs() {
  std::ifstream in(std::string(ANCRE_TEST_DATA) + "/tm/match_percent.tsv");
  std::vector<Pair> pairs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.rfind("kind\t", 0) == 0) continue;
    std::vector<std::string> f;
    size_t begin = 0;
    for (size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1) {
      f.push_back(line.substr(begin, tab - begin));
    }
    f.push_back(line.substr(begin));
    if (f.size() != 6) {
      ADD_FAILURE() << "bad line: " << line;
      continue;
    }
    pairs.push_back({f[0], f[1] == "yes", f[2], f[3], f[4], std::stod(f[5])});
  }
  return pairs;
}

TEST(CatMatchTest, FiftyPairsScoreAsTranslateToolkitAndNeverHundredWhenTheyDiffer) {
  const std::vector<Pair> pairs = ReadPairs();
  ASSERT_EQ(pairs.size(), 50u);
  double max_gap = 0, total_gap = 0;
  size_t edits = 0;
  for (const Pair& p : pairs) {
    const CatMatch m = CompareForMatch(p.query, p.tm, p.markup);
    EXPECT_LT(m.score, 100.0) << p.kind << ": " << p.query << " | " << p.tm;
    EXPECT_FALSE(m.differences.empty() && p.kind != "words") << p.query << " | " << p.tm;
    if (!p.edit) continue;
    const double gap = std::fabs(m.score - p.ttk);
    EXPECT_LE(gap, 2.0) << p.kind << ": " << p.query << " | " << p.tm << ": ancre " << m.score
                        << ", translate-toolkit " << p.ttk;
    max_gap = std::max(max_gap, gap);
    total_gap += gap;
    ++edits;
  }
  EXPECT_EQ(edits, 44u);
  std::cout << "match % against translate-toolkit over " << edits << " edited pairs: max gap "
            << max_gap << ", mean gap " << total_gap / static_cast<double>(edits) << "\n";
}

TEST(CatMatchTest, EachKindOfDifferenceIsNamed) {
  const std::vector<Pair> pairs = ReadPairs();
  for (const Pair& p : pairs) {
    const std::vector<std::string> d = CompareForMatch(p.query, p.tm, p.markup).differences;
    auto has = [&d](const std::string& what) {
      for (const std::string& x : d) {
        if (x.rfind(what, 0) == 0) return true;
      }
      return false;
    };
    const std::string expected = p.kind == "numbers" ? "number " : p.kind;
    if (p.kind != "words") {
      EXPECT_TRUE(has(expected)) << p.kind << ": " << p.query << " | " << p.tm;
    }
  }
}

TEST(CatMatchTest, IdenticalTextScoresHundredWithNothingDiffering) {
  const CatMatch same = CompareForMatch("Où est la gare ?", "Où est la gare ?");
  EXPECT_EQ(same.score, 100.0);
  EXPECT_TRUE(same.differences.empty());
  // Tags written in the query meet the same native code in the TM's markup.
  const CatMatch tagged =
      CompareForMatch("Click <b>Save</b> now.", "Click Save now.",
                      "Click <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> now.");
  EXPECT_EQ(tagged.score, 100.0);
  EXPECT_TRUE(tagged.differences.empty());
}

TEST(CatMatchTest, NamesTheNumbersAndCountsATagAsOneCharacter) {
  const CatMatch n =
      CompareForMatch("The police arrested 31 people.", "The police arrested 30 people.");
  EXPECT_EQ(n.differences, std::vector<std::string>{"number 31 → 30"});
  // "Click Save now." (15) against the same with <b></b>: 2 tags, 17 symbols.
  const CatMatch t =
      CompareForMatch("Click Save now.", "Click Save now.",
                      "Click <bpt i=\"1\">&lt;b&gt;</bpt>Save<ept i=\"1\">&lt;/b&gt;</ept> now.");
  EXPECT_NEAR(t.score, 100.0 * (1 - 2.0 / 17), 0.01);
  EXPECT_EQ(t.differences, std::vector<std::string>{"tags"});
}

TEST(CatMatchTest, ADifferenceTooSmallToShowStillKeepsTheScoreBelowHundred) {
  const std::string long_text(10001, 'a');
  EXPECT_EQ(CompareForMatch(long_text, long_text + "b").score, 99.99);
  EXPECT_EQ(CompareForMatch("Stop", "Stop ").score, 100.0);  // surrounding space is not text
  EXPECT_EQ(CompareForMatch("deux  mots", "deux mots").differences,
            std::vector<std::string>{"spacing"});
}

}  // namespace
}  // namespace ancre::tm
