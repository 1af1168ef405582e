// One replication of a scenario: the yearly funding cycle and the monthly step over all areas,
// in parallel over areas (oneTBB), returning the recorded aggregates. Knows nothing of files.
#pragma once
#include <atomic>
#include <functional>
#include <vector>

#include "config/scenario_config.h"
#include "funding/funding_cycle.h"
#include "sim/area.h"
#include "sim/replication_result.h"
#include "world/world.h"

namespace finsim {

// How a run is controlled from outside; the model never sees the caller.
struct RunControl {
  const std::atomic<bool>* cancel = nullptr;              // stop between months when set
  std::function<void(int replication, int month)> on_month;  // progress (called from worker threads)
  bool record_events = false;                              // fill ReplicationResult::events
};

// Thrown when a run was cancelled through RunControl::cancel.
struct Cancelled {};

// The initial stock of every area (agents, inflow rates, census), as run_replication starts;
// public so benchmarks start from exactly the same state.
void populate_areas(std::vector<Area>& areas, const ScenarioConfig& config, const World& world, RunKey key);

ReplicationResult run_replication(const ScenarioConfig& config, const World& world, int replication,
                                  const RunControl& control = {});

}  // namespace finsim
