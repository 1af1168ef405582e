// The thread that appends finished units to a resume journal, so that a worker only encodes its
// unit and never waits for the disk (an fdatasync of a national unit takes tens of milliseconds).
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "run/run_plan.h"
#include "run/unit_journal.h"

namespace finsim {

// A unit is on disk shortly after enqueue() returns and for certain once flush() or error() has
// returned, or the appender is destroyed. When an append fails (a full disk) the journal is given
// up: the run goes on without it, error() says why, and the journal is removed (at once, or by the
// owner when `remove_on_failure` is false because it still reads units from it).
class JournalAppender {
 public:
  explicit JournalAppender(UnitJournal* journal, bool remove_on_failure = true);
  ~JournalAppender();  // after appending what was queued
  JournalAppender(const JournalAppender&) = delete;
  JournalAppender& operator=(const JournalAppender&) = delete;

  // Whether units are still appended (a journal given, not given up).
  bool active() const { return journal_.load() != nullptr; }
  // Thread-safe; does nothing once the journal was given up.
  void enqueue(const Unit& unit, std::string&& encoded);
  // Waits until every unit enqueued so far is in the journal (or the journal was given up).
  void flush();
  // Why the journal was given up, or "". Flushes first.
  std::string error();

 private:
  void write_loop();
  std::atomic<UnitJournal*> journal_;
  bool remove_on_failure_;
  std::mutex error_mutex_;
  std::string error_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<Unit, std::string>> queue_;
  bool writing_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace finsim
