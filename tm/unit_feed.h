// Units for a write, read and prepared on a second thread: the caller's
// source of units (a TMX reader, a vector) runs there, and so do validation,
// the dedup hash and the match key of every unit, while the thread holding the
// SQLite connection only writes. Private to tm/.
//
// Usage:
//   UnitFeed feed(next, check);
//   while (UnitFeed::Chunk* chunk = feed.Next())
//     for (size_t i = 0; i < chunk->units.size(); ++i) write(chunk->units[i], chunk->keys[i]);
//
// Thread-safety: Next() and the destructor are called by one thread (the
// writer); `next` and `check` run on the feed's own thread, one call at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tm/sqlite/sqlite_tm.h"
#include "tm/translation_unit.h"

namespace ancre::tm::internal {

class UnitFeed {
 public:
  struct Chunk {
    std::vector<TranslationUnit> units;
    std::vector<UnitKey> keys;  // parallel to units
  };

  // Starts the thread. next(&unit) fills the next unit or returns false at
  // the end; check(unit, number) throws for a unit that cannot be stored
  // (number counts from 1).
  UnitFeed(std::function<bool(TranslationUnit*)> next,
           std::function<void(const TranslationUnit&, size_t)> check);
  // Stops the thread (it finishes the call to next in progress).
  ~UnitFeed();
  UnitFeed(const UnitFeed&) = delete;
  UnitFeed& operator=(const UnitFeed&) = delete;

  // The next chunk of units in order, valid until the next call; nullptr at
  // the end. Rethrows what next or check threw, once the chunks before it
  // have been taken.
  Chunk* Next();

 private:
  void Run();

  std::function<bool(TranslationUnit*)> next_;
  std::function<void(const TranslationUnit&, size_t)> check_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Chunk>> ready_;  // produced, not yet taken
  std::unique_ptr<Chunk> current_;            // the chunk the writer holds
  bool done_ = false;                         // no more chunks will come
  bool stop_ = false;                         // the writer has gone
  std::exception_ptr error_;
  std::thread thread_;  // last: starts after every member above exists
};

}  // namespace ancre::tm::internal
