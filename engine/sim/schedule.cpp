#include "sim/schedule.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "sim/person_rng.h"

namespace finsim {
namespace {

constexpr int kRetirementMonths = 65 * 12;
constexpr std::size_t kSchedulePrefetch = 12;  // entries: enough to cover a memory latency, few enough to stay in L1

struct Hazard {
  NextEvent kind;
  double p;
};

// The monthly hazards of person i in its current state; at most 8.
int hazards(const Area& area, std::size_t i, const StepContext& ctx, Hazard* out) {
  const Agents& a = area.agents;
  const auto& pop = ctx.config.population;
  const Rates& r = ctx.rates;
  int n = 0;
  auto add = [&](NextEvent k, double p) {
    if (p > 0) out[n++] = {k, p};
  };
  const State s = a.state_of(i);
  add(NextEvent::Death, r.death);
  add(NextEvent::Emigration, r.emigration);
  switch (s) {
    case State::Target:
    case State::Waiting:
      add(NextEvent::Sjukersattning, r.sjukersattning);
      add(NextEvent::WorkStudies, pop.work_studies_per_month * a.job_chance[i]);
      add(NextEvent::JobSeeking, pop.job_seeking_per_month * a.job_chance[i]);
      // Only real changes: a redraw from the shares at support_change_per_month keeps the current
      // source with its share, so the changes happen at the rate times one minus that share.
      add(NextEvent::SupportChange, pop.support_change_per_month * (1.0 - pop.support_shares[a.support[i]]));
      // capacity_responsive identification runs on the area's clock (sim/identification_clock.h).
      if (s == State::Target && area.forbund >= 0 && a.blocked_until[i] <= ctx.month &&
          ctx.config.referral.mode == ReferralMode::FixedRate)
        add(NextEvent::Referral, r.referral);
      break;
    case State::InInsats:
      add(NextEvent::Sjukersattning, r.sjukersattning);
      add(NextEvent::Dropout, ctx.config.insatser[a.insats[i]].dropout_per_month);
      add(NextEvent::Completion, r.completion[a.insats[i]]);
      break;
    case State::Work:
      add(NextEvent::Relapse, pop.relapse_per_month);
      break;
    case State::Studies:
      add(NextEvent::Relapse, pop.relapse_per_month);
      add(NextEvent::FindWork, pop.studies_to_work_per_month);
      break;
    case State::JobSeeking:
      add(NextEvent::Relapse, pop.relapse_per_month);
      add(NextEvent::FindWork, pop.job_seeking_to_work_per_month * a.job_chance[i]);
      break;
    default:
      break;
  }
  return n;
}

}  // namespace

void schedule(Area& area, std::size_t i, const StepContext& ctx) {
  Agents& a = area.agents;
  const State s = a.state_of(i);
  if (s == State::Gone) {
    a.wake[i] = INT16_MAX;
    a.next[i] = static_cast<std::uint8_t>(NextEvent::None);
    return;
  }
  Hazard h[8];
  const int n = hazards(area, i, ctx, h);
  double total = 0;
  for (int k = 0; k < n; ++k) total += h[k].p;
  total = std::min(total, 0.999999);

  // Keyed by the state entered, so the same person entering the same state in the same month
  // gets the same luck in every scenario.
  const auto b = StreamRng(ctx.key, a.id[i], static_cast<std::uint32_t>(ctx.month)).bits(Purpose::Schedule, static_cast<std::uint32_t>(s));
  int wake = INT16_MAX;
  NextEvent kind = NextEvent::None;
  if (total > 0) {
    const double u = 1.0 - StreamRng::to_unit(b[0], b[1]);  // (0, 1]
    const double months = std::floor(std::log(u) / std::log1p(-total));
    if (months < 30000.0) {
      wake = ctx.month + 1 + static_cast<int>(months);
      double pick = unit32(b[2]) * total;
      kind = h[n - 1].kind;
      for (int k = 0; k < n; ++k) {
        if (pick < h[k].p) {
          kind = h[k].kind;
          break;
        }
        pick -= h[k].p;
      }
    }
  }
  // Deterministic clocks come first when earlier or in the same month: the 65th birthday, the end of
  // a cooldown. The end of a cooldown must not lose a tie: only Unblock starts the identification
  // clock, so a support change drawn for that very month left the person unidentifiable for as long
  // as they stayed in the target group. (The drawn event is not lost in distribution: Unblock draws
  // the next one afresh from the same hazards, which have no memory.)
  const int age_out = a.birth[i] + kRetirementMonths;
  if (age_out <= wake) {
    wake = std::max(age_out, ctx.month + 1);
    kind = NextEvent::AgeOut;
  }
  if (s == State::Target && area.forbund >= 0 && a.blocked_until[i] > ctx.month && a.blocked_until[i] <= wake) {
    wake = a.blocked_until[i];
    kind = NextEvent::Unblock;
  }
  a.wake[i] = static_cast<std::int16_t>(std::min(wake, static_cast<int>(INT16_MAX)));
  a.next[i] = static_cast<std::uint8_t>(kind);
  a.outcome[i] = baseline_outcome(kind, s, a.support[i], unit32(b[3]), ctx.config.population);
  area.calendar.file(wake, static_cast<std::uint32_t>(i));
}

std::uint8_t baseline_outcome(NextEvent kind, State s, std::uint8_t support, double u, const PopulationConfig& pop) {
  switch (kind) {
    case NextEvent::WorkStudies:
      return u < pop.studies_share ? 1 : 0;
    case NextEvent::FindWork:  // a student moves on to work only
      return s == State::JobSeeking && u < pop.studies_share ? 1 : 0;
    case NextEvent::Relapse:
      return static_cast<std::uint8_t>(pick_share(pop.support_shares, u));
    case NextEvent::SupportChange: {  // one of the other sources, in proportion to their shares
      const auto& shares = pop.support_shares;
      double pick = u * (1.0 - shares[support]);
      std::uint8_t last = support;
      for (std::size_t j = 0; j < shares.size(); ++j) {
        if (j == support || shares[j] <= 0) continue;
        last = static_cast<std::uint8_t>(j);
        if (pick < shares[j]) return last;
        pick -= shares[j];
      }
      return last;  // rounding: the last other source with a share
    }
    default:
      return 0;
  }
}

void log_event(Area& area, std::size_t i, LogEvent why, std::uint8_t from, State to, int month) {
  if (!area.record_events) return;
  const auto in_insats = [](auto s) {
    return s == static_cast<std::uint8_t>(State::Waiting) || s == static_cast<std::uint8_t>(State::InInsats);
  };
  const bool concerns_insats = in_insats(static_cast<std::uint8_t>(to)) || in_insats(from);
  area.events.push_back({area.agents.id[i], static_cast<std::int16_t>(month), static_cast<std::uint8_t>(why), from,
                         static_cast<std::uint8_t>(to),
                         concerns_insats ? static_cast<std::int8_t>(area.agents.insats[i]) : kNoInsats, 0});
}

void move_to(Area& area, std::size_t i, State to, LogEvent why, const StepContext& ctx) {
  const State from = area.agents.state_of(i);
  if (area.agents.identified[i] != kNotIdentified) {  // known to the partners only while in the target group
    area.agents.identified[i] = kNotIdentified;
    --area.identified_count;
  }
  log_event(area, i, why, static_cast<std::uint8_t>(from), to, ctx.month);
  area.month.move(from, to);
  area.count(from, area.agents.support[i], -1);
  area.count(to, area.agents.support[i], +1);
  area.agents.set_state(i, to, ctx.month);
  if (to == State::InInsats) area.in_insats.add(i, ctx.month);
  schedule(area, i, ctx);
  if (to == State::Target) start_identification_clock(area, i, ctx);
}

void use_calendar(Area& area, int first_month, int last_month) {
  area.calendar.reset(first_month, last_month);
  const auto& a = area.agents;
  for (std::size_t i = 0; i < a.size(); ++i) area.calendar.file(a.wake[i], static_cast<std::uint32_t>(i));
}

void collect_due(Area& area, int month) {
  area.due.clear();
  const auto& wake = area.agents.wake;
  if (!area.calendar.covers(month)) {
    for (std::size_t i = 0; i < wake.size(); ++i)
      if (wake[i] == month) area.due.push_back(static_cast<std::uint32_t>(i));
    return;
  }
  // The month's calendar entries, still due and in storage order: the same list as a full scan.
  // A bitmap over the area's people orders and de-duplicates them without a sort (one bit a person,
  // cleared as it is read).
  const std::vector<std::uint32_t> entries = area.calendar.take(month);
  auto& marks = area.due_marks;
  marks.resize((wake.size() + 63) / 64, 0);
  // Each entry is a person drawn at random from the area: a cache miss. The loads do not depend on
  // each other, so fetching a few entries ahead lets the misses overlap instead of queueing.
  const Person* rows = area.agents.rows.data();
  const std::size_t n = entries.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k + kSchedulePrefetch < n) __builtin_prefetch(rows + entries[k + kSchedulePrefetch]);
    const std::uint32_t i = entries[k];
    if (wake[i] == month) marks[i / 64] |= std::uint64_t{1} << (i % 64);
  }
  for (std::size_t w = 0; w < marks.size(); ++w) {
    if (marks[w] == 0) continue;
    for (std::uint64_t bits = marks[w]; bits != 0; bits &= bits - 1)
      area.due.push_back(static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
    marks[w] = 0;
  }
}

}  // namespace finsim
