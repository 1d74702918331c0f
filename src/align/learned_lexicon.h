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
#include <string>
#include <vector>

#include "src/align/lexicon.h"
#include "src/core/bead.h"

namespace ancre::align {

struct LearnOptions {
  std::string src_language = "fr";  // ISO 639-1 code (stemming, function words)
  std::string tgt_language = "en";
  double min_score = 0.6;       // beads learned from: 1-1 with at least this score
  size_t min_beads = 20;        // fewer confident beads: nothing is learned
  size_t max_beads = 2000;      // more: every k-th is used (memory stays bounded)
  size_t min_count = 2;         // a pair must meet in at least this many beads
  double min_dice = 0.3;        // 2 c(s,t) / (c(s) + c(t))
  size_t max_translations = 3;  // the best few per source stem
};

// Learns stem translations from the 1-1 beads of `beads` (indices into
// src_texts / tgt_texts) whose score is at least options.min_score. Returns
// an empty lexicon when there are too few of them. Deterministic.
Lexicon LearnLexicon(const std::vector<std::string>& src_texts,
                     const std::vector<std::string>& tgt_texts, const std::vector<Bead>& beads,
                     const LearnOptions& options);

}  // namespace ancre::align
