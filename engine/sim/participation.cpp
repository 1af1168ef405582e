// Participation in an insats: each month a participant may drop out or complete; completion
// ends in work, studies, job seeking or "other" (which may lead on to another insats).
#include <algorithm>

#include "sim/events.h"
#include "sim/person_rng.h"

namespace finsim {
namespace {

void back_to_target(Area& area, std::size_t i, const StepContext& ctx) {
  area.agents.set_state(i, State::Target, ctx.month);
  area.agents.blocked_until[i] = static_cast<std::int16_t>(ctx.month + ctx.config.referral.cooldown_months);
  area.month.move(State::InInsats, State::Target);
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
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.state_of(i) != State::InInsats) continue;
    if (a.counted_year[i] != ctx.year) {  // still in an insats at the turn of the year
      a.counted_year[i] = static_cast<std::int16_t>(ctx.year);
      ++area.month.new_unique_participants;
    }
    if (a.since[i] == ctx.month) continue;  // started this month
    const std::size_t t = a.insats[i];
    const InsatsType& type = insatser[t];
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::Participation);
    if (u[0] < type.dropout_per_month) {
      --area.participants[t];
      ++area.month.dropouts;
      ++area.month.exit_other;
      back_to_target(area, i, ctx);
      continue;
    }
    if (u[0] >= type.dropout_per_month + ctx.rates.completion[t]) continue;

    --area.participants[t];
    ++area.month.completions;
    // The person's job chance scales the insats's outcome as it scales the baseline hazard:
    // a constant relative effect (DESIGN §3.3, docs/model.md).
    const double p_ws = std::min(0.95, type.p_work_studies * a.job_chance[i]);
    const double p_js = std::min(type.p_job_seeking, 1.0 - p_ws);
    if (u[1] < p_ws) {
      const State to = u[2] < studies_share ? State::Studies : State::Work;
      ++(to == State::Studies ? area.month.exit_studies : area.month.exit_work);
      area.month.move(State::InInsats, to);
      a.set_state(i, to, ctx.month);
    } else if (u[1] < p_ws + p_js) {
      ++area.month.exit_job_seeking;
      area.month.move(State::InInsats, State::JobSeeking);
      a.set_state(i, State::JobSeeking, ctx.month);
    } else {
      ++area.month.exit_other;
      const int next = next_insats(ctx, t, u[3]);
      if (next >= 0 && area.capacity[next] > 0) {
        a.insats[i] = static_cast<std::uint8_t>(next);
        a.set_state(i, State::Waiting, ctx.month);
        area.queues[next].push_back({static_cast<std::uint32_t>(i), static_cast<std::int16_t>(ctx.month)});
        ++area.waiting[next];
        area.month.move(State::InInsats, State::Waiting);
        ++area.month.pathway_referrals;
      } else {
        back_to_target(area, i, ctx);
      }
    }
  }
}

}  // namespace finsim
