#include "run/run_controller.h"

#include <system_error>

#include "run/result_encoding.h"

namespace finsim {

CollectingController::CollectingController(std::size_t points, int first_replication, int replications,
                                           UnitJournal* journal)
    : first_(first_replication),
      journal_(journal),
      results_(points, std::vector<ReplicationResult>(static_cast<std::size_t>(replications))),
      have_(points, std::vector<char>(static_cast<std::size_t>(replications), 0)) {
  if (!journal) return;
  for (std::size_t p = 0; p < points; ++p)
    for (int r = first_replication; r < first_replication + replications; ++r)
      if (journal->done(p, r)) {
        results_[p][static_cast<std::size_t>(r - first_)] = journal->load(p, r);
        have_[p][static_cast<std::size_t>(r - first_)] = 1;
      }
}

CollectingController::~CollectingController() {
  {
    std::lock_guard lock(queue_mutex_);
    stop_ = true;
  }
  queue_changed_.notify_all();
  if (writer_.joinable()) writer_.join();  // after writing what was queued
}

void CollectingController::flush() {
  std::unique_lock lock(queue_mutex_);
  queue_changed_.wait(lock, [&] { return queue_.empty() && !writing_; });
}

std::string CollectingController::journal_error() {
  flush();
  std::lock_guard lock(mutex_);
  return journal_error_;
}

std::vector<std::vector<ReplicationResult>>& CollectingController::results() {
  flush();
  return results_;
}

bool CollectingController::have(const Unit& unit) const {
  std::lock_guard lock(mutex_);
  return have_[unit.point][static_cast<std::size_t>(unit.replication - first_)] != 0;
}

void RunController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  done(unit, decode_result(encoded_result));
}

void CollectingController::enqueue(const Unit& unit, std::string&& encoded) {
  {
    std::lock_guard lock(queue_mutex_);
    if (!writer_.joinable()) writer_ = std::thread([this] { write_loop(); });
    queue_.emplace_back(unit, std::move(encoded));
  }
  queue_changed_.notify_all();
}

void CollectingController::write_loop() {
  std::unique_lock lock(queue_mutex_);
  for (;;) {
    queue_changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopped, and everything written
    auto [unit, bytes] = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    if (UnitJournal* journal = journal_.load()) {
      // On disk before the run's result file is written. The journal only helps a later resume:
      // when it cannot be written (a full disk), the run goes on without it and the result file
      // says whether the disk holds.
      try {
        journal->append_encoded(unit.point, unit.replication, bytes);
      } catch (const std::system_error& e) {
        std::lock_guard error_lock(mutex_);
        if (journal_.exchange(nullptr)) {
          journal_error_ = e.what();
          journal->remove();
        }
      }
    }
    lock.lock();
    writing_ = false;
    queue_changed_.notify_all();
  }
}

void CollectingController::store(const Unit& unit, ReplicationResult&& result) {
  std::lock_guard lock(mutex_);
  const auto r = static_cast<std::size_t>(unit.replication - first_);
  results_[unit.point][r] = std::move(result);
  have_[unit.point][r] = 1;
}

void CollectingController::done(const Unit& unit, ReplicationResult&& result) {
  if (journal_.load()) {
    std::string encoded;  // on the worker: encoding is CPU work, the append mostly waiting for the disk
    encode_result(result, encoded);
    enqueue(unit, std::move(encoded));
  }
  store(unit, std::move(result));
}

void CollectingController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  if (journal_.load()) enqueue(unit, std::string(encoded_result));
  store(unit, decode_result(encoded_result));
}

}  // namespace finsim
