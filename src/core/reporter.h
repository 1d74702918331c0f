// Reporter: where bad records inside a good input go (a TU with one language,
// an unparseable date, a line of invalid UTF-8 in lenient mode), with the
// caller's policy for them. Not thread-safe: one Reporter per reading thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace ancre {

enum class OnBadRecord { kFail, kWarn, kSkip };

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Called once per bad record. `where` names the file and the place
  // (line, byte offset, unit id); `what` says what is wrong.
  virtual void BadRecord(const std::string& where, const std::string& what) = 0;
};

// Writes each bad record as "ancre: warning: <where>: <what>" to a sink and counts them.
class CountingReporter : public Reporter {
 public:
  // sink may be empty (count only).
  explicit CountingReporter(std::function<void(const std::string&)> sink = {})
      : sink_(std::move(sink)) {}
  void BadRecord(const std::string& where, const std::string& what) override {
    ++count_;
    if (sink_) sink_("ancre: warning: " + where + ": " + what);
  }
  size_t count() const { return count_; }

 private:
  std::function<void(const std::string&)> sink_;
  size_t count_ = 0;
};

}  // namespace ancre
