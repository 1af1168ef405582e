// Runs the replications of a scenario in parallel (oneTBB): each replication is independent and
// keyed by its index, so results are identical for any thread count and are returned in order.
#pragma once
#include <vector>

#include "sim/simulation.h"

namespace finsim {

std::vector<ReplicationResult> run_replications(const ScenarioConfig& config, const World& world, int first, int count,
                                                const RunControl& control = {});

}  // namespace finsim
