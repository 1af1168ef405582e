// Referral to the förbund: a target-group member in a förbund's area is referred with a monthly
// chance (scaled by FK/AF staff presence) to an insats they are eligible for, and joins its queue.
#include <algorithm>

#include "sim/events.h"
#include "sim/person_rng.h"

namespace finsim {

bool eligible(const InsatsType& t, const Agents& a, std::size_t i, int month) {
  const int age_years = (month - a.birth[i]) / 12;
  if (age_years < t.min_age || age_years > t.max_age) return false;
  if (t.needs_any && !(t.needs_any & a.needs[i])) return false;
  if (t.support_any && !(t.support_any & (1u << a.support[i]))) return false;
  return true;
}

void referral(Area& area, const StepContext& ctx) {
  if (area.forbund < 0) return;  // no förbund, no Finsam insatser
  const auto& insatser = ctx.config.insatser;
  const double rate = std::min(1.0, ctx.config.referral.rate_per_month * ctx.config.referral.agency_presence);
  std::int64_t open_types = 0;
  for (std::size_t t = 0; t < insatser.size(); ++t) open_types += area.capacity[t] > 0;
  if (open_types == 0 || rate <= 0) return;
  Agents& a = area.agents;
  std::vector<double> weight(insatser.size());
  std::vector<double> free(insatser.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.state_of(i) != State::Target || a.blocked_until[i] > ctx.month) continue;
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::Referral);
    if (u[0] >= rate) continue;
    // The insats is chosen among those the person is eligible for: where places are free (slots
    // not taken and not promised to the queue) if any, else in proportion to the slots — a
    // referrer knows the förbund's lists.
    double total = 0;
    double total_free = 0;
    for (std::size_t t = 0; t < insatser.size(); ++t) {
      const bool ok = area.capacity[t] > 0 && eligible(insatser[t], a, i, ctx.month);
      free[t] = ok ? static_cast<double>(std::max<std::int64_t>(0, area.capacity[t] - area.participants[t] - area.waiting[t])) : 0.0;
      weight[t] = ok ? static_cast<double>(area.capacity[t]) : 0.0;
      total += weight[t];
      total_free += free[t];
    }
    if (total_free > 0) {
      weight.swap(free);
      total = total_free;
    }
    if (total <= 0) continue;
    double target = u[1] * total;
    std::size_t chosen = 0;
    for (std::size_t t = 0; t < insatser.size(); ++t) {
      if (weight[t] <= 0) continue;
      chosen = t;
      if (target < weight[t]) break;
      target -= weight[t];
    }
    a.insats[i] = static_cast<std::uint8_t>(chosen);
    a.set_state(i, State::Waiting, ctx.month);
    area.queues[chosen].push_back({static_cast<std::uint32_t>(i), static_cast<std::int16_t>(ctx.month)});
    ++area.waiting[chosen];
    area.month.move(State::Target, State::Waiting);
    ++area.month.referrals;
  }
}

}  // namespace finsim
