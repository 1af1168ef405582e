#include "run/journal_controller.h"

namespace finsim {

void JournalController::done(const Unit& unit, ReplicationResult&& result) {
  journal_.append(unit.point, unit.replication, result);
  result = {};  // on disk now; a shard of 10^4 units must not hold them all in memory
}

}  // namespace finsim
