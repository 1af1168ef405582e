#include "run/streaming_controller.h"

#include <algorithm>
#include <stdexcept>

#include "run/result_encoding.h"

namespace finsim {

StreamingController::StreamingController(std::size_t points, int first_replication, int replications, Sink sink,
                                         UnitJournal* journal, std::size_t max_held,
                                         const std::optional<std::filesystem::path>& keep_encoded_in)
    : first_(first_replication),
      replications_(replications),
      sink_(std::move(sink)),
      journal_(journal),
      max_held_(max_held < 1 ? 1 : max_held),
      have_(points * static_cast<std::size_t>(replications), 0),
      appender_(journal, false) {
  if (keep_encoded_in) kept_.emplace(*keep_encoded_in);
  if (journal)
    for (std::size_t p = 0; p < points; ++p)
      for (int r = first_replication; r < first_replication + replications; ++r)
        if (journal->done(p, r)) {
          have_[slot({p, r})] = 1;
          if (kept_) kept_->put(slot({p, r}), journal->load_encoded(p, r));
          queue_.push_back({{p, r}, std::nullopt, {}, true});
        }
  thread_ = std::thread([this] { sink_loop(); });
}

StreamingController::~StreamingController() { stop(); }

void StreamingController::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::size_t StreamingController::slot(const Unit& unit) const {
  return unit.point * static_cast<std::size_t>(replications_) + static_cast<std::size_t>(unit.replication - first_);
}

bool StreamingController::wants(const Unit& unit) const {
  std::lock_guard lock(mutex_);
  return have_[slot(unit)] == 0;
}

void StreamingController::push(Item&& item) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stop_ || held_ < max_held_; });
  if (stop_) return;
  have_[slot(item.unit)] = 1;
  ++held_;
  peak_ = std::max(peak_, held_);
  queue_.push_back(std::move(item));
  changed_.notify_all();
}

void StreamingController::done(const Unit& unit, ReplicationResult&& result) {
  if (appender_.active() || kept_) {
    std::string encoded;  // on the worker: encoding is CPU work, the append mostly waiting for the disk
    encode_result(result, encoded);
    if (kept_) kept_->put(slot(unit), encoded);
    appender_.enqueue(unit, std::move(encoded));
  }
  push({unit, std::move(result), {}, false});
}

void StreamingController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  appender_.enqueue(unit, std::string(encoded_result));
  if (kept_) kept_->put(slot(unit), encoded_result);
  push({unit, std::nullopt, std::string(encoded_result), false});
}

void StreamingController::sink_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;  // what is still waiting is dropped
    Item item = std::move(queue_.front());
    queue_.pop_front();
    sinking_ = true;
    const bool failed = failure_ != nullptr;
    const bool counted = !item.in_journal;
    lock.unlock();
    if (!failed) {
      try {
        if (item.result) {
          sink_(item.unit, *item.result);
        } else {
          const ReplicationResult r =
              item.in_journal ? journal_->load(item.unit.point, item.unit.replication) : decode_result(item.bytes);
          sink_(item.unit, r);
        }
      } catch (...) {
        std::lock_guard failure_lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
    }
    item = Item{};  // let the unit go before counting it out
    lock.lock();
    sinking_ = false;
    if (counted) --held_;
    changed_.notify_all();
  }
}

void StreamingController::finish() {
  appender_.flush();
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return (queue_.empty() || stop_) && !sinking_; });
  if (failure_) std::rethrow_exception(failure_);
}

std::string StreamingController::journal_error() {
  std::string why = appender_.error();
  if (!why.empty() && journal_) {
    journal_->remove();
    journal_ = nullptr;
  }
  return why;
}

std::string StreamingController::encoded(const Unit& unit) const {
  if (!kept_) throw std::logic_error("StreamingController: units not kept encoded");
  try {
    return kept_->get(slot(unit));
  } catch (const std::out_of_range&) {
    throw std::logic_error("StreamingController: unit not kept encoded");
  }
}

std::size_t StreamingController::peak_held() const {
  std::lock_guard lock(mutex_);
  return peak_;
}

}  // namespace finsim
