#include "src/align/mode_decision.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "src/align/aligner.h"

namespace ancre::align {
namespace {

// Deterministic pseudo-random numbers (a linear congruential generator).
struct Lcg {
  uint64_t state = 12345;
  uint32_t Next(uint32_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<uint32_t>((state >> 33) % bound);
  }
};

// A word of `n` letters drawn from `alphabet`.
std::string Word(Lcg* rng, size_t n, std::string_view alphabet) {
  std::string w;
  for (size_t k = 0; k < n; ++k) w += alphabet[rng->Next(static_cast<uint32_t>(alphabet.size()))];
  return w;
}

// A "sentence" of about `chars` characters in words of `alphabet`.
std::string Sentence(Lcg* rng, size_t chars, std::string_view alphabet) {
  std::string s;
  while (s.size() < chars) {
    if (!s.empty()) s += ' ';
    s += Word(rng, 3 + rng->Next(6), alphabet);
  }
  return s + ".";
}

// Two documents that share no word, number or anchor (disjoint alphabets) but
// whose sentence lengths follow each other: a translation seen through
// length alone, as after scrambling the letters and removing the digits.
// Every 9th target sentence holds two source sentences (a 2-1 bead).
struct LengthOnlyPair {
  std::vector<std::string> src, tgt;
  std::vector<std::pair<std::vector<size_t>, std::vector<size_t>>> gold;
};

// With `alphabet` (both sides), words meet by chance, as short words of two
// unrelated languages do.
LengthOnlyPair MakeLengthOnlyPair(size_t sentences, std::string_view alphabet = "") {
  Lcg rng;
  LengthOnlyPair p;
  for (size_t i = 0; i < sentences; ++i) {
    const size_t chars = 20 + rng.Next(180);
    p.src.push_back(Sentence(&rng, chars, alphabet.empty() ? "abcdefghijklm" : alphabet));
  }
  for (size_t i = 0; i < sentences;) {
    const bool merge = i % 9 == 4 && i + 1 < sentences;
    size_t chars = p.src[i].size() + (merge ? p.src[i + 1].size() : 0);
    chars = chars * (95 + rng.Next(20)) / 100;  // a translation is 95–115 % as long
    p.tgt.push_back(Sentence(&rng, chars, alphabet.empty() ? "nopqrstuvwxyz" : alphabet));
    if (merge) {
      p.gold.push_back({{i, i + 1}, {p.tgt.size() - 1}});
      i += 2;
    } else {
      p.gold.push_back({{i}, {p.tgt.size() - 1}});
      ++i;
    }
  }
  return p;
}

TEST(LengthOrderRatioTest, TranslationsFitFarBetterInOrderThanShuffled) {
  LengthOnlyPair p = MakeLengthOnlyPair(60);
  std::vector<uint32_t> s, t;
  for (const auto& x : p.src) s.push_back(static_cast<uint32_t>(x.size()));
  for (const auto& x : p.tgt) t.push_back(static_cast<uint32_t>(x.size()));
  EXPECT_LT(LengthOrderRatio(s, t), 0.5);
  // Unrelated lengths: the order does not help.
  std::vector<uint32_t> reversed(t.rbegin(), t.rend());
  EXPECT_GT(LengthOrderRatio(s, reversed), 0.8);
  EXPECT_EQ(LengthOrderRatio(s, {}), 1.0);
}

TEST(ModeDecisionTest, AutoChoosesParallelForATranslationThatSharesNoWord) {
  LengthOnlyPair p = MakeLengthOnlyPair(60);
  DocumentAnchors none;
  ModeDecision d;
  Alignment a = Align({p.src, none}, {p.tgt, none}, AlignOptions{}, &d);
  EXPECT_EQ(a.mode, AlignMode::kParallel) << d.reason;
  EXPECT_NE(d.reason.find("length"), std::string::npos) << d.reason;
}

TEST(ModeDecisionTest, AutoChoosesComparableWhenLengthsDoNotFollow) {
  LengthOnlyPair p = MakeLengthOnlyPair(60);
  std::vector<std::string> other;
  for (size_t k = 0; k < p.tgt.size(); ++k) other.push_back(p.tgt[(k * 37 + 11) % p.tgt.size()]);
  DocumentAnchors none;
  ModeDecision d;
  Alignment a = Align({p.src, none}, {other, none}, AlignOptions{}, &d);
  EXPECT_EQ(a.mode, AlignMode::kComparable) << d.reason;
}

// Length alone must align as a length-based aligner (Gale–Church) does: every
// 1-1 and 2-1 bead, no omission, when the two sides share nothing else.
TEST(ParallelLengthOnlyTest, RecoversOneToOneAndTwoToOneBeadsFromLengthAlone) {
  LengthOnlyPair p = MakeLengthOnlyPair(120);
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kParallel;
  Alignment a = Align({p.src, none}, {p.tgt, none}, o);
  std::vector<std::pair<std::vector<size_t>, std::vector<size_t>>> got;
  size_t omissions = 0;
  for (const Bead& b : a.beads) {
    if (b.src.empty() || b.tgt.empty()) {
      ++omissions;
    } else {
      got.emplace_back(b.src, b.tgt);
    }
  }
  EXPECT_EQ(omissions, 0u);
  size_t right = 0;
  for (const auto& g : p.gold) right += std::find(got.begin(), got.end(), g) != got.end();
  EXPECT_GE(right, p.gold.size() - 2) << right << " of " << p.gold.size() << " beads right";
}

// A long text and one chance match: a rare word both sides share in two
// sentences 2,000 apart. Length alone still aligns it; the chance match is
// no sure point for the search (it drew the corridor through it: 1,357 of
// 2,667 beads right).
TEST(ParallelLengthOnlyTest, AChanceMatchFarFromThePathDoesNotMisleadALongAlignment) {
  LengthOnlyPair p = MakeLengthOnlyPair(3000, "abcdefghijklmnopqrstuvwxyz");
  p.src[2500] = "Wrzqxjkv ab.";
  p.tgt[p.gold[500].second.back()] = "Wrzqxjkv cd.";
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kParallel;
  Alignment a = Align({p.src, none}, {p.tgt, none}, o);
  size_t right = 0;
  for (const Bead& b : a.beads) {
    right += std::find(p.gold.begin(), p.gold.end(), std::pair{b.src, b.tgt}) != p.gold.end();
  }
  EXPECT_GE(right, p.gold.size() - 10) << right << " of " << p.gold.size() << " beads right";
}

}  // namespace
}  // namespace ancre::align
