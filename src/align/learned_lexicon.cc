#include "src/align/learned_lexicon.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "src/align/features.h"
#include "src/unicode/fold.h"

namespace ancre::align {
namespace {

// The distinct content stems of a text, as ids in `ids` (assigned on first sight).
std::vector<uint32_t> StemIds(std::string_view text, std::string_view language, Stemmer* stemmer,
                              std::unordered_map<std::string, uint32_t>* ids,
                              std::vector<std::string>* names) {
  std::vector<uint32_t> out;
  for (const Word& w : SplitWords(text)) {
    if (w.is_number) continue;
    std::string folded = unicode::FoldForMatching(text.substr(w.begin, w.end - w.begin));
    if (folded.size() < 3 || IsStopword(language, folded)) continue;
    std::string stem = stemmer->Stem(folded);
    auto [it, added] = ids->emplace(std::move(stem), static_cast<uint32_t>(names->size()));
    if (added) names->push_back(it->first);
    out.push_back(it->second);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

Lexicon LearnLexicon(const std::vector<std::string>& src_texts,
                     const std::vector<std::string>& tgt_texts, const std::vector<Bead>& beads,
                     const LearnOptions& options) {
  std::vector<const Bead*> sure;
  for (const Bead& b : beads) {
    if (b.src.size() == 1 && b.tgt.size() == 1 && b.score >= options.min_score &&
        b.src[0] < src_texts.size() && b.tgt[0] < tgt_texts.size()) {
      sure.push_back(&b);
    }
  }
  if (sure.size() < options.min_beads) return Lexicon();
  const size_t step = (sure.size() + options.max_beads - 1) / options.max_beads;

  Stemmer src_stemmer(options.src_language), tgt_stemmer(options.tgt_language);
  std::unordered_map<std::string, uint32_t> src_ids, tgt_ids;
  std::vector<std::string> src_names, tgt_names;
  std::vector<uint32_t> src_count, tgt_count;
  std::unordered_map<uint64_t, uint32_t> pair_count;
  for (size_t k = 0; k < sure.size(); k += step) {
    const Bead& b = *sure[k];
    std::vector<uint32_t> s =
        StemIds(src_texts[b.src[0]], options.src_language, &src_stemmer, &src_ids, &src_names);
    std::vector<uint32_t> t =
        StemIds(tgt_texts[b.tgt[0]], options.tgt_language, &tgt_stemmer, &tgt_ids, &tgt_names);
    src_count.resize(src_names.size(), 0);
    tgt_count.resize(tgt_names.size(), 0);
    for (uint32_t x : s) ++src_count[x];
    for (uint32_t y : t) ++tgt_count[y];
    for (uint32_t x : s) {
      for (uint32_t y : t) ++pair_count[(static_cast<uint64_t>(x) << 32) | y];
    }
  }
  // For each source stem, its best target stems by Dice; ties by id (first seen).
  struct Choice {
    uint32_t tgt;
    double dice;
  };
  std::vector<std::vector<Choice>> best(src_names.size());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& [key, c] : pair_count) {
    if (c < options.min_count) continue;
    const uint32_t x = static_cast<uint32_t>(key >> 32), y = static_cast<uint32_t>(key);
    const double dice = 2.0 * c / static_cast<double>(src_count[x] + tgt_count[y]);
    if (dice >= options.min_dice) best[x].push_back({y, dice});
  }
  for (size_t x = 0; x < best.size(); ++x) {
    std::vector<Choice>& v = best[x];
    std::sort(v.begin(), v.end(), [](const Choice& a, const Choice& b) {
      return a.dice != b.dice ? a.dice > b.dice : a.tgt < b.tgt;
    });
    if (v.size() > options.max_translations) v.resize(options.max_translations);
    for (const Choice& c : v) pairs.emplace_back(src_names[x], tgt_names[c.tgt]);
  }
  return Lexicon::FromStemPairs(pairs);
}

}  // namespace ancre::align
