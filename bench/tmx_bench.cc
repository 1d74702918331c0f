// Throughput of the TMX writer (TmxExporter over TranslationUnits) and of the
// streaming reader + importer, in bytes of TMX per second. Compare with the
// disk's limit using bench/tmx_export_bench.sh.
#include <benchmark/benchmark.h>

#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "tm/tmx/export.h"
#include "tm/tmx/import.h"
#include "tm/tmx/reader.h"

namespace {

// Counts bytes and discards them.
class CountingBuf : public std::streambuf {
 public:
  size_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<size_t>(n);
    return n;
  }
  int overflow(int c) override {
    ++bytes;
    return c;
  }
};

ancre::tm::TranslationUnit Unit(int i) {
  ancre::tm::TranslationUnit u;
  u.id = i;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.source = "Les deux pays cr\u00e9eront une \u00e9quipe conjointe contre les escroqueries " +
             std::to_string(i) + ", a annonc\u00e9 S\u00e9oul le 3\u202fnovembre.";
  u.target = "The two countries will set up a joint team against scams " + std::to_string(i) +
             ", Seoul announced on November 3.";
  u.score = 0.8125;
  u.bead_type = "1-1";
  u.anchors_json = "[{\"kind\":\"date\",\"text\":\"3 novembre\"}]";
  u.document = "cambodia-korea-scams.fr.txt | cambodia-korea-scams.en.txt";
  u.created = "20240501T101112Z";
  return u;
}

void BM_ExportTmx(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<ancre::tm::TranslationUnit> units;
  for (int i = 0; i < 1000; ++i) units.push_back(Unit(i));
  size_t bytes = 0;
  for (auto _ : state) {
    CountingBuf buf;
    std::ostream out(&buf);
    ancre::tm::TmxExporter exporter(out, {});
    for (int i = 0; i < n; ++i) exporter.Add(units[static_cast<size_t>(i % 1000)]);
    exporter.Finish();
    bytes += buf.bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["units/s"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ExportTmx)->Arg(100000)->Unit(benchmark::kMillisecond);

class NullReporter : public ancre::Reporter {
 public:
  void BadRecord(const std::string&, const std::string&) override {}
};

void BM_ImportTmx(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::ostringstream out;
  {
    ancre::tm::TmxExporter exporter(out, {});
    for (int i = 0; i < n; ++i) exporter.Add(Unit(i));
    exporter.Finish();
  }
  const std::string xml = out.str();
  size_t pairs = 0;
  for (auto _ : state) {
    auto reader = ancre::tm::TmxReader::FromMemory(xml, "bench.tmx");
    NullReporter reporter;
    ancre::tm::TmxImporter importer(*reader, {}, reporter);
    std::vector<ancre::tm::TranslationUnit> batch;
    while (importer.NextBatch(5000, &batch)) pairs += batch.size();
  }
  benchmark::DoNotOptimize(pairs);
  state.SetBytesProcessed(static_cast<int64_t>(xml.size() * state.iterations()));
  state.counters["units/s"] =
      benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ImportTmx)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
