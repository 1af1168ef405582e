// Referral to the förbund: a target-group member in a förbund's area is referred (monthly rate ×
// FK/AF staff presence, scheduled in sim/schedule.cpp) to an insats they are eligible for.
#include <algorithm>

#include "sim/events.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

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
  Agents& a = area.agents;
  std::vector<double> weight(insatser.size());
  std::vector<double> free(insatser.size());
  for (const std::uint32_t i : area.due) {
    if (!due(a, i, ctx.month, NextEvent::Referral)) continue;
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::Referral);
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
    if (total <= 0) {  // nothing this person can be referred to now
      schedule(area, i, ctx);
      continue;
    }
    const std::vector<double>& w = total_free > 0 ? free : weight;
    double target = u[1] * (total_free > 0 ? total_free : total);
    std::size_t chosen = 0;
    for (std::size_t t = 0; t < insatser.size(); ++t) {
      if (w[t] <= 0) continue;
      chosen = t;
      if (target < w[t]) break;
      target -= w[t];
    }
    a.insats[i] = static_cast<std::uint8_t>(chosen);
    move_to(area, i, State::Waiting, LogEvent::Referral, ctx);
    area.queues[chosen].push_back({i, static_cast<std::int16_t>(ctx.month)});
    ++area.waiting[chosen];
    ++area.month.referrals;
  }
}

}  // namespace finsim
