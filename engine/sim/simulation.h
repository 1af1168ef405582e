// One replication of a scenario: the yearly funding cycle and the monthly step over all areas,
// in parallel over areas (oneTBB), returning the recorded aggregates. Knows nothing of files.
#pragma once
#include <atomic>
#include <functional>
#include <optional>
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

// One replication in progress: everything the next month needs. Plain data and copyable, so that
// the run layer can let points whose funding plans are the same share months and copy the state
// where they part (engine/run/). The model reads the scenario only through `config` arguments and
// the funding only through the plans of `funding`.
struct ReplicationState {
  RunKey key;
  Rates rates;
  std::vector<Area> areas;
  std::vector<std::size_t> order;  // areas, larger first (scheduling only; results do not depend on it)
  FundingCycle funding;
  std::vector<ForbundYear> first_plan;                // plans the burn-in and the first reported year
  std::optional<std::vector<ForbundYear>> next_plan;  // prepared by prepare_plan for the next month
  std::vector<Sek> spending_agent_units;              // per förbund, this year so far
  ReplicationResult result;
  int month = 0;  // the next month to simulate (−burn-in … months)
  bool record_events = false;
};

// The state before the first month (the first burn-in month, or month 0 without burn-in).
ReplicationState start_replication(const ScenarioConfig& config, const World& world, int replication,
                                   bool record_events = false);
bool finished(const ReplicationState& state);
// The funding year whose plan the next month applies from `state.funding`, if it opens one
// (reported years after the first); 0 otherwise. The burn-in and the first year use first_plan.
int plan_year_due(const ReplicationState& state, const ScenarioConfig& config);
// Fills state.next_plan when a plan is due (idempotent).
void prepare_plan(ReplicationState& state, const ScenarioConfig& config);
// Whether two förbund plans are the same for the model (the fields apply_year_plan reads): states
// that apply equal plans stay equal.
bool same_for_model(const ForbundYear& a, const ForbundYear& b);
bool same_for_model(const std::vector<ForbundYear>& a, const std::vector<ForbundYear>& b);
// What each förbund spent in `year`: admin and structural money as budgeted (no source says
// otherwise) plus the individual insatser as they happened, `individual` in SEK.
std::vector<Sek> spent_in_year(const FundingCycle& funding, int year, const std::vector<Sek>& individual);
// Simulates the next month (prepares the plan if due). Throws Cancelled when control.cancel is set.
void advance_month(ReplicationState& state, const ScenarioConfig& config, const RunControl& control = {});
// The result of a finished replication, with the funding records of `funding` (the state's own
// unless a point that shared the months brings its own cycle).
ReplicationResult finish_replication(const ReplicationState& state, const FundingCycle& funding);
// The same with the state's own funding, moving the result out of a state that is done with
// (a national 2019–2040 result is ~20 MB of monthly records: not copied).
ReplicationResult finish_replication(ReplicationState&& state);

ReplicationResult run_replication(const ScenarioConfig& config, const World& world, int replication,
                                  const RunControl& control = {});

}  // namespace finsim
