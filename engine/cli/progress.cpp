#include "cli/progress.h"

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
  std::fprintf(stderr, "\r%*s\r", 78, "");
  std::fflush(stderr);
}

void Progress::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    draw();
    wake_.wait_for(lock, std::chrono::milliseconds(250));
  }
}

void Progress::draw() {
  const double done =
      static_cast<double>(done_.load(std::memory_order_relaxed)) / static_cast<double>(months_per_unit_);
  const double total =
      static_cast<double>(total_.load(std::memory_order_relaxed)) / static_cast<double>(months_per_unit_);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? done / seconds : 0;
  std::string eta = "--:--";
  if (rate > 0 && total >= done) {
    const long left = static_cast<long>((total - done) / rate + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", left / 3600, left / 60 % 60, left % 60);
    eta = buf;
  }
  const double share = total > 0 ? done / total : 0;
  const int width = 24;
  const int filled = static_cast<int>(share * width);
  std::fprintf(stderr, "\r[%s%s] units %.0f/%.0f  %.2f units/s  ETA %s   ",
               std::string(static_cast<std::size_t>(filled), '#').c_str(),
               std::string(static_cast<std::size_t>(width - filled), '.').c_str(), std::floor(done), total, rate,
               eta.c_str());
  std::fflush(stderr);
}

}  // namespace finsim::cli
