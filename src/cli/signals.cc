#include "src/cli/signals.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

#include "tm/translation_memory.h"

namespace ancre::cli {
namespace {

constexpr int kSlots = 16;
constexpr size_t kMaxPath = 4096;

// The registered paths. A slot's path is written before `used` is set, and
// `used` is cleared before the slot is reused, so the handler reads only
// complete paths. std::atomic<bool> is lock-free, hence usable in a handler.
struct Slot {
  std::atomic<bool> claimed{false};  // owned by one InterruptCleanup
  std::atomic<bool> used{false};     // path complete: the handler may unlink it
  char path[kMaxPath] = {};
};
Slot g_slots[kSlots];
std::atomic<int> g_commit_depth{0};
std::atomic<int> g_held_signal{0};
std::atomic<bool> g_published{false};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

void WriteStderr(const char* text) {
  size_t left = strlen(text);
  while (left > 0) {
    ssize_t n = write(STDERR_FILENO, text, left);
    if (n <= 0) return;
    text += n;
    left -= static_cast<size_t>(n);
  }
}

// Async-signal-safe: unlink, write and _exit only.
[[noreturn]] void Stop() {
  for (Slot& s : g_slots) {
    if (s.used.load(std::memory_order_acquire)) unlink(s.path);
  }
  WriteStderr(g_published.load() ? "ancre: interrupted; what was already saved is complete, "
                                   "nothing else written\n"
                                 : "ancre: interrupted, nothing written\n");
  _exit(130);
}

extern "C" void OnInterrupt(int signo) {
  if (g_commit_depth.load() > 0) {
    g_held_signal.store(signo);
    return;
  }
  Stop();
}

}  // namespace

void InstallInterruptHandler() {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaddset(&sa.sa_mask, SIGINT);
  sigaddset(&sa.sa_mask, SIGTERM);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  tm::SetCommitHooks([] { g_commit_depth.fetch_add(1); },
                     [](bool committed) {
                       if (committed) g_published.store(true);
                       if (g_commit_depth.fetch_sub(1) == 1 && g_held_signal.load() != 0) Stop();
                     });
}

InterruptCleanup::InterruptCleanup(const std::string& path) {
  if (path.size() >= kMaxPath) return;
  for (int i = 0; i < kSlots; ++i) {
    Slot& s = g_slots[i];
    // Claim a free slot: one thread wins it; the handler ignores it until
    // the path is complete, because `used` is what the handler reads.
    bool expected = false;
    if (!s.claimed.compare_exchange_strong(expected, true)) continue;
    memcpy(s.path, path.c_str(), path.size() + 1);
    s.used.store(true, std::memory_order_release);
    slot_ = i;
    return;
  }
}

InterruptCleanup::~InterruptCleanup() { Release(); }

void InterruptCleanup::Release() {
  if (slot_ < 0) return;
  g_slots[slot_].used.store(false, std::memory_order_release);
  g_slots[slot_].claimed.store(false, std::memory_order_release);
  slot_ = -1;
}

CommitSection::CommitSection() { g_commit_depth.fetch_add(1); }

CommitSection::~CommitSection() {
  if (g_commit_depth.fetch_sub(1) == 1 && g_held_signal.load() != 0) Stop();
}

void CommitSection::Done() { g_published.store(true); }

}  // namespace ancre::cli
