// Demographic events: leaving the population (65, death, emigration, permanent sjukersättning)
// and the monthly inflow of new members of the target group.
#include <cmath>

#include "population/synthesis.h"
#include "sim/events.h"
#include "sim/person_rng.h"

namespace finsim {
namespace {

constexpr int kRetirementMonths = 65 * 12;

bool in_target_group(State s) { return s == State::Target || s == State::Waiting || s == State::InInsats; }

void leave(Area& area, std::size_t i, GoneReason reason, int month) {
  const State s = area.agents.state_of(i);
  if (s == State::InInsats) --area.participants[area.agents.insats[i]];
  if (s == State::Waiting) --area.waiting[area.agents.insats[i]];
  area.month.move(s, State::Gone);
  ++area.month.gone[static_cast<int>(reason)];
  area.agents.set_state(i, State::Gone, month);
}

}  // namespace

Rates derive_rates(const ScenarioConfig& config) {
  auto monthly = [](double yearly) { return 1.0 - std::pow(1.0 - yearly, 1.0 / 12.0); };
  Rates r;
  r.death = monthly(config.population.mortality_per_year);
  r.emigration = monthly(config.population.emigration_per_year);
  r.sjukersattning = monthly(config.population.sjukersattning_per_year);
  for (const auto& t : config.insatser) r.completion.push_back(1.0 / t.mean_duration_months);
  return r;
}

void demographic_exits(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  const double p_death = ctx.rates.death;
  const double p_gone = p_death + ctx.rates.emigration;
  const double p_se = p_gone + ctx.rates.sjukersattning;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const State s = a.state_of(i);
    if (s == State::Gone) continue;
    if (ctx.month - a.birth[i] >= kRetirementMonths) {
      leave(area, i, GoneReason::AgedOut, ctx.month);
      continue;
    }
    const double u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::DemographicExit)[0];
    if (u < p_death) leave(area, i, GoneReason::Death, ctx.month);
    else if (u < p_gone) leave(area, i, GoneReason::Emigration, ctx.month);
    else if (u < p_se && in_target_group(s)) leave(area, i, GoneReason::Sjukersattning, ctx.month);
  }
}

void inflow(Area& area, const StepContext& ctx) {
  for (std::size_t j = 0; j < area.kommuner.size(); ++j) {
    const int kommun = area.kommuner[j];
    const StreamRng rng(ctx.key, static_cast<std::uint32_t>(kommun), static_cast<std::uint32_t>(ctx.month));
    const std::uint32_t n = poisson(rng, Purpose::KommunInflow, area.inflow_mean[j]);
    for (std::uint32_t k = 0; k < n; ++k) {
      add_person(area.agents, ctx.key, kommun, area.next_serial[j]++, ctx.month, ctx.config.population, true);
      ++area.month.inflow;
    }
  }
}

}  // namespace finsim
