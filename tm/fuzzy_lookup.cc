// Fuzzy lookup's candidate bound, over a PostingSource (fuzzy_lookup.h).
// Candidates come from the word index by prefix filtering, which is exact, not
// a heuristic:
//
// A match at threshold T between a query of n words and a TU source of m words
// needs (1) n·T/100 ≤ m ≤ n·100/T, because d ≥ |n − m|; and (2) at least
// k = ⌈n·T/100⌉ query words that also occur in the source, because every word
// not shared costs at least one edit (score ≤ 100·shared/max(n, m)). Order the
// query's distinct words from rarest to most common and read their posting
// lists in that order. After reading words covering c of the n query word
// occurrences, a source's weight w (the query occurrences of the words read
// that it contains) bounds what it shares: shared ≤ w + n − c. So it can match
// only if w ≥ need = k − n + c; once need ≥ 1, a source in none of the lists
// read cannot match, and each further word read raises need by its
// occurrences, dropping candidates without reading their rows.
//
// Only the best `max` matches are returned, so T rises as matches are found:
// a TU scoring below the max-th best score found so far (the floor) cannot be
// in the result, and neither can one whose bound is below it. Lookup therefore
// reads the rarest words first, scores the candidates containing the most of
// them (the likely best matches) to raise the floor, reads further words only
// until need ≥ 1 at that floor, and scores the remaining candidates heaviest
// first, stopping at the first whose weight falls short of need. Every TU left
// unscored has a bound strictly below the final floor, and ties at the floor
// are all scored, so FindMatches returns exactly what FindMatchesByScan returns (tested).
#include "tm/fuzzy_lookup.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "src/core/bead_json.h"
#include "src/core/error.h"
#include "tm/cat_match.h"

namespace ancre::tm::internal {

namespace {

// Slack for floating-point bounds: a bound is never tightened by rounding.
constexpr double kEpsilon = 1e-9;

// The query's words as small integers, so the edit distance compares ints.
// Words of a candidate that the query lacks all map to -1 (never equal to a
// query word, which is all the distance needs).
class QueryWords {
 public:
  explicit QueryWords(const MatchWords& query) {
    for (const auto& w : query.keys) {
      auto [it, added] = ids_.try_emplace(w, static_cast<int>(ids_.size()));
      ids_seq_.push_back(it->second);
      if (added) counts_.push_back(0);
      ++counts_[static_cast<size_t>(it->second)];
    }
  }
  size_t size() const { return ids_seq_.size(); }

  // Scores candidate `key` (space-separated normalized words). Returns false
  // without computing the distance when the words shared with the query
  // cannot reach the threshold: d ≥ max(n, m) − shared, so score ≤ 100 · shared / max(n, m).
  bool Score(std::string_view key, double threshold, double* score) {
    candidate_.clear();
    size_t begin = 0;
    while (begin < key.size()) {
      size_t end = key.find(' ', begin);
      if (end == std::string_view::npos) end = key.size();
      auto it = ids_.find(key.substr(begin, end - begin));
      candidate_.push_back(it == ids_.end() ? -1 : it->second);
      begin = end + 1;
    }
    const size_t n = ids_seq_.size();
    const size_t m = candidate_.size();
    remaining_ = counts_;
    size_t shared = 0;
    for (int id : candidate_) {
      if (id >= 0 && remaining_[static_cast<size_t>(id)] > 0) {
        --remaining_[static_cast<size_t>(id)];
        ++shared;
      }
    }
    const size_t longest = std::max(n, m);
    if (longest > 0 &&
        100.0 * static_cast<double>(shared) / static_cast<double>(longest) < threshold - kEpsilon) {
      return false;
    }
    *score = MatchPercent(EditDistance(ids_seq_, candidate_, &row_), n, m);
    return true;
  }

 private:
  std::unordered_map<std::string_view, int> ids_;  // views into the query's MatchWords
  std::vector<int> ids_seq_;
  std::vector<int> counts_;
  std::vector<int> remaining_;
  std::vector<int> candidate_;
  std::vector<size_t> row_;
};

void CheckOptions(const LookupOptions& options) {
  if (!(options.threshold >= 0.0 && options.threshold <= 100.0)) {
    throw Error("the match threshold must be between 0 and 100, not " +
                std::to_string(options.threshold));
  }
}

// Fewest shared words (and fewest words) a source needs to score `threshold`
// against a query of n words: ⌈n·threshold/100⌉.
int64_t MinShared(size_t n, double threshold) {
  return static_cast<int64_t>(std::ceil(static_cast<double>(n) * threshold / 100.0 - kEpsilon));
}

// Most words a source can have to score `threshold` against a query of n
// words: ⌊n·100/threshold⌋.
int64_t MaxWords(size_t n, double threshold) {
  return threshold > 0 ? static_cast<int64_t>(
                             std::floor(static_cast<double>(n) * 100.0 / threshold + kEpsilon))
                       : INT64_MAX;
}

// A distinct query word: its occurrences in the query and its document
// frequency in the word index.
struct QueryWord {
  std::string_view text;
  int64_t in_query = 0;
  int64_t df = 0;
};

// A TU from the postings read so far. weight: the query occurrences of the
// words read that it contains.
struct Candidate {
  int64_t id = 0;
  int64_t weight = 0;
  bool scored = false;
};

// The candidates of a lookup: the TUs of the posting lists read so far, by
// id, with their weights. Reads the postings from source, which must outlive it.
class Postings {
 public:
  explicit Postings(PostingSource& source) : source_(source) {}

  size_t size() const { return candidates_.size(); }

  // Reads word's posting list: each TU in it gains word.in_query weight, and
  // only the TUs whose weight reaches `keep` stay (a TU not in any list read is
  // never held, whatever keep).
  void Add(const QueryWord& word, int64_t keep) {
    if (word.df == 0) {
      Keep(keep);
      return;
    }
    source_.Units(word.text, &ids_);
    // The merge below relies on ascending ids.
    if (!std::is_sorted(ids_.begin(), ids_.end())) std::sort(ids_.begin(), ids_.end());
    const bool add_new = word.in_query >= keep;
    merged_.clear();
    auto c = candidates_.begin();
    auto i = ids_.begin();
    while (c != candidates_.end() || i != ids_.end()) {
      if (i == ids_.end() || (c != candidates_.end() && c->id < *i)) {
        if (c->weight >= keep) merged_.push_back(*c);
        ++c;
      } else if (c == candidates_.end() || *i < c->id) {
        if (add_new) merged_.push_back({*i, word.in_query, false});
        ++i;
      } else {
        if (c->weight + word.in_query >= keep) {
          merged_.push_back({c->id, c->weight + word.in_query, c->scored});
        }
        ++c;
        ++i;
      }
    }
    candidates_.swap(merged_);
  }

  // Drops the candidates whose weight is below need.
  void Keep(int64_t need) {
    std::erase_if(candidates_, [need](const Candidate& c) { return c.weight < need; });
  }

  // Keeps only the candidates whose id is in ids.
  void KeepOnly(std::vector<int64_t> ids) {
    std::sort(ids.begin(), ids.end());
    auto i = ids.begin();
    size_t kept = 0;
    for (const Candidate& c : candidates_) {
      i = std::lower_bound(i, ids.end(), c.id);
      if (i != ids.end() && *i == c.id) candidates_[kept++] = c;
    }
    candidates_.resize(kept);
  }

  // The `count` heaviest candidates, heaviest first, by id among equals.
  // Valid until the next call that changes the candidates.
  std::vector<Candidate*> HeaviestFirst(size_t count) {
    int64_t heaviest = 0;
    for (const Candidate& c : candidates_) heaviest = std::max(heaviest, c.weight);
    // Counting sort: weights are small (at most the query's word count).
    std::vector<size_t> start(static_cast<size_t>(heaviest) + 2, 0);
    for (const Candidate& c : candidates_) ++start[static_cast<size_t>(heaviest - c.weight) + 1];
    for (size_t w = 1; w < start.size(); ++w) start[w] += start[w - 1];
    std::vector<Candidate*> order(candidates_.size());
    for (Candidate& c : candidates_) order[start[static_cast<size_t>(heaviest - c.weight)]++] = &c;
    if (order.size() > count) order.resize(count);
    return order;
  }

 private:
  PostingSource& source_;
  std::vector<Candidate> candidates_;  // by id
  std::vector<Candidate> merged_;
  std::vector<int64_t> ids_;
};

// The `max` best scores so far. floor(): the score a TU must reach to enter
// the result, the threshold until `max` TUs reached it.
class BestScores {
 public:
  BestScores(double threshold, size_t max) : threshold_(threshold), max_(max) {}
  double floor() const { return heap_.size() < max_ ? threshold_ : heap_.front(); }
  // score ≥ floor().
  void Add(double score) {
    heap_.push_back(score);
    std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
    if (heap_.size() > max_) {
      std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
      heap_.pop_back();
    }
  }

 private:
  double threshold_;
  size_t max_;
  std::vector<double> heap_;  // min-heap
};

// Reads and scores TUs, a batch at a time (one read for many ids costs less
// per unit than one per id), from source, which must outlive it.
class Rows {
 public:
  Rows(PostingSource& source, size_t n) : source_(source), n_(n) {}

  // Queues candidate c; reads and scores the queue when it is full.
  void Add(Candidate* c, QueryWords& query, BestScores* best, std::vector<ScoredUnit>* out) {
    c->scored = true;
    queue_.push_back(c->id);
    if (queue_.size() == PostingSource::kMaxBatch) Flush(query, best, out);
  }

  // Scores the queued candidates that have the lookup's languages and a word
  // count that can reach the floor; keeps in *out those reaching it.
  void Flush(QueryWords& query, BestScores* best, std::vector<ScoredUnit>* out) {
    if (queue_.empty()) return;
    const double floor = best->floor();
    double score = 0;
    source_.ReadKeys(queue_, MinShared(n_, floor), MaxWords(n_, floor),
                     [&](int64_t id, std::string_view key) {
                       const double now = best->floor();
                       if (!query.Score(key, now, &score) || score < now) return;
                       out->push_back({score, id});
                       best->Add(score);
                     });
    queue_.clear();
  }

 private:
  PostingSource& source_;
  size_t n_;
  std::vector<int64_t> queue_;
};

// Best first, by id among equals, at most max.
std::vector<ScoredUnit> Best(std::vector<ScoredUnit> scored, size_t max) {
  std::sort(scored.begin(), scored.end(), [](const ScoredUnit& a, const ScoredUnit& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (scored.size() > max) scored.resize(max);
  return scored;
}

}  // namespace

std::vector<ScoredUnit> FindMatchesByScan(const MatchWords& q, const LookupOptions& options,
                                          PostingSource& source) {
  return FindMatchesByScan(q, options,
                           [&source](const KeyVisitor& visit) { source.ScanKeys(visit); });
}

std::vector<ScoredUnit> FindMatchesByScan(const MatchWords& q, const LookupOptions& options,
                                          const std::function<void(const KeyVisitor&)>& scan_keys) {
  CheckOptions(options);
  if (q.size() == 0 || options.max == 0) return {};
  QueryWords words(q);
  std::vector<ScoredUnit> scored;
  double score = 0;
  scan_keys([&](int64_t id, std::string_view key) {
    if (!words.Score(key, options.threshold, &score) || score < options.threshold) return;
    scored.push_back({score, id});
  });
  return Best(std::move(scored), options.max);
}

std::vector<FoundUnit> BestBothWays(const std::vector<ScoredUnit>& by_source,
                                    const std::vector<ScoredUnit>& by_target, size_t max) {
  std::vector<FoundUnit> found;
  for (const ScoredUnit& s : by_source) found.push_back({s.score, s.id, false});
  for (const ScoredUnit& s : by_target) found.push_back({s.score, s.id, true});
  std::sort(found.begin(), found.end(), [](const FoundUnit& a, const FoundUnit& b) {
    if (a.word_score != b.word_score) return a.word_score > b.word_score;
    return a.id != b.id ? a.id < b.id : a.reversed < b.reversed;
  });
  if (found.size() > max) found.resize(max);
  return found;
}

void CompleteMatch(std::string_view query, std::string_view source_markup,
                   std::string_view anchors_json, FuzzyMatch* m) {
  const CatMatch cat = CompareForMatch(query, m->source, source_markup);
  m->score = cat.score;
  m->differences = cat.differences;
  m->edits = DiffWords(SplitMatchWords(query), SplitMatchWords(m->source)).edits;
  m->adapted_target.clear();
  m->adaptations.clear();
  if (cat.numbers.empty() || anchors_json.empty()) return;
  std::vector<SharedAnchor> anchors = SharedAnchorsFromJson(anchors_json);
  if (m->reversed) {
    for (SharedAnchor& a : anchors) std::swap(a.src_text, a.tgt_text);
  }
  m->adapted_target = AdaptTarget(m->target, cat.numbers, anchors, &m->adaptations);
}

void OrderMatches(double threshold, std::vector<FuzzyMatch>* matches) {
  std::erase_if(*matches, [threshold](const FuzzyMatch& m) { return m.score < threshold; });
  std::stable_sort(matches->begin(), matches->end(), [](const FuzzyMatch& a, const FuzzyMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.word_score != b.word_score) return a.word_score > b.word_score;
    return a.tu != b.tu ? a.tu < b.tu : a.reversed < b.reversed;
  });
}

std::vector<ScoredUnit> FindMatches(const MatchWords& q, const LookupOptions& options,
                                    PostingSource& source) {
  CheckOptions(options);
  const size_t n = q.size();
  if (n == 0 || options.max == 0) return {};
  const auto n64 = static_cast<int64_t>(n);
  if (MinShared(n, options.threshold) <= 0) return FindMatchesByScan(q, options, source);

  // The distinct query words with their number of occurrences in the query
  // and their document frequency in the word index, rarest first.
  std::vector<QueryWord> words;
  {
    std::unordered_map<std::string_view, size_t> at;
    for (const auto& w : q.keys) {
      auto [it, added] = at.try_emplace(w, words.size());
      if (added) words.push_back({w, 0, 0});
      ++words[it->second].in_query;
    }
    for (QueryWord& w : words) w.df = source.Count(w.text);
    std::stable_sort(words.begin(), words.end(),
                     [](const QueryWord& a, const QueryWord& b) { return a.df < b.df; });
  }

  Postings postings(source);
  QueryWords query_words(q);
  BestScores best(options.threshold, options.max);
  Rows rows(source, n);
  std::vector<ScoredUnit> scored;

  // 1. The rarest words, while their postings are few (at least one list).
  constexpr int64_t kPostingBudget = 20000;
  size_t prefix = 0;
  int64_t covered = 0;
  int64_t read = 0;
  while (prefix < words.size() &&
         (words[prefix].df == 0 || read == 0 || read + words[prefix].df <= kPostingBudget)) {
    postings.Add(words[prefix],
                 MinShared(n, best.floor()) - n64 + covered + words[prefix].in_query);
    covered += words[prefix].in_query;
    read += words[prefix].df;
    ++prefix;
  }

  // A TU shares at most its weight plus the query occurrences not read yet, so
  // it can reach the floor only if its weight is at least need.
  const auto need = [&] { return MinShared(n, best.floor()) - n64 + covered; };

  // 2. The TUs that contain the most of the rare words are the likely best
  // matches: scoring a few first raises the floor, so fewer words and
  // candidates need reading below.
  const size_t seed = std::max<size_t>(64, 2 * std::min<size_t>(options.max, 512));
  for (Candidate* c : postings.HeaviestFirst(seed)) {
    if (c->weight < need()) break;
    rows.Add(c, query_words, &best, &scored);
  }
  rows.Flush(query_words, &best, &scored);

  // 3. More words, rarest first, until a TU containing none of them cannot
  // reach the floor (need ≥ 1).
  while (need() < 1 && prefix < words.size()) {
    postings.Add(words[prefix], need() + words[prefix].in_query);
    covered += words[prefix].in_query;
    ++prefix;
  }

  // 4. Still many candidates: reading a posting costs far less than reading
  // and scoring a candidate, so take the next rare word in while its postings
  // are few next to the candidates it can remove. A word raises a TU's weight
  // and need alike, so no new TU becomes a candidate.
  constexpr size_t kManyCandidates = 2000;
  postings.Keep(need());
  while (postings.size() > kManyCandidates && prefix < words.size() &&
         words[prefix].df <= 4 * static_cast<int64_t>(postings.size())) {
    postings.Add(words[prefix], need() + words[prefix].in_query);
    covered += words[prefix].in_query;
    ++prefix;
  }

  // 5. Many candidates left: drop those of the wrong length through the word
  // count index when the TUs of the right length are not many more (an index
  // entry costs far less than a row read and scored).
  constexpr size_t kFewCandidates = 256;
  if (postings.size() > kFewCandidates) {
    const double floor = best.floor();
    const int64_t limit = 4 * static_cast<int64_t>(postings.size());
    std::vector<int64_t> right_length;
    source.UnitsOfLength(MinShared(n, floor), MaxWords(n, floor), limit, &right_length);
    if (static_cast<int64_t>(right_length.size()) < limit)
      postings.KeepOnly(std::move(right_length));
  }

  // 6. Every candidate that can still reach the floor, heaviest first: once a
  // candidate's weight falls short of need, so do all those after it (the
  // floor only rises, and need with it).
  for (Candidate* c : postings.HeaviestFirst(postings.size())) {
    if (c->weight < need()) break;
    if (!c->scored) rows.Add(c, query_words, &best, &scored);
  }
  rows.Flush(query_words, &best, &scored);
  return Best(std::move(scored), options.max);
}

}  // namespace ancre::tm::internal
