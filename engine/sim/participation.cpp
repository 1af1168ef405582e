// Participation in an insats: a participant drops out or completes (scheduled in sim/schedule.cpp);
// completion ends in work, studies, job seeking or "other" (which may lead on to another insats).
#include <algorithm>

#include "sim/events.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

void back_to_target(Area& area, std::size_t i, LogEvent why, const StepContext& ctx) {
  area.agents.blocked_until[i] = static_cast<std::int16_t>(ctx.month + ctx.config.referral.cooldown_months);
  move_to(area, i, State::Target, why, ctx);
}

// On completion without work: the pathway edges from this insats, tried in file order.
int next_insats(const StepContext& ctx, std::size_t from, double u) {
  const auto& insatser = ctx.config.insatser;
  double cum = 0;
  for (const auto& e : ctx.config.pathway) {
    if (e.from != insatser[from].name) continue;
    cum += e.probability;
    if (u < cum)
      for (std::size_t t = 0; t < insatser.size(); ++t)
        if (insatser[t].name == e.to) return static_cast<int>(t);
  }
  return -1;
}

}  // namespace

void participation(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  const auto& insatser = ctx.config.insatser;
  const double studies_share = ctx.config.population.studies_share;
  for (const std::uint32_t i : area.due) {
    if (a.wake[i] != ctx.month) continue;
    const auto kind = static_cast<NextEvent>(a.next[i]);
    if (kind != NextEvent::Dropout && kind != NextEvent::Completion) continue;
    const std::size_t t = a.insats[i];
    --area.participants[t];
    if (kind == NextEvent::Dropout) {
      ++area.month.dropouts;
      ++area.month.exit_other;
      back_to_target(area, i, LogEvent::Dropout, ctx);
      continue;
    }
    ++area.month.completions;
    const InsatsType& type = insatser[t];
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::Outcome);
    // The person's job chance scales the insats's outcome as it scales the baseline hazard:
    // a constant relative effect (docs/model.md §7.2).
    // Structural work (shared routines, employer contacts) scales it too (docs/model.md §7.9).
    const double p_ws = std::min(0.95, type.p_work_studies * a.job_chance[i] * area.structural_outcome);
    const double p_js = std::min(type.p_job_seeking, 1.0 - p_ws);
    if (u[0] < p_ws) {
      const State to = u[1] < studies_share ? State::Studies : State::Work;
      ++(to == State::Studies ? area.month.exit_studies : area.month.exit_work);
      move_to(area, i, to, LogEvent::Completion, ctx);
    } else if (u[0] < p_ws + p_js) {
      ++area.month.exit_job_seeking;
      move_to(area, i, State::JobSeeking, LogEvent::Completion, ctx);
    } else {
      ++area.month.exit_other;
      const int next = next_insats(ctx, t, u[2]);
      if (next >= 0 && area.capacity[next] > 0) {
        a.insats[i] = static_cast<std::uint8_t>(next);
        move_to(area, i, State::Waiting, LogEvent::PathwayReferral, ctx);
        area.queues[next].push_back({i, static_cast<std::int16_t>(ctx.month)});
        ++area.waiting[next];
        ++area.month.pathway_referrals;
      } else {
        back_to_target(area, i, LogEvent::Completion, ctx);
      }
    }
  }
}

}  // namespace finsim
