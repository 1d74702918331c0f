// The alignment → translation memory step: both documents (their bytes, the
// original text of every segment, a title), their segments and anchors, the
// run with the parameters that shaped it, and one translation unit per pair,
// stored in one transaction.
//
// Usage (given const ancre::pipeline::PairOptions& o):
//   ancre::pipeline::AlignedDocuments d = ancre::pipeline::AlignFiles("a.fr", "a.en", {}, o);
//   ancre::tm::TranslationMemory tm("tm.sqlite", {});
//   ancre::pipeline::StoreSummary s = ancre::pipeline::StoreAlignment(tm, d);
//
// Thread-safety: as the tm::TranslationMemory it writes to (one writer at a time).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "src/pipeline/pipeline.h"
#include "tm/translation_memory.h"

namespace ancre::pipeline {

// What StoreAlignment did.
struct StoreSummary {
  int64_t run_id = 0;           // the alignment run (the existing one if already stored)
  bool already_stored = false;  // same documents, mode and parameters: nothing was written
  size_t units_added = 0;       // new translation units
  size_t units_existing = 0;    // pairs the TM held already as units
  size_t pairs = 0;             // beads with both sides
};

// The run parameters stored with a run: a JSON object of the options that
// shaped the alignment (min_score, presegmented, lexicon, date).
std::string RunParameters(const PairOptions& options);

// Stores `aligned` in `store` in one transaction: an interrupted or failed
// call leaves the TM as it was. Storing the same alignment twice writes
// nothing (already_stored). Throws what tm::TranslationMemory::SaveAlignment throws
// (DbError, IoError). `aligned` is only read during the call.
StoreSummary StoreAlignment(tm::TranslationMemory& store, const AlignedDocuments& aligned);

}  // namespace ancre::pipeline
