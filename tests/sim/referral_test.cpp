// Specification of sim/referral.cpp: capacity_responsive offers open places to identified people,
// first identified first, each to an insats by needs and age; fixed_rate refers due people.
#include <catch2/catch.hpp>

#include "area_fixture.h"
#include "sim/insats_choice.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {
void identify(AreaFixture& f, std::size_t i, int month) {
  f.area.agents.identified[i] = static_cast<std::int16_t>(month);
  ++f.area.identified_count;
  f.area.identified_pool.add(static_cast<std::uint32_t>(i), static_cast<std::int16_t>(month),
                             fitting_types(f.insatser(), f.area.agents, i, month));
}
}  // namespace

TEST_CASE("open places go to identified people in the order they were identified", "[sim][referral]") {
  AreaFixture f({"referral.acceptable_wait_months=0"});
  const std::size_t ips = f.type("ips");
  f.area.capacity[ips] = 2;  // two free IPS places, nothing else open
  const std::size_t a = f.person(40, NeedMental);
  const std::size_t b = f.person(40, 0);  // fits no IPS
  const std::size_t c = f.person(40, NeedMental);
  const std::size_t d = f.person(40, NeedMental);
  identify(f, a, 0);
  identify(f, b, 0);
  identify(f, c, 1);
  identify(f, d, 2);
  referral(f.area, f.ctx(3));
  CHECK(f.area.month.referrals == 2);
  CHECK(f.area.agents.state_of(a) == State::Waiting);
  CHECK(f.area.agents.state_of(b) == State::Target);  // stays identified for a place that fits
  CHECK(f.area.agents.state_of(c) == State::Waiting);
  CHECK(f.area.agents.state_of(d) == State::Target);  // no place left
  CHECK(f.area.waiting[ips] == 2);
  CHECK(f.area.queues[ips].size() == 2);
  CHECK(f.area.identified_count == 2);                   // b and d
  CHECK(f.area.agents.identified[a] == kNotIdentified);  // known only while in the target group
  CHECK(f.area.month.identified_pool == 2);
  CHECK(f.area.identified_unsuited == 0);  // no place was left over
}

TEST_CASE("people who fit no open place leave them open and are counted as unsuited", "[sim][referral]") {
  AreaFixture f({"referral.acceptable_wait_months=0"});
  f.area.capacity[f.type("young_neet")] = 3;
  const std::size_t old = f.person(50, 0);
  identify(f, old, 0);
  referral(f.area, f.ctx(1));
  CHECK(f.area.month.referrals == 0);
  CHECK(f.area.identified_unsuited == 1);
}

TEST_CASE("a person who left the target group is not offered a place", "[sim][referral]") {
  AreaFixture f({"referral.acceptable_wait_months=0"});
  f.area.capacity[f.type("coordination_team")] = 1;
  const std::size_t gone = f.person(40);
  const std::size_t next = f.person(40);
  identify(f, gone, 0);
  identify(f, next, 0);
  move_to(f.area, gone, State::Work, LogEvent::WorkStudies, f.ctx(1));  // found work on their own
  CHECK(f.area.identified_count == 1);
  referral(f.area, f.ctx(1));
  CHECK(f.area.agents.state_of(next) == State::Waiting);
  CHECK(f.area.agents.insats[next] == f.type("coordination_team"));
}

TEST_CASE("fixed_rate: due people are referred, to a free place if any, else by slots", "[sim][referral]") {
  AreaFixture f({"referral.mode=\"fixed_rate\""});
  const std::size_t work = f.type("work_training");
  f.area.capacity[work] = 5;
  f.area.participants[work] = 5;  // full: weighted by slots
  const std::size_t p = f.person(40);
  f.due(p, NextEvent::Referral, 2);
  referral(f.area, f.ctx(2));
  CHECK(f.area.agents.state_of(p) == State::Waiting);
  CHECK(f.area.agents.insats[p] == work);
  CHECK(f.area.month.referrals == 1);
}
