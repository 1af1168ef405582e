#include "run/run_controller.h"

#include "run/result_encoding.h"

namespace finsim {

void RunController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  done(unit, decode_result(encoded_result));
}

CollectingController::CollectingController(std::size_t points, int first_replication, int replications,
                                           UnitJournal* journal)
    : first_(first_replication),
      results_(points, std::vector<ReplicationResult>(static_cast<std::size_t>(replications))),
      have_(points, std::vector<char>(static_cast<std::size_t>(replications), 0)),
      appender_(journal) {
  if (!journal) return;
  for (std::size_t p = 0; p < points; ++p)
    for (int r = first_replication; r < first_replication + replications; ++r)
      if (journal->done(p, r)) {
        results_[p][static_cast<std::size_t>(r - first_)] = journal->load(p, r);
        have_[p][static_cast<std::size_t>(r - first_)] = 1;
      }
}

std::vector<std::vector<ReplicationResult>>& CollectingController::results() {
  flush();
  return results_;
}

bool CollectingController::have(const Unit& unit) const {
  std::lock_guard lock(mutex_);
  return have_[unit.point][static_cast<std::size_t>(unit.replication - first_)] != 0;
}

void CollectingController::store(const Unit& unit, ReplicationResult&& result) {
  std::lock_guard lock(mutex_);
  const auto r = static_cast<std::size_t>(unit.replication - first_);
  results_[unit.point][r] = std::move(result);
  have_[unit.point][r] = 1;
}

void CollectingController::done(const Unit& unit, ReplicationResult&& result) {
  if (appender_.active()) {
    std::string encoded;  // on the worker: encoding is CPU work, the append mostly waiting for the disk
    encode_result(result, encoded);
    appender_.enqueue(unit, std::move(encoded));
  }
  store(unit, std::move(result));
}

void CollectingController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  if (appender_.active()) appender_.enqueue(unit, std::string(encoded_result));
  store(unit, decode_result(encoded_result));
}

}  // namespace finsim
