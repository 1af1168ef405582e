// The state of the insatser at the start: slots already filled by eligible people who began
// some months before, so that the first simulated year is not a ramp-up from empty.
#include <cmath>

#include "sim/events.h"
#include "sim/insats_choice.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

namespace finsim {


void fill_initial_participants(Area& area, const StepContext& ctx) {
  if (area.forbund < 0) return;
  const auto& insatser = ctx.config.insatser;
  std::int64_t open = 0;
  for (auto c : area.capacity) open += c;
  if (open == 0 || area.agents.size() == 0) return;
  Agents& a = area.agents;
  // Pick people by a keyed draw (about three candidates per slot) rather than storage order,
  // so participants are spread over the area's kommuner.
  const double pick = std::min(1.0, 3.0 * static_cast<double>(open) / static_cast<double>(a.size()));
  for (std::size_t i = 0; i < a.size() && open > 0; ++i) {
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::InitialParticipation);
    if (u[0] >= pick) continue;
    const std::size_t first = static_cast<std::size_t>(u[1] * static_cast<double>(insatser.size()));
    for (std::size_t k = 0; k < insatser.size(); ++k) {
      const std::size_t t = (first + k) % insatser.size();
      if (area.participants[t] >= area.capacity[t] || !eligible(insatser[t], a, i, ctx.month)) continue;
      a.insats[i] = static_cast<std::uint8_t>(t);
      // Started up to one mean duration ago; the memoryless completion makes the exact start moot.
      const int elapsed = 1 + static_cast<int>(u[2] * insatser[t].mean_duration_months);
      a.set_state(i, State::InInsats, ctx.month - elapsed);
      area.in_insats.add(i, ctx.month - elapsed);
      area.count(State::Target, a.support[i], -1);
      area.count(State::InInsats, a.support[i], +1);
      ++area.participants[t];
      --open;
      break;
    }
  }
}

}  // namespace finsim
