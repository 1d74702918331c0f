#include "src/align/learned_lexicon.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "src/align/features.h"
#include "src/unicode/fold.h"

namespace ancre::align {

struct LexiconLearner::State {
  explicit State(LearnOptions o)
      : options(std::move(o)),
        src_stemmer(options.src_language),
        tgt_stemmer(options.tgt_language) {}

  // The distinct content stems of a text, as ids (assigned on first sight).
  std::vector<uint32_t> StemIds(std::string_view text, bool source) {
    const std::string& language = source ? options.src_language : options.tgt_language;
    Stemmer& stemmer = source ? src_stemmer : tgt_stemmer;
    auto& ids = source ? src_ids : tgt_ids;
    auto& names = source ? src_names : tgt_names;
    std::vector<uint32_t> out;
    for (const Word& w : SplitWords(text)) {
      if (w.is_number) continue;
      std::string folded = unicode::FoldForMatching(text.substr(w.begin, w.end - w.begin));
      if (folded.size() < 3 || IsStopword(language, folded)) continue;
      std::string stem = stemmer.Stem(folded);
      auto [it, added] = ids.emplace(std::move(stem), static_cast<uint32_t>(names.size()));
      if (added) names.push_back(it->first);
      out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  LearnOptions options;
  Stemmer src_stemmer, tgt_stemmer;
  std::unordered_map<std::string, uint32_t> src_ids, tgt_ids;
  std::vector<std::string> src_names, tgt_names;
  std::vector<uint32_t> src_count, tgt_count;
  std::unordered_map<uint64_t, uint32_t> pair_count;
  size_t beads = 0;
};

LexiconLearner::LexiconLearner(LearnOptions options)
    : state_(std::make_unique<State>(std::move(options))) {}
LexiconLearner::~LexiconLearner() = default;
LexiconLearner::LexiconLearner(LexiconLearner&&) noexcept = default;
LexiconLearner& LexiconLearner::operator=(LexiconLearner&&) noexcept = default;

size_t LexiconLearner::beads() const { return state_->beads; }

void LexiconLearner::Add(const std::vector<std::string>& src_texts,
                         const std::vector<std::string>& tgt_texts,
                         const std::vector<Bead>& beads) {
  State& st = *state_;
  std::vector<const Bead*> sure;
  for (const Bead& b : beads) {
    if (b.src.size() == 1 && b.tgt.size() == 1 && b.score >= st.options.min_score &&
        b.src[0] < src_texts.size() && b.tgt[0] < tgt_texts.size()) {
      sure.push_back(&b);
    }
  }
  if (sure.empty()) return;
  const size_t max_beads = std::max<size_t>(1, st.options.max_beads);
  const size_t step = (sure.size() + max_beads - 1) / max_beads;
  for (size_t k = 0; k < sure.size(); k += step) {
    const Bead& b = *sure[k];
    std::vector<uint32_t> s = st.StemIds(src_texts[b.src[0]], true);
    std::vector<uint32_t> t = st.StemIds(tgt_texts[b.tgt[0]], false);
    st.src_count.resize(st.src_names.size(), 0);
    st.tgt_count.resize(st.tgt_names.size(), 0);
    for (uint32_t x : s) ++st.src_count[x];
    for (uint32_t y : t) ++st.tgt_count[y];
    for (uint32_t x : s) {
      for (uint32_t y : t) ++st.pair_count[(static_cast<uint64_t>(x) << 32) | y];
    }
    ++st.beads;
  }
}

std::vector<LearnedPair> LexiconLearner::Pairs() const {
  const State& st = *state_;
  std::vector<LearnedPair> out;
  if (st.beads < st.options.min_beads) return out;
  // For each source stem, its best target stems by Dice; ties by id (first seen).
  struct Choice {
    uint32_t tgt;
    uint32_t count;
    double dice;
  };
  std::vector<std::vector<Choice>> best(st.src_names.size());
  for (const auto& [key, c] : st.pair_count) {
    if (c < st.options.min_count) continue;
    const uint32_t x = static_cast<uint32_t>(key >> 32), y = static_cast<uint32_t>(key);
    const double dice = 2.0 * c / static_cast<double>(st.src_count[x] + st.tgt_count[y]);
    if (dice >= st.options.min_dice) best[x].push_back({y, c, dice});
  }
  std::vector<uint32_t> order;
  for (uint32_t x = 0; x < best.size(); ++x) {
    if (!best[x].empty()) order.push_back(x);
  }
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return st.src_names[a] < st.src_names[b]; });
  for (uint32_t x : order) {
    std::vector<Choice>& v = best[x];
    std::sort(v.begin(), v.end(), [](const Choice& a, const Choice& b) {
      return a.dice != b.dice ? a.dice > b.dice : a.tgt < b.tgt;
    });
    if (v.size() > st.options.max_translations) v.resize(st.options.max_translations);
    for (const Choice& c : v)
      out.push_back({st.src_names[x], st.tgt_names[c.tgt], c.dice, c.count});
  }
  return out;
}

Lexicon LexiconOf(const std::vector<LearnedPair>& pairs) {
  std::vector<std::pair<std::string, std::string>> stems;
  stems.reserve(pairs.size());
  for (const LearnedPair& p : pairs) stems.emplace_back(p.src, p.tgt);
  return Lexicon::FromStemPairs(stems);
}

Lexicon LearnLexicon(const std::vector<std::string>& src_texts,
                     const std::vector<std::string>& tgt_texts, const std::vector<Bead>& beads,
                     const LearnOptions& options) {
  LexiconLearner learner(options);
  learner.Add(src_texts, tgt_texts, beads);
  return LexiconOf(learner.Pairs());
}

}  // namespace ancre::align
