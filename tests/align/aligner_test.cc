#include "src/align/aligner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "src/align/candidates.h"
#include "src/align/comparable.h"
#include "src/align/evaluation.h"
#include "src/align/features.h"
#include "src/align/lexicon.h"
#include "src/core/error.h"

namespace ancre::align {
namespace {

// A small parallel news text (French source, English translation).
const std::vector<std::string> kFrench = {
    "Le gouvernement français a présenté mardi un nouveau budget de 320 milliards d'euros.",
    "Le ministre des finances a défendu une politique de rigueur devant le Parlement.",
    "L'opposition socialiste dénonce une hausse des impôts pour les familles modestes.",
    "Selon l'Insee, la croissance économique atteindra 1,5 % en 2024.",
    "Les syndicats appellent à une manifestation nationale le 12 octobre.",
    "Le président Emmanuel Macron a reçu les représentants des agriculteurs à l'Élysée.",
    "La température moyenne a augmenté de deux degrés dans les Alpes depuis 1950.",
    "Les glaciers perdent chaque année plusieurs mètres d'épaisseur.",
};
const std::vector<std::string> kEnglish = {
    "The French government presented a new budget of 320 billion euros on Tuesday.",
    "The finance minister defended a policy of austerity before Parliament.",
    "The socialist opposition denounces a tax increase for modest families.",
    "According to Insee, economic growth will reach 1.5% in 2024.",
    "The unions are calling for a national demonstration on October 12.",
    "President Emmanuel Macron received the representatives of farmers at the Elysee.",
    "The average temperature has increased by two degrees in the Alps since 1950.",
    "The glaciers lose several metres of thickness every year.",
};

AlignOptions Parallel() {
  AlignOptions o;
  o.mode = AlignMode::kParallel;
  return o;
}

std::vector<std::pair<std::vector<size_t>, std::vector<size_t>>> Pairs(const Alignment& a) {
  std::vector<std::pair<std::vector<size_t>, std::vector<size_t>>> out;
  for (const Bead& b : a.beads) {
    if (!b.src.empty() && !b.tgt.empty()) out.emplace_back(b.src, b.tgt);
  }
  return out;
}

TEST(AlignerTest, AlignsTranslationsOneToOneInOrder) {
  DocumentAnchors none;
  Alignment a = Align({kFrench, none}, {kEnglish, none}, Parallel());
  ASSERT_EQ(a.mode, AlignMode::kParallel);
  auto pairs = Pairs(a);
  ASSERT_EQ(pairs.size(), kFrench.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(pairs[i].first, std::vector<size_t>{i});
    EXPECT_EQ(pairs[i].second, std::vector<size_t>{i});
  }
  for (const Bead& b : a.beads) {
    EXPECT_GE(b.score, 0.0);
    EXPECT_LE(b.score, 1.0);
  }
}

TEST(AlignerTest, LeavesAnOmittedSentenceUnaligned) {
  std::vector<std::string> en = kEnglish;
  en.erase(en.begin() + 2);  // the translation of French 2 is missing
  DocumentAnchors none;
  Alignment a = Align({kFrench, none}, {en, none}, Parallel());
  bool orphan_alone = false;
  for (const Bead& b : a.beads) {
    if (b.src == std::vector<size_t>{2}) orphan_alone = b.tgt.empty();
    if (b.src == std::vector<size_t>{3}) {
      EXPECT_EQ(b.tgt, std::vector<size_t>{2});
    }
    if (b.src == std::vector<size_t>{1}) {
      EXPECT_EQ(b.tgt, std::vector<size_t>{1});
    }
  }
  EXPECT_TRUE(orphan_alone);
}

TEST(AlignerTest, FindsOneToTwoBeadWhenTargetSplitsASentence) {
  std::vector<std::string> en = kEnglish;
  en[1] = "The finance minister defended a policy.";
  en.insert(en.begin() + 2, "It is a policy of austerity, he told Parliament.");
  DocumentAnchors none;
  Alignment a = Align({kFrench, none}, {en, none}, Parallel());
  bool found = false;
  for (const Bead& b : a.beads) {
    if (b.src == std::vector<size_t>{1}) {
      EXPECT_EQ(b.tgt, (std::vector<size_t>{1, 2}));
      EXPECT_EQ(b.type(), "1-2");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST(AlignerTest, KeepsAShortSentenceWithoutSharedWordsAsItsOwnPair) {
  // "Quel tourbillon !" / "What a whirlwind!" share no word, but sit between
  // two well-matched pairs with plausible lengths: a 1-1, not glued to the
  // long sentence before it with its translation left over.
  std::vector<std::string> fr = kFrench, en = kEnglish;
  fr.insert(fr.begin() + 6, "Quel tourbillon !");
  en.insert(en.begin() + 6, "What a whirlwind!");
  DocumentAnchors none;
  Alignment a = Align({fr, none}, {en, none}, Parallel());
  auto pairs = Pairs(a);
  ASSERT_EQ(pairs.size(), fr.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(pairs[i].first, std::vector<size_t>{i});
    EXPECT_EQ(pairs[i].second, std::vector<size_t>{i});
  }
}

TEST(AlignerTest, ReportsAnchorsBothSidesShare) {
  DocumentAnchors fr(kFrench.size()), en(kEnglish.size());
  fr[4].push_back({AnchorKind::kDate, "month", "12 octobre", {}, "--10-12", 1.0});
  en[4].push_back({AnchorKind::kDate, "month", "October 12", {}, "--10-12", 1.0});
  en[5].push_back({AnchorKind::kDate, "month", "October 13", {}, "--10-13", 1.0});
  Alignment a = Align({kFrench, fr}, {kEnglish, en}, Parallel());
  for (const Bead& b : a.beads) {
    if (b.src == std::vector<size_t>{4}) {
      ASSERT_EQ(b.anchors.size(), 1u);
      EXPECT_EQ(b.anchors[0].key, "--10-12");
      EXPECT_EQ(b.anchors[0].src_text, "12 octobre");
      EXPECT_EQ(b.anchors[0].tgt_text, "October 12");
    } else {
      EXPECT_TRUE(b.anchors.empty());
    }
  }
}

TEST(AlignerTest, ComparableModeListsADateThatMeetsTheOtherSidesMonth) {
  // "novembre" meets "November 10" in comparable scoring; the evidence a
  // reader sees must say so, under the month they share.
  std::vector<std::string> fr = {"Xa yo bi en novembre.", "Qu lo mi."};
  std::vector<std::string> en = {"Ke wu ga on November 10.", "Fo ze ta."};
  DocumentAnchors fa(2), ea(2);
  fa[0].push_back({AnchorKind::kEntity, "person", "Yo", {}, "person-1", 1.0});
  fa[0].push_back({AnchorKind::kDate, "month", "novembre", {}, "--11", 0.4});
  ea[0].push_back({AnchorKind::kEntity, "person", "Wu", {}, "person-1", 1.0});
  ea[0].push_back({AnchorKind::kDate, "yearless-day", "November 10", {}, "--11-10", 0.5});
  auto anchors_of_pair = [&](AlignMode mode) {
    AlignOptions o;
    o.mode = mode;
    Alignment a = Align({fr, fa}, {en, ea}, o);
    for (const Bead& b : a.beads) {
      if (b.src == std::vector<size_t>{0} && b.tgt == std::vector<size_t>{0}) return b.anchors;
    }
    ADD_FAILURE() << "fr 0 and en 0 are not paired";
    return std::vector<SharedAnchor>{};
  };
  const std::vector<SharedAnchor> comparable = anchors_of_pair(AlignMode::kComparable);
  ASSERT_EQ(comparable.size(), 2u);
  EXPECT_EQ(comparable[1].key, "--11");
  EXPECT_EQ(comparable[1].src_text, "novembre");
  EXPECT_EQ(comparable[1].tgt_text, "November 10");
  // Parallel scoring matches keys exactly, and so does its evidence.
  EXPECT_EQ(anchors_of_pair(AlignMode::kParallel).size(), 1u);
}

TEST(AlignerTest, ComparableModeLinksNoSetAsideSegment) {
  // en 4 restates fr 4; set aside (page furniture), it takes no link.
  std::vector<bool> aside(kEnglish.size(), false);
  aside[4] = true;
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kComparable;
  auto linked_to_en4 = [&](const std::vector<bool>* set_aside) {
    Alignment a = Align({kFrench, none}, {kEnglish, none, set_aside}, o);
    int links = 0;
    for (const Bead& b : a.beads) {
      links += !b.src.empty() && b.tgt == std::vector<size_t>{4};
    }
    return links;
  };
  EXPECT_EQ(linked_to_en4(nullptr), 1);
  EXPECT_EQ(linked_to_en4(&aside), 0);
  // Parallel mode aligns every segment.
  o.mode = AlignMode::kParallel;
  Alignment a = Align({kFrench, none}, {kEnglish, none, &aside}, o);
  EXPECT_EQ(Pairs(a).size(), kFrench.size());
}

TEST(AlignerTest, AnchorsAloneCanPairSentencesWithoutSharedWords) {
  // No cognate, no number: only the hand-made entity anchors connect them.
  std::vector<std::string> fr = {"Xa yo bi.", "Qu lo mi."};
  std::vector<std::string> en = {"Ke wu ga.", "Fo ze ta."};
  DocumentAnchors fa(2), ea(2);
  fa[0].push_back({AnchorKind::kEntity, "person", "Yo", {}, "person-1", 1.0});
  ea[1].push_back({AnchorKind::kEntity, "person", "Ze", {}, "person-1", 1.0});
  AlignOptions o;
  o.mode = AlignMode::kComparable;
  Alignment a = Align({fr, fa}, {en, ea}, o);
  auto pairs = Pairs(a);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].first, std::vector<size_t>{0});
  EXPECT_EQ(pairs[0].second, std::vector<size_t>{1});
}

TEST(AlignerTest, ComparableModePairsOutOfOrderAndLeavesUnrelatedAlone) {
  std::vector<std::string> en = {kEnglish[6], "Stocks fell sharply in Tokyo on Monday.",
                                 kEnglish[0], kEnglish[3]};
  std::vector<std::string> fr = {kFrench[0], kFrench[3], "Il pleuvait sur Brest ce matin-là.",
                                 kFrench[6]};
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kComparable;
  Alignment a = Align({fr, none}, {en, none}, o);
  EXPECT_EQ(a.mode, AlignMode::kComparable);
  auto pairs = Pairs(a);
  using P = std::pair<std::vector<size_t>, std::vector<size_t>>;
  std::vector<P> expected = {P{{0}, {2}}, P{{1}, {3}}, P{{3}, {0}}};
  EXPECT_EQ(pairs, expected);
}

// A fact restated: the French headline and a French body sentence both say
// what one English sentence says; a third French sentence is about
// something else. Each restatement is a link of its own.
const std::vector<std::string> kRestatedFr = {
    "Le Parlement vote un budget de 320 milliards le 12 octobre.",
    "Les glaciers perdent chaque année plusieurs mètres d'épaisseur.",
    "Le 12 octobre, le Parlement a voté un budget de 320 milliards d'euros, a indiqué le "
    "ministre.",
};
const std::vector<std::string> kRestatedEn = {
    "On October 12, Parliament voted a budget of 320 billion euros.",
    "The glaciers lose several metres of thickness every year.",
};

TEST(AlignerTest, ComparableModeLinksASentenceToEachRestatementOfItsFact) {
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kComparable;
  Alignment a = Align({kRestatedFr, none}, {kRestatedEn, none}, o);
  using P = std::pair<std::vector<size_t>, std::vector<size_t>>;
  std::vector<P> expected = {P{{0}, {0}}, P{{1}, {1}}, P{{2}, {0}}};
  EXPECT_EQ(Pairs(a), expected);
  // One bead per link; no segment is listed unaligned when it has a link.
  EXPECT_EQ(a.beads.size(), 3u);
  for (const Bead& b : a.beads) {
    EXPECT_GT(b.score, 0.0);
    EXPECT_LE(b.score, 1.0);
  }
  // The other way round: one source segment with two links, both listed.
  o.src_language = "en";
  o.tgt_language = "fr";
  o.length_prior = {1.0 / 0.89, 6.8};
  Alignment back = Align({kRestatedEn, none}, {kRestatedFr, none}, o);
  expected = {P{{0}, {0}}, P{{0}, {2}}, P{{1}, {1}}};
  EXPECT_EQ(Pairs(back), expected);
}

TEST(AlignerTest, ComparableLinksKeepARepeatedFactThatOneToOneWouldDrop) {
  DocumentAnchors none;
  std::vector<std::string> fr_texts = kRestatedFr, en_texts = kRestatedEn;
  FeatureOptions fs;
  fs.language = "fr";
  fs.side = Side::kSource;
  FeatureOptions ft;
  ft.language = "en";
  ft.side = Side::kTarget;
  Scorer scorer(BuildSideFeatures(fr_texts, none, fs), BuildSideFeatures(en_texts, none, ft),
                LengthModel{0.89, 6.8});
  ComparableParams one_to_one;
  one_to_one.links = false;
  auto count_links_of_en0 = [](const std::vector<Bead>& beads) {
    return std::count_if(beads.begin(), beads.end(),
                         [](const Bead& b) { return b.tgt == std::vector<size_t>{0}; });
  };
  EXPECT_EQ(count_links_of_en0(AlignComparable(scorer, one_to_one, 1)), 1);
  EXPECT_EQ(count_links_of_en0(AlignComparable(scorer, ComparableParams{}, 1)), 2);
}

TEST(AlignerTest, AutoModeChoosesParallelForTranslations) {
  DocumentAnchors none;
  AlignOptions o;
  ModeDecision d;
  Alignment a = Align({kFrench, none}, {kEnglish, none}, o, &d);
  EXPECT_EQ(a.mode, AlignMode::kParallel);
  EXPECT_EQ(d.mode, AlignMode::kParallel);
  EXPECT_NE(d.reason.find("parallel"), std::string::npos);
}

TEST(AlignerTest, AutoModeChoosesComparableForReorderedPartialText) {
  std::vector<std::string> en = {kEnglish[7], kEnglish[5], kEnglish[0], kEnglish[3]};
  DocumentAnchors none;
  ModeDecision d;
  Alignment a = Align({kFrench, none}, {en, none}, AlignOptions{}, &d);
  EXPECT_EQ(a.mode, AlignMode::kComparable);
}

// A long synthetic document: the corridor (not the full matrix) is used, and
// the result must not depend on the number of threads.
TEST(AlignerTest, LongDocumentsAlignThroughTheCorridorDeterministically) {
  std::vector<std::string> fr, en;
  for (size_t k = 0; k < 1200; ++k) {
    size_t i = k % kFrench.size();
    std::string n = std::to_string(1000 + k);
    fr.push_back(kFrench[i] + " Dossier " + n + ".");
    en.push_back(kEnglish[i] + " File " + n + ".");
    if (k % 97 == 5) en.pop_back();  // an omission now and then
  }
  DocumentAnchors none;
  AlignOptions one = Parallel();
  one.threads = 1;
  AlignOptions two = Parallel();
  two.threads = 2;
  Alignment a1 = Align({fr, none}, {en, none}, one);
  Alignment a2 = Align({fr, none}, {en, none}, two);
  ASSERT_EQ(a1.beads.size(), a2.beads.size());
  for (size_t k = 0; k < a1.beads.size(); ++k) {
    EXPECT_EQ(a1.beads[k].src, a2.beads[k].src);
    EXPECT_EQ(a1.beads[k].tgt, a2.beads[k].tgt);
  }
  size_t right = 0, omitted = 0;
  for (const Bead& b : a1.beads) {
    if (b.src.size() == 1 && b.tgt.size() == 1 &&
        fr[b.src[0]].substr(fr[b.src[0]].size() - 5) ==
            en[b.tgt[0]].substr(en[b.tgt[0]].size() - 5)) {
      ++right;
    }
    if (b.tgt.empty()) ++omitted;
  }
  EXPECT_EQ(omitted, 13u);
  EXPECT_EQ(right, en.size());
}

// A text that repeats itself (the same sentences again and again, as a
// corpus of boilerplate does) ties every sentence with each of its copies:
// ties are no sure pairs, and the lengths still tell a translation.
TEST(AlignerTest, AutoModeChoosesParallelForATranslationThatRepeatsItself) {
  std::vector<std::string> fr, en;
  for (int copy = 0; copy < 25; ++copy) {
    fr.insert(fr.end(), kFrench.begin(), kFrench.end());
    en.insert(en.end(), kEnglish.begin(), kEnglish.end());
  }
  DocumentAnchors none;
  ModeDecision d;
  Alignment a = Align({fr, none}, {en, none}, AlignOptions{}, &d);
  EXPECT_EQ(a.mode, AlignMode::kParallel) << d.reason;
  size_t right = 0;
  for (const auto& [s, t] : Pairs(a)) right += s.size() == 1 && t == s;
  EXPECT_EQ(right, fr.size());
}

// Each segment of both sides, counted over the beads: every one exactly once.
void ExpectEverySegmentOnce(const Alignment& a, size_t n_src, size_t n_tgt) {
  std::vector<int> src(n_src, 0), tgt(n_tgt, 0);
  for (const Bead& b : a.beads) {
    for (size_t i : b.src) ++src.at(i);
    for (size_t j : b.tgt) ++tgt.at(j);
  }
  EXPECT_EQ(src, std::vector<int>(n_src, 1));
  EXPECT_EQ(tgt, std::vector<int>(n_tgt, 1));
}

TEST(AlignerTest, MinScoreLeavesRejectedPairsUnalignedInComparableMode) {
  std::vector<std::string> en = {kEnglish[6], "Stocks fell sharply in Tokyo on Monday.",
                                 kEnglish[0], kEnglish[3]};
  std::vector<std::string> fr = {kFrench[0], kFrench[3], "Il pleuvait sur Brest ce matin-là.",
                                 kFrench[6]};
  DocumentAnchors none;
  AlignOptions o;
  o.mode = AlignMode::kComparable;
  Alignment all = Align({fr, none}, {en, none}, o);
  ASSERT_EQ(Pairs(all).size(), 3u);
  o.min_score = 1.1;  // above every score: no pair is kept
  Alignment none_kept = Align({fr, none}, {en, none}, o);
  EXPECT_TRUE(Pairs(none_kept).empty());
  ExpectEverySegmentOnce(none_kept, fr.size(), en.size());
  // Unaligned source segments in source order, then the target ones.
  ASSERT_EQ(none_kept.beads.size(), fr.size() + en.size());
  for (size_t i = 0; i < fr.size(); ++i) EXPECT_EQ(none_kept.beads[i].src, std::vector<size_t>{i});
}

TEST(AlignerTest, MinScoreLeavesRejectedPairsUnalignedInParallelMode) {
  DocumentAnchors none;
  AlignOptions o = Parallel();
  o.min_score = 1.1;
  Alignment a = Align({kFrench, none}, {kEnglish, none}, o);
  EXPECT_TRUE(Pairs(a).empty());
  ExpectEverySegmentOnce(a, kFrench.size(), kEnglish.size());
}

// The candidate scores Align() hands out are those of the scorer it aligned
// with: built with its lexicon, not a plain one.
TEST(AlignerTest, CandidateScoresComeFromTheAlignersOwnScorer) {
  const std::vector<std::string> fr = {"Les voitures rouges roulent vite.",
                                       "Le chien dort dans la maison."};
  const std::vector<std::string> en = {"The red cars drive fast.", "The dog sleeps in the house."};
  Stemmer fr_stem("fr"), en_stem("en");
  Lexicon lex;
  for (auto [f, e] : {std::pair{"voiture", "car"},
                      {"rouge", "red"},
                      {"chien", "dog"},
                      {"dort", "sleeps"},
                      {"maison", "house"}}) {
    lex.AddPair(f, e, &fr_stem, &en_stem);
  }
  DocumentAnchors none;
  AlignOptions o = Parallel();
  o.learn = false;
  o.lexicon = std::make_shared<const Lexicon>(lex);
  CandidateScores got;
  Align({fr, none}, {en, none}, o, nullptr, &got);
  ASSERT_FALSE(got.pairs.empty());

  auto expected = [&](std::shared_ptr<const Lexicon> l) {
    SideFeatures sf =
        BuildSideFeatures(fr, none, {.language = "fr", .side = Side::kSource, .lexicon = l});
    SideFeatures tf =
        BuildSideFeatures(en, none, {.language = "en", .side = Side::kTarget, .lexicon = l});
    return FindCandidates(Scorer(sf, tf, o.length_prior), got.per_source, got.max_df, 1);
  };
  const std::vector<Candidate> with = expected(o.lexicon);
  const std::vector<Candidate> without = expected(nullptr);
  ASSERT_EQ(got.pairs.size(), with.size());
  bool lexicon_mattered = false;
  for (size_t k = 0; k < with.size(); ++k) {
    EXPECT_EQ(got.pairs[k].src, with[k].src);
    EXPECT_EQ(got.pairs[k].tgt, with[k].tgt);
    EXPECT_DOUBLE_EQ(got.pairs[k].sim, with[k].sim);
    auto plain = std::find_if(without.begin(), without.end(), [&](const Candidate& c) {
      return c.src == with[k].src && c.tgt == with[k].tgt;
    });
    if (plain == without.end() || plain->sim != with[k].sim) lexicon_mattered = true;
  }
  EXPECT_TRUE(lexicon_mattered);
}

TEST(CandidatesTest, LongestChainSkipsCrossingPairs) {
  std::vector<Candidate> pairs = {{0, 0, 1}, {1, 5, 1}, {2, 1, 1}, {3, 2, 1}, {3, 3, 1}, {4, 4, 1}};
  std::vector<size_t> chain = LongestChain(pairs);
  std::vector<size_t> expected = {0, 2, 4, 5};  // (3,2) or (3,3): one pair per source
  ASSERT_EQ(chain.size(), 4u);
  EXPECT_EQ(chain[0], 0u);
  EXPECT_EQ(chain[1], 2u);
  EXPECT_EQ(pairs[chain[3]].src, 4u);
  (void)expected;
}

TEST(EvaluationTest, CountsStrictLinkOneToOneAndNull) {
  std::vector<Bead> gold = {{{0}, {0}, 0, {}}, {{1}, {1, 2}, 0, {}}, {{2}, {}, 0, {}}};
  std::vector<Bead> pred = {{{0}, {0}, 0, {}}, {{1}, {1}, 0, {}}, {{2}, {2}, 0, {}}};
  EvalCounts c = ScoreAlignment(gold, pred, 3, 3);
  EXPECT_EQ(c.strict.tp, 1u);
  EXPECT_EQ(c.strict.predicted, 3u);
  EXPECT_EQ(c.strict.gold, 2u);
  EXPECT_EQ(c.links.tp, 2u);  // (0,0) and (1,1) of gold's (0,0), (1,1), (1,2)
  EXPECT_EQ(c.links.gold, 3u);
  EXPECT_EQ(c.one_to_one.tp, 1u);
  EXPECT_EQ(c.null.gold, 1u);  // source 2
  EXPECT_EQ(c.null.predicted, 0u);
  EXPECT_DOUBLE_EQ(c.strict.precision(), 1.0 / 3.0);
}

TEST(EvaluationTest, ParsesBeadLinesAndRejectsOthers) {
  Bead b;
  ASSERT_TRUE(
      ParseBeadLine(R"({"src":[3, 4],"tgt":[],"score":0.5,"src_text":"a \"[9]\""})", "p", 1, &b));
  EXPECT_EQ(b.src, (std::vector<size_t>{3, 4}));
  EXPECT_TRUE(b.tgt.empty());
  EXPECT_FALSE(ParseBeadLine("   ", "p", 2, &b));
  EXPECT_THROW(ParseBeadLine(R"({"src":[1]})", "p", 3, &b), ParseError);
}

}  // namespace
}  // namespace ancre::align
