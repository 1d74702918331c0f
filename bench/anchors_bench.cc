// Anchor extraction: throughput of segmentation + anchors on French and
// English news (MB/s), and, before the timings, how well anchors tie the
// corresponding segments of the WMT development news together: the share of
// corresponding fr/en segment pairs that share at least one anchor key, the
// mean number of shared keys, and the same share for non-corresponding pairs
// of the same document.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "bench/news_corpus.h"
#include "src/core/anchor.h"
#include "src/text/anchors.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace {

struct NewsDocument {
  std::string id;
  std::string origlang;
  std::vector<std::string> segments;
};

// Reads the <doc>/<seg> lines of a WMT .sgm file (raw '&' included, so no XML parser).
std::vector<NewsDocument> ReadSgm(const std::string& path) {
  std::vector<NewsDocument> docs;
  std::ifstream in(path);
  std::string line;
  auto attribute = [](const std::string& l, const std::string& name) {
    size_t p = l.find(name + "=\"");
    if (p == std::string::npos) return std::string();
    p += name.size() + 2;
    return l.substr(p, l.find('"', p) - p);
  };
  while (std::getline(in, line)) {
    if (line.rfind("<doc", 0) == 0) {
      docs.push_back({attribute(line, "docid"), attribute(line, "origlang"), {}});
    } else if (!docs.empty()) {
      size_t b = line.find("<seg");
      if (b == std::string::npos) continue;
      size_t s = line.find('>', b) + 1, e = line.rfind("</seg>");
      docs.back().segments.push_back(e != std::string::npos && e >= s ? line.substr(s, e - s) : "");
    }
  }
  return docs;
}

std::vector<std::set<std::string>> SegmentKeys(ancre::text::AnchorExtractor& ex,
                                               const std::vector<std::string>& segments,
                                               std::map<std::string, size_t>* kinds) {
  std::string text;
  std::vector<ancre::Span> spans;
  for (const std::string& s : segments) {
    spans.push_back({text.size(), text.size() + s.size()});
    text += s;
    text += '\n';
  }
  ancre::DocumentAnchors anchors = ex.ExtractUtf8(text, spans);
  std::vector<std::set<std::string>> keys(anchors.size());
  for (size_t i = 0; i < anchors.size(); ++i) {
    for (const ancre::Anchor& a : anchors[i]) {
      keys[i].insert(std::string(ancre::AnchorKindName(a.kind)) + ":" + a.key);
      ++(*kinds)[std::string(ancre::AnchorKindName(a.kind))];
    }
  }
  return keys;
}

size_t Shared(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t n = 0;
  for (const std::string& k : a) n += b.count(k);
  return n;
}

// Prints the shared-anchor figures of the development news.
void ReportSharedAnchors() {
  static const char* kSets[] = {"news-test2008", "newstest2009", "newstest2010",
                                "newstest2011",  "newstest2012", "newstest2013"};
  ancre::text::AnchorOptions fr_options, en_options;
  fr_options.language = "fr";
  en_options.language = "en";
  ancre::text::AnchorExtractor fr(fr_options), en(en_options);
  size_t pairs = 0, sharing = 0, shared_total = 0, fr_with = 0, en_with = 0;
  size_t other_pairs = 0, other_sharing = 0;
  std::map<std::string, size_t> fr_kinds, en_kinds, shared_kinds;
  for (const char* set : kSets) {
    std::string base = std::string(ANCRE_SHARED) + "/data/wmt-newstest-fren-dev/" + set + "-src.";
    std::vector<NewsDocument> fr_docs = ReadSgm(base + "fr.sgm");
    std::vector<NewsDocument> en_docs = ReadSgm(base + "en.sgm");
    if (fr_docs.size() != en_docs.size()) continue;
    for (size_t d = 0; d < fr_docs.size(); ++d) {
      if (fr_docs[d].origlang != "fr" && fr_docs[d].origlang != "en") continue;
      if (fr_docs[d].segments.size() != en_docs[d].segments.size()) continue;
      auto fk = SegmentKeys(fr, fr_docs[d].segments, &fr_kinds);
      auto ek = SegmentKeys(en, en_docs[d].segments, &en_kinds);
      for (size_t n = 0; n < fk.size(); ++n) {
        ++pairs;
        fr_with += !fk[n].empty();
        en_with += !ek[n].empty();
        size_t s = Shared(fk[n], ek[n]);
        shared_total += s;
        sharing += s > 0;
        for (const std::string& k : fk[n]) {
          if (ek[n].count(k)) ++shared_kinds[k.substr(0, k.find(':'))];
        }
        for (size_t m = 0; m < ek.size(); ++m) {
          if (m == n) continue;
          ++other_pairs;
          other_sharing += Shared(fk[n], ek[m]) > 0;
        }
      }
    }
  }
  auto pct = [](size_t n, size_t of) {
    return 100.0 * static_cast<double>(n) / static_cast<double>(of);
  };
  if (pairs == 0) {
    std::printf("development news not found under %s\n", ANCRE_SHARED);
    return;
  }
  std::printf("WMT fr-en development news (docs written in fr or en): %zu segment pairs\n", pairs);
  std::printf("  segments with >=1 anchor: fr %.1f%%, en %.1f%%\n", pct(fr_with, pairs),
              pct(en_with, pairs));
  std::printf("  corresponding pairs sharing >=1 anchor key: %.1f%%\n", pct(sharing, pairs));
  std::printf("  mean shared anchor keys per corresponding pair: %.2f\n",
              pct(shared_total, pairs) / 100.0);
  std::printf("  non-corresponding pairs (same document) sharing >=1: %.1f%%\n",
              pct(other_sharing, other_pairs));
  std::printf("  shared keys by kind:");
  for (const auto& [kind, n] : shared_kinds) std::printf(" %s %zu", kind.c_str(), n);
  std::printf("\n  anchors found fr/en by kind:");
  for (const auto& [kind, n] : fr_kinds)
    std::printf(" %s %zu/%zu", kind.c_str(), n, en_kinds[kind]);
  std::printf("\n\n");
}

void SegmentAndAnchor(benchmark::State& state, const char* lang) {
  std::string text = ancre::bench::NewsText(lang, 4u << 20);
  if (text.empty()) {
    state.SkipWithError("development news not found");
    return;
  }
  ancre::text::SegmenterOptions seg_options;
  seg_options.language = lang;
  seg_options.paragraphs = ancre::text::ParagraphMode::kLine;
  ancre::text::Segmenter segmenter(seg_options);
  ancre::text::AnchorOptions options;
  options.language = lang;
  ancre::text::AnchorExtractor extractor(options);
  ancre::text::InputText input(text, "news", {});
  for (auto _ : state) {
    ancre::Document doc = segmenter.Segment(input);
    ancre::DocumentAnchors anchors = extractor.Extract(input, doc);
    benchmark::DoNotOptimize(anchors.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void AnchorsOnly(benchmark::State& state, const char* lang) {
  std::string text = ancre::bench::NewsText(lang, 4u << 20);
  if (text.empty()) {
    state.SkipWithError("development news not found");
    return;
  }
  std::vector<ancre::Span> lines;
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    lines.push_back({b, e});
    b = e + 1;
  }
  ancre::text::AnchorOptions options;
  options.language = lang;
  ancre::text::AnchorExtractor extractor(options);
  for (auto _ : state) {
    ancre::DocumentAnchors anchors = extractor.ExtractUtf8(text, lines);
    benchmark::DoNotOptimize(anchors.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

void HostileDigitsAndDots(benchmark::State& state) {
  std::string text;
  while (text.size() < (1u << 20)) text += "1.2,3 ";
  ancre::text::AnchorOptions options;
  options.language = "fr";
  ancre::text::AnchorExtractor extractor(options);
  for (auto _ : state) benchmark::DoNotOptimize(extractor.ExtractText(text).size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK_CAPTURE(SegmentAndAnchor, fr, "fr")->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(SegmentAndAnchor, en, "en")->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(AnchorsOnly, fr, "fr")->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK_CAPTURE(AnchorsOnly, en, "en")->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(HostileDigitsAndDots)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  ReportSharedAnchors();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
