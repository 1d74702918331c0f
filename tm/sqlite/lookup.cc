// Fuzzy lookup. Candidates come from the word index (unit_words) by prefix
// filtering, which is exact, not a heuristic:
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
// are all scored, so Lookup returns exactly what LookupByScan returns (tested).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <unordered_map>

#include "src/core/language_tag.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

// Slack for floating-point bounds: a bound is never tightened by rounding.
constexpr double kEpsilon = 1e-9;

struct Scored {
  double score;
  int64_t id;
};

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

std::string LangConditions(const LookupOptions& options, int first_parameter) {
  std::string sql;
  if (!options.src_lang.empty()) {
    sql += " AND " + internal::LangCondition("u.src_lang", first_parameter);
  }
  if (!options.tgt_lang.empty()) {
    sql += " AND " + internal::LangCondition("u.tgt_lang", first_parameter + 1);
  }
  return sql;
}

void BindLangs(sqlite3_stmt* s, const LookupOptions& options, int first_parameter) {
  if (!options.src_lang.empty()) BindText(s, first_parameter, options.src_lang);
  if (!options.tgt_lang.empty()) BindText(s, first_parameter + 1, options.tgt_lang);
}

// Scores every row of s (columns: id, match_key) and keeps those at or above
// the threshold. Both Lookup and LookupByScan score here, so their scores are
// identical.
void ScoreRows(const internal::SqliteTm::Impl& impl, sqlite3_stmt* s, QueryWords& query,
               double threshold, std::vector<Scored>* out) {
  double score = 0;
  while (Step(s, impl.path, "cannot read translation units")) {
    auto key = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    std::string_view view(key ? key : "", static_cast<size_t>(sqlite3_column_bytes(s, 1)));
    if (!query.Score(view, threshold, &score) || score < threshold) continue;
    out->push_back({score, ColumnInt(s, 0)});
  }
}

std::vector<FuzzyMatch> Finish(const internal::SqliteTm::Impl& impl, const MatchWords& query,
                               std::vector<Scored> scored, size_t max) {
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  if (scored.size() > max) scored.resize(max);
  Stmt row = impl.Prepare(
      "SELECT source, target, src_lang, tgt_lang, score, (SELECT document FROM provenances WHERE "
      "unit_id = ?1 ORDER BY id LIMIT 1) FROM units WHERE id = ?1");
  std::vector<FuzzyMatch> matches;
  matches.reserve(scored.size());
  for (const auto& c : scored) {
    Reuse(row.get());
    BindInt(row.get(), 1, c.id);
    if (!Step(row.get(), impl.path, "cannot read translation units")) continue;
    FuzzyMatch m;
    m.score = c.score;
    m.tu = c.id;
    m.source = ColumnText(row.get(), 0);
    m.target = ColumnText(row.get(), 1);
    m.src_lang = NormalizeLanguageTag(ColumnText(row.get(), 2));  // older ancre: fr_FR
    m.tgt_lang = NormalizeLanguageTag(ColumnText(row.get(), 3));
    m.tu_score = ColumnDouble(row.get(), 4);
    m.document = ColumnText(row.get(), 5);
    m.edits = DiffWords(query, SplitMatchWords(m.source)).edits;
    matches.push_back(std::move(m));
  }
  return matches;
}

void CheckOptions(const LookupOptions& options) {
  if (!(options.threshold >= 0.0 && options.threshold <= 100.0)) {
    throw Error("the match threshold must be between 0 and 100, not " +
                std::to_string(options.threshold));
  }
}

// FTS5 string syntax: a token in double quotes, with quotes doubled.
std::string QuoteTerm(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
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
// id, with their weights. Reads the word index on impl's connection: must not
// outlive impl.
class Postings {
 public:
  explicit Postings(const internal::SqliteTm::Impl& impl)
      : impl_(impl),
        term_(impl.Prepare("SELECT rowid FROM unit_words WHERE unit_words MATCH ?1")) {}

  size_t size() const { return candidates_.size(); }

  // Reads word's posting list: each TU in it gains word.in_query weight, and
  // only the TUs whose weight reaches `keep` stay (a TU not in any list read is
  // never held, whatever keep).
  void Add(const QueryWord& word, int64_t keep) {
    if (word.df == 0) {
      Keep(keep);
      return;
    }
    ids_.clear();
    Reuse(term_.get());
    BindText(term_.get(), 1, QuoteTerm(word.text));
    while (Step(term_.get(), impl_.path, "cannot read the word index")) {
      ids_.push_back(ColumnInt(term_.get(), 0));
    }
    // FTS5 returns a term's rowids in ascending order; the merge below relies on it.
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
  const internal::SqliteTm::Impl& impl_;
  Stmt term_;
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

// Reads and scores TUs, a batch at a time (one statement for many ids costs
// less per row than one per id), on impl's connection: must not outlive impl.
class Rows {
 public:
  static constexpr size_t kBatch = 64;

  Rows(const internal::SqliteTm::Impl& impl, const LookupOptions& options, size_t n)
      : impl_(impl), options_(options), n_(n), rows_(impl.Prepare(Sql(options))) {}

  // Queues candidate c; reads and scores the queue when it is full.
  void Add(Candidate* c, QueryWords& query, BestScores* best, std::vector<Scored>* out) {
    c->scored = true;
    queue_.push_back(c->id);
    if (queue_.size() == kBatch) Flush(query, best, out);
  }

  // Scores the queued candidates that have the options' languages and a word
  // count that can reach the floor; keeps in *out those reaching it.
  void Flush(QueryWords& query, BestScores* best, std::vector<Scored>* out) {
    if (queue_.empty()) return;
    Reuse(rows_.get());
    for (size_t i = 0; i < kBatch; ++i) {  // unused places stay NULL: no id is NULL
      if (i < queue_.size()) BindInt(rows_.get(), static_cast<int>(i + 1), queue_[i]);
    }
    const double floor = best->floor();
    constexpr int kWords = static_cast<int>(kBatch) + 1;
    BindInt(rows_.get(), kWords, MinShared(n_, floor));
    BindInt(rows_.get(), kWords + 1, MaxWords(n_, floor));
    BindLangs(rows_.get(), options_, kWords + 2);
    queue_.clear();
    double score = 0;
    while (Step(rows_.get(), impl_.path, "cannot read translation units")) {
      auto key = reinterpret_cast<const char*>(sqlite3_column_text(rows_.get(), 1));
      std::string_view view(key ? key : "",
                            static_cast<size_t>(sqlite3_column_bytes(rows_.get(), 1)));
      const double now = best->floor();
      if (!query.Score(view, now, &score) || score < now) continue;
      out->push_back({score, ColumnInt(rows_.get(), 0)});
      best->Add(score);
    }
  }

 private:
  static std::string Sql(const LookupOptions& options) {
    std::string sql = "SELECT u.id, u.match_key FROM units u WHERE u.id IN (";
    for (size_t i = 1; i <= kBatch; ++i) sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
    const int words = static_cast<int>(kBatch) + 1;
    sql += ") AND u.word_count BETWEEN ?" + std::to_string(words) + " AND ?" +
           std::to_string(words + 1);
    return sql + LangConditions(options, words + 2);
  }

  const internal::SqliteTm::Impl& impl_;
  const LookupOptions& options_;
  size_t n_;
  Stmt rows_;
  std::vector<int64_t> queue_;
};

}  // namespace

std::vector<FuzzyMatch> internal::SqliteTm::LookupByScan(std::string_view query,
                                                         const LookupOptions& options) const {
  CheckOptions(options);
  const Impl& impl = *impl_;
  MatchWords q = SplitMatchWords(query);
  if (q.size() == 0 || options.max == 0) return {};
  Stmt s =
      impl.Prepare("SELECT u.id, u.match_key FROM units u WHERE 1" + LangConditions(options, 1));
  BindLangs(s.get(), options, 1);
  QueryWords words(q);
  std::vector<Scored> scored;
  ScoreRows(impl, s.get(), words, options.threshold, &scored);
  return Finish(impl, q, std::move(scored), options.max);
}

std::vector<FuzzyMatch> internal::SqliteTm::Lookup(std::string_view query,
                                                   const LookupOptions& options) const {
  CheckOptions(options);
  const Impl& impl = *impl_;
  MatchWords q = SplitMatchWords(query);
  const size_t n = q.size();
  if (n == 0 || options.max == 0) return {};
  const auto n64 = static_cast<int64_t>(n);
  if (MinShared(n, options.threshold) <= 0) return LookupByScan(query, options);  // all can match

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
    Stmt vocab = impl.Prepare("SELECT df FROM word_df WHERE word = ?1");
    for (QueryWord& w : words) {
      Reuse(vocab.get());
      BindText(vocab.get(), 1, w.text);
      w.df = Step(vocab.get(), impl.path, "cannot read the word index") ? ColumnInt(vocab.get(), 0)
                                                                        : 0;
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const QueryWord& a, const QueryWord& b) { return a.df < b.df; });
  }

  Postings postings(impl);
  QueryWords query_words(q);
  BestScores best(options.threshold, options.max);
  Rows rows(impl, options, n);
  std::vector<Scored> scored;

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
    Stmt by_length = impl.Prepare(
        "SELECT id FROM units INDEXED BY units_by_word_count WHERE word_count BETWEEN ?1 AND ?2 "
        "LIMIT ?3");
    BindInt(by_length.get(), 1, MinShared(n, floor));
    BindInt(by_length.get(), 2, MaxWords(n, floor));
    BindInt(by_length.get(), 3, limit);
    std::vector<int64_t> right_length;
    while (Step(by_length.get(), impl.path, "cannot read the word count index")) {
      right_length.push_back(ColumnInt(by_length.get(), 0));
    }
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
  return Finish(impl, q, std::move(scored), options.max);
}

}  // namespace ancre::tm
