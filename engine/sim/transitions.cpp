// Baseline transitions that happen with or without Finsam: finding work or studies, becoming an
// active job seeker, a job seeker finding work, studies leading on to work, changing support
// source, and relapse from work, studies or job seeking back to the target group.
#include "sim/events.h"
#include "sim/schedule.h"

namespace finsim {
namespace {

// Person i's support source becomes `to`, and the area's census follows.
void change_support(Area& area, std::size_t i, std::uint8_t to) {
  Agents& a = area.agents;
  area.count(a.state_of(i), a.support[i], -1);
  a.support[i] = to;
  area.count(a.state_of(i), a.support[i], +1);
}

}  // namespace

void baseline_transitions(Area& area, const StepContext& ctx) {
  Agents& a = area.agents;
  for (const std::uint32_t i : area.due) {
    if (a.wake[i] != ctx.month) continue;
    const auto kind = static_cast<NextEvent>(a.next[i]);
    if (kind != NextEvent::WorkStudies && kind != NextEvent::JobSeeking && kind != NextEvent::SupportChange &&
        kind != NextEvent::Relapse && kind != NextEvent::Unblock && kind != NextEvent::FindWork)
      continue;
    // How the event turns out was drawn when it was scheduled (baseline_outcome).
    const std::uint8_t outcome = a.outcome[i];
    const bool waiting = a.state_of(i) == State::Waiting;
    switch (kind) {
      case NextEvent::WorkStudies:
        if (waiting) --area.waiting[a.insats[i]];
        move_to(area, i, outcome == 1 ? State::Studies : State::Work, LogEvent::WorkStudies, ctx);
        break;
      case NextEvent::JobSeeking:
        if (waiting) --area.waiting[a.insats[i]];
        move_to(area, i, State::JobSeeking, LogEvent::JobSeeking, ctx);
        break;
      case NextEvent::FindWork:  // a job seeker to work or studies, a student to work
        move_to(area, i, outcome == 1 ? State::Studies : State::Work, LogEvent::WorkStudies, ctx);
        break;
      case NextEvent::SupportChange:
        change_support(area, i, outcome);
        schedule(area, i, ctx);
        break;
      case NextEvent::Relapse:
        change_support(area, i, outcome);
        move_to(area, i, State::Target, LogEvent::Relapse, ctx);
        break;
      default:  // Unblock: the cooldown is over, the referral or identification clock starts
        schedule(area, i, ctx);
        start_identification_clock(area, i, ctx);
        break;
    }
  }
}

}  // namespace finsim
