// Specification of sim/step.cpp, the monthly timetable, on one hand-built förbund area: a month
// conserves people (state by state, with the inflow and the departures), keeps the census equal to
// the people, starts nobody beyond the places, pays each participant-month, and counts its work,
// the burn-in's work carried to month 0.
#include <catch2/catch.hpp>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

using Census = std::array<std::int64_t, kStates>;

Census census(const Area& a) {
  Census c{};
  for (int s = 0; s < kStates; ++s)
    for (const auto n : a.census[static_cast<std::size_t>(s)]) c[static_cast<std::size_t>(s)] += n;
  return c;
}

// 200 people of every age band and need, three insatser with five places each, three newcomers a
// month on average; everyone's first event drawn the month before `first`, as the simulation does.
AreaFixture busy_area(int first) {
  AreaFixture f;
  for (int k = 0; k < 200; ++k)
    f.person(18 + k % 45, static_cast<std::uint8_t>(1u << (k % kNeeds)),
             static_cast<std::uint8_t>(k % kSupportSources));
  f.area.inflow_mean = {3.0};
  for (const char* name : {"work_training", "coordination_team", "ips"}) {
    const std::size_t t = f.type(name);
    f.area.capacity[t] = f.area.capacity_goal[t] = f.area.capacity_from[t] = 5;
  }
  f.area.plan_month = first;
  for (std::size_t i = 0; i < f.area.agents.size(); ++i) schedule(f.area, i, f.ctx(first - 1));
  use_calendar(f.area, first, first + 23);
  return f;
}

void step(AreaFixture& f, int month) {
  f.area.month.reset(f.insatser().size());
  step_month(f.area, f.ctx(month));
}

}  // namespace

TEST_CASE("step: people are conserved state by state, and the census is the people", "[sim][step]") {
  AreaFixture f = busy_area(0);
  std::int64_t starts = 0, moves = 0;
  for (int m = 0; m < 12; ++m) {
    const Census before = census(f.area);
    step(f, m);
    const Census after = census(f.area);
    const MonthCounters& c = f.area.month;
    INFO("month " << m);
    for (int s = 0; s < kStates; ++s) {
      std::int64_t in = 0, out = 0;
      for (int o = 0; o < kStates; ++o) {
        in += c.flow[o][s];
        out += c.flow[s][o];
      }
      if (s == static_cast<int>(State::Target)) in += c.inflow;
      REQUIRE(before[s] + in - out == after[s]);
      if (s != static_cast<int>(State::Gone)) REQUIRE(c.stock[s] == after[s]);  // the month's record
    }
    // Everyone added is in the storage, and the census counts each person once in their state.
    std::int64_t stored = 0;
    for (const auto n : after) stored += n;
    REQUIRE(stored == static_cast<std::int64_t>(f.area.agents.size()));
    std::array<std::array<std::int64_t, kSupportSources>, kStates> counted{};
    for (const Person& p : f.area.agents.rows) ++counted[p.state][p.support];
    REQUIRE(counted == f.area.census);
    // Places: nobody starts beyond them, and every participant-month is paid.
    Sek paid = 0;
    for (std::size_t t = 0; t < f.insatser().size(); ++t) {
      REQUIRE(c.participants[t] <= c.capacity[t]);
      paid += c.participants[t] * f.insatser()[t].cost_per_month;
    }
    REQUIRE(c.insats_spending == paid);
    REQUIRE(c.completions + c.dropouts == c.exit_work + c.exit_studies + c.exit_job_seeking + c.exit_other);
    starts += c.starts;
    for (int s = 0; s < kStates; ++s)
      for (int o = 0; o < kStates; ++o) moves += c.flow[s][o];
  }
  CHECK(starts > 0);  // the year saw insatser start and people move: the checks above were not idle
  CHECK(moves > starts);
}

TEST_CASE("step: the same area and month give the same result", "[sim][step]") {
  AreaFixture f = busy_area(0);
  Area copy = f.area;
  for (int m = 0; m < 6; ++m) {
    step(f, m);
    copy.month.reset(f.insatser().size());
    step_month(copy, f.ctx(m));
    REQUIRE(copy.month == f.area.month);
  }
  REQUIRE(copy.agents.rows.size() == f.area.agents.rows.size());
  for (std::size_t i = 0; i < copy.agents.size(); ++i) {
    REQUIRE(copy.agents.state[i] == f.area.agents.state[i]);
    REQUIRE(copy.agents.wake[i] == f.area.agents.wake[i]);
  }
}

TEST_CASE("step: a month counts its events, the burn-in's are carried to month 0", "[sim][step]") {
  AreaFixture f = busy_area(-2);
  std::int64_t carried = 0;
  for (int m = -2; m <= 1; ++m) {
    step(f, m);
    const MonthCounters& c = f.area.month;
    // Due people, newcomers, identifications, referrals, starts and waits that ran out.
    const std::int64_t work = static_cast<std::int64_t>(f.area.due.size()) + c.inflow + c.identified + c.referrals +
                              c.starts + c.wait_expired;
    INFO("month " << m);
    if (m < 0) {
      CHECK(c.events == 0);
      carried += work;
    } else {
      CHECK(c.events == work + carried);
      carried = 0;
    }
  }
}

TEST_CASE("step: kommuner without a förbund get no referrals or starts", "[sim][step]") {
  AreaFixture f = busy_area(0);
  f.area.forbund = -1;
  for (int m = 0; m < 6; ++m) {
    step(f, m);
    const MonthCounters& c = f.area.month;
    CHECK(c.identified == 0);
    CHECK(c.referrals == 0);
    CHECK(c.starts == 0);
    CHECK(c.stock[static_cast<int>(State::InInsats)] == 0);
  }
}
