// TmxWriter: writes TMX 1.4b that every consumer accepts (the official DTD,
// translate-toolkit, OmegaT, Okapi), streaming, one <tu> at a time: memory
// does not grow with the number of units. Built on libxml2's xmlTextWriter,
// which does the escaping.
//
// Usage (given const ancre::tm::TmxUnit& unit):
//   ancre::tm::TmxHeader header;
//   header.srclang = "fr";
//   ancre::tm::TmxWriter writer(std::cout, header);
//   writer.Write(unit);  // unit.variants[0] is the source
//   writer.Finish();
//
// What the writer guarantees, whatever the units hold: characters XML 1.0
// forbids and invalid UTF-8 never reach the file (removed and counted in
// stats().chars_removed); segments are trimmed of surrounding white space;
// a variant whose text is empty is left out, and a unit left with fewer than
// two variants is not written; language tags are written in canonical BCP 47
// form; dates are written only in TMX form (YYYYMMDDThhmmssZ); stored inline
// markup is copied only after CheckSegMarkup accepted it, else the plain text
// is written.
//
// Thread-safety: a TmxWriter is used by one thread at a time.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>

#include "tm/tmx/header.h"
#include "tm/translation_unit.h"

namespace ancre::tm {

struct TmxWriteStats {
  size_t units = 0;           // <tu> written
  size_t units_skipped = 0;   // not written: fewer than two variants with text
  size_t chars_removed = 0;   // forbidden characters and invalid bytes removed
  size_t markup_dropped = 0;  // variants whose stored markup was invalid: text written instead
};

class TmxWriter {
 public:
  // Writes the XML declaration, <tmx version="1.4"> and the <header> to out.
  // header.srclang is required (a BCP 47 tag or "*all*"); empty header fields
  // get ancre's values (creationtool "ancre", segtype "sentence", datatype
  // "plaintext", adminlang "en", o-tmf "ancre", creationdate now). `out` must
  // outlive the writer. Throws Error for a bad srclang, IoError if writing fails.
  TmxWriter(std::ostream& out, const TmxHeader& header);
  // Frees the writer; a writer destroyed before Finish() leaves an incomplete file.
  ~TmxWriter();
  TmxWriter(const TmxWriter&) = delete;
  TmxWriter& operator=(const TmxWriter&) = delete;

  // Writes unit as one <tu>, its variants in the given order (the source
  // first: translate-toolkit takes the first <tuv> as the source). Writes
  // tu@srclang when unit.srclang is set and differs from the header's.
  // Returns false if the unit was not written (see the header comment).
  // Throws InvalidUnitLanguage (tm/errors.h) for a language tag that is not
  // BCP 47, IoError on write errors.
  bool Write(const TmxUnit& unit);

  // Closes <body> and <tmx> and flushes. Throws IoError.
  void Finish();

  const TmxWriteStats& stats() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::tm
