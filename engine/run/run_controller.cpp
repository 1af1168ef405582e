#include "run/run_controller.h"

#include <system_error>

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

void CollectingController::done(const Unit& unit, ReplicationResult&& result) {
  if (UnitJournal* journal = journal_.load()) {
    // On disk before it counts. The journal only helps a later resume: when it cannot be written
    // (a full disk), the run goes on without it and the result file says whether the disk holds.
    try {
      journal->append(unit.point, unit.replication, result);
    } catch (const std::system_error& e) {
      std::lock_guard lock(mutex_);
      if (journal_.exchange(nullptr)) {
        journal_error_ = e.what();
        journal->remove();
      }
    }
  }
  std::lock_guard lock(mutex_);
  const auto r = static_cast<std::size_t>(unit.replication - first_);
  results_[unit.point][r] = std::move(result);
  have_[unit.point][r] = 1;
}

}  // namespace finsim
