#include "src/text/anchors.h"

#include <algorithm>
#include <utility>

#include "src/core/error.h"
#include "src/text/anchor_lexicon.h"
#include "src/text/anchor_tokens.h"
#include "src/text/codes.h"
#include "src/text/dates.h"
#include "src/text/entities.h"
#include "src/text/entity_resolution.h"
#include "src/text/numbers.h"
#include "src/text/times.h"

namespace ancre::text {
namespace {

// How many leading segments may hold the byline date ("Publié le 28 octobre 2025").
constexpr size_t kBylineSegments = 12;

}  // namespace

struct AnchorExtractor::Impl {
  AnchorOptions options;
  std::shared_ptr<const AnchorLexicon> lexicon;
  CalendarDate fixed_date;     // from the options
  CalendarDate document_date;  // in use for the last extraction
  bool day_first = true;
};

AnchorExtractor::AnchorExtractor(const AnchorOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->lexicon = AnchorLexicon::ForLanguage(options.language);
  if (!options.document_date.empty() && !ParseIsoDate(options.document_date, &impl_->fixed_date)) {
    throw UsageError("invalid document date \"" + options.document_date +
                     "\"; write it as YYYY-MM-DD, e.g. 2025-10-28");
  }
  if (options.date_order.empty()) {
    impl_->day_first = impl_->lexicon->day_first();
  } else if (options.date_order == "dmy" || options.date_order == "mdy") {
    impl_->day_first = options.date_order == "dmy";
  } else {
    throw UsageError("invalid date order \"" + options.date_order + "\"; use dmy or mdy");
  }
}

AnchorExtractor::~AnchorExtractor() = default;

DocumentAnchors AnchorExtractor::ExtractUtf8(std::string_view utf8,
                                             const std::vector<Span>& segments) {
  const AnchorLexicon& lex = *impl_->lexicon;
  TokenizeOptions tokenize{lex.decimal_separator(), lex.space_grouping()};
  const size_t n = segments.size();
  std::vector<std::vector<Token>> tokens(n);
  CaseEvidence evidence(lex);
  // Dates first: the byline's date settles the year of the others. Each
  // segment is tokenized, counted and searched for dates while its tokens
  // are still in cache.
  DateContext context{impl_->fixed_date, impl_->day_first};
  std::vector<std::vector<bool>> used(n);
  std::vector<std::vector<DateMatch>> dates(n);
  std::vector<std::vector<TimeMatch>> times(n);
  std::vector<std::vector<CodeMatch>> codes(n);
  for (size_t i = 0; i < n; ++i) {
    const Span& s = segments[i];
    const std::string_view text = utf8.substr(s.begin, s.size());
    tokens[i] = Tokenize(text, tokenize);
    evidence.Add(&tokens[i]);
    // Codes and times first: "G20" is no number, "9.10 Uhr" is ten past
    // nine, not 9 October.
    codes[i] = FindCodes(tokens[i], &used[i]);
    times[i] = FindTimes(text, tokens[i], lex, &used[i]);
    dates[i] = FindDates(tokens[i], lex, context, &used[i]);
    if (context.document_date.year != 0 || i >= kBylineSegments) continue;
    for (const DateMatch& m : dates[i]) {
      if (m.date.year != 0 && m.date.month != 0 && m.date.day != 0 && m.range_end.day == 0) {
        context.document_date = m.date;
        break;
      }
    }
  }
  impl_->document_date = context.document_date;
  DocumentAnchors result(n);
  EntityScanner entities(lex, evidence);
  for (size_t i = 0; i < n; ++i) {
    std::string_view text = utf8.substr(segments[i].begin, segments[i].size());
    std::vector<Anchor>& out = result[i];
    AppendDateAnchors(text, tokens[i], dates[i], context, &out);
    AppendTimeAnchors(text, tokens[i], times[i], &out);
    AppendCodeAnchors(text, tokens[i], codes[i], &out);
    AppendNumberAnchors(text, tokens[i], lex, &used[i], &out);
    entities.Append(text, tokens[i], &used[i], &out);
    std::stable_sort(out.begin(), out.end(), [](const Anchor& a, const Anchor& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
    });
  }
  ResolveDocumentEntities(&result);
  for (size_t i = 0; i < n; ++i) {
    for (Anchor& a : result[i]) {
      a.span.begin += segments[i].begin;
      a.span.end += segments[i].begin;
    }
  }
  return result;
}

std::vector<Anchor> AnchorExtractor::ExtractText(std::string_view utf8) {
  return std::move(ExtractUtf8(utf8, {Span{0, utf8.size()}}).front());
}

DocumentAnchors AnchorExtractor::Extract(const InputText& input, const Document& doc) {
  std::vector<Span> spans;
  spans.reserve(doc.segments.size());
  for (const Segment& s : doc.segments) spans.push_back(s.utf8);
  DocumentAnchors result = ExtractUtf8(input.utf8(), spans);
  for (auto& segment : result) {
    for (Anchor& a : segment) {
      a.span = {input.ToInputOffset(a.span.begin), input.ToInputOffset(a.span.end)};
    }
  }
  return result;
}

bool IsYearlessCopy(const Anchor& anchor) {
  return anchor.kind == AnchorKind::kDate && anchor.subtype.rfind("yearless-", 0) == 0;
}

bool AnchorKeysMatch(const Anchor& a, const Anchor& b, double* weight) {
  if (a.kind != b.kind || a.key.empty() || b.key.empty()) return false;
  double w = std::min(a.weight, b.weight);
  if (a.key != b.key) {
    if (a.kind != AnchorKind::kDate) return false;
    // One side's date without its year: compare the other's year-less key.
    const bool a_dated = a.key.rfind("--", 0) != 0;
    const bool b_dated = b.key.rfind("--", 0) != 0;
    if (a_dated == b_dated) return false;
    const std::string yearless = YearlessKey(a_dated ? a.key : b.key);
    if (yearless.empty() || yearless != (a_dated ? b.key : a.key)) return false;
    w *= 0.5;
  }
  if (weight != nullptr) *weight = w;
  return true;
}

std::string AnchorExtractor::document_date() const {
  const CalendarDate& d = impl_->document_date;
  return d.year != 0 && d.month != 0 && d.day != 0 ? IsoKey(d) : "";
}

}  // namespace ancre::text
