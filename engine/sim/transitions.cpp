// Baseline transitions that happen with or without Finsam: finding work or studies, becoming an
// active job seeker, changing support source, and relapse from work back to the target group.
#include "sim/events.h"
#include "sim/person_rng.h"

namespace finsim {

void baseline_transitions(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  const auto& pop = ctx.config.population;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const State s = a.state_of(i);
    if (s == State::Gone || s == State::InInsats) continue;  // in an insats, the insats decides
    const auto u = person_draws(ctx.key, a.id[i], ctx.month, Purpose::BaselineTransition);
    if (s == State::Target || s == State::Waiting) {
      const double h_ws = pop.work_studies_per_month * a.job_chance[i];
      const double h_js = pop.job_seeking_per_month * a.job_chance[i];
      State to = s;
      if (u[0] < h_ws) to = u[1] < pop.studies_share ? State::Studies : State::Work;
      else if (u[0] < h_ws + h_js) to = State::JobSeeking;
      if (to != s) {
        if (s == State::Waiting) --area.waiting[a.insats[i]];
        area.month.move(s, to);
        a.set_state(i, to, ctx.month);
      } else if (u[2] < pop.support_change_per_month) {
        a.support[i] = static_cast<std::uint8_t>(pick_share(pop.support_shares, u[3]));
      }
    } else if (u[0] < pop.relapse_per_month) {
      area.month.move(s, State::Target);
      a.set_state(i, State::Target, ctx.month);
      a.support[i] = static_cast<std::uint8_t>(pick_share(pop.support_shares, u[3]));
    }
  }
}

}  // namespace finsim
