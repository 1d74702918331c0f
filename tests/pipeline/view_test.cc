// The report views built by the pipeline: the score matrix shows the
// aligner's own similarities, and a stored run shows what the fresh
// alignment showed.
#include "src/pipeline/view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "src/align/candidates.h"
#include "src/align/features.h"
#include "src/align/lexicon.h"
#include "src/align/scorer.h"
#include "src/pipeline/store.h"

namespace ancre::pipeline {
namespace {

const char kFrench[] =
    "Les voitures rouges roulent vite.\n"
    "Le chien dort dans la maison.\n"
    "Le gouvernement a présenté un budget de 320 milliards d'euros le 12 octobre.\n";
const char kEnglish[] =
    "The red cars drive fast.\n"
    "The dog sleeps in the house.\n"
    "The government presented a budget of 320 billion euros on October 12.\n";

std::shared_ptr<const align::Lexicon> SmallLexicon() {
  align::Stemmer fr("fr"), en("en");
  align::Lexicon lex;
  for (auto [f, e] : {std::pair{"voiture", "car"},
                      {"rouge", "red"},
                      {"chien", "dog"},
                      {"dort", "sleeps"},
                      {"maison", "house"}}) {
    lex.AddPair(f, e, &fr, &en);
  }
  return std::make_shared<const align::Lexicon>(std::move(lex));
}

AlignedDocuments Align(const PairOptions& options, const std::string& encoding = "auto") {
  AlignedDocuments d;
  d.src_path = "a.fr.txt";
  d.tgt_path = "a.en.txt";
  d.src = text::InputText(kFrench, d.src_path, {.encoding = encoding});
  d.tgt = text::InputText(kEnglish, d.tgt_path, {});
  d.options = options;
  d.pair = AlignDocuments(d.src, d.tgt, options);
  return d;
}

PairOptions Options() {
  PairOptions o;
  o.presegmented = true;
  o.dictionary_dir = "";
  o.lexicon = SmallLexicon();
  o.candidates = true;
  o.align.mode = AlignMode::kParallel;
  o.align.learn = false;
  return o;
}

// The similarities of a scorer built from the same segments and anchors.
std::vector<align::Candidate> Rescored(const AlignedPair& p,
                                       std::shared_ptr<const align::Lexicon> lexicon) {
  std::vector<std::string> src, tgt;
  for (const Segment& s : p.src.segments) src.push_back(s.text);
  for (const Segment& s : p.tgt.segments) tgt.push_back(s.text);
  align::SideFeatures sf = align::BuildSideFeatures(
      src, p.src_anchors, {.language = "fr", .side = align::Side::kSource, .lexicon = lexicon});
  align::SideFeatures tf = align::BuildSideFeatures(
      tgt, p.tgt_anchors, {.language = "en", .side = align::Side::kTarget, .lexicon = lexicon});
  align::CandidateScores params;
  return align::FindCandidates(align::Scorer(std::move(sf), std::move(tf), {0.89, 6.8}),
                               params.per_source, params.max_df, 1);
}

TEST(AlignmentViewTest, ScoreMatrixShowsTheAlignersOwnSimilarities) {
  const AlignedDocuments d = Align(Options());
  const report::AlignmentView view = AlignmentView(d);
  ASSERT_FALSE(view.candidates.empty());
  const std::vector<align::Candidate> with = Rescored(d.pair, d.options.lexicon);
  const std::vector<align::Candidate> without = Rescored(d.pair, nullptr);
  size_t differs_from_plain = 0;
  for (const report::CandidatePair& c : view.candidates) {
    auto same = [&](const align::Candidate& x) { return x.src == c.src && x.tgt == c.tgt; };
    auto w = std::find_if(with.begin(), with.end(), same);
    ASSERT_NE(w, with.end()) << c.src << "-" << c.tgt;
    EXPECT_DOUBLE_EQ(c.score, w->sim) << c.src << "-" << c.tgt;
    auto p = std::find_if(without.begin(), without.end(), same);
    if (p == without.end() || p->sim != c.score) ++differs_from_plain;
  }
  // The lexicon is evidence the aligner used: a matrix without it is another one.
  EXPECT_GT(differs_from_plain, 0u);
}

TEST(AlignmentViewTest, NoCandidatesUnlessAsked) {
  PairOptions o = Options();
  o.candidates = false;
  EXPECT_TRUE(AlignmentView(Align(o)).candidates.empty());
}

TEST(AlignmentViewTest, SentencesAreTheOriginalTextDecoded) {
  const AlignedDocuments d = Align(Options(), "windows-1252");
  const report::AlignmentView view = AlignmentView(d);
  ASSERT_EQ(view.src.sentences.size(), 3u);
  // Read as windows-1252, "é" (2 bytes of UTF-8) is two characters: "Ã©".
  EXPECT_EQ(view.src.sentences[2].text.substr(0, 32), "Le gouvernement a prÃ©sentÃ©");
  EXPECT_EQ(view.src.name, "a.fr.txt");
  EXPECT_EQ(view.mode, "parallel");
}

TEST(StoredAlignmentViewTest, ShowsWhatTheFreshAlignmentShowed) {
  const AlignedDocuments d = Align(Options());
  tm::TranslationMemory store(":memory:", {});
  const StoreSummary stored = StoreAlignment(store, d);
  EXPECT_FALSE(stored.already_stored);
  EXPECT_EQ(stored.pairs, 3u);
  EXPECT_EQ(stored.units_added, 3u);
  const report::AlignmentView fresh = AlignmentView(d);
  const report::AlignmentView from_tm = StoredAlignmentView(store.LoadAlignment(stored.run_id));
  EXPECT_EQ(from_tm.mode, fresh.mode);
  ASSERT_EQ(from_tm.src.sentences.size(), fresh.src.sentences.size());
  for (size_t k = 0; k < fresh.src.sentences.size(); ++k) {
    EXPECT_EQ(from_tm.src.sentences[k].index, fresh.src.sentences[k].index);
    EXPECT_EQ(from_tm.src.sentences[k].text, fresh.src.sentences[k].text);
    EXPECT_EQ(from_tm.src.sentences[k].anchors.size(), fresh.src.sentences[k].anchors.size());
  }
  ASSERT_EQ(from_tm.beads.size(), fresh.beads.size());
  for (size_t k = 0; k < fresh.beads.size(); ++k) {
    EXPECT_EQ(from_tm.beads[k].src, fresh.beads[k].src);
    EXPECT_EQ(from_tm.beads[k].tgt, fresh.beads[k].tgt);
  }
  EXPECT_TRUE(from_tm.candidates.empty());
  // Stored twice: nothing written.
  EXPECT_TRUE(StoreAlignment(store, d).already_stored);
}

// Presegmented input: beads name positions, outputs name input lines.
TEST(AlignDocumentsTest, PresegmentedSegmentsAreNumberedByLineAndBeadsByPosition) {
  PairOptions o = Options();
  const text::InputText fr("Le chien dort dans la maison.\n\n  Les voitures rouges.  \n", "fr", {});
  const text::InputText en("The dog sleeps in the house.\nThe red cars.\n", "en", {});
  const AlignedPair p = AlignDocuments(fr, en, o);
  ASSERT_EQ(p.src.segments.size(), 2u);
  EXPECT_EQ(p.src.segments[1].index, 1u);
  EXPECT_EQ(p.src.segments[1].number, 2u);
  EXPECT_EQ(fr.utf8().substr(p.src.segments[1].utf8.begin, p.src.segments[1].utf8.size()),
            "Les voitures rouges.");
  ASSERT_EQ(p.alignment.beads.size(), 2u);
  EXPECT_EQ(p.alignment.beads[1].src, std::vector<size_t>{1});
  EXPECT_EQ(Numbered(p.alignment.beads[1], p.src, p.tgt).src, std::vector<size_t>{2});
  EXPECT_EQ(Numbered(p.alignment.beads[1], p.src, p.tgt).tgt, std::vector<size_t>{1});
}

TEST(StoreAlignmentTest, RunParametersNameTheOptionsThatShapedTheResult) {
  PairOptions o;
  o.align.min_score = 0.5;
  o.presegmented = true;
  o.dictionary_dir = "";
  o.document_date = "2025-10-28";
  EXPECT_EQ(RunParameters(o),
            "{\"min_score\":0.5,\"presegmented\":true,\"lexicon\":false,\"date\":\"2025-10-28\"}");
}

}  // namespace
}  // namespace ancre::pipeline
