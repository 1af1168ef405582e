#include "run/run_controller.h"

namespace finsim {

CollectingController::CollectingController(std::size_t points, int first_replication, int replications)
    : first_(first_replication),
      results_(points, std::vector<ReplicationResult>(static_cast<std::size_t>(replications))),
      have_(points, std::vector<char>(static_cast<std::size_t>(replications), 0)) {}

bool CollectingController::have(const Unit& unit) const {
  std::lock_guard lock(mutex_);
  return have_[unit.point][static_cast<std::size_t>(unit.replication - first_)] != 0;
}

void CollectingController::done(const Unit& unit, ReplicationResult&& result) {
  std::lock_guard lock(mutex_);
  const auto r = static_cast<std::size_t>(unit.replication - first_);
  results_[unit.point][r] = std::move(result);
  have_[unit.point][r] = 1;
}

}  // namespace finsim
