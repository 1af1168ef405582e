// The progress line on stderr: units done / total, rate and time left, redrawn by its own thread
// so workers only bump a counter. Drawn only on a terminal and without --quiet.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace finsim::cli {

// The line drawn after `seconds`: `done_months` of `total_months` unit-months as whole units
// (`months_per_unit` each), a bar of 24, the rate in units per second and the time left at that
// rate (H:MM:SS), or "--:--" while no rate is known.
std::string progress_line(long done_months, long total_months, long months_per_unit, double seconds);

class Progress {
 public:
  // `months_per_unit`: the unit-months that make one unit (burn-in + horizon).
  Progress(bool enabled, long months_per_unit);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  // Called from worker threads with the run's unit-months done and in total.
  void update(long done, long total);
  void stop();  // clears the line

 private:
  void loop();
  void draw();

  bool enabled_;
  long months_per_unit_;
  std::atomic<long> done_{0}, total_{0};
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  int drawn_ = 0;  // the widest line drawn (by the drawing thread; read after it has joined)
  std::thread thread_;
};

}  // namespace finsim::cli
