#include "src/cli/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ancre::cli {
namespace {

// "1:05", "12:30", "1:02:03".
std::string Duration(double seconds) {
  const long s = std::lround(seconds);
  char text[32];
  if (s >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  }
  return text;
}

// 3, 12.5, 1234: amounts as a progress line shows them.
std::string Amount(double x) {
  char text[32];
  std::snprintf(text, sizeof text, x < 100 && x != std::floor(x) ? "%.1f" : "%.0f", x);
  return text;
}

}  // namespace

std::string ProgressText(std::string_view stage, double done, double total, std::string_view unit,
                         double elapsed) {
  std::string line;
  if (total > 0) {
    constexpr int kBar = 24;
    const double share = std::clamp(done / total, 0.0, 1.0);
    const int filled = static_cast<int>(kBar * share);
    line += "[" + std::string(static_cast<size_t>(filled), '#') +
            std::string(static_cast<size_t>(kBar - filled), ' ') + "] ";
    char percent[16];
    std::snprintf(percent, sizeof percent, "%3.0f%%", 100 * share);
    line += percent;
    if (!unit.empty()) line += "  " + Amount(done) + "/" + Amount(total) + " " + std::string(unit);
    if (elapsed >= 1 && share > 0.01 && share < 1) {
      line += "  ETA " + Duration(elapsed * (1 - share) / share);
    }
  } else if (!unit.empty()) {
    line += Amount(done) + " " + std::string(unit);
  }
  if (!unit.empty() && elapsed >= 1 && done > 0) {
    line += "  " + Amount(done / elapsed) + " " + std::string(unit) + "/s";
  }
  line += (line.empty() ? "" : "  ") + std::string(stage) + "  " + Duration(elapsed);
  return line;
}

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled), start_(Clock::now()), last_draw_(start_) {}

ProgressLine::~ProgressLine() { Finish(); }

void ProgressLine::Update(std::string_view stage, double done, double total,
                          std::string_view unit) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  const bool complete = total > 0 && done >= total;
  if (drawn_ && stage == stage_ && !complete && now - last_draw_ < std::chrono::milliseconds(100)) {
    return;
  }
  last_draw_ = now;
  stage_ = std::string(stage);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string line = "\r" + ProgressText(stage_, done, total, unit, elapsed);
  const size_t width = line.size();
  if (width < width_) line += std::string(width_ - width, ' ');  // blank the longer line before
  width_ = width;
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (!drawn_) return;
  std::fputc('\n', stderr);
  std::fflush(stderr);
  drawn_ = false;
  width_ = 0;
}

}  // namespace ancre::cli
