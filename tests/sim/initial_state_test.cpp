// Specification of sim/initial_state.cpp: at the start a förbund's staffed places are already filled
// by eligible people who began up to one mean duration before, picked by keyed draws.
#include <catch2/catch.hpp>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

using finsim::test::census_of;

std::int64_t census_total(const Area& a) {
  std::int64_t n = 0;
  for (int s = 0; s < kStates; ++s) n += census_of(a, static_cast<State>(s));
  return n;
}

}  // namespace

TEST_CASE("the places are filled in storage order when there are few people per place", "[sim][initial_state]") {
  AreaFixture f;
  const std::size_t t = f.type("work_training");  // 16-64, any needs, mean 6 months
  for (int k = 0; k < 10; ++k) f.person(30);
  f.area.capacity[t] = 4;  // 3 candidates a place ≥ 10 people: everyone is a candidate

  fill_initial_participants(f.area, f.ctx(0));

  const Agents& a = f.area.agents;
  for (std::size_t i = 0; i < 10; ++i) {
    INFO("person " << i);
    if (i < 4) {
      CHECK(a.state_of(i) == State::InInsats);
      CHECK(a.insats[i] == t);
      // Started 1 to 6 months (one mean duration) before the month.
      CHECK(a.since[i] <= -1);
      CHECK(a.since[i] >= -6);
    } else {
      CHECK(a.state_of(i) == State::Target);
    }
  }
  CHECK(f.area.participants[t] == 4);
  for (std::size_t u = 0; u < f.area.participants.size(); ++u)
    if (u != t) CHECK(f.area.participants[u] == 0);  // types without places get nobody
  CHECK(census_of(f.area, State::Target) == 6);
  CHECK(census_of(f.area, State::InInsats) == 4);
  CHECK(census_total(f.area) == 10);
}

TEST_CASE("only eligible people fill a place (age band, needs)", "[sim][initial_state]") {
  AreaFixture f;
  const std::size_t t = f.type("ips");  // 18-64, mental ill-health
  const std::size_t no_need = f.person(30);
  const std::size_t too_young = f.person(17, NeedMental);
  const std::size_t first = f.person(30, NeedMental);
  const std::size_t second = f.person(40, NeedMental);
  const std::size_t third = f.person(50, NeedMental);
  f.area.capacity[t] = 2;

  fill_initial_participants(f.area, f.ctx(0));

  const Agents& a = f.area.agents;
  CHECK(a.state_of(no_need) == State::Target);
  CHECK(a.state_of(too_young) == State::Target);
  CHECK(a.state_of(first) == State::InInsats);
  CHECK(a.state_of(second) == State::InInsats);
  CHECK(a.state_of(third) == State::Target);  // the places were full
  CHECK(f.area.participants[t] == 2);
}

TEST_CASE("with many people per place the candidates are drawn, spread over storage", "[sim][initial_state]") {
  AreaFixture f;
  const std::size_t wt = f.type("work_training");
  const std::size_t ct = f.type("coordination_team");
  for (int k = 0; k < 300; ++k) f.person(20 + k % 40);
  f.area.capacity[wt] = 3;
  f.area.capacity[ct] = 3;
  Area copy = f.area;

  fill_initial_participants(f.area, f.ctx(0));

  CHECK(f.area.participants[wt] == 3);
  CHECK(f.area.participants[ct] == 3);
  CHECK(census_of(f.area, State::InInsats) == 6);
  CHECK(census_total(f.area) == 300);
  // About one person in 17 is a candidate (3 × 6 / 300): not simply the first six stored.
  int first_six = 0;
  for (std::size_t i = 0; i < 6; ++i) first_six += f.area.agents.state_of(i) == State::InInsats;
  CHECK(first_six < 6);
  // The draws are keyed: the same area at the same month is filled the same way.
  fill_initial_participants(copy, f.ctx(0));
  for (std::size_t i = 0; i < 300; ++i) {
    REQUIRE(copy.agents.state[i] == f.area.agents.state[i]);
    REQUIRE(copy.agents.insats[i] == f.area.agents.insats[i]);
    REQUIRE(copy.agents.since[i] == f.area.agents.since[i]);
  }
}

TEST_CASE("no places filled outside a förbund or without staffed places", "[sim][initial_state]") {
  AreaFixture f;
  for (int k = 0; k < 5; ++k) f.person(30);
  fill_initial_participants(f.area, f.ctx(0));  // no capacity
  CHECK(census_of(f.area, State::InInsats) == 0);

  f.area.capacity[f.type("work_training")] = 5;
  f.area.forbund = -1;
  fill_initial_participants(f.area, f.ctx(0));
  CHECK(census_of(f.area, State::InInsats) == 0);
  for (std::size_t i = 0; i < 5; ++i) CHECK(f.area.agents.state_of(i) == State::Target);
}
