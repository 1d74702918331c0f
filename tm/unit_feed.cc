#include "tm/unit_feed.h"

#include <utility>

namespace ancre::tm::internal {
namespace {

// Units per chunk, and chunks prepared ahead of the writer: enough to keep
// both threads busy, little enough to keep memory flat for inputs of any size.
constexpr size_t kChunkUnits = 512;
constexpr size_t kChunksAhead = 4;

}  // namespace

UnitFeed::UnitFeed(std::function<bool(TranslationUnit*)> next,
                   std::function<void(const TranslationUnit&, size_t)> check)
    : next_(std::move(next)), check_(std::move(check)), thread_([this] { Run(); }) {}

UnitFeed::~UnitFeed() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void UnitFeed::Run() {
  size_t number = 0;
  try {
    bool more = true;
    while (more) {
      auto chunk = std::make_unique<Chunk>();
      chunk->units.reserve(kChunkUnits);
      chunk->keys.reserve(kChunkUnits);
      while (chunk->units.size() < kChunkUnits) {
        TranslationUnit u;
        if (!(more = next_(&u))) break;
        check_(u, ++number);
        chunk->keys.push_back(MakeUnitKey(u.src_lang, u.tgt_lang, u.source, u.target));
        chunk->units.push_back(std::move(u));
      }
      {
        std::unique_lock<std::mutex> lock(mu_);
        changed_.wait(lock, [this] { return stop_ || ready_.size() < kChunksAhead; });
        if (stop_) return;
        if (!chunk->units.empty()) ready_.push_back(std::move(chunk));
      }
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mu_);
    error_ = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
  }
  changed_.notify_all();
}

UnitFeed::Chunk* UnitFeed::Next() {
  std::unique_lock<std::mutex> lock(mu_);
  current_.reset();
  changed_.wait(lock, [this] { return !ready_.empty() || done_; });
  if (ready_.empty()) {
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
    return nullptr;
  }
  current_ = std::move(ready_.front());
  ready_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return current_.get();
}

}  // namespace ancre::tm::internal
