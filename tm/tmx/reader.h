// TmxReader: streams the translation units of a TMX file (versions 1.1 to
// 1.4b) one <tu> at a time, in memory bounded by the largest unit, whatever
// the file's size. UTF-8, UTF-16LE/BE (with BOM) and any encoding declared in
// the XML declaration are read; every string it yields is UTF-8.
//
// Usage:
//   auto reader = ancre::tm::TmxReader::Open("memory.tmx");
//   ancre::tm::TmxUnit unit;
//   while (reader->Next(&unit)) {
//     if (!unit.problem.empty()) { /* report it, skip it */ continue; }
//     for (const auto& v : unit.variants) std::cout << v.lang << ": " << v.text << "\n";
//   }
//
// Hostile input: the reader never loads a DTD or any external entity, never
// touches the network, and refuses a file whose DOCTYPE declares entities
// before parsing it (entity expansion bombs, XXE): TMX defines none. A file
// that is not well-formed XML throws ParseError with line and column.
//
// Bounds (TmxLimits): a file with an element of more than 256 attributes is
// refused while it is read (libxml2 2.9 checks attribute names for duplicates
// in quadratic time); a <tu> with more than 100 <tuv>, 1,000 <prop> or 1,000
// <note> (its <tuv> included) is yielded with `problem` set, the surplus not
// kept, so that no unit costs more than linear time in its size.
//
// Each <tu> comes out as a TmxUnit: its variants with language tags in
// canonical BCP 47 form, text with inline codes (bpt, ept, it, ph, ut) removed
// and <hi> content kept, the <seg> content as XML in `markup` when it holds
// inline elements, its props and notes. A unit that cannot be used as is
// (broken inline markup, a <tuv> without language or <seg>) is still yielded,
// with `problem` saying why: the caller applies its OnBadRecord policy.
//
// Thread-safety: a TmxReader is used by one thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tm/tmx/header.h"
#include "tm/translation_unit.h"

namespace ancre::tm {

// What the reader accepts of one element and one unit (see above).
struct TmxLimits {
  static constexpr size_t kMaxAttributes = 256;  // of any element; more: the file is refused
  static constexpr size_t kMaxVariants = 100;    // <tuv> in one <tu>; more: a bad unit
  static constexpr size_t kMaxProps = 1000;      // <prop> in one <tu> and its <tuv>; more: bad
  static constexpr size_t kMaxNotes = 1000;      // <note> likewise
};

class TmxReader {
 public:
  // Opens the TMX file at path ("-" reads standard input) and reads up to the
  // end of its <header>. Throws IoError if the file cannot be opened or read,
  // ParseError if it is not well-formed XML, declares entities, or is not a
  // TMX file (no <tmx> root or no <header>).
  static std::unique_ptr<TmxReader> Open(const std::filesystem::path& path);

  // Reads TMX from memory. `xml` must stay alive and unchanged while the
  // reader is in use; `name` stands for the file in messages. Throws as Open.
  static std::unique_ptr<TmxReader> FromMemory(std::string_view xml,
                                               const std::string& name = "<memory>");

  ~TmxReader();
  TmxReader(const TmxReader&) = delete;
  TmxReader& operator=(const TmxReader&) = delete;

  // The file name given to Open (or FromMemory), for messages.
  const std::string& name() const;
  const TmxHeader& header() const;
  // Bytes of the input read so far, for a progress display (the parser reads
  // ahead of the unit Next returned, by up to a few kilobytes).
  uint64_t bytes_read() const;

  // Reads the next <tu> of the body into *unit (replacing its content).
  // Returns false at the end of the file, after checking that the rest of it
  // is well-formed. Throws ParseError (not well-formed XML, with line and
  // column) and IoError (read error).
  bool Next(TmxUnit* unit);

  struct Impl;

 private:
  explicit TmxReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::tm
