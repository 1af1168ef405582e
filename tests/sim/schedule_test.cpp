// Specification of sim/schedule.cpp: a person's next event drawn from the state's competing monthly
// hazards (a geometric wait, the kind in proportion to its hazard), the deterministic clocks (65th
// birthday, end of a cooldown), the calendar of due people, and move_to's bookkeeping.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include "area_fixture.h"
#include "sim/person_rng.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

// No random hazard in any state: only the deterministic clocks remain.
void quiet(AreaFixture& f) {
  f.rates.death = f.rates.emigration = f.rates.sjukersattning = f.rates.referral = 0;
  for (auto& c : f.rates.completion) c = 0;
  auto& pop = f.scenario.config.population;
  pop.work_studies_per_month = pop.job_seeking_per_month = pop.support_change_per_month = 0;
  pop.relapse_per_month = pop.studies_to_work_per_month = pop.job_seeking_to_work_per_month = 0;
  for (auto& t : f.scenario.config.insatser) t.dropout_per_month = 0;
}

NextEvent next_of(const AreaFixture& f, std::size_t i) { return static_cast<NextEvent>(f.area.agents.next[i]); }

}  // namespace

TEST_CASE("schedule: without hazards the next event is the 65th birthday", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  const std::size_t thirty = f.person(30);  // born in month −366: 65 in month −366 + 780 = 414
  const std::size_t old = f.person(64);     // born in month −774: 65 in month 6
  schedule(f.area, thirty, f.ctx(0));
  schedule(f.area, old, f.ctx(0));
  CHECK(f.area.agents.wake[thirty] == 414);
  CHECK(next_of(f, thirty) == NextEvent::AgeOut);
  CHECK(f.area.agents.wake[old] == 6);
  CHECK(next_of(f, old) == NextEvent::AgeOut);
  // A birthday already past is due next month.
  schedule(f.area, old, f.ctx(10));
  CHECK(f.area.agents.wake[old] == 11);
  CHECK(next_of(f, old) == NextEvent::AgeOut);
}

TEST_CASE("schedule: the Gone have no next event", "[sim][schedule]") {
  AreaFixture f;
  const std::size_t i = f.person(30);
  f.area.agents.set_state(i, State::Gone, 0);
  schedule(f.area, i, f.ctx(0));
  CHECK(f.area.agents.wake[i] == INT16_MAX);
  CHECK(next_of(f, i) == NextEvent::None);
}

TEST_CASE("schedule: the wait is the geometric one of the total hazard, keyed by the state entered",
          "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  f.rates.death = 0.05;
  const std::size_t i = f.person(30);
  schedule(f.area, i, f.ctx(3));
  // Inverse of P(wait ≥ k) = (1 − p)^k with the person's keyed uniform for (month 3, Target).
  const auto b = StreamRng(RunKey{7, 0}, f.area.agents.id[i], 3).bits(Purpose::Schedule, 0);
  const double u = 1.0 - StreamRng::to_unit(b[0], b[1]);
  const int expected = 3 + 1 + static_cast<int>(std::floor(std::log(u) / std::log1p(-0.05)));
  CHECK(f.area.agents.wake[i] == expected);
  CHECK(next_of(f, i) == NextEvent::Death);
  // The same person entering the same state in the same month gets the same luck.
  f.area.agents.wake[i] = 0;
  schedule(f.area, i, f.ctx(3));
  CHECK(f.area.agents.wake[i] == expected);
}

TEST_CASE("schedule: a certain event falls in the next month", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  f.rates.death = 1.0;  // the total is capped just below 1
  const std::size_t i = f.person(30);
  schedule(f.area, i, f.ctx(5));
  CHECK(f.area.agents.wake[i] == 6);
  CHECK(next_of(f, i) == NextEvent::Death);
}

TEST_CASE("schedule: competing risks pick the kind in proportion to its hazard", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  f.rates.death = 0.01;
  f.rates.emigration = 0.03;
  constexpr int kPeople = 4000;
  for (int k = 0; k < kPeople; ++k) f.person(30);
  int deaths = 0;
  double wait = 0;
  for (std::size_t i = 0; i < kPeople; ++i) {
    schedule(f.area, i, f.ctx(0));
    const NextEvent e = next_of(f, i);
    REQUIRE((e == NextEvent::Death || e == NextEvent::Emigration));
    deaths += e == NextEvent::Death;
    wait += f.area.agents.wake[i] - 1;
  }
  // Share of deaths 0.01 / 0.04 = 0.25 (sd 0.0068); months before the event (1 − p) / p = 24
  // (sd 24.5 / √4000 = 0.39): within four sd.
  CHECK(std::abs(deaths / double(kPeople) - 0.25) < 4 * 0.0068);
  CHECK(std::abs(wait / kPeople - 24.0) < 4 * 0.39);
}

TEST_CASE("schedule: hazards depend on the state", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  const std::size_t t = f.type("work_training");
  const std::size_t in_insats = f.person(30);
  f.area.agents.insats[in_insats] = static_cast<std::uint8_t>(t);
  f.area.agents.set_state(in_insats, State::InInsats, 0);
  const std::size_t working = f.person(30);
  f.area.agents.set_state(working, State::Work, 0);
  const std::size_t studying = f.person(30);
  f.area.agents.set_state(studying, State::Studies, 0);

  f.rates.completion[t] = 1.0;
  f.scenario.config.population.relapse_per_month = 1.0;
  for (std::size_t i : {in_insats, working, studying}) schedule(f.area, i, f.ctx(0));
  CHECK(next_of(f, in_insats) == NextEvent::Completion);
  CHECK(next_of(f, working) == NextEvent::Relapse);
  CHECK(next_of(f, studying) == NextEvent::Relapse);

  f.rates.completion[t] = 0;
  f.scenario.config.population.relapse_per_month = 0;
  f.scenario.config.insatser[t].dropout_per_month = 1.0;
  f.scenario.config.population.studies_to_work_per_month = 1.0;
  for (std::size_t i : {in_insats, working, studying}) schedule(f.area, i, f.ctx(0));
  CHECK(next_of(f, in_insats) == NextEvent::Dropout);
  CHECK(next_of(f, working) == NextEvent::AgeOut);  // work has no other way out
  CHECK(next_of(f, studying) == NextEvent::FindWork);
  CHECK(f.area.agents.wake[in_insats] == 1);
  CHECK(f.area.agents.wake[studying] == 1);
}

TEST_CASE("schedule: a cooldown ends with Unblock unless something comes first", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  const std::size_t i = f.person(30);
  f.area.agents.blocked_until[i] = 5;
  schedule(f.area, i, f.ctx(0));
  CHECK(f.area.agents.wake[i] == 5);
  CHECK(next_of(f, i) == NextEvent::Unblock);

  f.rates.death = 1.0;  // next month, before the end of the cooldown
  schedule(f.area, i, f.ctx(0));
  CHECK(f.area.agents.wake[i] == 1);
  CHECK(next_of(f, i) == NextEvent::Death);

  // A tie goes to Unblock, which starts the identification clock (and draws the next event afresh):
  // an event drawn for the same month, such as a support change that keeps the person in Target,
  // would leave them without one. The certain event falls in month 1, the cooldown ends then too.
  f.area.agents.blocked_until[i] = 1;
  schedule(f.area, i, f.ctx(0));
  CHECK(f.area.agents.wake[i] == 1);
  CHECK(next_of(f, i) == NextEvent::Unblock);
  f.rates.death = 0;

  f.area.forbund = -1;  // outside a förbund no cooldown matters
  schedule(f.area, i, f.ctx(0));
  CHECK(next_of(f, i) == NextEvent::AgeOut);
}

TEST_CASE("schedule: under fixed_rate unblocked target-group members of a förbund may be referred", "[sim][schedule]") {
  AreaFixture f({"referral.mode=\"fixed_rate\""});
  quiet(f);
  f.rates.referral = 1.0;
  const std::size_t free = f.person(30);
  const std::size_t blocked = f.person(30);
  f.area.agents.blocked_until[blocked] = 4;
  const std::size_t waiting = f.person(30);
  f.area.agents.set_state(waiting, State::Waiting, 0);
  for (std::size_t i : {free, blocked, waiting}) schedule(f.area, i, f.ctx(0));
  CHECK(next_of(f, free) == NextEvent::Referral);
  CHECK(f.area.agents.wake[free] == 1);
  CHECK(next_of(f, blocked) == NextEvent::Unblock);
  CHECK(f.area.agents.wake[blocked] == 4);
  CHECK(next_of(f, waiting) == NextEvent::AgeOut);

  // Under capacity_responsive referral runs on the identification clocks instead.
  f.scenario.config.referral.mode = ReferralMode::CapacityResponsive;
  schedule(f.area, free, f.ctx(0));
  CHECK(next_of(f, free) == NextEvent::AgeOut);
}

TEST_CASE("schedule: a person due within the calendar is filed in it", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  const std::size_t soon = f.person(64);  // 65 in month 6
  const std::size_t late = f.person(30);  // 65 in month 414, after the calendar
  use_calendar(f.area, 0, 11);
  REQUIRE(f.area.calendar.months() == 12);
  schedule(f.area, soon, f.ctx(0));
  schedule(f.area, late, f.ctx(0));
  CHECK(f.area.calendar.entries(6) == std::vector<std::uint32_t>{static_cast<std::uint32_t>(soon)});
  std::size_t filed = 0;
  for (int m = 0; m < 12; ++m) filed += f.area.calendar.entries(m).size();
  CHECK(filed == 1);
}

TEST_CASE("use_calendar files everyone already scheduled within its months", "[sim][schedule]") {
  AreaFixture f;
  for (int k = 0; k < 4; ++k) f.person(30);
  const std::int16_t wakes[] = {3, 12, 5, 3};
  for (std::size_t i = 0; i < 4; ++i) f.area.agents.wake[i] = wakes[i];
  use_calendar(f.area, 2, 6);  // months 2..6
  CHECK(f.area.calendar.first_month() == 2);
  REQUIRE(f.area.calendar.months() == 5);
  CHECK(f.area.calendar.entries(3) == std::vector<std::uint32_t>{0, 3});
  CHECK(f.area.calendar.entries(5) == std::vector<std::uint32_t>{2});
  CHECK(f.area.calendar.entries(2).empty());
  CHECK(f.area.calendar.entries(6).empty());
}

TEST_CASE("collect_due: the people due this month in storage order, with or without the calendar", "[sim][schedule]") {
  AreaFixture f;
  constexpr std::size_t kPeople = 300;
  for (std::size_t k = 0; k < kPeople; ++k) f.person(20 + static_cast<int>(k % 40));
  for (std::size_t i = 0; i < kPeople; ++i) schedule(f.area, i, f.ctx(0));
  use_calendar(f.area, 0, 23);
  Area scan = f.area;
  scan.calendar = EventCalendar{};  // collect_due scans every person
  // Stale and duplicate entries: people rescheduled after filing, one filed twice.
  for (std::size_t i = 0; i < kPeople; i += 7) schedule(f.area, i, f.ctx(1));
  for (std::size_t i = 0; i < kPeople; i += 7) schedule(scan, i, f.ctx(1));
  f.area.calendar.file(2, f.area.calendar.entries(2).empty() ? 0 : f.area.calendar.entries(2).front());
  std::size_t seen = 0;
  for (int m = 0; m < 24; ++m) {
    collect_due(f.area, m);
    collect_due(scan, m);
    INFO("month " << m);
    REQUIRE(f.area.due == scan.due);
    for (const std::uint32_t i : scan.due) REQUIRE(scan.agents.wake[i] == m);
    REQUIRE(std::is_sorted(scan.due.begin(), scan.due.end()));
    seen += scan.due.size();
  }
  CHECK(seen > 0);
  for (const auto w : f.area.due_marks) REQUIRE(w == 0);  // the scratch bitmap is left clear
  // Months outside the calendar fall back to the scan.
  f.area.agents.wake[5] = 40;
  collect_due(f.area, 40);
  std::vector<std::uint32_t> expected;
  for (std::uint32_t i = 0; i < kPeople; ++i)
    if (f.area.agents.wake[i] == 40) expected.push_back(i);
  CHECK(f.area.due == expected);
  CHECK(std::count(expected.begin(), expected.end(), 5u) == 1);
}

TEST_CASE("due: the person's scheduled month and kind", "[sim][schedule]") {
  AreaFixture f;
  const std::size_t i = f.person(30);
  f.area.agents.wake[i] = 4;
  f.area.agents.next[i] = static_cast<std::uint8_t>(NextEvent::Relapse);
  CHECK(due(f.area.agents, i, 4, NextEvent::Relapse));
  CHECK_FALSE(due(f.area.agents, i, 3, NextEvent::Relapse));
  CHECK_FALSE(due(f.area.agents, i, 4, NextEvent::Death));
}

TEST_CASE("move_to: state, census, flow, identification and the next event", "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  const std::size_t t = f.type("ips");
  const std::size_t i = f.person(30, NeedMental, 2);
  f.area.agents.identified[i] = 0;
  f.area.identified_count = 1;
  f.area.agents.insats[i] = static_cast<std::uint8_t>(t);
  f.area.record_events = true;

  move_to(f.area, i, State::Waiting, LogEvent::Referral, f.ctx(3));

  const Agents& a = f.area.agents;
  CHECK(a.state_of(i) == State::Waiting);
  CHECK(a.since[i] == 3);
  CHECK(a.identified[i] == kNotIdentified);  // known to the partners only in the target group
  CHECK(f.area.identified_count == 0);
  CHECK(f.area.census[static_cast<int>(State::Target)][2] == 0);
  CHECK(f.area.census[static_cast<int>(State::Waiting)][2] == 1);
  CHECK(f.area.month.flow[static_cast<int>(State::Target)][static_cast<int>(State::Waiting)] == 1);
  CHECK(a.wake[i] == 414);  // rescheduled in the new state
  REQUIRE(f.area.events.size() == 1);
  const EventRecord& e = f.area.events[0];
  CHECK(e.agent == a.id[i]);
  CHECK(e.month == 3);
  CHECK(e.event == static_cast<std::uint8_t>(LogEvent::Referral));
  CHECK(e.from == static_cast<std::uint8_t>(State::Target));
  CHECK(e.to == static_cast<std::uint8_t>(State::Waiting));
  CHECK(e.insats == static_cast<std::int8_t>(t));  // the list joined

  // Leaving an insats names the insats left; moves between other states name none.
  move_to(f.area, i, State::Work, LogEvent::WorkStudies, f.ctx(4));
  CHECK(f.area.events.back().insats == static_cast<std::int8_t>(t));
  move_to(f.area, i, State::Studies, LogEvent::WorkStudies, f.ctx(5));
  CHECK(f.area.events.back().insats == kNoInsats);
  CHECK(f.area.identified_count == 0);  // not identified: nothing to decrement

  // Back in the target group a förbund's partners can identify the person again (a clock starts).
  const std::size_t clocks = f.area.identification_clocks.pending.size();
  move_to(f.area, i, State::Target, LogEvent::Relapse, f.ctx(6));
  CHECK(f.area.identification_clocks.pending.size() == clocks + 1);
  CHECK(f.area.events.size() == 4);

  // Without --events nothing is logged.
  f.area.record_events = false;
  move_to(f.area, i, State::Work, LogEvent::WorkStudies, f.ctx(7));
  CHECK(f.area.events.size() == 4);
}

TEST_CASE("schedule: a support change happens at the redraw rate times one minus the current share",
          "[sim][schedule]") {
  AreaFixture f;
  quiet(f);
  f.rates.death = 0.014;
  f.scenario.config.population.support_change_per_month = 0.02;
  constexpr int kPeople = 4000;
  constexpr std::uint8_t kSocialAssistance = 2;  // share 0.30
  for (int k = 0; k < kPeople; ++k) f.person(20, 0, kSocialAssistance);
  int changes = 0;
  for (std::size_t i = 0; i < kPeople; ++i) {
    schedule(f.area, i, f.ctx(0));
    changes += next_of(f, i) == NextEvent::SupportChange;
  }
  // Hazard 0.02 × (1 − 0.30) = 0.014 against death 0.014: half (sd 0.0079); a redraw that may keep
  // the source (0.02) would give 0.02 / 0.034 = 0.59.
  CHECK(std::abs(changes / double(kPeople) - 0.5) < 4 * 0.0079);
}

TEST_CASE("baseline_outcome: a support change goes to another source in proportion to its share", "[sim][schedule]") {
  AreaFixture f;
  const auto& pop = f.scenario.config.population;  // shares 0.22 0.15 0.30 0.18 0.15
  constexpr int kDraws = 7000;
  std::array<int, kSupportSources> to{};
  for (int n = 0; n < kDraws; ++n)
    ++to[baseline_outcome(NextEvent::SupportChange, State::Target, 2, (n + 0.5) / kDraws, pop)];
  // From social assistance (0.30) the others' shares over 0.70: 0.22, 0.15, 0.18 and 0.15 of 0.70,
  // i.e. 2 200, 1 500, 1 800 and 1 500 of 7 000 evenly spaced draws (±1 for the grid).
  CHECK(to[2] == 0);
  CHECK(std::abs(to[0] - 2200) <= 1);
  CHECK(std::abs(to[1] - 1500) <= 1);
  CHECK(std::abs(to[3] - 1800) <= 1);
  CHECK(std::abs(to[4] - 1500) <= 1);
  // A relapse draws from all shares; a move to work or studies is studies below studies_share 0.25.
  CHECK(baseline_outcome(NextEvent::Relapse, State::Work, 2, 0.5, pop) == 2);  // 0.37 ≤ 0.5 < 0.67
  CHECK(baseline_outcome(NextEvent::WorkStudies, State::Target, 0, 0.24, pop) == 1);
  CHECK(baseline_outcome(NextEvent::WorkStudies, State::Target, 0, 0.26, pop) == 0);
  CHECK(baseline_outcome(NextEvent::FindWork, State::JobSeeking, 0, 0.1, pop) == 1);
  CHECK(baseline_outcome(NextEvent::FindWork, State::Studies, 0, 0.1, pop) == 0);  // students move on to work
  CHECK(baseline_outcome(NextEvent::Death, State::Target, 0, 0.1, pop) == 0);
}
