#include "src/cli/align_batch.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "src/align/lexicon.h"
#include "src/cli/align_common.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/pipeline/freedict.h"
#include "src/text/input.h"
#include "tm/store.h"

namespace ancre::cli {
namespace {

// A pair's outcome, produced by a worker and consumed by the writer.
struct Outcome {
  std::optional<AlignedInputs> aligned;
  std::string error;
  bool done = false;
};

void DrawProgress(size_t done, size_t total, size_t failed, double seconds) {
  constexpr int kWidth = 30;
  int filled = total == 0 ? kWidth : static_cast<int>(kWidth * done / total);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, ' ');
  std::fprintf(stderr, "\r[%s] %zu/%zu pairs  %.1f pairs/s%s", bar.c_str(), done, total,
               seconds > 0 ? static_cast<double>(done) / seconds : 0.0,
               failed ? ("  " + std::to_string(failed) + " failed").c_str() : "");
  std::fflush(stderr);
}

}  // namespace

std::vector<ManifestEntry> ReadManifest(const std::string& path) {
  RequireOptionFile("--pairs", path);  // a folder would read as an empty manifest
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

int RunAlignBatch(const po::variables_map& vm) {
  const std::string manifest = vm["pairs"].as<std::string>();
  if (vm.count("src") || vm.count("tgt")) {
    throw UsageError("align: give either SRC TGT or --pairs MANIFEST, not both");
  }
  if (!vm.count("db")) throw UsageError("align: --pairs stores into a TM: add --db tm.sqlite");
  std::string db = vm["db"].as<std::string>();
  if (db.empty()) db = tm::DefaultStorePath();
  std::vector<ManifestEntry> entries = ReadManifest(manifest);
  const bool quiet = vm.count("quiet") > 0;
  const bool progress = !quiet && (vm.count("progress") > 0 || IsTerminal(STDERR_FILENO));
  const size_t workers = std::max<size_t>(
      1,
      std::min<size_t>(entries.size(), static_cast<size_t>(std::max(1, vm["threads"].as<int>()))));

  align::Lexicon lexicon;
  const std::string dict = vm["dictionary"].as<std::string>();
  if (dict != "none" && !dict.empty()) {
    if (!vm["dictionary"].defaulted()) RequireOptionFolder("--dictionary", dict);
    // Loaded once for every pair (about 45 ms of CPU each time otherwise).
    lexicon = pipeline::LoadFreeDict(dict, vm["src-lang"].as<std::string>(),
                                     vm["tgt-lang"].as<std::string>(), pipeline::DefaultCacheDir());
    if (!quiet && lexicon.size() == 0) {
      std::cerr << "ancre: warning: no FreeDict dictionary for " << vm["src-lang"].as<std::string>()
                << "-" << vm["tgt-lang"].as<std::string>() << " in " << dict
                << "; aligning without a lexicon\n";
    }
  }
  // Workers align pairs in manifest order slots; the writer stores them in
  // order. A worker aligns pair i only once the writer has taken pair
  // i - ahead: when storing is slower than aligning, the aligned pairs
  // waiting for the writer would otherwise pile up, and memory would grow
  // with the manifest instead of staying bounded by a few documents.
  const size_t ahead = 4 * workers;
  std::vector<Outcome> outcomes(entries.size());
  std::mutex mu;
  std::condition_variable ready;  // an outcome is done
  std::condition_variable room;   // the writer took an outcome
  size_t taken = 0;               // outcomes the writer took (guarded by mu)
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  auto work = [&]() {
    for (size_t i; !stop && (i = next.fetch_add(1)) < entries.size();) {
      {
        std::unique_lock<std::mutex> lock(mu);
        room.wait(lock, [&] { return stop || i < taken + ahead; });
      }
      if (stop) break;
      Outcome o;
      try {
        po::variables_map one = vm;  // same options, this pair's files
        one.erase("src");
        one.erase("tgt");
        one.insert({"src", po::variable_value(entries[i].src, false)});
        one.insert({"tgt", po::variable_value(entries[i].tgt, false)});
        one.erase("threads");
        one.insert({"threads", po::variable_value(1, false)});
        o.aligned = AlignFromArgs("align", one, /*quiet=*/true, &lexicon);
      } catch (const std::exception& e) {
        o.error = e.what();
      }
      o.done = true;
      {
        std::lock_guard<std::mutex> lock(mu);
        outcomes[i] = std::move(o);
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (size_t t = 0; t < workers; ++t) threads.emplace_back(work);

  ReportFileSizeLimitAsError();
  // The search indexes are brought up to date once, after the last pair:
  // indexing all the units at once is faster than pair by pair. An
  // interrupted batch leaves its stored pairs to be indexed by the next
  // writer (lookups say so meanwhile).
  tm::StoreOptions store_options;
  store_options.index_after_write = false;
  store_options.busy_timeout_ms = BusyTimeoutFromArgs(vm);
  tm::Store store(db, store_options);
  const auto start = std::chrono::steady_clock::now();
  size_t stored = 0, already = 0, failed = 0, units = 0;
  try {
    for (size_t i = 0; i < entries.size(); ++i) {
      Outcome o;
      {
        std::unique_lock<std::mutex> lock(mu);
        ready.wait(lock, [&] { return outcomes[i].done; });
        o = std::move(outcomes[i]);
        outcomes[i] = Outcome{};
        taken = i + 1;
      }
      room.notify_all();
      if (o.aligned) {
        try {
          StoredAlignment s = SaveToStore(store, *o.aligned);
          (s.already_stored ? already : stored) += 1;
          units += s.units_added;
        } catch (const DbError& e) {
          o.error = DbErrorMessage(e);
        } catch (const Error& e) {
          o.error = e.what();
        }
      }
      if (!o.error.empty()) {
        ++failed;
        if (progress) std::fputc('\n', stderr);
        std::cerr << "ancre: error: " << manifest << ":" << entries[i].line << ": " << o.error
                  << "\n";
      }
      if (progress) {
        double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        DrawProgress(i + 1, entries.size(), failed, secs);
      }
    }
  } catch (...) {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    room.notify_all();
    for (auto& t : threads) t.join();
    throw;
  }
  for (auto& t : threads) t.join();
  store.UpdateIndexes();
  if (progress) std::fputc('\n', stderr);
  if (!quiet) {
    std::cerr << "ancre: " << db << ": " << stored << " document pairs stored (" << units
              << " new translation units), " << already << " already there, " << failed
              << " failed\n";
  }
  return failed > 0 ? 3 : 0;
}

}  // namespace ancre::cli
