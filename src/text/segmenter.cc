#include "src/text/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
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
  // checked in SegmentUtf8. CLDR's own lists suffer from the same suffix
  // matching (fr "M." suppresses "A400M.") and measured worse than ours on news,
  // so they serve only languages for which ancre ships no list.
  std::vector<std::string> abbreviations = ShippedAbbreviations(options.language);
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      abbreviations.empty() ? icu::FilteredBreakIteratorBuilder::createInstance(locale, status)
                            : icu::FilteredBreakIteratorBuilder::createEmptyInstance(status));
  CheckIcu(status, "abbreviation filter for '" + options.language + "'");
  abbreviations.insert(abbreviations.end(), options.extra_abbreviations.begin(),
                       options.extra_abbreviations.end());
  impl_->abbreviation_storage = abbreviations;
  impl_->abbreviations.insert(impl_->abbreviation_storage.begin(),
                              impl_->abbreviation_storage.end());
  for (const std::string& a : abbreviations) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(" " + a), status);
    status = U_ZERO_ERROR;  // U_ILLEGAL_ARGUMENT_ERROR only means "already there"
  }
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
    seg.span = {base + i, base + e};
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
        if (IsInitial(last) || ContinuesLowerCase(s, b) || impl_->abbreviations.count(last)) {
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
    // One segment per non-empty line; its index is the 0-based line number, so
    // empty lines leave gaps (the convention of line-aligned corpora).
    for (const LineSpan& l : lines) {
      size_t line_number = index;
      if (SkipSpaces(s.substr(0, l.end), l.begin) < l.end) segment_paragraph(l.begin, l.end);
      index = line_number + 1;
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
        seg.span = {input.ToInputOffset(seg.span.begin), input.ToInputOffset(seg.span.end)};
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
    while (read_block()) {
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
  bool eof = false;
  while (true) {
    // Cut at the last paragraph break of the buffer (or take everything at EOF).
    size_t cut = buffer.size();
    if (!eof) {
      size_t nl = buffer.rfind('\n');
      if (mode == ParagraphMode::kBlank) {
        // A blank line: "\n" followed by optional spaces and "\n".
        while (nl != std::string::npos && nl > start) {
          size_t prev = buffer.find_last_not_of(" \t\r", nl - 1);
          if (prev != std::string::npos && buffer[prev] == '\n') break;
          nl = buffer.rfind('\n', nl - 1);
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
      SegmentUtf8(chunk, consumed + start, mode, sink, &position);
      lines_before += static_cast<size_t>(
          std::count(buffer.begin(), buffer.begin() + static_cast<long>(cut), '\n'));
      consumed += cut;
      buffer.erase(0, cut);
      start = 0;
    }
    if (eof) break;
    eof = !read_block();
  }
}

}  // namespace ancre::text
