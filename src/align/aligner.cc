#include "src/align/aligner.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>

#include "src/align/candidates.h"
#include "src/align/comparable.h"
#include "src/align/learned_lexicon.h"
#include "src/align/parallel.h"
#include "src/text/dates.h"
#include "src/text/transliterate.h"

namespace ancre::align {
namespace {

// The fewest confident beads a document with a dictionary learns from.
constexpr size_t kMinBeadsWithDictionary = 20;

// Calibrated probability that a parallel-mode bead is right, from its
// similarity, its length fit and its type (fitted on held-out news).
double ParallelScore(double sim, double length_penalty, const Bead& b) {
  bool many = b.src.size() + b.tgt.size() > 2;
  double z = -2.5 + 12.0 * sim - 0.4 * length_penalty - (many ? 0.5 : 0.0);
  return 1.0 / (1.0 + std::exp(-z));
}

// The anchors both sides of a bead share (each anchor used once): equal
// keys, and with `partial_dates` (comparable mode) a date that meets the
// other side's month or year, listed under the key they share.
std::vector<SharedAnchor> SharedAnchors(const Bead& b, const DocumentAnchors& src,
                                        const DocumentAnchors& tgt, bool partial_dates) {
  std::vector<SharedAnchor> shared;
  if (src.empty() || tgt.empty()) return shared;
  std::vector<const Anchor*> pool;
  for (size_t j : b.tgt) {
    if (j < tgt.size()) {
      for (const Anchor& a : tgt[j]) pool.push_back(&a);
    }
  }
  std::vector<const Anchor*> unmatched_dates;
  for (size_t i : b.src) {
    if (i >= src.size()) continue;
    for (const Anchor& a : src[i]) {
      bool matched = false;
      for (const Anchor*& t : pool) {
        if (t != nullptr && t->kind == a.kind && t->key == a.key && !a.key.empty()) {
          shared.push_back({a.kind, a.key, a.text, t->text});
          t = nullptr;
          matched = true;
          break;
        }
      }
      if (!matched && a.kind == AnchorKind::kDate && !a.key.empty()) unmatched_dates.push_back(&a);
    }
  }
  if (!partial_dates) return shared;
  // The keys a date meets in the features, the most precise first: its own,
  // its month, its year.
  auto keys_of = [](const Anchor& a) {
    std::vector<std::string> keys{a.key};
    const std::vector<std::string> coarser = text::CoarserDateKeys(a.key);
    keys.insert(keys.end(), coarser.rbegin(), coarser.rend());
    return keys;
  };
  for (const Anchor* a : unmatched_dates) {
    const std::vector<std::string> mine = keys_of(*a);
    for (const Anchor*& t : pool) {
      if (t == nullptr || t->kind != AnchorKind::kDate) continue;
      const std::vector<std::string> theirs = keys_of(*t);
      auto common = std::find_first_of(mine.begin(), mine.end(), theirs.begin(), theirs.end());
      if (common == mine.end()) continue;
      shared.push_back({a->kind, *common, a->text, t->text});
      t = nullptr;
      break;
    }
  }
  return shared;
}

// Copies of a side's texts and anchors with its set-aside segments emptied
// (no words, no anchors: no candidate). False, copying nothing, if none is
// set aside.
bool WithoutSetAside(const AlignSide& side, std::vector<std::string>* texts,
                     DocumentAnchors* anchors) {
  if (side.set_aside == nullptr ||
      std::find(side.set_aside->begin(), side.set_aside->end(), true) == side.set_aside->end()) {
    return false;
  }
  *texts = side.texts;
  *anchors = side.anchors;
  for (size_t i = 0; i < side.set_aside->size() && i < texts->size(); ++i) {
    if (!(*side.set_aside)[i]) continue;
    (*texts)[i].clear();
    if (i < anchors->size()) (*anchors)[i].clear();
  }
  return true;
}

}  // namespace

Alignment Align(const AlignSide& src, const AlignSide& tgt, const AlignOptions& options,
                ModeDecision* decision, CandidateScores* candidates) {
  FeatureOptions fs;
  fs.language = options.src_language;
  fs.side = Side::kSource;
  fs.lexicon = options.lexicon;
  fs.user_lexicon = options.user_lexicon;
  fs.anchor_weight = options.anchor_weight;
  fs.phonetic_names = text::WritesInLatinScript(options.src_language) !=
                      text::WritesInLatinScript(options.tgt_language);
  FeatureOptions ft = fs;
  ft.language = options.tgt_language;
  ft.side = Side::kTarget;
  // The scorer of both sides' features (it keeps what it needs of them).
  const std::vector<std::string>* src_texts = &src.texts;
  const std::vector<std::string>* tgt_texts = &tgt.texts;
  const DocumentAnchors* src_anchors = &src.anchors;
  const DocumentAnchors* tgt_anchors = &tgt.anchors;
  std::vector<std::string> src_kept, tgt_kept;  // comparable mode: without furniture
  DocumentAnchors src_kept_anchors, tgt_kept_anchors;
  auto score = [&] {
    SideFeatures src_features, tgt_features;
    if (options.threads > 1 && src_texts->size() + tgt_texts->size() > 2000) {
      std::thread t([&] { tgt_features = BuildSideFeatures(*tgt_texts, *tgt_anchors, ft); });
      src_features = BuildSideFeatures(*src_texts, *src_anchors, fs);
      t.join();
    } else {
      src_features = BuildSideFeatures(*src_texts, *src_anchors, fs);
      tgt_features = BuildSideFeatures(*tgt_texts, *tgt_anchors, ft);
    }
    return Scorer(std::move(src_features), std::move(tgt_features), options.length_prior);
  };

  // One match index serves the mode decision and the aligner. A new one is
  // built only once the old one is freed: two indexes of a long document at
  // once were most of its peak memory.
  std::optional<Scorer> probe(score());
  auto rescore = [&] {
    probe.reset();
    probe.emplace(score());
  };
  ModeDecision chosen;
  chosen.mode = options.mode;
  if (options.mode == AlignMode::kAuto) chosen = DecideMode(*probe);

  Alignment result;
  result.mode = chosen.mode;
  ParallelParams params;
  double level = 1.0;
  auto align_parallel = [&] {
    Scorer scorer(*probe, Scorer::FitLength(probe->src(), probe->tgt(), options.length_prior));
    result.beads = AlignParallel(scorer, params, options.threads, &level);
    for (Bead& b : result.beads) {
      if (b.src.empty() || b.tgt.empty()) {
        b.score = 0.0;
        continue;
      }
      size_t s0 = b.src.front(), s1 = b.src.back() + 1;
      size_t t0 = b.tgt.front(), t1 = b.tgt.back() + 1;
      b.score =
          ParallelScore(scorer.Similarity(s0, s1, t0, t1), scorer.LengthPenalty(s0, s1, t0, t1), b);
    }
  };
  if (chosen.mode == AlignMode::kParallel) {
    align_parallel();
    if (options.learn) {
      LearnOptions lo;
      lo.src_language = options.src_language;
      lo.tgt_language = options.tgt_language;
      // With a dictionary, what a short text teaches adds little to it and
      // can mislead: learn from long texts only (French–English news with
      // FreeDict, omissions: strict F1 0.981 from 20 beads on, 0.980 from 5).
      const bool dictionary = (options.lexicon != nullptr && !options.lexicon->empty()) ||
                              (options.user_lexicon != nullptr && !options.user_lexicon->empty());
      if (dictionary) lo.min_beads = std::max(lo.min_beads, kMinBeadsWithDictionary);
      LexiconLearner learner(lo);
      learner.Add(src.texts, tgt.texts, result.beads);
      chosen.learned = learner.Pairs();
      chosen.learned_pairs = LexiconOf(chosen.learned).size();
      std::vector<LearnedPair> all = chosen.learned;
      if (options.learned_lexicon != nullptr) {
        // What this document taught first, then what the batch did.
        options.learned_lexicon->ForEachEntry(
            [&](std::string_view s, std::span<const std::string_view> ts) {
              for (std::string_view t : ts) all.push_back({std::string(s), std::string(t), 0, 0});
            });
      }
      auto learned = std::make_shared<const Lexicon>(LexiconOf(all));
      if (!learned->empty()) {
        fs.learned = ft.learned = learned;
        // The costs trust similarity as much as in the first alignment (see
        // ParallelParams::evidence_level); with the words of a whole batch,
        // halfway to what the new similarities show (a lexicon learned from
        // many documents covers more, so it earns more trust).
        const double first_level = level;
        rescore();
        if (options.learned_lexicon != nullptr && !options.learned_lexicon->empty()) {
          params.evidence_level = -1.0;
          align_parallel();
          params.evidence_level = 0.5 * (first_level + level);
        } else {
          params.evidence_level = first_level;
        }
        align_parallel();
      }
    }
  } else {
    // Comparable articles name one event at different granularities: a date
    // meets its month and year (the mode decision is made without them).
    fs.partial_dates = ft.partial_dates = true;
    // Page furniture gives no evidence, so no link takes it.
    if (WithoutSetAside(src, &src_kept, &src_kept_anchors)) {
      src_texts = &src_kept;
      src_anchors = &src_kept_anchors;
    }
    if (WithoutSetAside(tgt, &tgt_kept, &tgt_kept_anchors)) {
      tgt_texts = &tgt_kept;
      tgt_anchors = &tgt_kept_anchors;
    }
    rescore();
    result.beads = AlignComparable(*probe, ComparableParams{}, options.threads);
  }
  if (decision != nullptr) *decision = chosen;
  if (candidates != nullptr) {
    // The similarities of the scorer the beads were chosen with.
    candidates->pairs =
        FindCandidates(*probe, candidates->per_source, candidates->max_df, options.threads);
  }
  const size_t n_src = probe->src().size(), n_tgt = probe->tgt().size();
  std::vector<Bead> kept;
  kept.reserve(result.beads.size());
  for (Bead& b : result.beads) {
    const bool pair = !b.src.empty() && !b.tgt.empty();
    if (pair && b.score < options.min_score) {
      // A rejected pair's segments stay in the output, unaligned: in
      // parallel mode as omissions in its place; in comparable mode they are
      // listed below with the segments no pair took.
      if (result.mode == AlignMode::kComparable) continue;
      for (size_t i : b.src) kept.push_back(Bead{{i}, {}, 0.0, {}});
      for (size_t j : b.tgt) kept.push_back(Bead{{}, {j}, 0.0, {}});
      continue;
    }
    if (pair) {
      b.anchors = SharedAnchors(b, src.anchors, tgt.anchors, result.mode == AlignMode::kComparable);
    }
    kept.push_back(std::move(b));
  }
  result.beads = std::move(kept);
  // Comparable mode lists the segments it left unaligned too: source ones in
  // source order among the pairs, target ones at the end.
  if (result.mode == AlignMode::kComparable) {
    std::vector<bool> src_used(n_src, false), tgt_used(n_tgt, false);
    for (const Bead& b : result.beads) {
      for (size_t i : b.src) src_used[i] = true;
      for (size_t j : b.tgt) tgt_used[j] = true;
    }
    std::vector<Bead> all;
    size_t next = 0;
    for (size_t i = 0; i < src_used.size(); ++i) {
      if (!src_used[i]) {
        all.push_back(Bead{{i}, {}, 0.0, {}});
      } else {
        // Every link of segment i (comparable links may share a segment).
        while (next < result.beads.size() && result.beads[next].src[0] < i) ++next;
        while (next < result.beads.size() && result.beads[next].src[0] == i) {
          all.push_back(std::move(result.beads[next++]));
        }
      }
    }
    for (size_t j = 0; j < tgt_used.size(); ++j) {
      if (!tgt_used[j]) all.push_back(Bead{{}, {j}, 0.0, {}});
    }
    result.beads = std::move(all);
  }
  return result;
}

}  // namespace ancre::align
