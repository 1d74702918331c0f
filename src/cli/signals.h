// Interruption (Ctrl-C, SIGINT; SIGTERM): the run stops at once, removes the
// temporary files of outputs not yet published, prints "ancre: interrupted,
// nothing written" and exits with code 130.
//
// Why stopping at once is safe: every output file is written to a temporary
// name registered here and renamed over its path only when complete
// (Output::Commit); every change to a translation memory is one atomic
// transaction, and a transaction that did not commit is ignored and rolled
// back on the next open (tm/translation_memory.h).
// So the handler needs no cooperation from the code it interrupts: it does
// only what is async-signal-safe (unlink, write, _exit; POSIX.1-2017 2.4.3)
// over a fixed table of paths it reads through lock-free atomics.
//
// A publishing step (the rename of a finished output) runs inside a
// CommitSection: an interruption arriving then is held until the step is
// over; the message then says "what was already saved is complete, nothing
// else written" instead of "nothing written". The creation of a temporary
// file and its registration form such a step too (without Done()), so that
// an interruption never finds the file created and not yet registered.
//
// Thread-safety: the functions may be called from any thread; the handler
// may run on any thread.
#pragma once

#include <cstddef>
#include <string>

namespace ancre::cli {

// Installs the handler for SIGINT and SIGTERM, and makes every translation
// memory COMMIT a commit section (see CommitSection): the work before a
// commit stops at once and rolls back; the commit itself is never cut. Call
// once, first thing in main().
void InstallInterruptHandler();

// A file deleted if the run is interrupted while the registration lives.
// At most 16 files are registered at once (more are not removed on
// interruption; the destructor of their owner still removes them normally).
class InterruptCleanup {
 public:
  // Registers `path` (copied; paths longer than 4095 bytes are not registered).
  explicit InterruptCleanup(const std::string& path);
  // Unregisters the path; does not touch the file.
  ~InterruptCleanup();
  InterruptCleanup(const InterruptCleanup&) = delete;
  InterruptCleanup& operator=(const InterruptCleanup&) = delete;
  // Unregisters the path now (the file was published or removed).
  void Release();

 private:
  int slot_ = -1;
};

// While one lives, an interruption is held; when the last one ends, a held
// interruption takes effect, saying that the completed step was written.
class CommitSection {
 public:
  CommitSection();
  ~CommitSection();
  CommitSection(const CommitSection&) = delete;
  CommitSection& operator=(const CommitSection&) = delete;
  // Marks the step as done: an interruption from now on says that what was
  // published stays, rather than "nothing written".
  void Done();
};

}  // namespace ancre::cli
