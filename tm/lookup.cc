// Fuzzy lookup. Candidates come from the word index (unit_words) by prefix
// filtering, which is exact, not a heuristic:
//
// A match at threshold T between a query of n words and a TU source of m words
// needs (1) max(n, m)·T/100 ≤ n, m ≤ ... i.e. n·T/100 ≤ m ≤ n·100/T, because
// d ≥ |n − m|; and (2) at least k = ⌈n·T/100⌉ query words that also occur in the
// source, because every word not shared costs at least one edit. Order the
// query's words from rarest to most common; a source sharing no word among the
// first n − k + 1 can share at most k − 1 words, so it cannot match. The index
// is asked only for those rare words, then every candidate is scored exactly.
// Lookup therefore returns exactly what LookupByScan returns (tested).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <unordered_map>

#include "tm/store_internal.h"

namespace ancre::tm {

using internal::BindDouble;
using internal::BindInt;
using internal::BindText;
using internal::ColumnDouble;
using internal::ColumnInt;
using internal::ColumnText;
using internal::Reuse;
using internal::Step;
using internal::Stmt;

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
    *score = MatchPercent(Distance(), n, m);
    return true;
  }

 private:
  size_t Distance() {
    const auto& a = ids_seq_;
    const auto& b = candidate_;
    row_.resize(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row_[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diagonal = row_[0];
      row_[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        size_t up = row_[j];
        size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
        row_[j] = std::min({row_[j] + 1, row_[j - 1] + 1, diagonal + cost});
        diagonal = up;
      }
    }
    return row_[b.size()];
  }

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
void ScoreRows(const Store::Impl& impl, sqlite3_stmt* s, QueryWords& query, double threshold,
               std::vector<Scored>* out) {
  double score = 0;
  while (Step(s, impl.path, "cannot read translation units")) {
    auto key = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    std::string_view view(key ? key : "", static_cast<size_t>(sqlite3_column_bytes(s, 1)));
    if (!query.Score(view, threshold, &score) || score < threshold) continue;
    out->push_back({score, ColumnInt(s, 0)});
  }
}

std::vector<FuzzyMatch> Finish(const Store::Impl& impl, const MatchWords& query,
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
    m.src_lang = ColumnText(row.get(), 2);
    m.tgt_lang = ColumnText(row.get(), 3);
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

}  // namespace

std::vector<FuzzyMatch> Store::LookupByScan(std::string_view query,
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

std::vector<FuzzyMatch> Store::Lookup(std::string_view query, const LookupOptions& options) const {
  CheckOptions(options);
  const Impl& impl = *impl_;
  MatchWords q = SplitMatchWords(query);
  const size_t n = q.size();
  if (n == 0 || options.max == 0) return {};
  const double t = options.threshold;
  const auto nd = static_cast<double>(n);
  const auto k = static_cast<int64_t>(std::ceil(nd * t / 100.0 - kEpsilon));
  if (k <= 0) return LookupByScan(query, options);  // every TU can match

  // The distinct query words with their number of occurrences in the query
  // and their document frequency in the word index, rarest first.
  struct Word {
    std::string_view text;
    int64_t in_query = 0;
    int64_t df = 0;
  };
  std::vector<Word> words;
  {
    std::unordered_map<std::string_view, size_t> at;
    for (const auto& w : q.keys) {
      auto [it, added] = at.try_emplace(w, words.size());
      if (added) words.push_back({w, 0, 0});
      ++words[it->second].in_query;
    }
    Stmt vocab = impl.Prepare("SELECT df FROM word_df WHERE word = ?1");
    for (Word& w : words) {
      Reuse(vocab.get());
      BindText(vocab.get(), 1, w.text);
      w.df = Step(vocab.get(), impl.path, "cannot read the word index") ? ColumnInt(vocab.get(), 0)
                                                                        : 0;
    }
    std::stable_sort(words.begin(), words.end(),
                     [](const Word& a, const Word& b) { return a.df < b.df; });
  }

  // Prefix filtering with counts (see the file comment). For a set P of
  // query words covering c(P) of the n query word occurrences, a source
  // sharing s words with the query has s ≤ w(P) + n − c(P), where w(P) counts
  // the query occurrences of the words of P the source contains. A match needs
  // s ≥ k, so w(P) ≥ k − n + c(P) =: need. P must cover at least n − k + 1
  // occurrences (need ≥ 1). Beyond that, each further rare word raises need
  // by its occurrences, so fewer candidates are read and scored.
  const auto n64 = static_cast<int64_t>(n);
  size_t prefix = 0;
  int64_t covered = 0;
  int64_t postings = 0;
  while (prefix < words.size() && (covered < n64 - k + 1 || words[prefix].df == 0)) {
    covered += words[prefix].in_query;
    postings += words[prefix].df;
    ++prefix;
  }
  // A few more rare words cost little to read and filter much.
  constexpr int64_t kPostingBudget = 20000;
  while (prefix < words.size() && postings + words[prefix].df <= kPostingBudget) {
    covered += words[prefix].in_query;
    postings += words[prefix].df;
    ++prefix;
  }
  if (postings == 0) return {};  // no TU contains any of the rare words
  int64_t need = k - n64 + covered;

  // Weight of each candidate: the query occurrences of the prefix words it contains.
  std::unordered_map<int64_t, int64_t> weight;
  weight.reserve(static_cast<size_t>(postings));
  Stmt term = impl.Prepare("SELECT rowid FROM unit_words WHERE unit_words MATCH ?1");
  const auto read_postings = [&](const Word& w) {
    if (w.df == 0) return;
    Reuse(term.get());
    BindText(term.get(), 1, QuoteTerm(w.text));
    while (Step(term.get(), impl.path, "cannot read the word index")) {
      weight[ColumnInt(term.get(), 0)] += w.in_query;
    }
  };
  for (size_t i = 0; i < prefix; ++i) read_postings(words[i]);
  std::vector<int64_t> candidates;
  for (const auto& [id, w] : weight) {
    if (w >= need) candidates.push_back(id);
  }
  // Still many candidates: reading a posting costs far less than reading and
  // scoring a candidate, so take the next rare word in while its postings are
  // few next to the candidates it can remove. A word raises an id's weight
  // and need alike, so only current candidates can stay candidates.
  constexpr size_t kManyCandidates = 2000;
  while (candidates.size() > kManyCandidates && prefix < words.size() &&
         words[prefix].df <= 4 * static_cast<int64_t>(candidates.size())) {
    read_postings(words[prefix]);
    need += words[prefix].in_query;
    ++prefix;
    std::erase_if(candidates, [&](int64_t id) { return weight[id] < need; });
  }
  std::sort(candidates.begin(), candidates.end());  // rowid order: neighbouring pages

  const auto min_words = static_cast<int64_t>(std::ceil(nd * t / 100.0 - kEpsilon));
  const int64_t max_words =
      t > 0 ? static_cast<int64_t>(std::floor(nd * 100.0 / t + kEpsilon)) : INT64_MAX;
  // Many candidates: drop those of the wrong length through the word count
  // index when the TUs of the right length are not many more (an index entry
  // costs far less than a row read and scored).
  constexpr size_t kFewCandidates = 256;
  if (candidates.size() > kFewCandidates) {
    const int64_t limit = 4 * static_cast<int64_t>(candidates.size());
    Stmt by_length = impl.Prepare(
        "SELECT id FROM units INDEXED BY units_by_word_count WHERE word_count BETWEEN ?1 AND ?2 "
        "LIMIT ?3");
    BindInt(by_length.get(), 1, min_words);
    BindInt(by_length.get(), 2, max_words);
    BindInt(by_length.get(), 3, limit);
    std::vector<int64_t> right_length;
    while (Step(by_length.get(), impl.path, "cannot read the word count index")) {
      right_length.push_back(ColumnInt(by_length.get(), 0));
    }
    if (static_cast<int64_t>(right_length.size()) < limit) {
      std::sort(right_length.begin(), right_length.end());
      std::vector<int64_t> kept;
      std::set_intersection(candidates.begin(), candidates.end(), right_length.begin(),
                            right_length.end(), std::back_inserter(kept));
      candidates = std::move(kept);
    }
  }
  Stmt s = impl.Prepare(
      "SELECT u.id, u.match_key FROM units u WHERE u.id = ?1 AND u.word_count "
      "BETWEEN ?2 AND ?3" +
      LangConditions(options, 4));
  QueryWords query_words(q);
  std::vector<Scored> scored;
  for (const int64_t id : candidates) {
    Reuse(s.get());
    BindInt(s.get(), 1, id);
    BindInt(s.get(), 2, min_words);
    BindInt(s.get(), 3, max_words);
    BindLangs(s.get(), options, 4);
    ScoreRows(impl, s.get(), query_words, t, &scored);
  }
  return Finish(impl, q, std::move(scored), options.max);
}

Analysis Store::Analyze(const std::vector<std::string>& segments,
                        const LookupOptions& options) const {
  struct Band {
    const char* name;
    double min;
  };
  static constexpr Band kBands[] = {{"100%", 100.0},  {"95–99%", 95.0}, {"85–94%", 85.0},
                                    {"75–84%", 75.0}, {"50–74%", 50.0}, {"no match", -1.0}};
  Analysis analysis;
  for (const Band& b : kBands) analysis.buckets.push_back({b.name, 0, 0});
  LookupOptions best = options;
  best.threshold = 50.0;
  best.max = 1;
  for (const std::string& segment : segments) {
    const auto words = static_cast<int64_t>(SplitMatchWords(segment).size());
    double score = -1.0;
    if (words > 0) {
      auto matches = Lookup(segment, best);
      if (!matches.empty()) score = matches.front().score;
    }
    for (size_t b = 0; b < std::size(kBands); ++b) {
      if (score >= kBands[b].min) {
        ++analysis.buckets[b].segments;
        analysis.buckets[b].words += words;
        break;
      }
    }
    ++analysis.segments;
    analysis.words += words;
  }
  return analysis;
}

}  // namespace ancre::tm
