// Test helper for tests/run: one real replication small enough for a unit test (3 % of the
// population, six months, no burn-in), with or without the event log.
#pragma once
#include <tbb/global_control.h>

#include <string>

#include "config/read_scenario.h"
#include "sim/simulation.h"
#include "world/world.h"

namespace finsim::test {

inline ReplicationResult tiny_replication(bool events, int replication = 0) {
  const Scenario s = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                   {"population.scale=0.03", "scenario.end=2019-12", "scenario.burn_in_years=0"});
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
  const World world = build_world(s.config);
  RunControl control;
  control.record_events = events;
  return run_replication(s.config, world, replication, control);
}

}  // namespace finsim::test
