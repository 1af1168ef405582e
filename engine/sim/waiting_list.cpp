// The waiting list (väntelista) per insats type: first in, first out; people who wait longer than
// the maximum give up; free slots are filled from the front. Sequential inside one area.
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

bool still_waiting(const Agents& a, const QueueEntry& e, std::size_t type) {
  return a.state_of(e.person) == State::Waiting && a.insats[e.person] == type && a.since[e.person] == e.joined;
}

}  // namespace

void waiting_list(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  const int max_wait = ctx.config.referral.max_wait_months;
  for (std::size_t t = 0; t < area.queues.size(); ++t) {
    auto& q = area.queues[t];
    while (!q.empty()) {
      const QueueEntry e = q.front();
      if (!still_waiting(a, e, t)) {
        q.pop_front();
        continue;
      }
      if (ctx.month - e.joined < max_wait) break;  // everyone behind joined later
      q.pop_front();
      --area.waiting[t];
      a.blocked_until[e.person] = static_cast<std::int16_t>(ctx.month + ctx.config.referral.cooldown_months);
      move_to(area, e.person, State::Target, LogEvent::WaitExpired, ctx);
      ++area.month.wait_expired;
    }
  }
}

void assign_slots(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  const auto& insatser = ctx.config.insatser;
  const double price = price_level(ctx);
  for (std::size_t t = 0; t < area.queues.size(); ++t) {
    auto& q = area.queues[t];
    while (area.participants[t] < area.capacity[t] && !q.empty()) {
      const QueueEntry e = q.front();
      q.pop_front();
      if (!still_waiting(a, e, t)) continue;
      --area.waiting[t];
      move_to(area, e.person, State::InInsats, LogEvent::Start, ctx);
      ++area.participants[t];
      ++area.month.starts;
      if (a.counted_year[e.person] != ctx.year) {
        a.counted_year[e.person] = static_cast<std::int16_t>(ctx.year);
        ++area.month.new_unique_participants;
      }
    }
    // Everyone in an insats this month is paid for, including those who finish during it.
    area.month.participants[t] = area.participants[t];
    area.month.capacity[t] = area.capacity[t];
    area.month.insats_spending += area.participants[t] * priced(insatser[t].cost_per_month, price);
  }
}

}  // namespace finsim
