// The progress line long commands draw on stderr (import of a large TMX, a
// long align, a batch): a bar, the share done, what was done of what, the
// speed and an ETA, redrawn in place at most ten times a second. The
// libraries only report progress through callbacks; this draws it. It is
// drawn only when wanted: stderr is a terminal, or --progress forces it (for
// tests, or a log that wants it), and never with --quiet (ProgressWanted in
// options.h). Not thread-safe: update it from one thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace ancre::cli {

// One progress line (without the leading "\r"): "[######      ]  25%  3.2/12.8 MB
// ETA 0:09  1.6 MB/s  reading a.tmx  0:02" — the bar, share and ETA only when
// `total` is known (> 0), the amounts and speed only when `unit` is given,
// the ETA and speed only after a second, when they mean something.
std::string ProgressText(std::string_view stage, double done, double total, std::string_view unit,
                         double elapsed_seconds);

class ProgressLine {
 public:
  // Draws nothing unless `enabled`.
  explicit ProgressLine(bool enabled);
  // Ends the line if one was drawn.
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // `done` of `total` units of work (total 0: unknown, no bar or ETA) in the
  // step `stage` ("reading", "aligning"); `unit` names what is counted
  // ("MB", "pairs"; empty: a share only). Redrawn at most every 100 ms, and
  // always when done == total or the stage changes.
  void Update(std::string_view stage, double done, double total, std::string_view unit);

  // Ends the line (a newline), so that what follows starts on its own.
  void Finish();

  bool enabled() const { return enabled_; }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
  std::string stage_;
  size_t width_ = 0;  // characters of the last line drawn, to blank its rest
};

}  // namespace ancre::cli
