// Referral to the förbund (docs/model.md §7.6). capacity_responsive: each month the förbund offers
// its open places to the people partners have identified, first identified first, each to an insats
// chosen by needs and age; fixed_rate (version 0.1): a target-group member is referred at a constant
// monthly rate whatever the places. Either way the person joins the insats's waiting list.
#include <algorithm>
#include <numeric>

#include "sim/events.h"
#include "sim/insats_choice.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

void refer(Area& area, std::size_t i, std::size_t type, const StepContext& ctx) {
  area.agents.insats[i] = static_cast<std::uint8_t>(type);
  move_to(area, i, State::Waiting, LogEvent::Referral, ctx);
  area.queues[type].push_back({static_cast<std::uint32_t>(i), static_cast<std::int16_t>(ctx.month)});
  ++area.waiting[type];
  ++area.month.referrals;
}

std::vector<double> as_weights(const std::vector<std::int64_t>& v) { return {v.begin(), v.end()}; }

void fixed_rate_referral(Area& area, const StepContext& ctx) {
  const auto& insatser = ctx.config.insatser;
  Agents& a = area.agents;
  for (const std::uint32_t i : area.due) {
    if (!due(a, i, ctx.month, NextEvent::Referral)) continue;
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::Referral);
    // Where places are free (not taken, not promised to the list) if any, else in proportion to
    // the slots: a referrer knows the förbund's lists.
    int chosen = choose_insats(insatser, a, i, ctx.month, as_weights(open_places(area, ctx)), u[1]);
    if (chosen < 0) chosen = choose_insats(insatser, a, i, ctx.month, as_weights(area.capacity), u[1]);
    if (chosen < 0) {  // nothing this person can be referred to now
      schedule(area, i, ctx);
      continue;
    }
    refer(area, i, static_cast<std::size_t>(chosen), ctx);
  }
}

void offer_open_places(Area& area, const StepContext& ctx) {
  const auto& insatser = ctx.config.insatser;
  Agents& a = area.agents;
  std::vector<std::int64_t> open = open_places(area, ctx);
  std::vector<double> weight = as_weights(open);
  std::int64_t left = 0;
  TypeSet open_types{};
  for (std::size_t t = 0; t < open.size(); ++t)
    if (open[t] > 0) {
      left += open[t];
      add_type(open_types, t);
    }
  const auto live = [&](const PoolEntry& e) {
    return a.state_of(e.person) == State::Target && a.identified[e.person] == e.identified;
  };
  PoolEntry e{};
  while (left > 0 && area.identified_pool.take_first(open_types, live, e)) {
    const auto u = person_draws(ctx.key, a.id[e.person], ctx.month, Purpose::Referral);
    const int chosen = choose_insats(insatser, a, e.person, ctx.month, weight, u[1]);
    if (chosen < 0) {  // aged out of what they fitted when identified: filed under what fits now
      area.identified_pool.add(e.person, e.identified, fitting_types(insatser, a, e.person, ctx.month));
      continue;
    }
    const auto t = static_cast<std::size_t>(chosen);
    refer(area, e.person, t, ctx);
    --left;
    weight[t] = static_cast<double>(--open[t]);
    if (open[t] == 0) open_types[t / 64] &= ~(std::uint64_t{1} << (t % 64));
  }
  // People no open place suits while places are left do not cover the förbund's places:
  // identification keeps looking for people who fit them (sim/identification.cpp).
  area.identified_unsuited = left > 0 ? area.identified_pool.unsuited(open_types) : 0;
}

}  // namespace

void referral(Area& area, const StepContext& ctx) {
  if (area.forbund < 0) return;  // no förbund, no Finsam insatser
  if (ctx.config.referral.mode == ReferralMode::FixedRate)
    fixed_rate_referral(area, ctx);
  else
    offer_open_places(area, ctx);
  // Later events this month move only people outside the target group: this is the month-end pool.
  area.month.identified_pool = area.identified_count;
}

}  // namespace finsim
