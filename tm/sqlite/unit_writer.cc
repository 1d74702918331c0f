// Writing units into the SQLite TM: deduplication keys, the unit writer and its provenances.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <map>
#include <unordered_map>
#include <utility>

#include "src/core/bead_json.h"
#include "src/core/language_tag.h"
#include "src/core/version.h"
#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_memory.h"
#include "tm/unit_feed.h"

namespace ancre::tm {

using namespace internal;  // the SQLite helpers of tm/sqlite/sqlite_handle.h

namespace internal {

std::string LangCondition(const std::string& column, int parameter) {
  // Both tags are compared in lower case with '_' read as '-', so that tags
  // an older ancre stored as typed ("fr_FR", "FR") match too (BCP 47 tags are
  // case-insensitive, RFC 5646 section 2.1.1).
  const std::string c = "replace(lower(" + column + "), '_', '-')";
  const std::string p = "replace(lower(?" + std::to_string(parameter) + "), '_', '-')";
  return "(" + c + " = " + p + " OR substr(" + c + ", 1, length(" + p + ") + 1) = " + p +
         " || '-' OR substr(" + p + ", 1, length(" + c + ") + 1) = " + c + " || '-')";
}

std::string ComparableCondition(const std::string& unit_alias) {
  const std::string id = unit_alias + ".id";
  // A provenance is comparable when its run was, or when it was imported
  // without a run from a TMX unit marked x-mode comparable (the prop is kept
  // in unit_extras). Every term is 0 or 1, never NULL, so that NOT negates it;
  // the list of comparable runs is computed once per statement.
  const std::string comparable =
      "(coalesce(kp.alignment_id IN (SELECT id FROM alignments WHERE mode = 'comparable'), 0) OR "
      "(kp.alignment_id IS NULL AND " +
      unit_alias +
      ".has_extras != 0 AND EXISTS (SELECT 1 FROM unit_extras ke WHERE ke.unit_id = " + id +
      " AND ke.kind = 'prop' AND ke.type = 'x-mode' AND ke.value = 'comparable')))";
  const std::string provenances = "SELECT 1 FROM provenances kp WHERE kp.unit_id = " + id + " AND ";
  return "(EXISTS (" + provenances + comparable + ") AND NOT EXISTS (" + provenances + "NOT " +
         comparable + "))";
}

std::string KindConditions(const std::string& unit_alias, const std::string& mode,
                           const std::string& origin) {
  CheckModeFilter(mode);
  CheckOriginFilter(origin);
  std::string sql;
  if (mode == "comparable") sql += " AND " + ComparableCondition(unit_alias);
  if (mode == "parallel") sql += " AND NOT " + ComparableCondition(unit_alias);
  if (!origin.empty()) sql += " AND " + unit_alias + ".origin = '" + origin + "'";
  return sql;
}

int64_t UnitHash(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                 std::string_view target) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis and prime
  auto mix = [&h](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;  // separator: a byte that never occurs in UTF-8
    h *= 0x100000001b3ULL;
  };
  mix(src_lang);
  mix(tgt_lang);
  mix(source);
  mix(target);
  return static_cast<int64_t>(h);
}

std::string NowTmxTime() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &utc);  // TMX 1.4b: YYYYMMDDThhmmssZ in UTC
  return buf;
}

UnitWriter::UnitWriter(const internal::SqliteTm::Impl& impl)
    : impl_(impl),
      find_(impl.Prepare("SELECT id, score FROM units WHERE text_hash = ?1 AND src_lang = ?2 AND "
                         "tgt_lang = ?3 AND source = ?4 AND target = ?5")),
      insert_(impl.Prepare(
          "INSERT INTO units(src_lang, tgt_lang, source, target, source_markup, target_markup, "
          "text_hash, word_count, score, origin, created, tuid, has_extras, match_key) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")),
      raise_score_(impl.Prepare("UPDATE units SET score = ?2 WHERE id = ?1")),
      insert_extra_(impl.Prepare("INSERT INTO unit_extras(unit_id, position, kind, type, value) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)")),
      insert_provenance_(impl.Prepare(
          "INSERT OR IGNORE INTO provenances(unit_id, alignment_id, document, origin, score, "
          "bead_type, src_segments, tgt_segments, anchors, created) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")) {
  Stmt any = impl.Prepare("SELECT EXISTS (SELECT 1 FROM units)");
  empty_at_start_ =
      !Step(any.get(), impl.path, "cannot read translation units") || ColumnInt(any.get(), 0) == 0;
  if (empty_at_start_) seen_.assign(kSeenBits / 64, 0);
}

bool UnitWriter::SeenBefore(int64_t hash) {
  // A Bloom filter with two bit positions taken from the hash's two halves:
  // "no" is certain, "yes" may be wrong (then the table is asked). 2 MiB
  // whatever the write's size: 1.4 % false yes after 1,000,000 units.
  const auto h = static_cast<uint64_t>(hash);
  const uint64_t a = h % kSeenBits;
  const uint64_t b = (h >> 32) * 0x9E3779B97F4A7C15ULL % kSeenBits;
  const bool seen = (seen_[a / 64] >> (a % 64) & 1) && (seen_[b / 64] >> (b % 64) & 1);
  seen_[a / 64] |= uint64_t{1} << (a % 64);
  seen_[b / 64] |= uint64_t{1} << (b % 64);
  return seen;
}

UnitKey MakeUnitKey(std::string_view src_lang, std::string_view tgt_lang, std::string_view source,
                    std::string_view target) {
  UnitKey key;
  key.hash = UnitHash(src_lang, tgt_lang, source, target);
  key.match_key = MatchKey(source, &key.word_count);
  return key;
}

int64_t UnitWriter::Upsert(const UnitRow& row, bool* added) {
  UnitKey computed;
  if (!row.key) computed = MakeUnitKey(row.src_lang, row.tgt_lang, row.source, row.target);
  const UnitKey& key = row.key ? *row.key : computed;
  const int64_t hash = key.hash;
  // Into a TM that had no units, a unit can only repeat one of this write:
  // the table is asked only when the hash was seen in it.
  if (empty_at_start_ && !SeenBefore(hash)) return Insert(row, key, added);
  sqlite3_stmt* s = find_.get();
  Reuse(s);
  BindInt(s, 1, hash);
  BindTextNoCopy(s, 2, row.src_lang);
  BindTextNoCopy(s, 3, row.tgt_lang);
  BindTextNoCopy(s, 4, row.source);
  BindTextNoCopy(s, 5, row.target);
  if (Step(s, impl_.path, "cannot look up a translation unit")) {
    int64_t id = ColumnInt(s, 0);
    double score = ColumnDouble(s, 1);
    Reuse(s);
    if (row.score > score) {
      sqlite3_stmt* u = raise_score_.get();
      Reuse(u);
      BindInt(u, 1, id);
      BindDouble(u, 2, row.score);
      Step(u, impl_.path, "cannot update a translation unit");
    }
    *added = false;
    return id;
  }
  Reuse(s);
  return Insert(row, key, added);
}

int64_t UnitWriter::Insert(const UnitRow& row, const UnitKey& key, bool* added) {
  const bool has_extras = (row.props && !row.props->empty()) || (row.notes && !row.notes->empty());
  sqlite3_stmt* ins = insert_.get();
  Reuse(ins);
  BindTextNoCopy(ins, 1, row.src_lang);
  BindTextNoCopy(ins, 2, row.tgt_lang);
  BindTextNoCopy(ins, 3, row.source);
  BindTextNoCopy(ins, 4, row.target);
  BindTextNoCopy(ins, 5, row.source_markup);
  BindTextNoCopy(ins, 6, row.target_markup);
  BindInt(ins, 7, key.hash);
  BindInt(ins, 8, static_cast<int64_t>(key.word_count));
  BindDouble(ins, 9, row.score);
  BindTextNoCopy(ins, 10, OriginName(row.origin));
  BindTextNoCopy(ins, 11, row.created);
  BindTextNoCopy(ins, 12, row.tuid);
  BindInt(ins, 13, has_extras ? 1 : 0);
  BindTextNoCopy(ins, 14, key.match_key);
  Step(ins, impl_.path, "cannot add a translation unit");
  const int64_t id = sqlite3_last_insert_rowid(impl_.handle());
  if (has_extras) {
    int64_t position = 0;
    auto add_extra = [&](std::string_view kind, std::string_view type, std::string_view value) {
      sqlite3_stmt* e = insert_extra_.get();
      Reuse(e);
      BindInt(e, 1, id);
      BindInt(e, 2, position++);
      BindTextNoCopy(e, 3, kind);
      BindTextNoCopy(e, 4, type);
      BindTextNoCopy(e, 5, value);
      Step(e, impl_.path, "cannot add a property of a translation unit");
    };
    if (row.props) {
      for (const auto& p : *row.props) add_extra("prop", p.type, p.value);
    }
    if (row.notes) {
      for (const auto& n : *row.notes) add_extra("note", "", n);
    }
  }
  *added = true;
  return id;
}

bool UnitWriter::AddProvenance(int64_t unit_id, const ProvenanceRow& row) {
  sqlite3_stmt* s = insert_provenance_.get();
  Reuse(s);
  BindInt(s, 1, unit_id);
  if (row.alignment_id > 0) {
    BindInt(s, 2, row.alignment_id);
  } else {
    BindNull(s, 2);
  }
  BindTextNoCopy(s, 3, row.document);
  BindTextNoCopy(s, 4, OriginName(row.origin));
  BindDouble(s, 5, row.score);
  BindTextNoCopy(s, 6, row.bead_type);
  BindTextNoCopy(s, 7, row.src_segments);
  BindTextNoCopy(s, 8, row.tgt_segments);
  BindTextNoCopy(s, 9, row.anchors_json);
  BindTextNoCopy(s, 10, row.created);
  Step(s, impl_.path, "cannot record where a translation unit came from");
  return sqlite3_changes(impl_.handle()) > 0;
}

}  // namespace internal
}  // namespace ancre::tm
