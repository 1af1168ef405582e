// Identification (capacity_responsive referral, docs/model.md §7.6): partners (FK, AF, kommun,
// region) identify target-group members who need coordinated support. The monthly hazard rises with
// the förbund's open places not yet covered by identified people who could take them, with FK/AF
// presence and with structural work, up to the partners' screening capacity (saturation).
#include <algorithm>
#include <numeric>

#include "sim/events.h"
#include "sim/insats_choice.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

namespace finsim {

double identification_hazard(const Area& area, const StepContext& ctx) {
  const ReferralConfig& r = ctx.config.referral;
  const std::vector<std::int64_t> open = open_places(area, ctx);
  const std::int64_t places = std::accumulate(open.begin(), open.end(), std::int64_t{0});
  const auto& target = area.census[static_cast<int>(State::Target)];
  const std::int64_t unknown = std::accumulate(target.begin(), target.end(), std::int64_t{0}) - area.identified_count;
  // Places not covered by identified people who could take them.
  const std::int64_t covering = std::max<std::int64_t>(0, area.identified_count - area.identified_unsuited);
  const double shortfall = static_cast<double>(std::max<std::int64_t>(0, places - covering));
  const double pull = unknown > 0 ? r.identification_response * shortfall / static_cast<double>(unknown) : 0.0;
  const double h = r.agency_presence * area.structural_identification * (r.identification_base_per_month + pull);
  return std::min(h, ctx.rates.identification_bound);
}

void identification(Area& area, const StepContext& ctx) {
  if (area.forbund < 0 || ctx.config.referral.mode != ReferralMode::CapacityResponsive) return;
  if (ctx.month % 12 == 0)  // once a year: drop the entries of people who left the target group
    area.identified_pool.compact([&](const PoolEntry& e) {
      return area.agents.state_of(e.person) == State::Target && area.agents.identified[e.person] == e.identified;
    });
  area.identification_hazard = identification_hazard(area, ctx);
  const double accept =
      ctx.rates.identification_bound > 0 ? area.identification_hazard / ctx.rates.identification_bound : 0.0;
  Agents& a = area.agents;
  for (const std::uint32_t i : area.due) {
    if (!due(a, i, ctx.month, NextEvent::Identify)) continue;
    // Thinning: candidates come at the bound's rate; each is identified with probability
    // hazard / bound, which gives the month's hazard exactly. The rest wait for their next candidacy.
    if (person_draws(ctx.key, a.id[i], ctx.month, Purpose::Identification)[0] < accept) {
      a.identified[i] = static_cast<std::int16_t>(ctx.month);
      ++area.identified_count;
      area.identified_pool.add(i, static_cast<std::int16_t>(ctx.month),
                               fitting_types(ctx.config.insatser, a, i, ctx.month));
      ++area.month.identified;
    }
    schedule(area, i, ctx);
  }
}

}  // namespace finsim
