#include "src/align/scorer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <utility>

#include "src/align/key_table.h"

namespace ancre::align {
namespace {

constexpr uint32_t kNone = KeyTable::kNone;

// Fills one side of the index: `dense` maps each vocabulary id of the side
// to its shared id (kNone: the other side does not have the key).
MatchSide BuildMatchSide(const SideFeatures& f, const std::vector<uint32_t>& dense) {
  MatchSide s;
  const size_t n = f.size();
  s.key_begin.reserve(n + 1);
  s.mask_begin.reserve(n + 1);
  s.token_begin.reserve(n + 1);
  s.total_weight = f.total_weight;
  std::vector<std::pair<uint32_t, uint32_t>> entries;  // (dense id, matchable token)
  for (size_t i = 0; i < n; ++i) {
    s.key_begin.push_back(static_cast<uint32_t>(s.keys.size()));
    s.mask_begin.push_back(static_cast<uint32_t>(s.key_tokens.size()));
    s.token_begin.push_back(static_cast<uint32_t>(s.token_weight.size()));
    entries.clear();
    uint32_t matchable = 0;
    for (const Token& t : f.SegmentTokens(i)) {
      bool any = false;
      for (uint32_t key : f.TokenKeys(t)) {
        if (dense[key] == kNone) continue;
        entries.emplace_back(dense[key], matchable);
        any = true;
      }
      if (any) {
        s.token_weight.push_back(t.weight);
        ++matchable;
      }
    }
    std::sort(entries.begin(), entries.end());
    const size_t words = (matchable + 63) / 64;
    for (size_t e = 0; e < entries.size(); ++e) {
      if (e == 0 || entries[e].first != entries[e - 1].first) {
        s.keys.push_back(entries[e].first);
        s.key_tokens.resize(s.key_tokens.size() + words, 0);
      }
      uint32_t token = entries[e].second;
      s.key_tokens[s.key_tokens.size() - words + token / 64] |= uint64_t{1} << (token % 64);
    }
  }
  s.key_begin.push_back(static_cast<uint32_t>(s.keys.size()));
  s.mask_begin.push_back(static_cast<uint32_t>(s.key_tokens.size()));
  s.token_begin.push_back(static_cast<uint32_t>(s.token_weight.size()));
  return s;
}

// Segments holding each dense id, ascending (counting sort: linear time).
void BuildPostings(const MatchSide& side, size_t ids, std::vector<uint32_t>* begin,
                   std::vector<uint32_t>* postings) {
  begin->assign(ids + 1, 0);
  for (uint32_t id : side.keys) ++(*begin)[id + 1];
  for (size_t k = 0; k < ids; ++k) (*begin)[k + 1] += (*begin)[k];
  postings->assign(side.keys.size(), 0);
  std::vector<uint32_t> next(begin->begin(), begin->end() - 1);
  for (size_t i = 0; i < side.size(); ++i) {
    for (uint32_t id : side.SegmentKeys(i)) (*postings)[next[id]++] = static_cast<uint32_t>(i);
  }
}

// ORs into src_bits (target: tgt_bits) the token sets of the keys source
// segment i and target segment j share; either output may be null.
void Intersect(const MatchSide& a, size_t i, const MatchSide& b, size_t j, uint64_t* src_bits,
               uint64_t* tgt_bits) {
  const uint32_t* p = a.keys.data() + a.key_begin[i];
  const uint32_t* const pe = a.keys.data() + a.key_begin[i + 1];
  const uint32_t* q = b.keys.data() + b.key_begin[j];
  const uint32_t* const qe = b.keys.data() + b.key_begin[j + 1];
  if (p == pe || q == qe || *p > qe[-1] || *q > pe[-1]) return;
  const uint32_t* const p0 = p;
  const uint32_t* const q0 = q;
  const size_t wa = a.words(i), wb = b.words(j);
  while (p != pe && q != qe) {
    if (*p < *q) {
      ++p;
    } else if (*q < *p) {
      ++q;
    } else {
      if (src_bits != nullptr) {
        const uint64_t* m =
            a.key_tokens.data() + a.mask_begin[i] + static_cast<size_t>(p - p0) * wa;
        for (size_t w = 0; w < wa; ++w) src_bits[w] |= m[w];
      }
      if (tgt_bits != nullptr) {
        const uint64_t* m =
            b.key_tokens.data() + b.mask_begin[j] + static_cast<size_t>(q - q0) * wb;
        for (size_t w = 0; w < wb; ++w) tgt_bits[w] |= m[w];
      }
      ++p;
      ++q;
    }
  }
}

}  // namespace

double MatchSide::Weigh(size_t i, const uint64_t* bits) const {
  double sum = 0.0;
  const float* w = token_weight.data() + token_begin[i];
  for (size_t word = 0, words_i = words(i); word < words_i; ++word) {
    for (uint64_t b = bits[word]; b != 0; b &= b - 1) {
      sum += w[word * 64 + static_cast<size_t>(std::countr_zero(b))];
    }
  }
  return sum;
}

MatchIndex MatchIndex::Build(const SideFeatures& src, const SideFeatures& tgt) {
  MatchIndex index;
  KeyTable table;  // source vocabulary id = table id
  for (uint64_t key : src.vocabulary) table.Insert(key);
  std::vector<uint32_t> src_dense(src.vocabulary.size(), kNone);
  std::vector<uint32_t> tgt_dense(tgt.vocabulary.size(), kNone);
  uint32_t next = 0;
  for (size_t k = 0; k < tgt.vocabulary.size(); ++k) {
    uint32_t id = table.Find(tgt.vocabulary[k]);
    if (id == kNone) continue;
    src_dense[id] = tgt_dense[k] = next++;
    index.anchor.push_back(src.anchor_key[id]);
  }
  index.shared_keys = next;
  index.src = BuildMatchSide(src, src_dense);
  index.tgt = BuildMatchSide(tgt, tgt_dense);
  BuildPostings(index.src, next, &index.src_posting_begin, &index.src_postings);
  BuildPostings(index.tgt, next, &index.tgt_posting_begin, &index.tgt_postings);
  return index;
}

namespace {

// The features with their per-token data dropped (the index holds what the
// scorer needs of them), shared by the scorers of the same documents.
std::shared_ptr<const SideFeatures> Lengths(SideFeatures&& f) {
  DropTokens(&f);
  return std::make_shared<const SideFeatures>(std::move(f));
}

}  // namespace

Scorer::Scorer(SideFeatures src, SideFeatures tgt, LengthModel length)
    : index_(std::make_shared<const MatchIndex>(MatchIndex::Build(src, tgt))), length_(length) {
  src_ = Lengths(std::move(src));
  tgt_ = Lengths(std::move(tgt));
}

Scorer::Scorer(const Scorer& other, LengthModel length)
    : src_(other.src_), tgt_(other.tgt_), index_(other.index_), length_(length) {}

double LengthPenaltyFromChars(double src_chars, double tgt_chars, const LengthModel& model) {
  // Gale & Church: delta = (l2 - c l1) / sqrt(l1 s^2); the mean of both
  // lengths (in source units) keeps it symmetric when one side is empty-ish.
  double mean = std::max(1.0, (src_chars + tgt_chars / model.ratio) / 2.0);
  double delta = (tgt_chars - model.ratio * src_chars) / std::sqrt(mean * model.variance);
  double p = std::erfc(std::fabs(delta) / std::sqrt(2.0));
  return -std::log(std::max(p, 1e-12));
}

double Scorer::SourceWeight(size_t b, size_t e) const {
  double w = 0;
  for (size_t i = b; i < e; ++i) w += src_->total_weight[i];
  return w;
}

double Scorer::TargetWeight(size_t b, size_t e) const {
  double w = 0;
  for (size_t j = b; j < e; ++j) w += tgt_->total_weight[j];
  return w;
}

double Scorer::Smooth(double covered, double total) {
  // Smoothing: a pseudo-token of weight kSmoothing, half matched. Two
  // segments without any content word ("Oui et non." / "Yes and no.") are
  // neither evidence for nor against a pair (0.5); long segments are unaffected.
  constexpr double kSmoothing = 3.0;
  return (covered + 0.5 * kSmoothing) / (total + kSmoothing);
}

PairMatch Scorer::Match(size_t i, size_t j) const {
  PairMatch m;
  Intersect(index_->src, i, index_->tgt, j, &m.src_bits, &m.tgt_bits);
  return m;
}

bool Scorer::SharesRareAnchor(size_t i, size_t j, size_t max_df) const {
  const MatchIndex& x = *index_;
  std::span<const uint32_t> a = x.src.SegmentKeys(i);
  std::span<const uint32_t> b = x.tgt.SegmentKeys(j);
  size_t p = 0, q = 0;
  while (p < a.size() && q < b.size()) {
    if (a[p] < b[q]) {
      ++p;
    } else if (b[q] < a[p]) {
      ++q;
    } else {
      const uint32_t k = a[p];
      if (x.anchor[k] != 0 && x.src_posting_begin[k + 1] - x.src_posting_begin[k] <= max_df &&
          x.tgt_posting_begin[k + 1] - x.tgt_posting_begin[k] <= max_df) {
        return true;
      }
      ++p;
      ++q;
    }
  }
  return false;
}

double Scorer::SimilarityOf(size_t i, size_t j, const PairMatch& m) const {
  double covered = index_->src.Weigh(i, &m.src_bits) + index_->tgt.Weigh(j, &m.tgt_bits);
  return Smooth(covered, static_cast<double>(src_->total_weight[i]) + tgt_->total_weight[j]);
}

double Scorer::SmoothShare(double covered, double weight) {
  // Half the pair smoothing per segment (see Smooth).
  return (covered + 0.75) / (weight + 1.5);
}

double Scorer::SegmentwiseSimilarityOf(size_t i, size_t j, const PairMatch& m) const {
  return 0.5 * (SmoothShare(index_->src.Weigh(i, &m.src_bits), src_->total_weight[i]) +
                SmoothShare(index_->tgt.Weigh(j, &m.tgt_bits), tgt_->total_weight[j]));
}

double Scorer::SegmentwiseSimilarity(size_t s0, size_t s1, size_t t0, size_t t1) const {
  const MatchSide& a = index_->src;
  const MatchSide& b = index_->tgt;
  double sum = 0.0;
  std::vector<uint64_t> bits;
  for (size_t i = s0; i < s1; ++i) {
    bits.assign(a.words(i), 0);
    for (size_t j = t0; j < t1; ++j) Intersect(a, i, b, j, bits.data(), nullptr);
    sum += SmoothShare(a.Weigh(i, bits.data()), src_->total_weight[i]);
  }
  for (size_t j = t0; j < t1; ++j) {
    bits.assign(b.words(j), 0);
    for (size_t i = s0; i < s1; ++i) Intersect(a, i, b, j, nullptr, bits.data());
    sum += SmoothShare(b.Weigh(j, bits.data()), tgt_->total_weight[j]);
  }
  const size_t parts = (s1 - s0) + (t1 - t0);
  return parts == 0 ? 0.5 : sum / static_cast<double>(parts);
}

double Scorer::Similarity(size_t s0, size_t s1, size_t t0, size_t t1) const {
  const MatchSide& a = index_->src;
  const MatchSide& b = index_->tgt;
  if (s1 == s0 + 1 && t1 == t0 + 1 && a.narrow(s0) && b.narrow(t0)) {
    return SimilarityOf(s0, t0, Match(s0, t0));
  }
  double covered = 0.0;
  std::vector<uint64_t> bits;
  for (size_t i = s0; i < s1; ++i) {
    bits.assign(a.words(i), 0);
    for (size_t j = t0; j < t1; ++j) Intersect(a, i, b, j, bits.data(), nullptr);
    covered += a.Weigh(i, bits.data());
  }
  for (size_t j = t0; j < t1; ++j) {
    bits.assign(b.words(j), 0);
    for (size_t i = s0; i < s1; ++i) Intersect(a, i, b, j, nullptr, bits.data());
    covered += b.Weigh(j, bits.data());
  }
  return Smooth(covered, SourceWeight(s0, s1) + TargetWeight(t0, t1));
}

double Scorer::LengthPenalty(size_t s0, size_t s1, size_t t0, size_t t1) const {
  double ls = 0, lt = 0;
  for (size_t i = s0; i < s1; ++i) ls += src_->chars[i];
  for (size_t j = t0; j < t1; ++j) lt += tgt_->chars[j];
  return LengthPenaltyFromChars(ls, lt, length_);
}

LengthModel Scorer::FitLength(const SideFeatures& src, const SideFeatures& tgt,
                              const LengthModel& prior) {
  double ls = 0, lt = 0;
  for (uint32_t c : src.chars) ls += c;
  for (uint32_t c : tgt.chars) lt += c;
  LengthModel m = prior;
  if (ls <= 0 || lt <= 0) return m;
  // Shrink the observed ratio towards the prior with a pseudo-count of 2000
  // characters: a short document says little about the language pair.
  constexpr double kPrior = 2000.0;
  double observed = lt / ls;
  double ratio = (observed * ls + prior.ratio * kPrior) / (ls + kPrior);
  m.ratio = std::clamp(ratio, prior.ratio / 1.5, prior.ratio * 1.5);
  return m;
}

}  // namespace ancre::align
