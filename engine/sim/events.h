// The monthly events of docs/model.md §3, one function each, in the order step_month() calls them.
// Each reads the context, changes one area, and records what happened in area.month.
#pragma once
#include <algorithm>
#include <vector>

#include "config/scenario_config.h"
#include "funding/funding_cycle.h"
#include "sim/area.h"
#include "util/rng.h"

namespace finsim {

// Monthly rates derived once from the scenario (yearly rates → monthly probabilities).
struct Rates {
  double death = 0;
  double emigration = 0;
  double sjukersattning = 0;
  std::vector<double> completion;  // per insats type: 1 / mean duration
  double referral = 0;             // fixed_rate: referral rate × FK/AF presence, at most 1
  // capacity_responsive: the candidate rate for identification, the most the hazard can be
  // (maximum × FK/AF presence, at most 1); each candidate is accepted with hazard / bound.
  double identification_bound = 0;
};

struct StepContext {
  const ScenarioConfig& config;
  const Rates& rates;
  RunKey key;
  int month = 0;       // months since the start (the RNG counter)
  int year = 0;        // calendar year of this month
};

Rates derive_rates(const ScenarioConfig& config);

// This month's price level of costs (costs.price_index): the burn-in runs at the first year's, as it
// runs on the first year's plan.
inline double price_level(const StepContext& ctx) {
  return ctx.config.costs.prices.at(std::max(ctx.year, ctx.config.meta.first_year()));
}

void staff_places(Area& area, const StepContext& ctx);
void demographic_exits(Area& area, const StepContext& ctx);
void inflow(Area& area, const StepContext& ctx);
void baseline_transitions(Area& area, const StepContext& ctx);
void identification(Area& area, const StepContext& ctx);
// The month's identification hazard of an unidentified target-group member in the area.
double identification_hazard(const Area& area, const StepContext& ctx);
// Starts person i's identification clock if they can be identified from next month on (a förbund
// area under capacity_responsive, in Target, not identified, no cooldown): call on entering Target
// and at the end of a cooldown.
void start_identification_clock(Area& area, std::size_t i, const StepContext& ctx);
void referral(Area& area, const StepContext& ctx);
void waiting_list(Area& area, const StepContext& ctx);
void assign_slots(Area& area, const StepContext& ctx);
void participation(Area& area, const StepContext& ctx);
void ledger(Area& area, const StepContext& ctx);

// Initial condition: the insatser the förbund already run when the simulation starts are full,
// with participants part-way through (otherwise the first year would show a ramp-up).
void fill_initial_participants(Area& area, const StepContext& ctx);

// At each year's first month, before the step: slots from the year's funding plan (staffed over
// capacity.ramp_up_months when they rise; `ramp` false staffs them at once, as at the start);
// insatser end for lack of money when running commitments exceed the year's money plus equity;
// the multipliers structural money buys.
void apply_year_plan(Area& area, const ForbundYear& plan, const StepContext& ctx, bool ramp = true);

// At each year's first month: everyone already in an insats counts as a participant of the year.
void count_running_participants(Area& area, const StepContext& ctx);

// The timetable: the events above in the order of docs/model.md §3 (sim/step.cpp).
void step_month(Area& area, const StepContext& ctx);

}  // namespace finsim
