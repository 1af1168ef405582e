// Staffing: places a year's money adds are not all open in January — new staff must be hired and
// premises found — so they open evenly over capacity.ramp_up_months (docs/model.md §7.1). Money
// for places not yet open is not spent; it stays as equity for the förbund's next years.
#include <algorithm>

#include "sim/events.h"

namespace finsim {

void staff_places(Area& area, const StepContext& ctx) {
  if (area.forbund < 0) return;
  const int ramp = ctx.config.capacity.ramp_up_months;
  const std::int64_t months = std::min(ramp, ctx.month - area.plan_month + 1);
  for (std::size_t t = 0; t < area.capacity.size(); ++t) {
    const std::int64_t from = area.capacity_from[t];
    const std::int64_t rise = area.capacity_goal[t] - from;
    area.capacity[t] = rise > 0 ? from + (rise * months + ramp - 1) / ramp : area.capacity_goal[t];
  }
}

}  // namespace finsim
