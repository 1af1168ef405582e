// One replication of a scenario: the yearly funding cycle and the monthly step over all areas,
// in parallel over areas (oneTBB), returning the recorded aggregates. Knows nothing of files.
#pragma once
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "config/scenario_config.h"
#include "funding/funding_cycle.h"
#include "sim/area.h"
#include "sim/events.h"
#include "sim/replication_result.h"
#include "world/world.h"

namespace finsim {

// How a run is controlled from outside; the model never sees the caller.
struct RunControl {
  const std::atomic<bool>* cancel = nullptr;                 // stop between months when set
  std::function<void(int replication, int month)> on_month;  // progress (called from worker threads)
  bool record_events = false;                                // fill ReplicationResult::events
};

// Thrown when a run was cancelled through RunControl::cancel.
struct Cancelled {};

// The initial stock of every area (agents, inflow rates, census), as run_replication starts: created
// at the first simulated month (−12 · burn-in years), so ages are the sampled ones at that month.
// Public so benchmarks start from exactly the same state.
void populate_areas(std::vector<Area>& areas, const ScenarioConfig& config, const World& world, RunKey key);

// One replication of one point in progress: everything the next month needs. Its areas may be
// shared with the states of other points of the same replication (start_sharing): advance_month
// steps an area once for all the states that hold it, and gives a state its own copy of an area
// when its plan for the area's förbund parts from the others'. So a sweep over funding levels
// simulates an area once for as long as the levels buy it the same plan. The model reads the
// scenario only through `config` arguments and the funding only through the plans of `funding`.
// Copying a state would share its areas without the sharing rules: states are moved, not copied.
struct ReplicationState {
  RunKey key;
  Rates rates;
  std::vector<std::shared_ptr<Area>> areas;
  FundingCycle funding;
  std::vector<ForbundYear> first_plan;                // plans the burn-in and the first reported year
  std::optional<std::vector<ForbundYear>> next_plan;  // the plan of the year the next month opens
  std::vector<Sek> spending_agent_units;              // per förbund, this year so far
  ReplicationResult result;
  int month = 0;  // the next month to simulate (−burn-in … months)
  bool record_events = false;

  ReplicationState(RunKey k, Rates r, std::vector<std::shared_ptr<Area>> a, FundingCycle f, int first_month,
                   bool events);
  ReplicationState(ReplicationState&&) = default;
  ReplicationState& operator=(ReplicationState&&) = default;
};

// The state before the first month (the first burn-in month, or month 0 without burn-in).
ReplicationState start_replication(const ScenarioConfig& config, const World& world, int replication,
                                   bool record_events = false);
// The state of another point of `lead`'s replication, holding all of lead's areas, before the
// first month: `config` may differ from lead's only in its funding (PreparedRun::may_share).
ReplicationState start_sharing(const ReplicationState& lead, const ScenarioConfig& config, const World& world);
bool finished(const ReplicationState& state);
// Whether two förbund plans are the same for the model (the fields apply_year_plan reads): areas
// that apply equal plans stay equal.
bool same_for_model(const ForbundYear& a, const ForbundYear& b);
bool same_for_model(const std::vector<ForbundYear>& a, const std::vector<ForbundYear>& b);
// Simulates the next month. Throws Cancelled when control.cancel is set.
void advance_month(ReplicationState& state, const ScenarioConfig& config, const RunControl& control = {});
// Simulates the next month of states of one replication that are at the same month and were
// started together (start_sharing); `config` is any of theirs (only their funding differs, and
// that is in each state's cycle). Returns the areas stepped: each area held by several states
// counts once.
std::size_t advance_month(std::span<ReplicationState* const> states, const ScenarioConfig& config,
                          const RunControl& control = {});
// The result of a finished replication, moved out of a state that is done with (a national
// 2019–2040 result is ~20 MB of monthly records: not copied).
ReplicationResult finish_replication(ReplicationState&& state);

ReplicationResult run_replication(const ScenarioConfig& config, const World& world, int replication,
                                  const RunControl& control = {});

}  // namespace finsim
