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

std::string CollectingController::journal_error() const {
  std::lock_guard lock(mutex_);
  return journal_error_;
}

bool CollectingController::have(const Unit& unit) const {
  std::lock_guard lock(mutex_);
  return have_[unit.point][static_cast<std::size_t>(unit.replication - first_)] != 0;
}

void RunController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  done(unit, decode_result(encoded_result));
}

template <class Append>
void CollectingController::journal(Append append) {
  if (UnitJournal* journal = journal_.load()) {
    // On disk before it counts. The journal only helps a later resume: when it cannot be written
    // (a full disk), the run goes on without it and the result file says whether the disk holds.
    try {
      append(*journal);
    } catch (const std::system_error& e) {
      std::lock_guard lock(mutex_);
      if (journal_.exchange(nullptr)) {
        journal_error_ = e.what();
        journal->remove();
      }
    }
  }
}

void CollectingController::store(const Unit& unit, ReplicationResult&& result) {
  std::lock_guard lock(mutex_);
  const auto r = static_cast<std::size_t>(unit.replication - first_);
  results_[unit.point][r] = std::move(result);
  have_[unit.point][r] = 1;
}

void CollectingController::done(const Unit& unit, ReplicationResult&& result) {
  journal([&](UnitJournal& j) { j.append(unit.point, unit.replication, result); });
  store(unit, std::move(result));
}

void CollectingController::done_encoded(const Unit& unit, std::string_view encoded_result) {
  journal([&](UnitJournal& j) { j.append_encoded(unit.point, unit.replication, encoded_result); });
  store(unit, decode_result(encoded_result));
}

}  // namespace finsim
