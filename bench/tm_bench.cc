// Translation memory benchmarks: insert rate of aligned pairs, size on disk per
// TU, fuzzy lookup and concordance latency (p50/p99) on a large TM built from
// the dev news (every French/English sentence pair, repeated with one word
// perturbed per copy).
//
// Environment: ANCRE_BENCH_UNITS (TUs in the big TM, default 1000000),
// ANCRE_BENCH_TM (its file, default tm-bench-<units>.sqlite in the current
// folder; reused when it exists, so the TM is built once).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "tm/translation_memory.h"

namespace {

namespace fs = std::filesystem;
using ancre::tm::TranslationMemory;
using ancre::tm::TranslationUnit;

struct Pair {
  std::string fr;
  std::string en;
};

std::string Unescape(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {{"&quot;", "\""}, {"&apos;", "'"},
                                                                  {"&lt;", "<"},    {"&gt;", ">"},
                                                                  {"&#39;", "'"},   {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    size_t at = 0;
    while ((at = s.find(from, at)) != std::string::npos) {
      s.replace(at, std::strlen(from), to);
      at += std::strlen(to);
    }
  }
  return s;
}

std::vector<std::string> Segs(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    size_t open = line.find("<seg id=");
    if (open == std::string::npos) continue;
    size_t begin = line.find('>', open) + 1;
    size_t end = line.rfind("</seg>");
    if (end == std::string::npos || end < begin) continue;
    out.push_back(Unescape(line.substr(begin, end - begin)));
  }
  return out;
}

const std::vector<Pair>& DevPairs() {
  static const std::vector<Pair> pairs = [] {
    std::vector<Pair> p;
    const fs::path dir = fs::path(ANCRE_SHARED) / "data/wmt-newstest-fren-dev";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (name.size() > 7 && name.substr(name.size() - 7) == ".fr.sgm") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& fr : files) {
      std::string en_name = fr.filename().string();
      en_name.replace(en_name.size() - 7, 3, ".en");
      auto f = Segs(fr);
      auto e = Segs(fr.parent_path() / en_name);
      for (size_t i = 0; i < f.size() && i < e.size(); ++i) {
        if (!f[i].empty() && !e[i].empty()) p.push_back({f[i], e[i]});
      }
    }
    if (p.empty()) std::cerr << "tm_bench: no dev news found under " << dir << "\n";
    return p;
  }();
  return pairs;
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> w;
  std::istringstream in(s);
  std::string x;
  while (in >> x) w.push_back(x);
  return w;
}

std::string Join(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) {
    if (!s.empty()) s += ' ';
    s += x;
  }
  return s;
}

// Copy `variant` of pair i: copy 0 is the pair itself; copy v > 0 has one word
// replaced by a word of another sentence and a number appended, as a TM grown
// from many similar articles has many near-duplicates.
TranslationUnit Variant(size_t i, size_t variant) {
  const auto& pairs = DevPairs();
  const Pair& p = pairs[i % pairs.size()];
  TranslationUnit u;
  u.src_lang = "fr";
  u.tgt_lang = "en";
  u.document = "newstest copy " + std::to_string(variant);
  u.score = 0.3 + 0.7 * static_cast<double>((i * 7919 + variant * 104729) % 1000) / 1000.0;
  if (variant == 0) {
    u.source = p.fr;
    u.target = p.en;
    return u;
  }
  auto w = Words(p.fr);
  auto other = Words(pairs[(i * 31 + variant) % pairs.size()].fr);
  if (!w.empty() && !other.empty()) w[(variant * 7) % w.size()] = other[variant % other.size()];
  u.source = Join(w) + " " + std::to_string(variant);
  u.target = p.en + " " + std::to_string(variant);
  return u;
}

size_t BigUnits() {
  const char* env = std::getenv("ANCRE_BENCH_UNITS");
  return env ? std::strtoull(env, nullptr, 10) : 1000000;
}

// The big TM, built on first use and reused across runs.
TranslationMemory& BigTm() {
  static TranslationMemory* store = [] {
    const size_t units = BigUnits();
    const char* env = std::getenv("ANCRE_BENCH_TM");
    fs::path path = env ? env : "tm-bench-" + std::to_string(units) + ".sqlite";
    if (!fs::exists(path)) {
      std::cerr << "tm_bench: building " << path << " with " << units << " TUs...\n";
      TranslationMemory build(path.string(), {});
      const size_t n = DevPairs().size();
      std::vector<TranslationUnit> batch;
      auto start = std::chrono::steady_clock::now();
      for (size_t k = 0; k < units; ++k) {
        batch.push_back(Variant(k % n, k / n));
        if (batch.size() == 100000 || k + 1 == units) {
          build.AddUnits(batch);
          batch.clear();
        }
      }
      double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cerr << "tm_bench: built in " << s << " s\n";
    }
    ancre::tm::OpenOptions ro;
    ro.read_only = true;
    ro.create = false;
    return new TranslationMemory(path.string(), ro);
  }();
  return *store;
}

void Percentiles(benchmark::State& state, std::vector<double> ms, const std::string& prefix = "") {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters[prefix + "p50_ms"] = ms[ms.size() / 2];
  state.counters[prefix + "p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  state.counters[prefix + "max_ms"] = ms.back();
}

// Milliseconds of CPU time this thread has used: on a machine shared with
// other work, latency in CPU time says what a lookup costs when it has a core.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall-clock and CPU latency of each timed call, reported as p50/p99/max.
class Latencies {
 public:
  template <typename F>
  auto Time(F&& call) {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuMs();
    auto result = call();
    cpu_ms_.push_back(ThreadCpuMs() - c0);
    wall_ms_.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    return result;
  }
  double last_ms() const { return wall_ms_.back(); }
  void Report(benchmark::State& state) {
    Percentiles(state, std::move(wall_ms_));
    Percentiles(state, std::move(cpu_ms_), "cpu_");
  }

 private:
  std::vector<double> wall_ms_;
  std::vector<double> cpu_ms_;
};

// Aligned pairs into a fresh file TM: one transaction of 100,000 units with
// prepared statements (store_tus_per_s in wall time; items_per_second is per
// second of CPU time of both threads), then the catch-up
// transaction that adds them to the search indexes (index_tus_per_s, and per
// second of CPU time), and both together in wall time (indexed_tus_per_s): how
// fast a write becomes searchable.
void BM_InsertAlignedPairs(benchmark::State& state) {
  const size_t batch_size = static_cast<size_t>(state.range(0));
  std::vector<TranslationUnit> batch;
  for (size_t k = 0; k < batch_size; ++k) batch.push_back(Variant(k, 1 + k / DevPairs().size()));
  const fs::path path = fs::temp_directory_path() / "ancre-tm-bench-insert.sqlite";
  double bytes = 0;
  double index_s = 0;
  double index_cpu_s = 0;
  double store_s = 0;
  for (auto _ : state) {
    state.PauseTiming();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
    {
      ancre::tm::OpenOptions options;
      options.index_after_write = false;
      TranslationMemory store(path.string(), options);
      state.ResumeTiming();
      auto t0 = std::chrono::steady_clock::now();
      store.AddUnits(batch);
      state.PauseTiming();
      store_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      t0 = std::chrono::steady_clock::now();
      const double c0 = ThreadCpuMs();
      store.UpdateIndexes();
      index_cpu_s += (ThreadCpuMs() - c0) / 1e3;
      index_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes = static_cast<double>(store.Stats().file_bytes);
    }
    state.ResumeTiming();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  const double units = static_cast<double>(state.iterations()) * static_cast<double>(batch_size);
  state.SetItemsProcessed(static_cast<int64_t>(units));
  state.counters["store_tus_per_s"] = units / store_s;  // wall clock
  state.counters["index_tus_per_s"] = units / index_s;
  state.counters["index_tus_per_cpu_s"] = units / index_cpu_s;
  state.counters["indexed_tus_per_s"] = units / (store_s + index_s);
  state.counters["bytes_per_tu"] = bytes / static_cast<double>(batch_size);
}
// Process CPU time: storing reads and prepares units on a second thread.
BENCHMARK(BM_InsertAlignedPairs)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->MeasureProcessCPUTime();

// Fuzzy lookup of a sentence near a TM source: a dev sentence with one word dropped.
void BM_Lookup(benchmark::State& state) {
  TranslationMemory& tm = BigTm();
  const auto& pairs = DevPairs();
  std::mt19937 rng(7);
  Latencies latencies;
  size_t matches = 0;
  for (auto _ : state) {
    auto w = Words(pairs[rng() % pairs.size()].fr);
    if (w.size() > 3) w.erase(w.begin() + static_cast<long>(rng() % w.size()));
    std::string q = Join(w);
    auto m = latencies.Time([&] { return tm.Lookup(q, {}); });
    matches += m.size();
    benchmark::DoNotOptimize(m);
  }
  state.counters["tm_units"] = static_cast<double>(tm.Stats().units);
  state.counters["matches_per_lookup"] =
      static_cast<double>(matches) / static_cast<double>(state.iterations());
  latencies.Report(state);
}
BENCHMARK(BM_Lookup)->Iterations(1000)->Unit(benchmark::kMillisecond);

// Concordance: a word, a two-word phrase, a prefix of a dev sentence, in turn.
void BM_Search(benchmark::State& state) {
  TranslationMemory& tm = BigTm();
  const auto& pairs = DevPairs();
  std::mt19937 rng(11);
  Latencies latencies;
  size_t k = 0;
  for (auto _ : state) {
    auto w = Words(pairs[rng() % pairs.size()].fr);
    std::string a = w.empty() ? "pays" : w[rng() % w.size()];
    std::string q;
    switch (k++ % 3) {
      case 0:
        q = a;
        break;
      case 1: {
        size_t i = w.size() > 1 ? rng() % (w.size() - 1) : 0;
        q = w.size() > 1 ? "\"" + w[i] + " " + w[i + 1] + "\"" : a;
        break;
      }
      default:  // a translator's prefix: 4+ letters of a longer word (escroq*)
        if (a.size() >= 6 && std::none_of(a.begin(), a.end(), [](char c) { return c & 0x80; })) {
          q = a.substr(0, std::max<size_t>(4, a.size() - 3)) + "*";
        } else {
          q = a;
        }
    }
    auto hits = latencies.Time([&] { return tm.Search(q, {}); });
    if (std::getenv("ANCRE_BENCH_SLOW") && latencies.last_ms() > 20) {
      std::cerr << "slow search " << latencies.last_ms() << " ms: " << q << "\n";
    }
    benchmark::DoNotOptimize(hits);
  }
  latencies.Report(state);
}
BENCHMARK(BM_Search)->Iterations(600)->Unit(benchmark::kMillisecond);

// Substring search through the trigram index.
void BM_SearchSubstring(benchmark::State& state) {
  TranslationMemory& tm = BigTm();
  const auto& pairs = DevPairs();
  std::mt19937 rng(13);
  Latencies latencies;
  ancre::tm::SearchOptions options;
  options.substring = true;
  for (auto _ : state) {
    auto w = Words(pairs[rng() % pairs.size()].fr);
    std::string a = w.empty() ? "escroq" : w[rng() % w.size()];
    // Cut at code point boundaries: keep ASCII words only.
    if (a.size() < 5 || std::any_of(a.begin(), a.end(), [](char c) { return c & 0x80; })) {
      a = "gouvern";
    }
    std::string q = a.substr(1, a.size() - 2);
    auto hits = latencies.Time([&] { return tm.Search(q, options); });
    benchmark::DoNotOptimize(hits);
  }
  latencies.Report(state);
}
BENCHMARK(BM_SearchSubstring)->Iterations(300)->Unit(benchmark::kMillisecond);

// Size on disk of the big TM per TU.
void BM_BigTmSize(benchmark::State& state) {
  TranslationMemory& tm = BigTm();
  ancre::tm::TmStats st;
  for (auto _ : state) st = tm.Stats();
  state.counters["tm_units"] = static_cast<double>(st.units);
  state.counters["bytes_per_tu"] =
      static_cast<double>(st.file_bytes) / static_cast<double>(std::max<int64_t>(1, st.units));
}
BENCHMARK(BM_BigTmSize)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
