// Specification of sim/participation.cpp: a participant who drops out goes back to the target group
// with the referral cooldown; one who completes goes to work or studies, job seeking, or "other",
// which follows a pathway edge to another insats's waiting list when it has places.
#include <catch2/catch.hpp>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

// Person i takes part in insats `type` from month 0 (as assign_slots would start them).
void start(AreaFixture& f, std::size_t i, std::size_t type) {
  f.area.agents.insats[i] = static_cast<std::uint8_t>(type);
  move_to(f.area, i, State::InInsats, LogEvent::Start, f.ctx(0));
  ++f.area.participants[type];
}

const std::vector<std::string> kCooldown = {"referral.cooldown_months=5"};

}  // namespace

TEST_CASE("a dropout leaves the insats for the target group, blocked for the cooldown", "[sim][participation]") {
  AreaFixture f(kCooldown);
  const std::size_t t = f.type("ips");
  const std::size_t i = f.person(40, NeedMental);
  start(f, i, t);
  f.area.due.clear();
  f.due(i, NextEvent::Dropout, 3);
  participation(f.area, f.ctx(3));
  CHECK(f.area.agents.state_of(i) == State::Target);
  CHECK(f.area.agents.blocked_until[i] == 3 + 5);
  CHECK(f.area.participants[t] == 0);
  CHECK(f.area.month.dropouts == 1);
  CHECK(f.area.month.exit_other == 1);
  CHECK(f.area.month.completions == 0);
}

TEST_CASE("people not due this month, or due for another event, are left alone", "[sim][participation]") {
  AreaFixture f(kCooldown);
  const std::size_t t = f.type("ips");
  const std::size_t later = f.person(40, NeedMental);
  const std::size_t other = f.person(40, NeedMental);
  start(f, later, t);
  start(f, other, t);
  f.area.due.clear();
  f.due(later, NextEvent::Completion, 4);  // next month, not this one
  f.due(other, NextEvent::Referral, 3);    // not a participation event
  participation(f.area, f.ctx(3));
  CHECK(f.area.agents.state_of(later) == State::InInsats);
  CHECK(f.area.agents.state_of(other) == State::InInsats);
  CHECK(f.area.participants[t] == 2);
  CHECK(f.area.month.completions == 0);
}

TEST_CASE("a completion without work or studies but with job seeking certain goes to job seeking",
          "[sim][participation]") {
  AreaFixture f(kCooldown);
  const std::size_t t = f.type("ips");
  f.scenario.config.insatser[t].p_job_seeking = 1.0;
  f.area.structural_outcome = 0.0;  // scales work-or-studies to 0
  const std::size_t i = f.person(40, NeedMental);
  start(f, i, t);
  f.area.due.clear();
  f.due(i, NextEvent::Completion, 6);
  participation(f.area, f.ctx(6));
  CHECK(f.area.agents.state_of(i) == State::JobSeeking);
  CHECK(f.area.month.completions == 1);
  CHECK(f.area.month.exit_job_seeking == 1);
  CHECK(f.area.month.exit_work + f.area.month.exit_studies + f.area.month.exit_other == 0);
  CHECK(f.area.participants[t] == 0);
}

TEST_CASE("an 'other' completion follows the pathway to a waiting list with places, else goes back",
          "[sim][participation]") {
  AreaFixture f(kCooldown);
  const std::size_t from = f.type("ips");
  const std::size_t to = f.type("coordination_team");
  f.scenario.config.insatser[from].p_job_seeking = 0.0;
  f.area.structural_outcome = 0.0;  // neither work, studies nor job seeking: "other"
  f.scenario.config.pathway = {{"ips", "coordination_team", 1.0}};
  const std::size_t onward = f.person(40, NeedMental);
  const std::size_t back = f.person(40, NeedMental);
  start(f, onward, from);
  start(f, back, from);
  f.area.due.clear();

  f.area.capacity[to] = 1;
  f.due(onward, NextEvent::Completion, 7);
  participation(f.area, f.ctx(7));
  CHECK(f.area.agents.state_of(onward) == State::Waiting);
  CHECK(f.area.agents.insats[onward] == to);
  REQUIRE(f.area.queues[to].size() == 1);
  CHECK(f.area.queues[to].front().person == onward);
  CHECK(f.area.queues[to].front().joined == 7);
  CHECK(f.area.waiting[to] == 1);
  CHECK(f.area.month.pathway_referrals == 1);
  CHECK(f.area.month.exit_other == 1);

  f.area.capacity[to] = 0;  // the next insats has no places: back to the target group
  f.area.due.clear();
  f.due(back, NextEvent::Completion, 8);
  participation(f.area, f.ctx(8));
  CHECK(f.area.agents.state_of(back) == State::Target);
  CHECK(f.area.agents.blocked_until[back] == 8 + 5);
  CHECK(f.area.month.pathway_referrals == 1);
  CHECK(f.area.participants[from] == 0);
}
