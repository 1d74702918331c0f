// TmxImporter: turns the units of a TMX file into source/target pairs for the
// store, applying the user's language pair and bad-unit policy.
//
// Usage (given ancre::tm::TranslationMemory& store):
//   auto reader = ancre::tm::TmxReader::Open("legacy.tmx");
//   ancre::CountingReporter reporter([](const std::string& m) { std::cerr << m << "\n"; });
//   ancre::tm::TmxImporter importer(*reader, {.src_lang = "fr", .tgt_lang = "en"}, reporter);
//   std::vector<ancre::tm::TranslationUnit> batch;
//   while (importer.NextBatch(10000, &batch)) store.AddUnits(batch);
// (ancre import feeds the batches to TranslationMemory::AddUnits' streaming form: one
// transaction for the whole file.)
//
// Languages: tags are matched case-insensitively, '_' read as '-', with
// region fallback (a "fr-CA" variant serves "fr", an "fr" one serves
// "fr-FR"; the closest wins). Units keep the file's own (normalized) tag.
// With no pair given, every pair is imported with the source being the
// variant in the unit's or the header's srclang (the first variant when that
// is "*all*"): a 4-language unit gives 3 pairs.
//
// Round trip: the x-score, x-bead, x-anchors, x-document and x-origin props
// that TmxExporter writes are read back into the unit's fields; other props
// and notes (of the <tu> and of the two chosen <tuv>) are kept in props and
// notes, duplicates removed.
//
// Thread-safety: one thread at a time.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "src/core/reporter.h"
#include "tm/tmx/reader.h"
#include "tm/translation_unit.h"

namespace ancre::tm {

struct TmxImportOptions {
  // Source language wanted (any tag serving it); empty = the header's srclang.
  std::string src_lang;
  // Target language wanted; empty = every language other than the source.
  std::string tgt_lang;
  // What to do with a unit that cannot be imported (broken inline markup, one
  // language only, empty segment, bad language tag): kFail throws
  // BadImportUnit (tm/errors.h, a ParseError), kWarn and kSkip pass it to the Reporter and go on.
  OnBadRecord on_bad_unit = OnBadRecord::kFail;
  // Provenance label for units without an x-document prop; empty = the
  // reader's file name.
  std::string document;
  // Creation date for units without one (TMX form); empty = now.
  std::string now;
};

struct TmxImportStats {
  size_t units = 0;                 // <tu> read
  size_t pairs = 0;                 // source/target pairs produced
  size_t bad_units = 0;             // given to the Reporter (kWarn, kSkip)
  size_t outside_pair = 0;          // units without the requested languages (not an error)
  size_t dates_ignored = 0;         // creation dates not in a known form
  std::set<std::string> languages;  // every language seen, for messages
};

class TmxImporter {
 public:
  // reader and reporter are borrowed and must outlive the importer.
  TmxImporter(TmxReader& reader, const TmxImportOptions& options, Reporter& reporter);

  // Replaces *batch with the pairs of the next units, at least one pair and
  // about max_pairs (a unit's pairs are never split). Returns false, with
  // *batch empty, at the end of the file. Throws BadImportUnit (bad unit
  // under kFail), ParseError (not well-formed XML), IoError.
  bool NextBatch(size_t max_pairs, std::vector<TranslationUnit>* batch);

  const TmxImportStats& stats() const { return stats_; }

 private:
  // Appends the pairs of unit to *out, or reports it.
  void Convert(const TmxUnit& unit, std::vector<TranslationUnit>* out);
  void Bad(const TmxUnit& unit, const std::string& what);

  TmxReader& reader_;
  TmxImportOptions options_;
  Reporter& reporter_;
  TmxImportStats stats_;
  TmxUnit unit_;
};

}  // namespace ancre::tm
