// The candidate bound over a posting source that is not SQLite: an in-memory
// source, as a second backend would implement it.
#include "tm/fuzzy_lookup.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace ancre::tm::internal {
namespace {

// Units 1..n with their match keys, postings built from them.
class MemoryPostings : public PostingSource {
 public:
  explicit MemoryPostings(const std::vector<std::string>& texts) {
    for (size_t i = 0; i < texts.size(); ++i) {
      size_t words = 0;
      const int64_t id = static_cast<int64_t>(i) + 1;
      keys_[id] = MatchKey(texts[i], &words);
      counts_[id] = static_cast<int64_t>(words);
      std::vector<std::string> seen;
      for (const std::string& w : SplitMatchWords(texts[i]).keys) {
        if (std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
        seen.push_back(w);
        postings_[w].push_back(id);
      }
    }
  }
  int64_t Count(std::string_view word) override {
    auto it = postings_.find(std::string(word));
    return it == postings_.end() ? 0 : static_cast<int64_t>(it->second.size());
  }
  void Units(std::string_view word, std::vector<int64_t>* ids) override {
    auto it = postings_.find(std::string(word));
    *ids = it == postings_.end() ? std::vector<int64_t>{} : it->second;
  }
  void UnitsOfLength(int64_t min_words, int64_t max_words, int64_t limit,
                     std::vector<int64_t>* ids) override {
    ids->clear();
    for (const auto& [id, n] : counts_) {
      if (n >= min_words && n <= max_words && static_cast<int64_t>(ids->size()) < limit) {
        ids->push_back(id);
      }
    }
  }
  void ReadKeys(const std::vector<int64_t>& ids, int64_t min_words, int64_t max_words,
                const KeyVisitor& visit) override {
    EXPECT_LE(ids.size(), kMaxBatch);
    for (int64_t id : ids) {
      ++keys_read;
      if (counts_[id] >= min_words && counts_[id] <= max_words) visit(id, keys_[id]);
    }
  }
  void ScanKeys(const KeyVisitor& visit) override {
    for (const auto& [id, key] : keys_) {
      ++keys_read;
      visit(id, key);
    }
  }
  size_t keys_read = 0;

 private:
  std::map<int64_t, std::string> keys_;
  std::map<int64_t, int64_t> counts_;
  std::map<std::string, std::vector<int64_t>> postings_;
};

std::vector<std::string> RandomTexts(size_t count, std::mt19937* rng) {
  const std::vector<std::string> common = {"le", "la", "de", "et", "un", "une", "des", "pays"};
  std::vector<std::string> texts;
  for (size_t i = 0; i < count; ++i) {
    std::string t;
    const size_t words = 3 + (*rng)() % 10;
    for (size_t w = 0; w < words; ++w) {
      t +=
          ((*rng)() % 3 == 0 ? "mot" + std::to_string((*rng)() % 400) : common[(*rng)() % 8]) + " ";
    }
    texts.push_back(t);
  }
  return texts;
}

bool Same(const std::vector<ScoredUnit>& a, const std::vector<ScoredUnit>& b) {
  return std::equal(
      a.begin(), a.end(), b.begin(), b.end(),
      [](const ScoredUnit& x, const ScoredUnit& y) { return x.id == y.id && x.score == y.score; });
}

TEST(FuzzyLookupTest, BoundOverAnyPostingSourceFindsWhatAScanFinds) {
  std::mt19937 rng(12);
  const std::vector<std::string> texts = RandomTexts(3000, &rng);
  MemoryPostings source(texts);
  size_t found = 0;
  for (size_t q = 0; q < 30; ++q) {
    const MatchWords query =
        SplitMatchWords(texts[rng() % texts.size()] + " mot" + std::to_string(rng() % 400));
    for (double threshold : {40.0, 70.0, 90.0}) {
      for (size_t max : {1u, 5u, 50u}) {
        LookupOptions options;
        options.threshold = threshold;
        options.max = max;
        const auto a = FindMatches(query, options, source);
        const auto b = FindMatchesByScan(query, options, source);
        EXPECT_TRUE(Same(a, b)) << "threshold " << threshold << " max " << max;
        found += a.size();
      }
    }
  }
  EXPECT_GT(found, 100u);
}

TEST(FuzzyLookupTest, ReadsFewUnitsForARareWord) {
  std::mt19937 rng(3);
  std::vector<std::string> texts = RandomTexts(3000, &rng);
  texts.push_back("la conférence de Séoul sur les escroqueries");
  MemoryPostings source(texts);
  LookupOptions options;
  const auto found =
      FindMatches(SplitMatchWords("la conférence de Séoul sur les escroqueries"), options, source);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, 3001);
  EXPECT_EQ(found[0].score, 100.0);
  EXPECT_LT(source.keys_read, 100u);  // a scan reads 3001
}

}  // namespace
}  // namespace ancre::tm::internal
