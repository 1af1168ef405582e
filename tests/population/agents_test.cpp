// Specification of population/agents: the person records and their column views — a new person
// starts in the target group, never blocked or identified, and a copy's columns read the copy.
#include <catch2/catch.hpp>

#include <climits>

#include "population/agents.h"

using namespace finsim;

TEST_CASE("agent ids: the kommun in the top bits, the serial below, distinct across kommuner", "[population][agents]") {
  CHECK(agent_id(0, 5) == 5u);
  CHECK(agent_id(1, 0) == (1u << kSerialBits));
  CHECK(agent_id(289, 7) == (289u << kSerialBits) + 7u);  // the last of the 290 kommuner fits in 9 bits
  CHECK(agent_id(289, (1u << kSerialBits) - 1) >> kSerialBits == 289u);
  CHECK(agent_id(2, 0) != agent_id(1, 1u << (kSerialBits - 1)));
}

TEST_CASE("a new person is in the target group since the month of entry, not blocked, not identified",
          "[population][agents]") {
  Agents a;
  const std::size_t i = a.add(agent_id(3, 9), 3, -600, 0b11, 0b101, 2, 0.25f, -120);
  REQUIRE(i == 0);
  REQUIRE(a.size() == 1);
  CHECK(a.id[i] == agent_id(3, 9));
  CHECK(a.kommun[i] == 3);
  CHECK(a.birth[i] == -600);
  CHECK(a.traits[i] == 0b11);
  CHECK(a.needs[i] == 0b101);
  CHECK(a.support[i] == 2);
  CHECK(a.state_of(i) == State::Target);
  CHECK(a.since[i] == -120);               // the burn-in's first month: months before the start are negative
  CHECK(a.blocked_until[i] == INT16_MIN);  // below every month of a run, burn-in included
  CHECK(a.identified[i] == kNotIdentified);
  CHECK(a.wake[i] == INT16_MAX);  // nothing scheduled yet
  CHECK(a.counted_year[i] == -1);
  CHECK(a.job_chance[i] == 0.25f);
  CHECK(a.add(agent_id(3, 10), 3, -500, 0, 0, 0, 1.0f, -120) == 1);  // indices are positions
}

TEST_CASE("set_state moves a person and stamps the month", "[population][agents]") {
  Agents a;
  a.add(1, 0, -400, 0, 0, 0, 1.0f, 0);
  a.set_state(0, State::Waiting, 7);
  CHECK(a.state_of(0) == State::Waiting);
  CHECK(a.since[0] == 7);
}

TEST_CASE("a copied or moved Agents reads its own records through its columns", "[population][agents]") {
  Agents a;
  a.add(1, 0, -400, 0, 0, 0, 1.0f, 0);
  Agents b = a;
  b.birth[0] = -401;
  CHECK(a.birth[0] == -400);  // the copy's column does not point into the original
  CHECK(b.birth[0] == -401);
  Agents c = std::move(b);
  CHECK(c.birth[0] == -401);
  c.birth[0] = -402;
  CHECK(c.birth[0] == -402);
  Agents d;
  d = a;
  d.needs[0] = 7;
  CHECK(a.needs[0] == 0);
  CHECK(d.needs[0] == 7);
  CHECK(a.bytes_per_agent() == sizeof(Person));
}
