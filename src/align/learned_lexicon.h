// A translation lexicon learned from the documents being aligned: after a
// first alignment, the stems that keep meeting in its confident 1-1 beads
// (Dice coefficient of their co-occurrence, as in hunalign's realign and
// Moore's aligner) become word translations for a second alignment. Needs
// no dictionary, so it serves every language pair; with one, it adds what
// the dictionary lacks (names, terms, inflections Snowball misses).
//
// Thread-safety: pure function over its inputs.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "src/align/lexicon.h"
#include "src/core/bead.h"

namespace ancre::align {

struct LearnOptions {
  std::string src_language = "fr";  // ISO 639-1 code (stemming, function words)
  std::string tgt_language = "en";
  double min_score = 0.6;  // beads learned from: 1-1 with at least this score
  // Fewer confident beads: nothing is learned (a news article has 15; with a
  // dictionary, Align() asks for 20).
  size_t min_beads = 5;
  size_t max_beads = 2000;      // more: every k-th is used (memory stays bounded)
  size_t min_count = 2;         // a pair must meet in at least this many beads
  double min_dice = 0.3;        // 2 c(s,t) / (c(s) + c(t))
  size_t max_translations = 3;  // the best few per source stem
};

// One learned word translation, with the evidence for it.
struct LearnedPair {
  std::string src;   // source stem
  std::string tgt;   // target stem
  double dice = 0;   // 2 c(s,t) / (c(s) + c(t))
  size_t count = 0;  // c(s,t): confident beads where both occur
};

// Counts stem co-occurrences over the confident beads of one or more
// alignments (a batch of document pairs learns from all of them together),
// then gives the pairs that pass the thresholds. Deterministic: the result
// depends on the documents added and their order only.
class LexiconLearner {
 public:
  explicit LexiconLearner(LearnOptions options);
  ~LexiconLearner();
  LexiconLearner(LexiconLearner&&) noexcept;
  LexiconLearner& operator=(LexiconLearner&&) noexcept;

  // Counts the 1-1 beads of `beads` (indices into src_texts / tgt_texts)
  // scoring at least options.min_score, at most options.max_beads of them a
  // call (every k-th beyond). The texts are only read during the call.
  void Add(const std::vector<std::string>& src_texts, const std::vector<std::string>& tgt_texts,
           const std::vector<Bead>& beads);

  // Confident beads counted so far.
  size_t beads() const;

  // The learned pairs, by source stem (byte order), then by Dice (best
  // first); empty when fewer than options.min_beads beads were counted.
  std::vector<LearnedPair> Pairs() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The lexicon of learned pairs (the best of a stem first).
Lexicon LexiconOf(const std::vector<LearnedPair>& pairs);

// Learns stem translations from the 1-1 beads of one alignment: a
// LexiconLearner given these beads, as a lexicon. Returns an empty lexicon
// when there are too few confident beads. Deterministic.
Lexicon LearnLexicon(const std::vector<std::string>& src_texts,
                     const std::vector<std::string>& tgt_texts, const std::vector<Bead>& beads,
                     const LearnOptions& options);

}  // namespace ancre::align
