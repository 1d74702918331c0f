#include "src/pipeline/batch.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "src/core/error.h"

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

BatchSummary RunBatch(const BatchOptions& options) {
  const std::vector<ManifestEntry>& entries = options.pairs;
  const size_t workers = std::max<size_t>(1, std::min(entries.size(), options.workers));
  PairOptions pair_options = options.pair;
  pair_options.align.threads = 1;
  pair_options.progress = nullptr;  // workers run on other threads; on_pair reports pairs
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
