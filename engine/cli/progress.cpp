#include "cli/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace finsim::cli {

Progress::Progress(bool enabled, long months_per_unit)
    : enabled_(enabled), months_per_unit_(months_per_unit > 0 ? months_per_unit : 1) {
  if (enabled_) thread_ = std::thread([this] { loop(); });
}

Progress::~Progress() { stop(); }

void Progress::update(long done, long total) {
  done_.store(done, std::memory_order_relaxed);
  total_.store(total, std::memory_order_relaxed);
}

void Progress::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::fprintf(stderr, "\r%*s\r", drawn_, "");
  std::fflush(stderr);
}

void Progress::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    draw();
    wake_.wait_for(lock, std::chrono::milliseconds(250));
  }
}

std::string progress_line(long done_months, long total_months, long months_per_unit, double seconds) {
  const double per_unit = static_cast<double>(months_per_unit > 0 ? months_per_unit : 1);
  const double done = static_cast<double>(done_months) / per_unit;
  const double total = static_cast<double>(total_months) / per_unit;
  const double rate = seconds > 0 ? done / seconds : 0;
  std::string eta = "--:--";
  if (rate > 0 && total >= done) {
    const long left = static_cast<long>((total - done) / rate + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", left / 3600, left / 60 % 60, left % 60);
    eta = buf;
  }
  // More done than in total (a count read while the other moves) fills the bar, no more.
  const double share = total > 0 ? std::min(done / total, 1.0) : 0;
  const int width = 24;
  const int filled = static_cast<int>(share * width);
  char line[160];
  std::snprintf(line, sizeof line, "[%s%s] units %.0f/%.0f  %.2f units/s  ETA %s   ",
                std::string(static_cast<std::size_t>(filled), '#').c_str(),
                std::string(static_cast<std::size_t>(width - filled), '.').c_str(), std::floor(done), total, rate,
                eta.c_str());
  return line;
}

void Progress::draw() {
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::string line = progress_line(done_.load(std::memory_order_relaxed), total_.load(std::memory_order_relaxed),
                                         months_per_unit_, seconds);
  drawn_ = std::max(drawn_, static_cast<int>(line.size()));
  std::fprintf(stderr, "\r%s", line.c_str());
  std::fflush(stderr);
}

}  // namespace finsim::cli
