// A user's own bilingual dictionaries (`ancre align --dictionary FILE`) read
// into the aligner's align::Lexicon, stemmed with each side's Snowball
// stemmer as the FreeDict entries are (freedict.h). Two formats:
//
//   TSV       one `source<TAB>target` entry a line, in the order of the
//             alignment's languages (--src-lang first); further columns
//             (scores, notes: `ancre lexicon` writes two) are ignored;
//   hunalign  hunalign's .dic: `target @ source` a line — hunalign puts the
//             target language first ("for historical reasons", its README);
//             its "@V", "@N" ... delimiters are read as "@" too.
//
// In both, blank lines and lines starting with '#' are skipped. An entry of
// one word a side gives one pair. As for FreeDict, function words are left
// out and a phrase pairs its content words with the other side's only when
// that side is a single word and the phrase has at most two ("pomme de
// terre" / "potato": pomme ~ potato, terre ~ potato); phrases on both sides
// ("Nations unies" / "United Nations") give no pair, and are counted. Content
// words of two letters count (a user's "UE" / "EU"; FreeDict's need three).
//
// Usage:
//   ancre::pipeline::UserDictionaryStats stats;
//   ancre::align::Lexicon lex =
//       ancre::pipeline::LoadUserDictionaries({"terms.tsv", "hu-en.dic"}, "hu", "en", &stats);
//
// Thread-safety: the functions are reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/align/lexicon.h"

namespace ancre::pipeline {

enum class DictionaryFormat {
  kTsv,       // source<TAB>target
  kHunalign,  // target @ source
};

// The format of a dictionary file by its name: hunalign's for a name ending
// in ".dic" (any case), TSV otherwise.
DictionaryFormat DictionaryFormatOf(std::string_view path);

// What reading user dictionaries gave.
struct UserDictionaryStats {
  size_t files = 0;    // dictionaries read
  size_t entries = 0;  // entry lines read (comments and blank lines not counted)
  size_t pairs = 0;    // distinct stem pairs in the lexicon
  size_t skipped = 0;  // entries that gave no pair (phrases on both sides, function words only)
};

// Parses one dictionary's text into (source stem, target stem) pairs,
// appended to *pairs in file order; `name` names it in errors. Counts
// entries and skipped entries into *stats (may be null). Throws ParseError
// (name, line, column) for invalid UTF-8, a TSV line without a tab or with
// an empty source or target, and a hunalign line without " @ " between two non-empty
// phrases.
void ParseUserDictionary(std::string_view data, const std::string& name, DictionaryFormat format,
                         std::string_view src_language, std::string_view tgt_language,
                         std::vector<std::pair<std::string, std::string>>* pairs,
                         UserDictionaryStats* stats = nullptr);

// Reads every file of `paths` (format by DictionaryFormatOf) into one
// lexicon for the src_language -> tgt_language pair. Fills *stats (may be
// null). Throws IoError for a file that cannot be read, and what
// ParseUserDictionary throws.
align::Lexicon LoadUserDictionaries(const std::vector<std::string>& paths,
                                    std::string_view src_language, std::string_view tgt_language,
                                    UserDictionaryStats* stats = nullptr);

}  // namespace ancre::pipeline
