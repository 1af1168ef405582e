// Demographic events: leaving the population (65, death, emigration, permanent sjukersättning)
// and the monthly inflow of new members of the target group.
#include <algorithm>
#include <cmath>

#include "population/synthesis.h"
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

void leave(Area& area, std::size_t i, GoneReason reason, LogEvent why, const StepContext& ctx) {
  const State s = area.agents.state_of(i);
  if (s == State::InInsats) --area.participants[area.agents.insats[i]];
  if (s == State::Waiting) --area.waiting[area.agents.insats[i]];
  ++area.month.gone[static_cast<int>(reason)];
  move_to(area, i, State::Gone, why, ctx);
}

}  // namespace

Rates derive_rates(const ScenarioConfig& config) {
  auto monthly = [](double yearly) { return 1.0 - std::pow(1.0 - yearly, 1.0 / 12.0); };
  Rates r;
  r.death = monthly(config.population.mortality_per_year);
  r.emigration = monthly(config.population.emigration_per_year);
  r.sjukersattning = monthly(config.population.sjukersattning_per_year);
  for (const auto& t : config.insatser) r.completion.push_back(1.0 / t.mean_duration_months);
  r.referral = std::min(1.0, config.referral.rate_per_month * config.referral.agency_presence);
  r.identification_bound = std::min(1.0, config.referral.identification_max_per_month * config.referral.agency_presence);
  return r;
}

void demographic_exits(Area& area, const StepContext& ctx) {
  for (const std::uint32_t i : area.due) {
    if (area.agents.wake[i] != ctx.month) continue;
    switch (static_cast<NextEvent>(area.agents.next[i])) {
      case NextEvent::AgeOut: leave(area, i, GoneReason::AgedOut, LogEvent::AgedOut, ctx); break;
      case NextEvent::Death: leave(area, i, GoneReason::Death, LogEvent::Death, ctx); break;
      case NextEvent::Emigration: leave(area, i, GoneReason::Emigration, LogEvent::Emigration, ctx); break;
      case NextEvent::Sjukersattning: leave(area, i, GoneReason::Sjukersattning, LogEvent::Sjukersattning, ctx); break;
      default: break;
    }
  }
}

void inflow(Area& area, const StepContext& ctx) {
  for (std::size_t j = 0; j < area.kommuner.size(); ++j) {
    const int kommun = area.kommuner[j];
    const StreamRng rng(ctx.key, static_cast<std::uint32_t>(kommun), static_cast<std::uint32_t>(ctx.month));
    const std::uint32_t n = poisson(rng, Purpose::KommunInflow, area.inflow_mean[j]);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::size_t i = add_person(area.agents, ctx.key, kommun, area.next_serial[j]++, ctx.month, ctx.config.population, true);
      area.count(State::Target, area.agents.support[i], +1);
      log_event(area, i, LogEvent::Entry, kOutside, State::Target, ctx.month);
      schedule(area, i, ctx);
      start_identification_clock(area, i, ctx);
      ++area.month.inflow;
    }
  }
}

}  // namespace finsim
