// Over 500 lines on purpose: one sentence-boundary decision, ICU's break
// iterator corrected by the rules that read the words around a full stop
// (abbreviations, initials in any script, ordinals, Devanagari forms,
// quotes and closers). Splitting it would scatter one decision.
#include "src/text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "src/core/error.h"
#include "src/core/reporter.h"
#include "src/core/utf8.h"
#include "src/text/abbreviations.h"
#include "src/text/icu_util.h"
#include "src/text/normalize.h"
#include "src/text/srx.h"

namespace ancre::text {
namespace {

// Characters that close a quotation or a parenthetical and belong to the
// sentence before them: » ” ’ ) ] } › and the straight quotes when unbalanced.
bool IsCloser(char32_t c) {
  return c == 0x00BB || c == 0x201D || c == 0x2019 || c == ')' || c == ']' || c == '}' ||
         c == 0x203A;
}

bool IsLower(char32_t c);

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t j = i;
    if (!IsSpace(NextCodePoint(s, &j))) break;
    i = j;
  }
  return i;
}

// True if s[begin, end) holds an odd number of straight double quotes.
bool HasOpenStraightQuote(std::string_view s, size_t begin, size_t end) {
  return std::count(s.begin() + static_cast<long>(begin), s.begin() + static_cast<long>(end), '"') %
             2 ==
         1;
}

using AbbreviationSet = std::unordered_set<std::string_view>;

enum class QuoteRole { kOpen, kClose, kUnknown };

// Whether the straight quote at s[pos] opens or closes, from its neighbours:
// ` "Word` opens, `word" ` closes; otherwise the parity of quotes since begin decides.
QuoteRole StraightQuoteRole(std::string_view s, size_t begin, size_t pos) {
  bool space_before = pos == begin || s[pos - 1] == ' ' || s[pos - 1] == '\t' ||
                      s[pos - 1] == '\n' || s[pos - 1] == '(' ||
                      (pos >= 2 && s.compare(pos - 2, 2, "\xC2\xA0") == 0);
  size_t k = pos + 1;
  bool word_after = false;
  if (k < s.size()) {
    char32_t c = NextCodePoint(s, &k);
    word_after = u_isalnum(static_cast<UChar32>(c));
  }
  if (space_before && word_after) return QuoteRole::kOpen;
  if (!space_before && !word_after) return QuoteRole::kClose;
  return HasOpenStraightQuote(s, begin, pos) ? QuoteRole::kClose : QuoteRole::kOpen;
}

// Moves a boundary at b past the closing quotes and brackets that follow it
// (white space allowed before them: French spacing « … » and "! »").
size_t AttachClosers(std::string_view s, size_t seg_begin, size_t b) {
  for (;;) {
    size_t i = SkipSpaces(s, b);
    if (i >= s.size()) return b;
    size_t j = i;
    char32_t c = NextCodePoint(s, &j);
    bool closes = IsCloser(c) ||
                  (c == '"' && i == b && StraightQuoteRole(s, seg_begin, i) != QuoteRole::kOpen) ||
                  (c == '"' && i > b && StraightQuoteRole(s, seg_begin, i) == QuoteRole::kClose);
    if (!closes) return b;
    b = j;
  }
}

// The last white-space delimited word of s[begin, end), trimmed of trailing space.
std::string_view LastWord(std::string_view s, size_t begin, size_t end) {
  while (end > begin &&
         (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r'))
    --end;
  size_t start = end;
  while (start > begin && !(s[start - 1] == ' ' || s[start - 1] == '\t' || s[start - 1] == '\n' ||
                            s[start - 1] == '\r'))
    --start;
  // NBSP/NNBSP also separate words.
  std::string_view w = s.substr(start, end - start);
  for (std::string_view sep : {std::string_view("\xC2\xA0"), std::string_view("\xE2\x80\xAF")}) {
    size_t p = w.rfind(sep);
    if (p != std::string_view::npos) w = w.substr(p + sep.size());
  }
  return w;
}

// An initial: one upper-case letter followed by a period ("J." in "J. R. R. Tolkien").
// Dotted capitals ("L.A.", "J.-C.") count as initials too.
bool IsInitial(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  size_t i = 0;
  while (i < word.size()) {
    char32_t c = NextCodePoint(word, &i);
    if (!u_isupper(static_cast<UChar32>(c)) || i >= word.size() || word[i] != '.') return false;
    ++i;
    if (i < word.size() && word[i] == '-') ++i;
  }
  return true;
}

bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }

// True if the text at i (after spaces) starts with a lower-case letter: the
// sentence goes on ("« Quelle horreur ! » s'exclama-t-il.", "What? he asked").
bool ContinuesLowerCase(std::string_view s, size_t i) {
  i = SkipSpaces(s, i);
  if (i >= s.size()) return false;
  return IsLower(NextCodePoint(s, &i));
}

bool EndsWithTerminal(std::string_view line) {
  // Strip trailing spaces and closers, then look for . ! ? … : ;
  size_t end = line.size();
  for (;;) {
    while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r'))
      --end;
    if (end == 0) return false;
    size_t k = end - 1;
    while (k > 0 && (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80) --k;
    size_t j = k;
    char32_t c = NextCodePoint(line, &j);
    if (IsCloser(c) || c == '"' || c == '\'' || c == 0xA0 || c == 0x202F) {
      end = k;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';';
  }
}

bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

// The word before a period, lower-case and at least two letters: an ordinary
// word that ends a sentence, not an abbreviation, an initial or a number.
bool IsPlainWordBefore(std::string_view s, size_t begin, size_t after_period,
                       const AbbreviationSet& abbreviations) {
  std::string_view w = LastWord(s, begin, after_period);
  if (w.size() < 3 || abbreviations.count(w)) return false;
  size_t i = 0, letters = 0;
  char32_t last = 0;
  while (i < w.size() - 1) {
    last = NextCodePoint(w, &i);
    if (u_isalpha(static_cast<UChar32>(last))) ++letters;
  }
  return letters >= 2 && u_islower(static_cast<UChar32>(last));
}

// Opening brackets and quotes that stand before a word: ( [ « „ “ ‚ ‘ " '.
bool IsOpener(char32_t c) {
  return c == '(' || c == '[' || c == 0x00AB || c == 0x201E || c == 0x201C || c == 0x201A ||
         c == 0x2018 || c == '"' || c == '\'';
}

// w without the opening brackets and quotes at its start; *opened says whether
// there were any.
std::string_view StripOpeners(std::string_view w, bool* opened) {
  size_t i = 0;
  while (i < w.size()) {
    size_t j = i;
    if (!IsOpener(NextCodePoint(w, &j))) break;
    i = j;
  }
  *opened = i > 0;
  return w.substr(i);
}

// The word that starts at s[i] (after spaces, before `end`), without the
// punctuation that can follow a word in running text: , ; : ) ] » " ” “ ’.
std::string_view NextWord(std::string_view s, size_t i, size_t end) {
  i = SkipSpaces(s.substr(0, end), i);
  size_t j = i;
  while (j < end) {
    size_t k = j;
    if (IsSpace(NextCodePoint(s, &k))) break;
    j = k;
  }
  std::string_view w = s.substr(i, j - i);
  for (;;) {
    if (w.empty()) return w;
    size_t k = w.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(w[k]) & 0xC0) == 0x80) --k;
    size_t at = k;
    char32_t c = NextCodePoint(w, &at);
    if (!(c == ',' || c == ';' || c == ':' || c == '"' || IsCloser(c) || c == 0x201C)) return w;
    w = w.substr(0, k);
  }
}

bool IsAsciiDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// w equals the lower-case word d, or d with a capital initial ("Am", "Der").
bool IsWordIgnoringInitialCase(std::string_view w, std::string_view d) {
  if (w.size() != d.size() || w.empty()) return false;
  char first = w[0] >= 'A' && w[0] <= 'Z' ? static_cast<char>(w[0] - 'A' + 'a') : w[0];
  return first == d[0] && w.substr(1) == d.substr(1);
}

bool IsListed(const std::vector<std::string_view>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A number of one to three digits and a period, in a language that writes
// ordinals so, is an ordinal and not a sentence end when
//  - a month name follows and the number can be a day: "Am 15. März", "1. Jan.";
//  - a capital follows, and a determiner or an ordinal and a conjunction
//    precede: "in der 84. Minute", "zum 3. Mal", "im 1. und 2. Weltkrieg";
//  - it opens the segment or a bracket: "1. FC Köln gewann", "(2. Bundesliga)".
// `last` is the word before the boundary, a view into s. A four-digit number
// is a year, and a year before a full stop ends its sentence ("im Jahr 2010.
// Die Regierung …"); so does a number after any other word ("stieg auf 100.").
bool IsOrdinal(std::string_view s, size_t seg_begin, size_t boundary, size_t end,
               std::string_view last, const OrdinalCues& cues) {
  bool opened = false;
  std::string_view w = StripOpeners(last, &opened);
  std::string_view digits = w.substr(0, w.size() - 1);
  if (digits.size() > 3 || !IsAsciiDigits(digits)) return false;
  size_t last_begin = static_cast<size_t>(last.data() - s.data());
  if (opened || SkipSpaces(s, seg_begin) >= last_begin) return true;
  std::string_view next = NextWord(s, boundary, end);
  if (next.empty()) return false;
  int day = 0;
  for (char c : digits) day = day * 10 + (c - '0');
  if (digits.size() <= 2 && day >= 1 && day <= 31 &&
      (IsListed(cues.months, next) ||
       (next.back() == '.' && IsListed(cues.months, next.substr(0, next.size() - 1))))) {
    return true;
  }
  size_t k = 0;
  if (!u_isupper(static_cast<UChar32>(NextCodePoint(next, &k)))) return false;
  bool prev_opened = false;
  std::string_view prev = StripOpeners(LastWord(s, seg_begin, last_begin), &prev_opened);
  if (std::any_of(cues.determiners.begin(), cues.determiners.end(),
                  [&](std::string_view d) { return IsWordIgnoringInitialCase(prev, d); })) {
    return true;
  }
  // Joined to an ordinal before it: "im 1. und 2. Weltkrieg".
  if (!IsListed(cues.conjunctions, prev)) return false;
  std::string_view before = LastWord(s, seg_begin, static_cast<size_t>(prev.data() - s.data()));
  return before.size() >= 2 && before.size() <= 4 && before.back() == '.' &&
         IsAsciiDigits(before.substr(0, before.size() - 1));
}

// Hindi. Devanagari has no capitals, so ICU breaks after every period that a
// letter follows, abbreviations included: "डॉ." (Dr.), "जी.पी.एस." (GPS), "एस.
// जयशंकर" (S. Jaishankar). A period ends such an abbreviation when the word
// before it is one akshara (a letter with its vowel signs and the consonants a
// virama joins to it), the Hindi name of a Latin letter, or a chain of these
// (जी.पी.एस.) — unless it is a one-akshara word that ends sentences in texts
// that use a period for the danda (है., था.).
constexpr std::string_view kHindiLetterNames[] = {"एस", "एम", "एन",  "एल", "एफ", "एच",  "एक्स",
                                                  "आर", "आई", "वाई", "जेड", "ज़ेड", "डब्ल्यू"};
constexpr std::string_view kHindiSentenceEnds[] = {"है",  "हैं",  "था", "थी", "थे",  "थीं", "हो",
                                                   "हों", "हूँ",  "हूं",  "भी", "ही", "तो", "दी",
                                                   "ली", "दो", "लो", "दे",  "ले",  "जा", "आ"};

// The number of aksharas of w, or -1 if w holds anything but Devanagari letters and signs.
int CountAksharas(std::string_view w) {
  int aksharas = 0;
  bool after_virama = false;
  size_t i = 0;
  while (i < w.size()) {
    char32_t c = NextCodePoint(w, &i);
    if (c < 0x0900 || c > 0x097F) return -1;
    uint32_t category = U_GET_GC_MASK(static_cast<UChar32>(c));
    if (c == 0x094D) {  // virama: the next consonant joins this akshara
      after_virama = true;
    } else if (category & U_GC_L_MASK) {
      if (!after_virama) ++aksharas;
      after_virama = false;
    } else if (category & U_GC_M_MASK) {
      after_virama = false;
    } else {
      return -1;  // digits, danda
    }
  }
  return aksharas;
}

bool IsDevanagariAbbreviation(std::string_view last) {
  bool opened = false;
  std::string_view w = StripOpeners(last, &opened);
  if (w.size() < 2 || w.back() != '.') return false;
  w.remove_suffix(1);
  bool chain = w.find('.') != std::string_view::npos;
  for (size_t from = 0;;) {
    size_t dot = std::min(w.find('.', from), w.size());
    std::string_view part = w.substr(from, dot - from);
    int aksharas = CountAksharas(part);
    bool letter_name = std::find(std::begin(kHindiLetterNames), std::end(kHindiLetterNames),
                                 part) != std::end(kHindiLetterNames);
    if (!(aksharas == 1 || letter_name || (chain && aksharas == 2))) return false;
    if (!chain && std::find(std::begin(kHindiSentenceEnds), std::end(kHindiSentenceEnds), part) !=
                      std::end(kHindiSentenceEnds)) {
      return false;
    }
    if (dot == w.size()) return true;
    from = dot + 1;
  }
}

// Sentence starts that ICU's rules miss. Appends boundaries (offsets into s)
// after terminal punctuation and spaces when what follows is
//  - an opening quotation mark (« “ „ or an opening straight quote): "a déclaré Hun Manet. « Nous
//  …";
//  - a dash and an upper-case letter (a list item): "ouvertes: - Qui …";
//  - a number, after an ordinary word: "dans le royaume. 22 personnes …";
//  - an upper-case letter after an ellipsis: "payer les pots cassés… Le prêt …".
void AddMissedBreaks(std::string_view s, size_t begin, size_t end,
                     const AbbreviationSet& abbreviations, std::vector<size_t>* out) {
  std::string_view p = s.substr(0, end);
  // Candidate positions: every terminal character, found with memchr (fast on
  // long paragraphs), in text order.
  std::vector<size_t> terminals;
  for (char t : {'.', '!', '?', '\xE2'}) {
    for (const char* at = s.data() + begin; (at = static_cast<const char*>(std::memchr(
                                                 at, t, static_cast<size_t>(s.data() + end - at))));
         ++at) {
      terminals.push_back(static_cast<size_t>(at - s.data()));
    }
  }
  std::sort(terminals.begin(), terminals.end());
  for (size_t i : terminals) {
    char c = s[i];
    bool ellipsis = c == '\xE2' && s.compare(i, 3, "\xE2\x80\xA6") == 0;
    if (c == '\xE2' && !ellipsis) continue;
    size_t after = i + (ellipsis ? 3 : 1);
    size_t q = SkipSpaces(p, after);
    if (q == after || q >= end) continue;
    if (c == '.' && !ellipsis && abbreviations.count(LastWord(s, begin, after))) continue;
    if (c == '.' && !ellipsis && IsInitial(LastWord(s, begin, after))) continue;
    size_t k = q;
    char32_t next = NextCodePoint(s, &k);
    bool opens = next == 0x00AB || next == 0x201C || next == 0x201E ||
                 (next == '"' && StraightQuoteRole(s, begin, q) == QuoteRole::kOpen);
    bool brk = false;
    if (opens) {
      brk = true;
    } else if (IsDash(next)) {
      size_t l = SkipSpaces(p, k);
      brk = l > k && l < end && u_isupper(static_cast<UChar32>(NextCodePoint(s, &l)));
    } else if (u_isdigit(static_cast<UChar32>(next))) {
      brk = c == '.' && !ellipsis && IsPlainWordBefore(s, begin, after, abbreviations);
    } else if (ellipsis) {
      brk = u_isupper(static_cast<UChar32>(next));
    }
    if (brk) out->push_back(q);
  }
}

}  // namespace

ParagraphMode ParseParagraphMode(std::string_view name) {
  if (name == "auto") return ParagraphMode::kAuto;
  if (name == "line") return ParagraphMode::kLine;
  if (name == "blank") return ParagraphMode::kBlank;
  throw UsageError("--paragraphs must be auto, line or blank, not '" + std::string(name) + "'");
}

ParagraphMode DecideParagraphMode(std::string_view utf8) {
  // Hard-wrapped text (e-books, plain-text mail) has many consecutive non-blank
  // lines where a line ends mid-sentence and the next goes on in lower case.
  // News and the samples have one paragraph per line.
  std::vector<LineSpan> lines = SplitLines(utf8.substr(0, std::min<size_t>(utf8.size(), 1 << 16)));
  size_t transitions = 0, soft = 0;
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    std::string_view a = utf8.substr(lines[k].begin, lines[k].end - lines[k].begin);
    std::string_view b = utf8.substr(lines[k + 1].begin, lines[k + 1].end - lines[k + 1].begin);
    if (SkipSpaces(a, 0) >= a.size() || SkipSpaces(b, 0) >= b.size()) continue;
    ++transitions;
    if (!EndsWithTerminal(a) && ContinuesLowerCase(b, 0)) ++soft;
  }
  return transitions >= 4 && soft * 4 >= transitions ? ParagraphMode::kBlank : ParagraphMode::kLine;
}

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
  std::unique_ptr<SrxRules> srx;
  icu::LocalUTextPointer utext;
  std::vector<size_t> boundaries;
  std::vector<std::string> abbreviation_storage;  // owns what `abbreviations` views
  AbbreviationSet abbreviations;
  OrdinalCues ordinals;                        // dotted ordinals: "am 15. März"
  std::vector<std::string_view> name_or_unit;  // ru "г.": a sentence end after a number only
  bool hindi = false;  // Devanagari abbreviations: "डॉ.", "जी.पी.एस."

  // Whether the period before boundary b (last = the word before it) ends no
  // sentence by the language's own rules: ordinals, units, Hindi abbreviations.
  bool IsLanguageNonBreak(std::string_view s, size_t seg_begin, size_t b, size_t end,
                          std::string_view last) const {
    if (last.size() < 2 || last.back() != '.') return false;
    bool opened = false;
    if (IsListed(name_or_unit, StripOpeners(last, &opened))) {
      std::string_view prev = LastWord(s, seg_begin, static_cast<size_t>(last.data() - s.data()));
      return prev.empty() || !(prev[0] >= '0' && prev[0] <= '9');
    }
    if (ordinals.dotted && IsOrdinal(s, seg_begin, b, end, last, ordinals)) return true;
    return hindi && IsDevanagariAbbreviation(last);
  }

  // Sentence boundaries of s[begin, end) as offsets into s (end included).
  void Boundaries(std::string_view s, size_t begin, size_t end) {
    boundaries.clear();
    if (srx) {
      srx->Boundaries(s.substr(begin, end - begin), &boundaries);
      for (size_t& b : boundaries) b += begin;
      return;
    }
    UErrorCode status = U_ZERO_ERROR;
    utext.adoptInstead(utext_openUTF8(utext.orphan(), s.data() + begin,
                                      static_cast<int64_t>(end - begin), &status));
    CheckIcu(status, "opening text");
    breaker->setText(utext.getAlias(), status);
    CheckIcu(status, "sentence break iterator");
    for (int32_t b = breaker->next(); b != icu::BreakIterator::DONE; b = breaker->next()) {
      boundaries.push_back(begin + static_cast<size_t>(b));
    }
    size_t icu_count = boundaries.size();
    AddMissedBreaks(s, begin, end, abbreviations, &boundaries);
    if (boundaries.size() > icu_count) {
      std::sort(boundaries.begin(), boundaries.end());
      boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());
    }
  }
};

Segmenter::Segmenter(const SegmenterOptions& options)
    : options_(options), impl_(std::make_unique<Impl>()) {
  if (!options.srx_path.empty()) {
    impl_->srx = std::make_unique<SrxRules>(SrxRules::Load(options.srx_path, options.language));
    return;
  }
  icu::Locale locale = MakeLocale(options.language);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(locale, status));
  CheckIcu(status, "sentence break iterator for '" + options.language + "'");
  // Abbreviations. ICU's filter matches an exception as a suffix of the text
  // before the break ("t." would also match "avocat."), so ours are added with
  // the space that precedes them; whole-word matches at a paragraph start are
  // checked in SegmentUtf8. CLDR's lists (CldrAbbreviations) are added the
  // same way: FilteredBreakIteratorBuilder::createInstance would match them as
  // suffixes (ru "ул." in "стул.") and fails outright for a language whose ICU
  // data has no list (el, fi, sv, ja, zh). A CLDR entry with an inner period
  // ("н.э.") only keeps its parts together (ICU's filter guards the break after
  // "н." when "э." follows), so it stays out of the whole-word set; ancre's own
  // ("U.S.", "z.B.", "т.е.") end no sentence.
  std::vector<std::string> abbreviations = ShippedAbbreviations(options.language);
  abbreviations.insert(abbreviations.end(), options.extra_abbreviations.begin(),
                       options.extra_abbreviations.end());
  std::vector<std::string> cldr = CldrAbbreviations(options.language);
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  CheckIcu(status, "abbreviation filter for '" + options.language + "'");
  impl_->abbreviation_storage = abbreviations;
  for (const std::string& a : cldr) {
    if (a.find('.') + 1 == a.size()) impl_->abbreviation_storage.push_back(a);
  }
  impl_->abbreviations.insert(impl_->abbreviation_storage.begin(),
                              impl_->abbreviation_storage.end());
  abbreviations.insert(abbreviations.end(), cldr.begin(), cldr.end());
  for (const std::string& a : abbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(" " + a), status);
    status = U_ZERO_ERROR;  // U_ILLEGAL_ARGUMENT_ERROR only means "already there"
  }
  impl_->ordinals = ShippedOrdinalCues(options.language);
  impl_->name_or_unit = NameOrUnitAbbreviations(options.language);
  std::string_view language(options.language);
  impl_->hindi = language.substr(0, language.find_first_of("-_")) == "hi";
  impl_->breaker.reset(builder->wrapIteratorWithFilter(base.release(), status));
  CheckIcu(status, "abbreviation filter");
}

Segmenter::~Segmenter() = default;

void Segmenter::SegmentUtf8(std::string_view s, size_t base, ParagraphMode mode,
                            const std::function<void(ancre::Segment&&)>& sink, Position* position) {
  size_t& index = position->index;
  size_t& paragraph = position->paragraph;
  auto emit = [&](size_t b, size_t e, size_t para) {
    // Trim surrounding white space (NBSP included) from the span.
    size_t i = SkipSpaces(s, b);
    while (e > i) {
      size_t k = e - 1;
      while (k > i && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
      size_t j = k;
      if (!IsSpace(NextCodePoint(s, &j))) break;
      e = k;
    }
    if (e <= i) return;
    ancre::Segment seg;
    seg.index = index++;
    seg.number = options_.presegmented ? position->line : seg.index;
    seg.span = {base + i, base + e};
    seg.utf8 = seg.span;
    seg.text = NormalizeSegmentText(s.substr(i, e - i));
    seg.paragraph = para;
    sink(std::move(seg));
  };

  auto segment_paragraph = [&](size_t pb, size_t pe) {
    if (options_.presegmented) {
      emit(pb, pe, paragraph++);
      return;
    }
    impl_->Boundaries(s, pb, pe);
    size_t start = pb;
    const std::vector<size_t>& bounds = impl_->boundaries;
    for (size_t k = 0; k < bounds.size(); ++k) {
      size_t b = bounds[k];
      if (b >= pe) break;
      if (b <= start) continue;
      if (!impl_->srx) {
        b = AttachClosers(s, start, b);
        if (b >= pe) break;
        std::string_view last = LastWord(s, start, b);
        bool opened = false;
        std::string_view word = StripOpeners(last, &opened);  // "(s. Tabelle 1)", "(J. Doe)"
        if (IsInitial(word) || ContinuesLowerCase(s, b) || impl_->abbreviations.count(word) ||
            impl_->IsLanguageNonBreak(s, start, b, pe, last)) {
          continue;
        }
        // Skip boundaries that AttachClosers moved us past.
        while (k + 1 < bounds.size() && bounds[k + 1] <= b) ++k;
      }
      emit(start, b, paragraph);
      start = b;
    }
    emit(start, pe, paragraph);
    ++paragraph;
  };

  std::vector<LineSpan> lines = SplitLines(s);
  if (options_.presegmented) {
    // One segment per non-blank line, numbered by its 0-based input line, so
    // blank lines leave gaps (the convention of line-aligned corpora).
    for (const LineSpan& l : lines) {
      if (SkipSpaces(s.substr(0, l.end), l.begin) < l.end) segment_paragraph(l.begin, l.end);
      ++position->line;
    }
    return;
  }
  if (mode == ParagraphMode::kLine) {
    for (const LineSpan& l : lines) {
      if (SkipSpaces(s.substr(0, l.end), l.begin) >= l.end) continue;
      segment_paragraph(l.begin, l.end);
    }
    return;
  }
  // kBlank: consecutive non-blank lines form one paragraph.
  size_t para_begin = 0, para_end = 0;
  bool open = false;
  for (const LineSpan& l : lines) {
    bool blank = SkipSpaces(s.substr(0, l.end), l.begin) >= l.end;
    if (blank) {
      if (open) segment_paragraph(para_begin, para_end);
      open = false;
    } else {
      if (!open) para_begin = l.begin;
      para_end = l.end;
      open = true;
    }
  }
  if (open) segment_paragraph(para_begin, para_end);
}

Document Segmenter::Segment(const InputText& input) {
  Document doc;
  doc.language = options_.language;
  ParagraphMode mode = options_.paragraphs;
  if (mode == ParagraphMode::kAuto) mode = DecideParagraphMode(input.utf8());
  Position position;
  SegmentUtf8(
      input.utf8(), 0, mode,
      [&](ancre::Segment&& seg) {
        seg.span = {input.ToInputOffset(seg.utf8.begin), input.ToInputOffset(seg.utf8.end)};
        doc.segments.push_back(std::move(seg));
      },
      &position);
  return doc;
}

}  // namespace ancre::text

namespace ancre::text {

void Segmenter::SegmentStream(std::istream& in, const std::string& name,
                              const InputOptions& input_options,
                              const std::function<void(ancre::Segment&&)>& sink,
                              Reporter* reporter) {
  constexpr size_t kBlock = 1 << 20;
  std::string buffer;
  auto read_block = [&]() {
    size_t old = buffer.size();
    buffer.resize(old + kBlock);
    in.read(buffer.data() + old, static_cast<std::streamsize>(kBlock));
    buffer.resize(old + static_cast<size_t>(in.gcount()));
    if (in.bad()) throw IoError(name + ": read error");
    return buffer.size() > old;
  };
  read_block();
  std::string enc = input_options.encoding;
  for (char& c : enc) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool plain_utf8 = (enc == "auto" || enc == "utf-8" || enc == "utf8") && !input_options.lenient &&
                    buffer.substr(0, 2) != "\xFF\xFE" && buffer.substr(0, 2) != "\xFE\xFF";
  if (!plain_utf8) {
    // Decoded whole (ICU converters and the lenient map need it all): bounded
    // like every document read whole.
    while (read_block()) {
      if (buffer.size() > kMaxDocumentBytes) {
        throw IoError(name + ": larger than " + std::to_string(kMaxDocumentBytes >> 20) +
                      " MiB, the most ancre reads as one document when it decodes it whole "
                      "(UTF-16, any other --encoding than UTF-8, or --lenient); split it "
                      "(e.g. at chapters), or convert it to valid UTF-8, which segment reads "
                      "as a stream");
      }
    }
    Document doc = Segment(InputText(std::move(buffer), name, input_options, reporter));
    for (ancre::Segment& s : doc.segments) sink(std::move(s));
    return;
  }
  size_t bom = buffer.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  ParagraphMode mode = options_.paragraphs;
  if (mode == ParagraphMode::kAuto)
    mode = DecideParagraphMode(std::string_view(buffer).substr(bom));
  Position position;
  size_t consumed = 0;  // bytes of the stream before buffer[0]
  size_t lines_before = 0;
  size_t start = bom;  // first byte of buffer not yet segmented
  // Every "\n" of buffer before `searched` is known not to end a blank line,
  // so each search looks only at the block read since the last one (a long
  // paragraph costs linear time, not quadratic).
  size_t searched = start;
  bool eof = false;
  while (true) {
    // Cut at the last paragraph break of the buffer (or take everything at EOF).
    size_t cut = buffer.size();
    if (!eof) {
      size_t nl = buffer.rfind('\n');
      if (mode == ParagraphMode::kBlank) {
        // A blank line: "\n" followed by optional spaces and "\n".
        const size_t floor = std::max(start + 1, searched);
        while (nl != std::string::npos && nl >= floor) {
          size_t prev = buffer.find_last_not_of(" \t\r", nl - 1);
          if (prev != std::string::npos && buffer[prev] == '\n') break;
          nl = buffer.rfind('\n', nl - 1);
        }
        if (nl != std::string::npos && nl < floor) nl = std::string::npos;
        searched = buffer.size();
        if (nl == std::string::npos && buffer.size() - start > kMaxParagraphBytes) {
          throw IoError(name + ": a paragraph longer than " +
                        std::to_string(kMaxParagraphBytes >> 20) + " MiB (at byte " +
                        std::to_string(consumed + buffer.size()) +
                        ") with no blank line in it, the most ancre reads as one paragraph in "
                        "--paragraphs blank; split it with blank lines or use --paragraphs line");
        }
      }
      cut = (nl == std::string::npos || nl < start) ? std::string::npos : nl + 1;
    }
    if (cut != std::string::npos && cut > start) {
      std::string_view chunk(buffer.data() + start, cut - start);
      size_t bad = Utf8InvalidOffset(chunk);
      size_t nul = chunk.find('\0');
      if (bad != std::string_view::npos || nul != std::string_view::npos) {
        // Let InputText build the precise message (line, column) for this block.
        size_t at = std::min(bad, nul);
        size_t line_start =
            std::string_view(buffer).rfind('\n', start + at == 0 ? 0 : start + at - 1);
        size_t from = line_start == std::string::npos ? 0 : line_start + 1;
        size_t line = lines_before + 1 +
                      static_cast<size_t>(std::count(
                          buffer.begin(), buffer.begin() + static_cast<long>(from), '\n'));
        std::string where = "line " + std::to_string(line) + ", column " +
                            std::to_string(start + at - from + 1) + " (byte " +
                            std::to_string(consumed + start + at) + ")";
        if (at == nul) {
          throw EncodingError(
              name + ": binary data (NUL byte) at " + where +
                  "; ancre reads plain text files (UTF-8, UTF-16 with BOM, or --encoding NAME)",
              consumed + start + at);
        }
        throw EncodingError(
            name + ": invalid UTF-8 at " + where +
                "; if the file is in a legacy encoding pass --encoding windows-1252 (or its "
                "name), or --lenient to replace bad bytes with U+FFFD",
            consumed + start + at);
      }
      // Spans count the BOM; the decoded text (InputText::utf8()) does not.
      SegmentUtf8(
          chunk, consumed + start, mode,
          [&](ancre::Segment&& seg) {
            seg.utf8 = {seg.span.begin - bom, seg.span.end - bom};
            sink(std::move(seg));
          },
          &position);
      lines_before += static_cast<size_t>(
          std::count(buffer.begin(), buffer.begin() + static_cast<long>(cut), '\n'));
      consumed += cut;
      buffer.erase(0, cut);
      start = 0;
      searched = buffer.size();  // the rest was searched back to the cut
    }
    if (eof) break;
    eof = !read_block();
  }
}

}  // namespace ancre::text
