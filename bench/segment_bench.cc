// Segmentation throughput: ancre's Segmenter against a bare ICU sentence
// BreakIterator over the same ~50 MB of French (and English) news, in one run.
// Prints MB/s for both; the target is at least half of bare ICU's speed.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "bench/news_corpus.h"
#include "src/text/segmenter.h"

namespace {

const std::string& Corpus(const std::string& lang) {
  static std::string fr = ancre::bench::NewsText("fr", 50u << 20);
  static std::string en = ancre::bench::NewsText("en", 50u << 20);
  return lang == "fr" ? fr : en;
}

void BareIcu(benchmark::State& state, const std::string& lang) {
  const std::string& text = Corpus(lang);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> bi(
      icu::BreakIterator::createSentenceInstance(icu::Locale(lang.c_str()), status));
  size_t breaks = 0;
  for (auto _ : state) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    bi->setText(ut, status);
    for (int32_t b = bi->first(); b != icu::BreakIterator::DONE; b = bi->next()) ++breaks;
    utext_close(ut);
  }
  benchmark::DoNotOptimize(breaks);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void Ancre(benchmark::State& state, const std::string& lang) {
  const std::string& text = Corpus(lang);
  ancre::text::SegmenterOptions o;
  o.language = lang;
  ancre::text::Segmenter seg(o);
  size_t segments = 0;
  for (auto _ : state) {
    ancre::text::Segmenter::Position pos;
    seg.SegmentUtf8(
        text, 0, ancre::text::ParagraphMode::kLine,
        [&](ancre::Segment&& s) { segments += s.text.size() > 0; }, &pos);
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(segments), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK_CAPTURE(BareIcu, fr, std::string("fr"))->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(Ancre, fr, std::string("fr"))->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(BareIcu, en, std::string("en"))->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(Ancre, en, std::string("en"))->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
