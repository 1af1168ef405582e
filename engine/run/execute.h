// The one run path: simulates the units a controller wants, in parallel (oneTBB tasks over units,
// areas within a unit), and hands each finished unit to the controller. Results never depend on
// the thread count or the order in which units run.
#pragma once
#include <atomic>
#include <functional>

#include "run/prepared_run.h"
#include "run/run_controller.h"
#include "sim/simulation.h"

namespace finsim {

struct ExecuteOptions {
  const std::atomic<bool>* cancel = nullptr;  // stop between months (execute throws Cancelled)
  // Progress in unit-months (a unit has burn-in + horizon months); called from worker threads.
  std::function<void(long unit_months_done, long unit_months_total)> on_progress;
  // Points of a replication step an area once while their funding plans for it are the same
  // (docs/output.md "Sweeps"): off only to test that sharing changes nothing.
  bool share_months = true;
  // When set, counts the area-months simulated (an area-month shared by k points counts once):
  // what sharing saves, for tests and benchmarks.
  std::atomic<long>* simulated_area_months = nullptr;
};

// Throws Cancelled when cancelled; a unit's exception (a bug) after the other tasks stopped.
void execute(const PreparedRun& run, RunController& controller, const ExecuteOptions& options = {});

// The given points of one replication (a batch handed out by run/work_queue.h), without asking the
// controller which it wants; each finished unit goes to controller.done().
void execute_replication(const PreparedRun& run, int replication, const std::vector<std::size_t>& points,
                         RunController& controller, const ExecuteOptions& options = {});

// Every unit of a prepared run, in memory: [point][replication − first]. With a journal, the units
// it holds are not computed again and every new one is appended to it.
std::vector<std::vector<ReplicationResult>> execute_all(const PreparedRun& run, const ExecuteOptions& options = {},
                                                        UnitJournal* journal = nullptr);

}  // namespace finsim
