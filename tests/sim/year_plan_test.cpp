// Specification of sim/year_plan.cpp: the year's places from the funding plan (rounded by a keyed
// draw at small scales, never overspending), staffed at once or from the year's starting level,
// the multipliers structural money buys, insatser that end for lack of money (the largest excess
// first, the people added last first), and who counts as a participant of the year.
#include <catch2/catch.hpp>

#include <cmath>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

// A plan with `slots` places (persons) of type t a month and individual money for `paid` agents'
// places all year (persons at population.scale 1).
ForbundYear plan_for(const AreaFixture& f, std::size_t t, int slots, double paid) {
  ForbundYear p;
  p.forbund = 0;
  p.monthly_slots.assign(f.insatser().size(), 0);
  p.monthly_slots[t] = slots;
  p.individual = std::llround(paid * static_cast<double>(f.insatser()[t].cost_per_month) * 12.0 /
                              f.scenario.config.population.scale);
  return p;
}

// Puts person i in insats t, as a start would.
void start_insats(AreaFixture& f, std::size_t i, std::size_t t) {
  f.area.agents.insats[i] = static_cast<std::uint8_t>(t);
  move_to(f.area, i, State::InInsats, LogEvent::Start, f.ctx(0));
  ++f.area.participants[t];
}

}  // namespace

TEST_CASE("year plan: the plan's places when the money pays for them, staffed at once at the start",
          "[sim][year_plan]") {
  AreaFixture f;  // population.scale = 1: one agent a person
  const std::size_t t = f.type("work_training");
  apply_year_plan(f.area, plan_for(f, t, 10, 10), f.ctx(0), false);
  for (std::size_t u = 0; u < f.insatser().size(); ++u) {
    INFO(f.insatser()[u].name);
    const std::int64_t expected = u == t ? 10 : 0;
    CHECK(f.area.capacity_goal[u] == expected);
    CHECK(f.area.capacity_from[u] == expected);
    CHECK(f.area.capacity[u] == expected);
  }
  CHECK(f.area.plan_month == 0);

  // The equity the förbund may draw pays for places like the budget does.
  AreaFixture g;
  ForbundYear from_equity = plan_for(g, t, 10, 10);
  from_equity.equity_draw = from_equity.individual;
  from_equity.individual = 0;
  apply_year_plan(g.area, from_equity, g.ctx(0), false);
  CHECK(g.area.capacity_goal[t] == 10);
}

TEST_CASE("year plan: more places are staffed from the year's starting level, fewer apply at once",
          "[sim][year_plan]") {
  AreaFixture f;  // capacity.ramp_up_months = 6
  const std::size_t t = f.type("work_training");
  f.area.capacity[t] = 4;
  apply_year_plan(f.area, plan_for(f, t, 10, 10), f.ctx(12));
  CHECK(f.area.capacity_goal[t] == 10);
  CHECK(f.area.capacity_from[t] == 4);
  CHECK(f.area.capacity[t] == 4);
  CHECK(f.area.plan_month == 12);
  staff_places(f.area, f.ctx(12));
  CHECK(f.area.capacity[t] == 5);  // 4 + ⌈6 / 6⌉
  staff_places(f.area, f.ctx(17));
  CHECK(f.area.capacity[t] == 10);

  f.area.capacity[t] = 12;
  apply_year_plan(f.area, plan_for(f, t, 10, 10), f.ctx(24));
  CHECK(f.area.capacity_from[t] == 10);
  CHECK(f.area.capacity[t] == 10);
}

TEST_CASE("year plan: at small scales a fraction of an agent's place is a keyed draw, right on average",
          "[sim][year_plan]") {
  AreaFixture f({"population.scale=0.5"});
  const std::size_t t = f.type("work_training");
  const ForbundYear plenty = plan_for(f, t, 3, 100);  // 3 places = 1.5 agents
  constexpr int kYears = 2000;
  int sum = 0, up = 0;
  for (int m = 0; m < kYears; ++m) {
    apply_year_plan(f.area, plenty, f.ctx(m), false);
    const std::int64_t goal = f.area.capacity_goal[t];
    REQUIRE((goal == 1 || goal == 2));
    sum += static_cast<int>(goal);
    up += goal == 2;
  }
  // Mean 1.5, sd 0.5 / √2000 = 0.011: within four sd.
  CHECK(std::abs(sum / double(kYears) - 1.5) < 4 * 0.5 / std::sqrt(double(kYears)));

  // Money for exactly 1.5 agents' places: a rounded-up place would overspend, so none is.
  REQUIRE(up > 0);
  const ForbundYear tight = plan_for(f, t, 3, 1.5);
  for (int m = 0; m < kYears; ++m) {
    apply_year_plan(f.area, tight, f.ctx(m), false);
    REQUIRE(f.area.capacity_goal[t] == 1);
  }
}

TEST_CASE("year plan: structural money relative to the first planned year scales identification and outcomes",
          "[sim][year_plan]") {
  AreaFixture f;
  const auto& cap = f.scenario.config.capacity;
  const std::size_t t = f.type("work_training");
  ForbundYear p = plan_for(f, t, 0, 0);
  p.structural = 1'000'000;
  apply_year_plan(f.area, p, f.ctx(0), false);
  CHECK(f.area.structural_first_year == 1'000'000);
  CHECK(f.area.structural_identification == 1.0);  // a flat budget changes nothing
  CHECK(f.area.structural_outcome == 1.0);

  p.structural = 2'000'000;
  apply_year_plan(f.area, p, f.ctx(12));
  CHECK(f.area.structural_first_year == 1'000'000);  // the reference stays the first year's
  CHECK(f.area.structural_identification == Approx(std::pow(2.0, cap.structural_identification_elasticity)));
  CHECK(f.area.structural_outcome == Approx(std::pow(2.0, cap.structural_outcome_elasticity)));
  CHECK(f.area.structural_identification > 1.0);  // direction: more money, more outreach

  p.structural = 500'000;
  apply_year_plan(f.area, p, f.ctx(24));
  CHECK(f.area.structural_identification == Approx(std::pow(0.5, cap.structural_identification_elasticity)));
  CHECK(f.area.structural_identification < 1.0);

  // A förbund without structural money in its first year keeps the multipliers at 1.
  AreaFixture g;
  ForbundYear none = plan_for(g, t, 0, 0);
  apply_year_plan(g.area, none, g.ctx(0), false);
  none.structural = 3'000'000;
  apply_year_plan(g.area, none, g.ctx(12));
  CHECK(g.area.structural_identification == 1.0);
  CHECK(g.area.structural_outcome == 1.0);
}

TEST_CASE("year plan: insatser beyond what the money pays end, the people added last first", "[sim][year_plan]") {
  AreaFixture f;
  const std::size_t t = f.type("work_training");  // 3 050 SEK a month
  for (int k = 0; k < 5; ++k) start_insats(f, f.person(30), t);
  f.area.capacity[t] = 5;  // the places they run in
  f.area.record_events = true;
  const int cooldown = f.scenario.config.referral.cooldown_months;

  // Two places, money for three participants: 3 × 3 050 = 9 150 a month; 5 run, so two end.
  apply_year_plan(f.area, plan_for(f, t, 2, 3), f.ctx(12));

  const Agents& a = f.area.agents;
  for (std::size_t i = 0; i < 3; ++i) CHECK(a.state_of(i) == State::InInsats);
  for (std::size_t i = 3; i < 5; ++i) {
    INFO("person " << i);
    CHECK(a.state_of(i) == State::Target);
    CHECK(a.blocked_until[i] == 12 + cooldown);
    CHECK(a.since[i] == 12);
  }
  CHECK(f.area.participants[t] == 3);
  CHECK(f.area.capacity[t] == 2);  // those still running finish; nobody new starts
  CHECK(f.area.month.ended_unfunded == 2);
  CHECK(f.area.month.flow[static_cast<int>(State::InInsats)][static_cast<int>(State::Target)] == 2);
  CHECK(f.area.census[static_cast<int>(State::InInsats)][0] == 3);
  CHECK(f.area.census[static_cast<int>(State::Target)][0] == 2);
  REQUIRE(f.area.events.size() == 2);
  CHECK(f.area.events[0].agent == a.id[4]);  // storage order, from the end
  CHECK(f.area.events[1].agent == a.id[3]);
  for (const auto& e : f.area.events) CHECK(e.event == static_cast<std::uint8_t>(LogEvent::EndedUnfunded));
}

TEST_CASE("year plan: the type furthest above its places gives up participants first", "[sim][year_plan]") {
  AreaFixture f;
  const std::size_t wt = f.type("work_training");                 // 3 050 SEK a month
  const std::size_t ct = f.type("coordination_team");             // 2 250 SEK a month
  for (int k = 0; k < 4; ++k) start_insats(f, f.person(30), wt);  // persons 0..3
  for (int k = 0; k < 2; ++k) start_insats(f, f.person(30), ct);  // persons 4, 5
  ForbundYear p = plan_for(f, wt, 1, 0);
  p.monthly_slots[ct] = 1;
  // 10 600 a month: 4 × 3 050 + 2 × 2 250 = 16 700 is too much. Work training is 3 above its place,
  // then 2 (13 650), then 1 like coordination_team (10 600 fits): two work-training insatser end.
  p.individual = 10'600 * 12;

  apply_year_plan(f.area, p, f.ctx(12));

  CHECK(f.area.participants[wt] == 2);
  CHECK(f.area.participants[ct] == 2);
  CHECK(f.area.month.ended_unfunded == 2);
  const Agents& a = f.area.agents;
  CHECK(a.state_of(0) == State::InInsats);
  CHECK(a.state_of(1) == State::InInsats);
  CHECK(a.state_of(2) == State::Target);
  CHECK(a.state_of(3) == State::Target);
  CHECK(a.state_of(4) == State::InInsats);
  CHECK(a.state_of(5) == State::InInsats);
}

TEST_CASE("year plan: in the usual year nobody's insats ends", "[sim][year_plan]") {
  AreaFixture f;
  const std::size_t t = f.type("work_training");
  for (int k = 0; k < 3; ++k) start_insats(f, f.person(30), t);
  f.area.capacity[t] = 3;
  apply_year_plan(f.area, plan_for(f, t, 3, 3), f.ctx(12));
  CHECK(f.area.participants[t] == 3);
  CHECK(f.area.month.ended_unfunded == 0);
  for (std::size_t i = 0; i < 3; ++i) CHECK(f.area.agents.state_of(i) == State::InInsats);
  // Fewer places than participants but money for all of them: commitments are honoured.
  apply_year_plan(f.area, plan_for(f, t, 1, 3), f.ctx(24));
  CHECK(f.area.participants[t] == 3);
  CHECK(f.area.capacity[t] == 1);
  CHECK(f.area.month.ended_unfunded == 0);
}

TEST_CASE("year plan: everyone in an insats at the turn of the year counts once as a participant of the year",
          "[sim][year_plan]") {
  AreaFixture f;
  const std::size_t t = f.type("work_training");
  const std::size_t running = f.person(30);
  start_insats(f, running, t);
  const std::size_t counted = f.person(30);
  start_insats(f, counted, t);
  f.area.agents.counted_year[counted] = 2020;  // started this year: already counted
  f.person(30);                                // in the target group: not a participant

  count_running_participants(f.area, f.ctx(12));  // January 2020
  CHECK(f.area.month.new_unique_participants == 1);
  CHECK(f.area.agents.counted_year[running] == 2020);
  count_running_participants(f.area, f.ctx(12));
  CHECK(f.area.month.new_unique_participants == 1);
  count_running_participants(f.area, f.ctx(24));  // the next year counts them again
  CHECK(f.area.month.new_unique_participants == 3);
}
