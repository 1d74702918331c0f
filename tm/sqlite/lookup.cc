// Fuzzy lookup on SQLite: the PostingSource of tm/fuzzy_lookup.h over the word
// index (unit_words, word_df) and the units table, and the matches read back
// with their texts. The candidate bound itself is backend-neutral
// (tm/fuzzy_lookup.cc).
#include <algorithm>
#include <string>
#include <vector>

#include "src/core/language_tag.h"
#include "tm/fuzzy_lookup.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

// The conditions of the lookup's languages (bound from first_parameter on),
// mode and origin.
std::string LangConditions(const LookupOptions& options, int first_parameter) {
  std::string sql = internal::KindConditions("u", options.mode, options.origin);
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

// Calls visit for each row of s (columns: id, match_key).
void VisitKeys(const internal::SqliteTm::Impl& impl, sqlite3_stmt* s, const KeyVisitor& visit) {
  while (Step(s, impl.path, "cannot read translation units")) {
    auto key = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
    visit(ColumnInt(s, 0),
          std::string_view(key ? key : "", static_cast<size_t>(sqlite3_column_bytes(s, 1))));
  }
}

// The word index and units of a SQLite TM for one lookup, on impl's
// connection: must not outlive impl or options. Statements are prepared on
// first use.
class SqlitePostings : public PostingSource {
 public:
  SqlitePostings(const internal::SqliteTm::Impl& impl, const LookupOptions& options)
      : impl_(impl), options_(options) {}

  int64_t Count(std::string_view word) override {
    if (!df_) df_ = impl_.Prepare("SELECT df FROM word_df WHERE word = ?1");
    Reuse(df_.get());
    BindText(df_.get(), 1, word);
    return Step(df_.get(), impl_.path, "cannot read the word index") ? ColumnInt(df_.get(), 0) : 0;
  }

  void Units(std::string_view word, std::vector<int64_t>* ids) override {
    if (!term_) term_ = impl_.Prepare("SELECT rowid FROM unit_words WHERE unit_words MATCH ?1");
    ids->clear();
    Reuse(term_.get());
    BindText(term_.get(), 1, QuoteTerm(word));
    while (Step(term_.get(), impl_.path, "cannot read the word index")) {
      ids->push_back(ColumnInt(term_.get(), 0));
    }
    // FTS5 returns a term's rowids in ascending order; sorted all the same
    // should another version not.
    if (!std::is_sorted(ids->begin(), ids->end())) std::sort(ids->begin(), ids->end());
  }

  void UnitsOfLength(int64_t min_words, int64_t max_words, int64_t limit,
                     std::vector<int64_t>* ids) override {
    Stmt by_length = impl_.Prepare(
        "SELECT id FROM units INDEXED BY units_by_word_count WHERE word_count BETWEEN ?1 AND ?2 "
        "LIMIT ?3");
    BindInt(by_length.get(), 1, min_words);
    BindInt(by_length.get(), 2, max_words);
    BindInt(by_length.get(), 3, limit);
    ids->clear();
    while (Step(by_length.get(), impl_.path, "cannot read the word count index")) {
      ids->push_back(ColumnInt(by_length.get(), 0));
    }
  }

  // One statement for a whole batch: it costs less per row than one per id.
  void ReadKeys(const std::vector<int64_t>& ids, int64_t min_words, int64_t max_words,
                const KeyVisitor& visit) override {
    if (!rows_) rows_ = impl_.Prepare(RowsSql(options_));
    Reuse(rows_.get());
    for (size_t i = 0; i < kMaxBatch; ++i) {  // unused places stay NULL: no id is NULL
      if (i < ids.size()) BindInt(rows_.get(), static_cast<int>(i + 1), ids[i]);
    }
    constexpr int kWords = static_cast<int>(kMaxBatch) + 1;
    BindInt(rows_.get(), kWords, min_words);
    BindInt(rows_.get(), kWords + 1, max_words);
    BindLangs(rows_.get(), options_, kWords + 2);
    VisitKeys(impl_, rows_.get(), visit);
  }

  void ScanKeys(const KeyVisitor& visit) override {
    Stmt s = impl_.Prepare("SELECT u.id, u.match_key FROM units u WHERE 1" +
                           LangConditions(options_, 1));
    BindLangs(s.get(), options_, 1);
    VisitKeys(impl_, s.get(), visit);
  }

 private:
  static std::string RowsSql(const LookupOptions& options) {
    std::string sql = "SELECT u.id, u.match_key FROM units u WHERE u.id IN (";
    for (size_t i = 1; i <= kMaxBatch; ++i) sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
    const int words = static_cast<int>(kMaxBatch) + 1;
    sql += ") AND u.word_count BETWEEN ?" + std::to_string(words) + " AND ?" +
           std::to_string(words + 1);
    return sql + LangConditions(options, words + 2);
  }

  const internal::SqliteTm::Impl& impl_;
  const LookupOptions& options_;
  Stmt df_;
  Stmt term_;
  Stmt rows_;
};

// The units of the lookup's languages read the other way: their target side
// in the query's language (options.src_lang), their source side in the
// language wanted. They have no word index, so lookup scans them, their match
// keys computed from their targets.
void ScanTargets(const internal::SqliteTm::Impl& impl, const LookupOptions& options,
                 const KeyVisitor& visit) {
  std::string sql =
      "SELECT u.id, u.target FROM units u WHERE " + internal::LangCondition("u.tgt_lang", 1);
  if (!options.tgt_lang.empty()) sql += " AND " + internal::LangCondition("u.src_lang", 2);
  sql += internal::KindConditions("u", options.mode, options.origin);
  Stmt s = impl.Prepare(sql);
  BindText(s.get(), 1, options.src_lang);
  if (!options.tgt_lang.empty()) BindText(s.get(), 2, options.tgt_lang);
  std::string key;
  while (Step(s.get(), impl.path, "cannot read translation units")) {
    key = MatchKey(ColumnText(s.get(), 1));
    visit(ColumnInt(s.get(), 0), key);
  }
}

// The matches of the units found, read back with their texts and evidence,
// completed and ordered as CAT tools show them (tm/fuzzy_lookup.h).
std::vector<FuzzyMatch> Finish(const internal::SqliteTm::Impl& impl, std::string_view query,
                               const LookupOptions& options,
                               const std::vector<ScoredUnit>& by_source,
                               const std::vector<ScoredUnit>& by_target) {
  Stmt row = impl.Prepare(
      "SELECT source, target, src_lang, tgt_lang, score, (SELECT document FROM provenances WHERE "
      "unit_id = ?1 ORDER BY id LIMIT 1), source_markup, target_markup, (SELECT anchors FROM "
      "provenances WHERE unit_id = ?1 AND anchors NOT IN ('', '[]') ORDER BY id LIMIT 1), " +
      internal::ComparableCondition("units") + " FROM units WHERE id = ?1");
  std::vector<FuzzyMatch> matches;
  for (const FoundUnit& found : BestBothWays(by_source, by_target, options.max)) {
    Reuse(row.get());
    BindInt(row.get(), 1, found.id);
    if (!Step(row.get(), impl.path, "cannot read translation units")) continue;
    FuzzyMatch m;
    m.word_score = found.word_score;
    m.tu = found.id;
    m.reversed = found.reversed;
    m.source = ColumnText(row.get(), 0);
    m.target = ColumnText(row.get(), 1);
    m.src_lang = NormalizeLanguageTag(ColumnText(row.get(), 2));  // older ancre: fr_FR
    m.tgt_lang = NormalizeLanguageTag(ColumnText(row.get(), 3));
    m.tu_score = ColumnDouble(row.get(), 4);
    m.document = ColumnText(row.get(), 5);
    m.comparable = ColumnInt(row.get(), 9) != 0;
    std::string markup = ColumnText(row.get(), found.reversed ? 7 : 6);
    if (found.reversed) {
      std::swap(m.source, m.target);
      std::swap(m.src_lang, m.tgt_lang);
    }
    CompleteMatch(query, markup, ColumnText(row.get(), 8), &m);
    matches.push_back(std::move(m));
  }
  OrderMatches(options.threshold, &matches);
  return matches;
}

// The units matched on their target side (none without a query language).
std::vector<ScoredUnit> ByTarget(const internal::SqliteTm::Impl& impl, const MatchWords& q,
                                 const LookupOptions& options) {
  if (options.src_lang.empty()) return {};
  return FindMatchesByScan(q, options,
                           [&](const KeyVisitor& visit) { ScanTargets(impl, options, visit); });
}

}  // namespace

std::vector<FuzzyMatch> internal::SqliteTm::LookupByScan(std::string_view query,
                                                         const LookupOptions& options) const {
  const MatchWords q = SplitMatchWords(query);
  SqlitePostings source(*impl_, options);
  return Finish(*impl_, query, options, FindMatchesByScan(q, options, source),
                ByTarget(*impl_, q, options));
}

std::vector<FuzzyMatch> internal::SqliteTm::Lookup(std::string_view query,
                                                   const LookupOptions& options) const {
  const MatchWords q = SplitMatchWords(query);
  SqlitePostings source(*impl_, options);
  return Finish(*impl_, query, options, FindMatches(q, options, source),
                ByTarget(*impl_, q, options));
}

}  // namespace ancre::tm
