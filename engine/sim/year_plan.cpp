// The turn of the year for one förbund area: the year's slots from the funding cycle (staffed over
// the ramp-up when they rise), insatser that end for lack of money when the money falls below what
// running insatser need, and what the year's structural money buys.
#include <algorithm>
#include <cmath>

#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {

void apply_year_plan(Area& area, const ForbundYear& plan, const StepContext& ctx, bool ramp) {
  const auto& insatser = ctx.config.insatser;
  const double scale = ctx.config.population.scale;
  const double price = price_level(ctx);  // the plan's slots were bought at this year's prices
  // Places are bought for persons; with population.scale < 1 a förbund buys fractions of agents.
  // Round each up or down by a keyed draw so capacity is right in expectation at any scale.
  // The year's money for individual insatser: budget share plus the equity the förbund may draw.
  const double money = static_cast<double>(plan.individual + plan.equity_draw) * scale / 12.0;  // agent units a month
  const StreamRng rng(ctx.key, static_cast<std::uint32_t>(area.forbund), static_cast<std::uint32_t>(ctx.month));
  double cost = 0;
  std::vector<char> rounded_up(area.capacity.size(), 0);
  std::vector<std::int64_t>& goal = area.capacity_goal;
  for (std::size_t t = 0; t < goal.size(); ++t) {
    const double exact = static_cast<double>(plan.monthly_slots[t]) * scale;
    const double whole = std::floor(exact + 1e-9);
    rounded_up[t] = rng.uniform(Purpose::CapacityRounding, static_cast<std::uint32_t>(t)) < exact - whole;
    goal[t] = static_cast<std::int64_t>(whole) + rounded_up[t];
    cost += static_cast<double>(goal[t] * priced(insatser[t].cost_per_month, price));
  }
  for (std::size_t t = 0; t < goal.size() && cost > money; ++t)  // rounding must not overspend
    if (rounded_up[t]) {
      --goal[t];
      cost -= static_cast<double>(priced(insatser[t].cost_per_month, price));
    }
  // Fewer places apply at once; more are staffed month by month (staff_places), from the level
  // staffed at the turn of the year. Without ramp (the start), all are staffed at once.
  for (std::size_t t = 0; t < goal.size(); ++t) {
    area.capacity_from[t] = ramp ? std::min(area.capacity[t], goal[t]) : goal[t];
    area.capacity[t] = area.capacity_from[t];
  }
  area.plan_month = ctx.month;

  // Structural money buys outreach and shared routines: identification and outcomes scale with it
  // relative to the förbund's own first planned year, so a flat budget changes nothing.
  if (area.structural_first_year < 0) area.structural_first_year = plan.structural;
  const double relative = area.structural_first_year > 0
                              ? static_cast<double>(plan.structural) / static_cast<double>(area.structural_first_year)
                              : 1.0;
  area.structural_identification = std::pow(relative, ctx.config.capacity.structural_identification_elasticity);
  area.structural_outcome = std::pow(relative, ctx.config.capacity.structural_outcome_elasticity);

  // A year's commitments: every type at least at its slots, more where people already in an
  // insats exceed them. They must fit in this year's individual money plus the equity it may draw.
  std::vector<std::int64_t> keep(area.participants);
  auto committed = [&]() {
    double sum = 0;
    for (std::size_t t = 0; t < keep.size(); ++t)
      sum += static_cast<double>(std::max(keep[t], goal[t]) * priced(insatser[t].cost_per_month, price));
    return sum;
  };
  while (committed() > money) {
    std::size_t worst = keep.size();
    for (std::size_t t = 0; t < keep.size(); ++t)
      if (keep[t] > goal[t] && (worst == keep.size() || keep[t] - goal[t] > keep[worst] - goal[worst])) worst = t;
    if (worst == keep.size()) break;  // within slots: cannot happen since slots fit the money
    --keep[worst];
  }
  bool over = false;
  for (std::size_t t = 0; t < keep.size(); ++t) over = over || area.participants[t] > keep[t];
  if (!over) return;  // the usual year: nobody's insats ends, no need to visit everyone
  // Those added to the area last end first: a deterministic rule (storage order), not a judgement.
  Agents& a = area.agents;
  for (std::size_t i = a.size(); i-- > 0;) {
    if (a.state_of(i) != State::InInsats) continue;
    const std::size_t t = a.insats[i];
    if (area.participants[t] <= keep[t]) continue;
    --area.participants[t];
    ++area.month.ended_unfunded;
    a.blocked_until[i] = static_cast<std::int16_t>(ctx.month + ctx.config.referral.cooldown_months);
    move_to(area, i, State::Target, LogEvent::EndedUnfunded, ctx);
  }
}

void count_running_participants(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  for (const std::uint32_t i : area.in_insats.live(a)) {
    if (a.counted_year[i] == ctx.year) continue;
    a.counted_year[i] = static_cast<std::int16_t>(ctx.year);
    ++area.month.new_unique_participants;
  }
}

}  // namespace finsim
