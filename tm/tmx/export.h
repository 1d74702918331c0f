// TmxExporter: writes the translation units of a TM as TMX 1.4b (see
// tm/tmx/writer.h for what every file guarantees), with the provenance and
// evidence of each unit as x- props a CAT tool shows and keeps:
//   x-score     the aligner's confidence, "0.87"
//   x-bead      the bead type, "1-2" (two target sentences joined in one unit)
//   x-anchors   the anchors both sides share, JSON
//   x-document  the document pair (or TMX file) the unit came from
//   x-origin    "aligned", "imported" or "edited"
//   x-mode      the alignment mode of the run that paired it: "parallel" or "comparable"
//   x-run       that run's id in the TM (`ancre report --db TM --run ID` shows it)
// followed by the unit's other props. TmxImporter reads them back, so
// export → import → export gives the same bytes apart from the header's date.
//
// Usage (given const ancre::tm::TranslationMemory& store):
//   ancre::tm::TmxExporter exporter(std::cout, {.src_lang = "fr-FR", .tgt_lang = "en-US"});
//   store.ForEachUnit({}, [&](const ancre::tm::TranslationUnit& u) { exporter.Add(u); });
//   exporter.Finish();
//
// Thread-safety: one thread at a time.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "tm/tmx/writer.h"
#include "tm/translation_unit.h"

namespace ancre::tm {

struct TmxExportOptions {
  // Language codes written in the file. When set, only units whose language
  // serves it are written (see LanguageServes: "fr" and "fr-FR" units serve
  // "fr-FR") and their xml:lang is this code, so a CAT project in fr-FR finds
  // them. Empty = every unit, with its stored tag.
  std::string src_lang;
  std::string tgt_lang;
  // Header creationdate (TMX form); empty = now.
  std::string creation_date;
};

// The TMX form of a stored unit: tuid (the stored one, else the unit's id),
// creation date, provenance props, source variant first.
TmxUnit ToTmxUnit(const TranslationUnit& unit, const std::string& src_lang,
                  const std::string& tgt_lang);
// The same into *out, reusing its buffers (for streaming many units).
void ToTmxUnit(const TranslationUnit& unit, const std::string& src_lang,
               const std::string& tgt_lang, TmxUnit* out);

// The score as written in x-score: the shortest decimal that reads back as
// the same double.
std::string FormatScore(double score);

class TmxExporter {
 public:
  // `out` must outlive the exporter. Nothing is written before the first
  // Add() or Finish(): the header's srclang is options.src_lang, else the
  // first unit's source language. Throws Error for a bad language option.
  TmxExporter(std::ostream& out, const TmxExportOptions& options);
  ~TmxExporter();

  // Writes unit if its languages serve the requested ones. Returns false if
  // it was filtered out or had an empty side. Throws IoError, InvalidUnitLanguage
  // (tm/errors.h: a stored language tag that is not BCP 47).
  bool Add(const TranslationUnit& unit);

  // Writes the end of the file (and the header, if no unit was added).
  void Finish();

  // Units written, skipped, characters removed; zero before the first Add().
  TmxWriteStats stats() const;
  size_t filtered_out() const { return filtered_out_; }

 private:
  void Open(const std::string& srclang);

  std::ostream& out_;
  TmxExportOptions options_;
  std::unique_ptr<TmxWriter> writer_;
  TmxUnit scratch_;  // reused by Add
  size_t filtered_out_ = 0;
};

}  // namespace ancre::tm
