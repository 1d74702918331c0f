// What goes into and comes out of a translation memory
// (tm/translation_memory.h): the records a caller stores, the options of its
// queries and what they return. Plain values, whatever the backend.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/core/bead.h"
#include "src/core/segment.h"
#include "tm/fuzzy.h"
#include "tm/translation_unit.h"

namespace ancre::tm {

// One side of an aligned document pair, as given to SaveAlignment. Borrowed:
// everything pointed to must stay alive during the call.
struct DocumentRecord {
  std::string path;          // as the user named it (shown as provenance)
  std::string_view content;  // the input's bytes as given (hashed for dedup)
  std::string language;      // BCP 47, e.g. "fr"
  std::string title;         // may be empty
  std::string date;          // YYYY-MM-DD; may be empty
  // The segments; required. Beads name segments by position in
  // document->segments; the TM stores each segment's Segment::number (and
  // the bead's segments by number).
  const Document* document = nullptr;
  const DocumentAnchors* anchors = nullptr;  // parallel to document->segments; may be null
  // Original text of each segment, parallel to document->segments. If empty,
  // content.substr(span) is used: right when `content` is the input's own
  // bytes and they are UTF-8 (a BOM is fine: spans count it). For input in
  // another encoding, pass the originals (e.g. the decoded text of each span).
  std::vector<std::string> originals;
};

// How an alignment was made.
struct AlignmentRecord {
  std::string mode = "parallel";  // the mode actually used: "parallel" or "comparable"
  std::string parameters = "{}";  // JSON object of the options that shaped the result
  std::string label;              // provenance label; empty = "<source path> | <target path>"
};

struct SaveResult {
  int64_t alignment_id = 0;
  bool already_stored = false;  // same documents, mode and parameters: nothing was written
  size_t documents_added = 0;
  size_t segments_added = 0;
  size_t units_added = 0;     // new TUs
  size_t units_existing = 0;  // pairs already present as TUs (a provenance was added)
  size_t beads_skipped = 0;   // 1-0 / 0-1 beads: no TU
};

struct AddResult {
  size_t added = 0;     // new TUs
  size_t existing = 0;  // already present: a provenance was added (or was already there)
};

// Which TUs ForEachUnit visits. Language tags match as LanguageServes
// (src/core/language_tag.h) says, whatever their case or '_': "fr" matches
// "fr" and "fr-FR", "fr-FR" matches "fr-FR" and "fr", not "fr-CA".
struct UnitFilter {
  std::string src_lang;    // empty = any
  std::string tgt_lang;    // empty = any
  double min_score = 0.0;  // TU score (best provenance) at least this
  // Documents: a TU passes if one of its provenances comes from an alignment
  // of a document whose id is in document_ids, or has a label (see
  // TranslationUnit::document) equal to an entry of documents or naming it as
  // one side of "<source> | <target>". Both empty = any document.
  std::vector<int64_t> document_ids;
  std::vector<std::string> documents;
  std::string since;   // created at or after this UTC time (TMX form); empty = any
  std::string origin;  // "aligned", "imported" or "edited"; empty = any
  // Only units a reviewer vouched for: a bead of theirs was confirmed or
  // edited (tm/review.h).
  bool reviewed_only = false;
  // "parallel": translations only; "comparable": comparable pairs only;
  // empty or "any": both. See CheckModeFilter for which is which.
  std::string mode;
};

// Which units are comparable pairs (two sentences reporting the same fact,
// not translations of each other) and which translations, for the `mode`
// filters: a unit is comparable when every one of its provenances is
// comparable, i.e. comes from an alignment run in comparable mode or was
// imported from a TMX unit with the prop x-mode "comparable"; any other
// provenance (a parallel run, an import or edit without that prop) makes it
// a translation. Throws UsageError for a mode other than "parallel",
// "comparable", "any" or empty; returns nothing.
void CheckModeFilter(std::string_view mode);
// The same for an origin filter: "aligned", "imported", "edited" or empty.
void CheckOriginFilter(std::string_view origin);

struct LookupOptions {
  double threshold = 70.0;  // minimum match percentage, in [0, 100]
  size_t max = 10;          // at most this many matches, best first
  // The query's language: only TUs with a side in it (as UnitFilter: "fr"
  // finds fr-FR). Their source side first; with it set, TUs whose target side
  // is in it are looked up too, read the other way (a fr->en TM answers an en
  // query for fr). Empty = the TUs' source side, any language.
  std::string src_lang;
  // The language wanted: only TUs whose other side is in it; empty = any.
  std::string tgt_lang;
  std::string mode;    // as UnitFilter::mode: "parallel", "comparable", or empty/"any"
  std::string origin;  // as UnitFilter::origin; empty = any
};

struct FuzzyMatch {
  // Match percentage as CAT tools compute it (tm/cat_match.h): characters and
  // inline tags of the texts as written; 100 only for identical text.
  double score = 0.0;
  // The word-level match percentage candidates are found by (tm/fuzzy.h):
  // case, accents and punctuation ignored.
  double word_score = 0.0;
  int64_t tu = 0;
  // The TU's side matched (in the query's language) and the other side; when
  // `reversed`, these are the TU's target and source.
  std::string source;
  std::string target;
  std::string src_lang;
  std::string tgt_lang;
  bool reversed = false;        // matched on the TU's target side: the TM read the other way
  std::string document;         // provenance label of the TU's first provenance
  double tu_score = 0.0;        // the TU's alignment confidence
  std::vector<WordEdit> edits;  // the words that differ between the query and `source`
  // What else differs (tm/cat_match.h): "case", "accents", "punctuation",
  // "spacing", "tags", "number 31 → 30" (query → TM), "characters".
  std::vector<std::string> differences;
  // `target` adapted to the query's numbers and dates where the TU's anchors
  // pair them (the TU's "30" is the target's "30", the query says "31"); empty
  // when nothing was adapted. Each adaptation: "30 → 31".
  std::string adapted_target;
  std::vector<std::string> adaptations;
  bool comparable = false;  // a comparable pair, not a translation (see CheckModeFilter)
};

struct SearchOptions {
  std::string lang = "any";  // search the side of this language (as UnitFilter: "fr" finds
                             // fr-FR), or "any"
  size_t max = 20;           // at most this many hits
  bool substring = false;    // the query is a fragment found anywhere in words (trigram index)
  std::string mode;          // as UnitFilter::mode: "parallel", "comparable", or empty/"any"
  std::string origin;        // as UnitFilter::origin; empty = any
};

// Bounds of a concordance query. A word index reads the whole list of words
// sharing a prefix for every prefix term (SQLite's FTS5, p*: about 1.7 MB and
// 77 ms on a TM of a million units), so without bounds a query of a few
// kilobytes could take gigabytes and minutes.
struct SearchLimits {
  static constexpr size_t kMaxBytes = 1000;      // the query's length in bytes
  static constexpr size_t kMaxTerms = 64;        // words and prefixes, phrases counted by word
  static constexpr size_t kMaxPrefixTerms = 16;  // prefix terms (word*, "phrase"*)
};

// Checks query against SearchLimits (substring: only its length). Throws
// UsageError naming the limit exceeded; returns nothing otherwise. Terms are
// counted as an index reads them at most: every run of letters, digits, '_'
// or non-ASCII bytes, inside quotes or not; a prefix is a '*' right after one
// or after a closing quote.
void CheckSearchQuery(std::string_view query, bool substring);

// A concordance hit: a TU with the byte ranges of the matched text on each side.
struct ConcordanceHit {
  int64_t tu = 0;
  std::string source;
  std::string target;
  std::string src_lang;
  std::string tgt_lang;
  std::string document;
  double tu_score = 0.0;
  std::vector<std::pair<size_t, size_t>> source_hits;  // [begin, end) byte offsets into source
  std::vector<std::pair<size_t, size_t>> target_hits;
  bool comparable = false;  // a comparable pair, not a translation (see CheckModeFilter)
};

struct TmStats {
  int schema_version = 0;  // version of the TM's format
  int64_t file_bytes = 0;  // bytes the TM occupies
  int64_t documents = 0;
  int64_t segments = 0;
  int64_t alignments = 0;
  int64_t units = 0;
  int64_t provenances = 0;
  int64_t anchors = 0;
  struct Count {
    std::string name;
    int64_t count = 0;
  };
  std::vector<Count> units_by_lang_pair;  // "fr→en"
  std::vector<Count> units_by_score;      // bands "0.90–1.00" ... "0.00–0.40", high first
  std::vector<Count> units_by_origin;     // "aligned", "imported", "edited"
  // "parallel" (translations), "comparable" (comparable pairs; see
  // CheckModeFilter), most first.
  std::vector<Count> units_by_mode;
  std::vector<Count> anchors_by_kind;  // "date", "number" ...
  // Beads of reviewed runs by status (tm/review.h): "automatic", "confirmed",
  // "edited", "rejected"; empty when no run was reviewed.
  std::vector<Count> beads_by_status;
};

struct CheckReport {
  std::vector<std::string> integrity_problems;  // from the storage's and the indexes' own checks
  std::vector<std::string> foreign_key_problems;
  int64_t units_without_provenance = 0;
  int64_t documents_without_alignment = 0;
  int64_t duplicate_units = 0;  // same languages and texts stored twice
  // Stored but not yet in the search indexes (see TranslationMemory::UnindexedUnits); not
  // a problem: the next writer indexes them.
  int64_t unindexed_units = 0;
  bool ok() const {
    return integrity_problems.empty() && foreign_key_problems.empty() &&
           units_without_provenance == 0 && duplicate_units == 0;
  }
};

struct PruneOptions {
  double below = -1.0;      // remove TUs whose best score is below this; < 0 = off
  int64_t document_id = 0;  // remove this document and all that came only from it; 0 = off
  bool dry_run = false;     // count only; the TM is not modified
};

struct PruneResult {
  int64_t units = 0;
  int64_t provenances = 0;
  int64_t documents = 0;
  int64_t alignments = 0;
  int64_t segments = 0;
};

struct MergeResult {
  int64_t documents_added = 0;
  int64_t alignments_added = 0;
  int64_t units_added = 0;
  int64_t units_existing = 0;
  int64_t provenances_added = 0;
};

// One document as listed by Documents().
struct DocumentInfo {
  int64_t id = 0;
  std::string path;
  std::string language;
  std::string title;
  std::string content_hash;
  int64_t segments = 0;
};

// One alignment run as stored: which documents, how and when.
struct StoredRun {
  int64_t id = 0;
  std::string mode;        // "parallel" or "comparable"
  std::string label;       // provenance label of its units
  std::string created;     // UTC, TMX form YYYYMMDDThhmmssZ
  std::string parameters;  // JSON object of the options that shaped it
  DocumentInfo source;
  DocumentInfo target;
  int64_t pairs = 0;  // beads with sentences on both sides
};

// A segment of a stored document with its anchors.
struct StoredSegment {
  size_t index = 0;      // Segment::number: what the stored beads name
  std::string original;  // the original text, UTF-8
  std::string text;      // the normalized text (what units and the aligner use)
  // Its anchors; each span is a byte range of `original` (anchors whose text
  // cannot be found in `original` are left out).
  std::vector<Anchor> anchors;
};

// A stored alignment run with everything needed to show it again.
struct StoredAlignment {
  StoredRun run;
  std::vector<StoredSegment> source;  // every segment of both documents, in document order
  std::vector<StoredSegment> target;
  // The beads with sentences on both sides, in the run's order: indices,
  // score, shared anchors. A segment in no bead stayed unaligned (1-0 / 0-1).
  std::vector<Bead> beads;
};

// Coverage of a new text by the TM in the usual CAT buckets.
struct Analysis {
  struct Bucket {
    std::string name;  // "100%", "95–99%", "85–94%", "75–84%", "50–74%", "no match"
    int64_t segments = 0;
    int64_t words = 0;
  };
  std::vector<Bucket> buckets;  // in that order
  int64_t segments = 0;
  int64_t words = 0;
};

}  // namespace ancre::tm
