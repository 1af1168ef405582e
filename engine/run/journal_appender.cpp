#include "run/journal_appender.h"

#include <system_error>

namespace finsim {

JournalAppender::JournalAppender(UnitJournal* journal, bool remove_on_failure)
    : journal_(journal), remove_on_failure_(remove_on_failure) {}

JournalAppender::~JournalAppender() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();  // after writing what was queued
}

void JournalAppender::flush() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.empty() && !writing_; });
}

std::string JournalAppender::error() {
  flush();
  std::lock_guard lock(error_mutex_);
  return error_;
}

void JournalAppender::enqueue(const Unit& unit, std::string&& encoded) {
  if (!active()) return;
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) thread_ = std::thread([this] { write_loop(); });
    queue_.emplace_back(unit, std::move(encoded));
  }
  changed_.notify_all();
}

void JournalAppender::write_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopped, and everything written
    auto [unit, bytes] = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    if (UnitJournal* journal = journal_.load()) {
      // The journal only helps a later resume: when it cannot be written (a full disk), the run
      // goes on without it and the result file says whether the disk holds.
      try {
        journal->append_encoded(unit.point, unit.replication, bytes);
      } catch (const std::system_error& e) {
        std::lock_guard error_lock(error_mutex_);
        if (journal_.exchange(nullptr)) {
          error_ = e.what();
          if (remove_on_failure_) journal->remove();
        }
      }
    }
    lock.lock();
    writing_ = false;
    changed_.notify_all();
  }
}

}  // namespace finsim
