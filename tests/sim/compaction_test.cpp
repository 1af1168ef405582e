// Specification of sim/compaction.cpp: the Gone leave the storage, everyone else keeps their order,
// and every list of local indices follows (stale entries of the Gone dropped).
#include <catch2/catch.hpp>

#include "area_fixture.h"
#include "sim/compaction.h"
#include "sim/simulation.h"
#include "world/world.h"

using namespace finsim;
using finsim::test::AreaFixture;

TEST_CASE("compaction removes the Gone and renumbers queues, clocks and calendar", "[sim][compaction]") {
  AreaFixture f;
  for (int k = 0; k < 6; ++k) f.person(30 + k);  // persons 0..5
  Agents& a = f.area.agents;
  a.set_state(1, State::Gone, 0);
  a.set_state(3, State::Gone, 0);
  a.set_state(4, State::Waiting, 2);
  f.area.queues[0] = {{3, 1}, {4, 2}};
  f.area.identification_clocks.buckets = {{{0.5, 5, 0}, {0.25, 1, 0}}, {{1.0, 2, 0}}};
  f.area.identification_clocks.pending = {{0.1, 3, 0, 11}, {0.2, 0, 0, 11}};
  f.area.calendar.reset(10, 12);
  for (const std::uint32_t i : {5u, 3u, 0u}) f.area.calendar.file(11, i);
  f.area.calendar.file(12, 1);

  compact_gone(f.area);

  REQUIRE(a.size() == 4);
  CHECK(f.area.compacted_gone == 2);
  // Order kept: old 0, 2, 4, 5.
  CHECK(a.id[0] == agent_id(0, 0));
  CHECK(a.id[1] == agent_id(0, 2));
  CHECK(a.id[2] == agent_id(0, 4));
  CHECK(a.id[3] == agent_id(0, 5));
  CHECK(a.state_of(2) == State::Waiting);
  CHECK(a.since[2] == 2);
  REQUIRE(f.area.queues[0].size() == 1);
  CHECK(f.area.queues[0].front().person == 2);
  CHECK(f.area.queues[0].front().joined == 2);
  const auto& buckets = f.area.identification_clocks.buckets;
  REQUIRE(buckets[0].size() == 1);
  CHECK(buckets[0][0].person == 3);
  CHECK(buckets[0][0].level == 0.5);
  REQUIRE(buckets[1].size() == 1);
  CHECK(buckets[1][0].person == 1);
  REQUIRE(f.area.identification_clocks.pending.size() == 1);
  CHECK(f.area.identification_clocks.pending[0].person == 0);
  CHECK(f.area.calendar.entries(11) == std::vector<std::uint32_t>{3, 0});
  CHECK(f.area.calendar.entries(12).empty());
  // Nothing more to remove: a second pass changes nothing.
  compact_gone(f.area);
  CHECK(a.size() == 4);
  CHECK(f.area.compacted_gone == 2);
}

TEST_CASE("with compaction the Gone stay under a quarter of the storage (plus the last year's)", "[sim][compaction]") {
  const Scenario s = load_scenario(finsim::test::kBaseline,
                                   {"population.scale=0.02", "scenario.end=2020-12", "scenario.burn_in_years=10"});
  const World world = build_world(s.config);
  const ReplicationResult r = run_replication(s.config, world, 0);
  std::int64_t live = 0, gone_in_last_year = 0;
  for (std::size_t a = 0; a < r.areas.size(); ++a) {
    const MonthCounters& last = r.at(r.months - 1, a);
    for (int st = 0; st < kStates - 1; ++st) live += last.stock[st];
    for (int m = r.months - 12; m < r.months; ++m)
      for (int st = 0; st < kStates; ++st) gone_in_last_year += r.at(m, a).flow[st][static_cast<int>(State::Gone)];
  }
  // The Gone were under a quarter of the storage after the last January's pass, plus those who
  // left since; without compaction the 11 years' departures would all still be stored.
  const auto stored = static_cast<double>(r.peak_agents);
  CHECK(stored - static_cast<double>(live) <= 0.25 * stored + static_cast<double>(gone_in_last_year));
  // Everyone ever stored: the stock at 2019 (the burn-in's departures included) and the inflow since.
  std::int64_t ever = 0;
  for (std::size_t a = 0; a < r.areas.size(); ++a) {
    for (int st = 0; st < kStates; ++st) ever += r.initial_stock[a][st];
    for (int m = 0; m < r.months; ++m) ever += r.at(m, a).inflow;
  }
  CHECK(static_cast<std::int64_t>(r.peak_agents) < ever);  // some passes ran
}

TEST_CASE("compaction waits until the Gone are the given share of the storage", "[sim][compaction]") {
  AreaFixture f;
  for (int k = 0; k < 8; ++k) f.person(30);
  move_to(f.area, 2, State::Gone, LogEvent::Death, f.ctx(0));  // counted in the census
  compact_gone(f.area, 0.25);                                  // 1 of 8 < 25 %: nothing happens
  CHECK(f.area.agents.size() == 8);
  move_to(f.area, 5, State::Gone, LogEvent::Death, f.ctx(0));
  compact_gone(f.area, 0.25);  // 2 of 8
  CHECK(f.area.agents.size() == 6);
  CHECK(f.area.compacted_gone == 2);
}
