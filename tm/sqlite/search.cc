// Concordance search over both languages: the query (tm/concordance_query.h)
// rendered for FTS5 (unicode61, diacritics removed) for words, phrases,
// prefixes and NEAR; the trigram index for fragments inside words.
#include <algorithm>
#include <functional>
#include <unordered_set>

#include "src/core/language_tag.h"
#include "src/core/utf8.h"
#include "tm/concordance_query.h"
#include "tm/sqlite/fts5_query.h"
#include "tm/sqlite/sqlite_tm.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace {

// Markers highlight() puts around hits: the bytes 0xFE and 0xFF, which no
// UTF-8 text holds (RFC 3629), and stored text is valid UTF-8. Control
// characters such as \x01 can occur in stored text.
constexpr char kOpen = '\xFE';
constexpr char kClose = '\xFF';

// Removes the markers from marked text and returns the hit ranges in the clean text.
std::vector<std::pair<size_t, size_t>> HitRanges(const std::string& marked) {
  std::vector<std::pair<size_t, size_t>> hits;
  size_t clean = 0;
  size_t begin = 0;
  for (char c : marked) {
    if (c == kOpen) {
      begin = clean;
    } else if (c == kClose) {
      hits.emplace_back(begin, clean);
    } else {
      ++clean;
    }
  }
  return hits;
}

struct Side {
  const char* column;  // FTS column filter and units column prefix
  const char* lang_column;
};
constexpr Side kSource = {"source", "u.src_lang"};
constexpr Side kTarget = {"target", "u.tgt_lang"};

struct RankedHit {
  double rank;
  ConcordanceHit hit;
};

// Runs one FTS query; returns false (and nothing, with SQLite's message in
// *error) when FTS5 rejects the query ("fts5: syntax error near ...",
// "unterminated string", "no such column" ...).
// `kinds`: the conditions of the mode and origin filters (KindConditions).
bool RunFts(const internal::SqliteTm::Impl& impl, const std::string& match, const Side* side,
            const std::string& lang, const std::string& kinds, size_t max,
            std::vector<RankedHit>* out, std::string* error) {
  std::string filtered = side ? std::string("{") + side->column + "} : (" + match + ")" : match;
  std::string where = " WHERE unit_text MATCH ?1";
  if (side) where += std::string(" AND ") + internal::LangCondition(side->lang_column, 2);
  where += kinds;
  // bm25 ranking scores every hit: fine for a few thousand, slow for a word in
  // every other TU. Past kMaxRanked hits, the newest TUs come first, which FTS5
  // streams without looking at the rest.
  constexpr int64_t kMaxRanked = 2000;
  bool by_rank = true;
  {
    Stmt count = impl.Prepare(
        "SELECT count(*) FROM (SELECT u.id FROM unit_text JOIN units u ON u.id = unit_text.rowid" +
        where + " LIMIT " + std::to_string(kMaxRanked + 1) + ")");
    BindText(count.get(), 1, filtered);
    if (side) BindText(count.get(), 2, lang);
    int rc = sqlite3_step(count.get());
    if (rc != SQLITE_ROW) {
      if ((rc & 0xff) == SQLITE_ERROR) {
        *error = sqlite3_errmsg(impl.handle());
        return false;
      }
      internal::CheckSqlite(rc, impl.handle(), impl.path, "cannot search");
    }
    by_rank = ColumnInt(count.get(), 0) <= kMaxRanked;
  }
  std::string sql =
      "SELECT u.id, u.source, u.target, u.src_lang, u.tgt_lang, u.score, "
      "highlight(unit_text, 0, CAST(x'FE' AS TEXT), CAST(x'FF' AS TEXT)), "
      "highlight(unit_text, 1, CAST(x'FE' AS TEXT), CAST(x'FF' AS TEXT)), "
      "unit_text.rank, (SELECT document FROM provenances WHERE unit_id = u.id ORDER BY id LIMIT "
      "1), " +
      internal::ComparableCondition("u") +
      " FROM unit_text JOIN units u ON u.id = unit_text.rowid" + where +
      (by_rank ? " ORDER BY unit_text.rank" : " ORDER BY unit_text.rowid DESC") + " LIMIT ?3";
  Stmt s = impl.Prepare(sql);
  BindText(s.get(), 1, filtered);
  if (side) BindText(s.get(), 2, lang);
  BindInt(s.get(), 3, static_cast<int64_t>(max));
  std::vector<RankedHit> hits;
  for (;;) {
    int rc = sqlite3_step(s.get());
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      if ((rc & 0xff) == SQLITE_ERROR) {
        *error = sqlite3_errmsg(impl.handle());
        return false;
      }
      internal::CheckSqlite(rc, impl.handle(), impl.path, "cannot search");
    }
    sqlite3_stmt* r = s.get();
    RankedHit h;
    h.rank = by_rank ? ColumnDouble(r, 8) : 0.0;  // bm25 is negative: ranked hits first
    h.hit.tu = ColumnInt(r, 0);
    h.hit.source = ColumnText(r, 1);
    h.hit.target = ColumnText(r, 2);
    h.hit.src_lang = NormalizeLanguageTag(ColumnText(r, 3));  // as stored by older ancre: fr_FR
    h.hit.tgt_lang = NormalizeLanguageTag(ColumnText(r, 4));
    h.hit.tu_score = ColumnDouble(r, 5);
    h.hit.source_hits = HitRanges(ColumnText(r, 6));
    h.hit.target_hits = HitRanges(ColumnText(r, 7));
    h.hit.document = ColumnText(r, 9);
    h.hit.comparable = ColumnInt(r, 10) != 0;
    hits.push_back(std::move(h));
  }
  out->insert(out->end(), std::make_move_iterator(hits.begin()),
              std::make_move_iterator(hits.end()));
  return true;
}

// ASCII-case-insensitive occurrences of needle in text (what LIKE matches).
std::vector<std::pair<size_t, size_t>> FindAll(const std::string& text, std::string_view needle) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::vector<std::pair<size_t, size_t>> hits;
  if (needle.empty()) return hits;
  for (size_t i = 0; i + needle.size() <= text.size();) {
    size_t j = 0;
    while (j < needle.size() && lower(text[i + j]) == lower(needle[j])) ++j;
    if (j == needle.size()) {
      hits.emplace_back(i, i + needle.size());
      i += needle.size();
    } else {
      ++i;
    }
  }
  return hits;
}

std::vector<ConcordanceHit> BestHits(std::vector<RankedHit> ranked, size_t max) {
  // bm25 ranks: lower is better. A TU hit on both sides (one language searched) counts once.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedHit& a, const RankedHit& b) { return a.rank < b.rank; });
  std::vector<ConcordanceHit> result;
  std::unordered_set<int64_t> seen;
  for (auto& r : ranked) {
    if (result.size() >= max) break;
    if (!seen.insert(r.hit.tu).second) continue;
    result.push_back(std::move(r.hit));
  }
  return result;
}

// Runs query on the word index, both sides or each side in options.lang;
// false (with FTS5's message in *error) if FTS5 refuses its rendering.
bool RunWordSearch(const internal::SqliteTm::Impl& impl, const ConcordanceQuery& query,
                   const SearchOptions& options, std::vector<RankedHit>* out, std::string* error) {
  if (query.empty()) return true;  // no words: no hits
  const std::string match = internal::ToFts5(query);
  const bool any = options.lang.empty() || options.lang == "any";
  const std::string kinds = internal::KindConditions("u", options.mode, options.origin);
  if (any) return RunFts(impl, match, nullptr, "", kinds, options.max, out, error);
  return RunFts(impl, match, &kSource, options.lang, kinds, options.max, out, error) &&
         RunFts(impl, match, &kTarget, options.lang, kinds, options.max, out, error);
}

// Counts query's words and prefix terms against SearchLimits.
void CountTerms(const ConcordanceQuery& q, size_t* terms, size_t* prefixes) {
  if (q.kind == ConcordanceQuery::Kind::kTerm) {
    *terms += q.term.words.size();
    if (q.term.prefix) ++*prefixes;
  }
  for (const ConcordanceQuery& p : q.parts) CountTerms(p, terms, prefixes);
}

void CheckQueryLimits(const ConcordanceQuery& query) {
  size_t terms = 0;
  size_t prefixes = 0;
  CountTerms(query, &terms, &prefixes);
  if (terms > SearchLimits::kMaxTerms) {
    throw UsageError("the search query has " + std::to_string(terms) + " terms; at most " +
                     std::to_string(SearchLimits::kMaxTerms) + " are searched: use fewer words");
  }
  if (prefixes > SearchLimits::kMaxPrefixTerms) {
    throw UsageError("the search query has " + std::to_string(prefixes) +
                     " prefix terms; at most " + std::to_string(SearchLimits::kMaxPrefixTerms) +
                     " are searched, each reads every word it starts: use fewer");
  }
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsTermByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' ||
         c >= 0x80;
}

}  // namespace

void CheckSearchQuery(std::string_view query, bool substring) {
  const auto shown = [&] {
    // The start of the query, cut on a character boundary.
    size_t n = std::min<size_t>(query.size(), 40);
    while (n > 0 && n < query.size() && (static_cast<unsigned char>(query[n]) & 0xC0) == 0x80) --n;
    return "'" + std::string(query.substr(0, n)) + (n < query.size() ? "...'" : "'");
  };
  // Text enters as UTF-8 (the CLI checks its arguments); a library caller's
  // invalid bytes are refused here too: SQLite's FTS5 trigram tokenizer
  // reads past the end of a truncated sequence.
  if (const size_t bad = Utf8InvalidOffset(query); bad != std::string_view::npos) {
    throw UsageError("the search query is not valid UTF-8 (byte " + std::to_string(bad) +
                     "); pass UTF-8 text");
  }
  if (query.size() > SearchLimits::kMaxBytes) {
    throw UsageError("the search query " + shown() + " has " + std::to_string(query.size()) +
                     " bytes; at most " + std::to_string(SearchLimits::kMaxBytes) +
                     " are searched: shorten it");
  }
  if (substring) return;
  size_t terms = 0;
  size_t prefixes = 0;
  bool in_quotes = false;
  bool after_term = false;  // the previous byte ended a term or a quoted string
  for (size_t i = 0; i < query.size(); ++i) {
    const auto c = static_cast<unsigned char>(query[i]);
    if (IsTermByte(c)) {
      if (!after_term || (i > 0 && query[i - 1] == '"')) ++terms;
      after_term = true;
      continue;
    }
    if (c == '"') {
      // "" inside a string is an escaped quote; a closing quote may take a '*'.
      if (in_quotes && i + 1 < query.size() && query[i + 1] == '"') {
        ++i;
        after_term = false;
        continue;
      }
      in_quotes = !in_quotes;
      after_term = !in_quotes;
      continue;
    }
    if (c == '*' && after_term && !in_quotes) ++prefixes;
    after_term = false;
  }
  if (terms > SearchLimits::kMaxTerms) {
    throw UsageError("the search query " + shown() + " has " + std::to_string(terms) +
                     " terms; at most " + std::to_string(SearchLimits::kMaxTerms) +
                     " are searched: use fewer words");
  }
  if (prefixes > SearchLimits::kMaxPrefixTerms) {
    throw UsageError("the search query " + shown() + " has " + std::to_string(prefixes) +
                     " prefix terms (word*); at most " +
                     std::to_string(SearchLimits::kMaxPrefixTerms) +
                     " are searched, each reads every word it starts: use fewer");
  }
}

std::vector<ConcordanceHit> internal::SqliteTm::Search(std::string_view query,
                                                       const SearchOptions& options) const {
  const Impl& impl = *impl_;
  std::vector<ConcordanceHit> result;
  CheckSearchQuery(query, options.substring);
  if (options.max == 0) return result;
  const bool any = options.lang.empty() || options.lang == "any";
  if (options.substring) {
    if (CodePoints(query) < 3) {
      throw Error("'" + std::string(query) +
                  "': a fragment needs at least 3 characters; search whole words instead");
    }
    // The trigram index serves LIKE (ASCII case ignored) and GLOB; a fragment
    // holding LIKE wildcards is matched with GLOB, its special characters in brackets.
    const bool use_glob = query.find_first_of("%_") != std::string_view::npos;
    // GLOB would need bracket escapes for * ? [, and SQLite 3.40's trigram
    // index crashes on some of those patterns (found by fuzzing): a fragment
    // mixing the two kinds of wildcard characters is refused.
    if (use_glob && query.find_first_of("*?[") != std::string_view::npos) {
      throw UsageError("'" + std::string(query) +
                       "': a fragment cannot hold both % or _ and * ? or [; search a shorter "
                       "fragment or whole words");
    }
    std::string pattern;
    if (use_glob) {
      pattern = "*";
      for (char c : query) {
        if (c == '*' || c == '?' || c == '[') {
          pattern += '[';
          pattern += c;
          pattern += ']';
        } else {
          pattern += c;
        }
      }
      pattern += "*";
    } else {
      pattern = "%" + std::string(query) + "%";
    }
    const char* op = use_glob ? " GLOB ?1" : " LIKE ?1";
    const std::pair<const Side*, std::string> sides[] = {{&kSource, "source"},
                                                         {&kTarget, "target"}};
    std::unordered_set<int64_t> seen;
    std::vector<ConcordanceHit> hits;
    for (const auto& [side, column] : sides) {
      std::string sql =
          "SELECT u.id, u.source, u.target, u.src_lang, u.tgt_lang, u.score, (SELECT document "
          "FROM provenances WHERE unit_id = u.id ORDER BY id LIMIT 1), " +
          internal::ComparableCondition("u") +
          " FROM unit_trigrams JOIN "
          "units u ON u.id = unit_trigrams.rowid WHERE unit_trigrams." +
          column + op;
      if (!any) sql += " AND " + internal::LangCondition(side->lang_column, 2);
      sql += internal::KindConditions("u", options.mode, options.origin);
      // Once the first side gave `max` hits, only newer units can make the
      // result: the rowid bound lets FTS5 skip the rest of the index.
      int64_t newer_than = 0;
      if (hits.size() >= options.max) {
        std::vector<int64_t> ids;
        for (const auto& h : hits) ids.push_back(h.tu);
        std::nth_element(ids.begin(), ids.begin() + static_cast<long>(options.max - 1), ids.end(),
                         std::greater<>());
        newer_than = ids[options.max - 1];
        sql += " AND unit_trigrams.rowid > ?4";
      }
      // Newest first: FTS5 streams rowids in descending order and stops at the limit.
      sql += " ORDER BY unit_trigrams.rowid DESC LIMIT ?3";
      Stmt s = impl.Prepare(sql);
      BindText(s.get(), 1, pattern);
      if (!any) BindText(s.get(), 2, options.lang);
      BindInt(s.get(), 3, static_cast<int64_t>(options.max));
      if (newer_than > 0) BindInt(s.get(), 4, newer_than);
      while (Step(s.get(), impl.path, "cannot search")) {
        sqlite3_stmt* r = s.get();
        ConcordanceHit h;
        h.tu = ColumnInt(r, 0);
        if (!seen.insert(h.tu).second) continue;
        h.source = ColumnText(r, 1);
        h.target = ColumnText(r, 2);
        h.src_lang = NormalizeLanguageTag(ColumnText(r, 3));
        h.tgt_lang = NormalizeLanguageTag(ColumnText(r, 4));
        h.tu_score = ColumnDouble(r, 5);
        h.document = ColumnText(r, 6);
        h.comparable = ColumnInt(r, 7) != 0;
        if (any || side == &kSource) h.source_hits = FindAll(h.source, query);
        if (any || side == &kTarget) h.target_hits = FindAll(h.target, query);
        hits.push_back(std::move(h));
      }
    }
    std::sort(hits.begin(), hits.end(),
              [](const ConcordanceHit& a, const ConcordanceHit& b) { return a.tu > b.tu; });
    if (hits.size() > options.max) hits.resize(options.max);
    return hits;
  }

  const ConcordanceQuery parsed = ConcordanceQuery::Parse(query);
  std::string error;
  std::vector<RankedHit> ranked;
  if (!RunWordSearch(impl, parsed, options, &ranked, &error)) {
    // FTS5 refused the rendering ("l'équipe (conjointe" parsed as words
    // cannot be refused; this is the last resort): search the plain words.
    ranked.clear();
    if (!RunWordSearch(impl, ConcordanceQuery::Words(query), options, &ranked, &error)) {
      throw ParseError("query", 0, 0,
                       "'" + std::string(query) + "' is not a valid search (" + error +
                           "); quote phrases in \"\"");
    }
  }
  return BestHits(std::move(ranked), options.max);
}

std::vector<ConcordanceHit> internal::SqliteTm::Search(const ConcordanceQuery& query,
                                                       const SearchOptions& options) const {
  CheckQueryLimits(query);
  std::vector<RankedHit> ranked;
  std::string error;
  if (options.max > 0 && !RunWordSearch(*impl_, query, options, &ranked, &error)) {
    throw ParseError("query", 0, 0, "the search index refused the query (" + error + ")");
  }
  return BestHits(std::move(ranked), options.max);
}

}  // namespace ancre::tm
