#include "src/pipeline/batch.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "src/core/error.h"
#include "src/core/language_tag.h"
#include "src/pipeline/freedict.h"

namespace ancre::pipeline {
namespace {

// A pair's alignment, produced by a worker and consumed by the writer.
struct Aligned {
  std::optional<AlignedDocuments> documents;
  std::exception_ptr error;
  bool done = false;
};

}  // namespace

std::vector<ManifestEntry> ReadManifest(const std::string& path) {
  std::string data = text::ReadFileBytes(path);
  std::filesystem::path base =
      path == "-" ? std::filesystem::path() : std::filesystem::path(path).parent_path();
  std::vector<ManifestEntry> entries;
  size_t line_no = 0;
  for (const text::LineSpan& l : text::SplitLines(data)) {
    ++line_no;
    std::string line = data.substr(l.begin, l.end - l.begin);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string::npos || line.find('\t', tab + 1) != std::string::npos || tab == 0 ||
        tab + 1 == line.size()) {
      throw ParseError(path, line_no, 0,
                       "expected two paths separated by one tab (source<TAB>target)");
    }
    auto resolve = [&](const std::string& p) {
      std::filesystem::path fp(p);
      return (fp.is_absolute() || base.empty() ? fp : base / fp).string();
    };
    entries.push_back({resolve(line.substr(0, tab)), resolve(line.substr(tab + 1)), line_no});
  }
  return entries;
}

std::vector<align::LearnedPair> LearnFromPairs(const std::vector<ManifestEntry>& pairs,
                                               const text::InputOptions& src_input,
                                               const text::InputOptions& tgt_input,
                                               const PairOptions& options, size_t workers,
                                               const std::function<void(size_t)>& on_failed) {
  PairOptions first = options;
  first.align.mode = AlignMode::kParallel;
  first.align.learn = false;
  first.align.learned_lexicon = nullptr;
  if (workers > 1) first.align.threads = 1;
  align::LearnOptions lo;
  lo.src_language = LanguageTag::Parse(options.src_language).str();
  lo.tgt_language = LanguageTag::Parse(options.tgt_language).str();
  align::LexiconLearner learner(lo);
  // Pairs are aligned `workers` at a time and counted in manifest order, so
  // the result does not depend on the number of workers, and memory holds a
  // few documents only.
  workers = std::max<size_t>(1, workers);
  for (size_t start = 0; start < pairs.size(); start += workers) {
    const size_t end = std::min(pairs.size(), start + workers);
    std::vector<Aligned> chunk(end - start);
    auto align = [&](size_t k) {
      try {
        chunk[k].documents =
            AlignFiles(pairs[start + k].src, pairs[start + k].tgt, src_input, tgt_input, first);
      } catch (...) {
        chunk[k].error = std::current_exception();
      }
    };
    std::vector<std::thread> threads;
    for (size_t k = 1; k < chunk.size(); ++k) threads.emplace_back(align, k);
    align(0);
    for (std::thread& t : threads) t.join();
    for (size_t k = 0; k < chunk.size(); ++k) {
      if (chunk[k].error) {
        if (!on_failed) std::rethrow_exception(chunk[k].error);
        on_failed(start + k);
        continue;
      }
      const AlignedPair& pair = chunk[k].documents->pair;
      std::vector<std::string> src_texts, tgt_texts;
      src_texts.reserve(pair.src.segments.size());
      tgt_texts.reserve(pair.tgt.segments.size());
      for (const Segment& seg : pair.src.segments) src_texts.push_back(seg.text);
      for (const Segment& seg : pair.tgt.segments) tgt_texts.push_back(seg.text);
      learner.Add(src_texts, tgt_texts, pair.alignment.beads);
    }
  }
  return learner.Pairs();
}

BatchSummary RunBatch(const BatchOptions& options) {
  const std::vector<ManifestEntry>& entries = options.pairs;
  const size_t workers = std::max<size_t>(1, std::min(entries.size(), options.workers));
  PairOptions pair_options = options.pair;
  pair_options.align.threads = 1;
  pair_options.progress = nullptr;  // workers run on other threads; on_pair reports pairs
  if (!pair_options.lexicon && !pair_options.dictionary_dir.empty()) {  // loaded once
    pair_options.lexicon = std::make_shared<const align::Lexicon>(
        LoadFreeDict(pair_options.dictionary_dir, pair_options.src_language,
                     pair_options.tgt_language, DefaultCacheDir()));
  }
  const bool dictionary = (pair_options.lexicon && !pair_options.lexicon->empty()) ||
                          (pair_options.user_lexicon && !pair_options.user_lexicon->empty());
  if (options.learn_together && pair_options.align.learn && entries.size() > 1 && !dictionary) {
    // A pair that fails here fails again below, where it is reported.
    std::vector<align::LearnedPair> learned = LearnFromPairs(
        entries, options.input, options.tgt_input, pair_options, options.workers, [](size_t) {});
    if (!learned.empty()) {
      pair_options.align.learned_lexicon =
          std::make_shared<const align::Lexicon>(align::LexiconOf(learned));
    }
    if (options.on_learned) options.on_learned(learned.size());
  }
  // Workers align pairs in manifest order slots; the writer stores them in
  // order. A worker aligns pair i only once the writer has taken pair
  // i - ahead: when storing is slower than aligning, the aligned pairs
  // waiting for the writer would otherwise pile up, and memory would grow
  // with the manifest instead of staying bounded by a few documents.
  const size_t ahead = 4 * workers;
  std::vector<Aligned> slots(entries.size());
  std::mutex mu;
  std::condition_variable ready;  // a slot is done
  std::condition_variable room;   // the writer took a slot
  size_t taken = 0;               // slots the writer took (guarded by mu)
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto work = [&]() {
    for (size_t i; !stop && (i = next.fetch_add(1)) < entries.size();) {
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return stop || i < taken + ahead; });
      }
      if (stop) break;
      Aligned a;
      try {
        a.documents = AlignFiles(entries[i].src, entries[i].tgt, options.input, options.tgt_input,
                                 pair_options);
      } catch (...) {
        a.error = std::current_exception();
      }
      a.done = true;
      {
        std::lock_guard<std::mutex> lock(mu);
        slots[i] = std::move(a);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < workers; ++t) threads.emplace_back(work);
  auto stop_workers = [&] {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    room.notify_all();
    for (auto& t : threads) t.join();
  };

  BatchSummary summary;
  try {
    tm::OpenOptions store_options;
    store_options.index_after_write = false;
    store_options.lock_wait_ms = options.lock_wait_ms;
    tm::TranslationMemory store(options.db_path, store_options);
    for (size_t i = 0; i < entries.size(); ++i) {
      Aligned a;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] { return slots[i].done; });
        a = std::move(slots[i]);
        slots[i] = Aligned{};
        taken = i + 1;
      }
      room.notify_all();
      PairOutcome outcome;
      outcome.entry = i;
      outcome.error = a.error;
      if (a.documents) {
        try {
          outcome.stored = StoreAlignment(store, *a.documents);
          (outcome.stored.already_stored ? summary.already : summary.stored) += 1;
          summary.units += outcome.stored.units_added;
        } catch (const Error&) {
          outcome.error = std::current_exception();
        }
      }
      if (outcome.error) ++summary.failed;
      if (options.on_pair) options.on_pair(outcome);
    }
    stop_workers();
    store.UpdateIndexes();
  } catch (...) {
    if (!threads.empty() && threads.front().joinable()) stop_workers();
    throw;
  }
  return summary;
}

}  // namespace ancre::pipeline
