#include "parallel/replications.h"

#include <tbb/parallel_for.h>

namespace finsim {

std::vector<ReplicationResult> run_replications(const ScenarioConfig& config, const World& world, int first, int count,
                                                const RunControl& control) {
  std::vector<ReplicationResult> results(static_cast<std::size_t>(count));
  tbb::parallel_for(0, count, [&](int i) { results[static_cast<std::size_t>(i)] = run_replication(config, world, first + i, control); });
  return results;
}

}  // namespace finsim
