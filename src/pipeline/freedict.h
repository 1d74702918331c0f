// FreeDict dictionaries (dictd format, as Debian installs them in
// /usr/share/dictd) read into the aligner's align::Lexicon: both directions
// of a pair, every headword and translation reduced to a Snowball stem. A
// parsed lexicon is kept in a cache folder (one text file per pair and
// dictionary version, written atomically) so that a large dictionary
// (German–English: 500,000 headwords, 16 s to parse) loads in 0.1 s later.
//
// Usage:
//   ancre::align::Lexicon lex = ancre::pipeline::LoadFreeDict(
//       "/usr/share/dictd", "de", "en", ancre::pipeline::DefaultCacheDir());
//
// Thread-safety: the functions are reentrant; concurrent loads of the same
// pair may both parse and write the cache (the last rename wins, both whole).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/align/lexicon.h"

namespace ancre::pipeline {

// A pair with fewer dictionary pairs than this is completed through a pivot.
constexpr size_t kPivotBelow = 5000;

// Loads <dir>/freedict-<src3>-<tgt3>.{index,dict.dz} and the reverse
// dictionary when present (src3/tgt3: the ISO 639-2/T codes of the language
// tags, however written: fr, FR, fr_FR -> fra; cs -> ces ...). A pair with a small dictionary
// (fewer than kPivotBelow pairs) is completed through English, German or French when both sides
// have a large dictionary with it (Russian -> German -> English, the first three senses of each
// step). A missing dictionary is not an error: the lexicon is then empty. With a `cache_dir`, the
// parsed lexicon is kept there and read back while the dictionaries are unchanged; a cache that
// cannot be read or written is ignored. Throws IoError if a dictionary file
// exists but cannot be read or decompressed.
align::Lexicon LoadFreeDict(const std::string& dir, std::string_view src_language,
                            std::string_view tgt_language, const std::string& cache_dir = "");

// The cache folder a user's runs share: $ANCRE_CACHE_DIR, else
// $XDG_CACHE_HOME/ancre, else $HOME/.cache/ancre; empty if none is set.
std::string DefaultCacheDir();

// Splits a dictd entry body into single-word translation candidates: one
// entry is "headword /pron/ <pos>\n1. a, b\n2. c" (numbering optional).
// Returns the headword (text before " /" or " <") and appends the
// translations (phrases split on , and ;, parenthesized parts removed) to *out.
std::string ParseDictEntry(std::string_view entry, std::vector<std::string>* out);

}  // namespace ancre::pipeline
