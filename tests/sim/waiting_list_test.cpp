// Specification of sim/waiting_list.cpp: per insats type a first-in-first-out list; whoever has
// waited referral.max_wait_months gives up (back to the target group, no new referral for
// referral.cooldown_months); free places are filled from the front, each start paid for the month.
#include <catch2/catch.hpp>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

// What referral does: the person joins the list of `type` in `month`.
void join(AreaFixture& f, std::size_t i, std::size_t type, int month) {
  f.area.agents.insats[i] = static_cast<std::uint8_t>(type);
  move_to(f.area, i, State::Waiting, LogEvent::Referral, f.ctx(month));
  f.area.queues[type].push_back({static_cast<std::uint32_t>(i), static_cast<std::int16_t>(month)});
  ++f.area.waiting[type];
}

const std::vector<std::string> kWait = {"referral.max_wait_months=6", "referral.cooldown_months=4"};

}  // namespace

TEST_CASE("who has waited the longest wait gives up, who joined later keeps waiting", "[sim][waiting_list]") {
  AreaFixture f(kWait);
  const std::size_t t = f.type("ips");
  const std::size_t first = f.person(40, NeedMental);
  const std::size_t second = f.person(40, NeedMental);
  join(f, first, t, 0);
  join(f, second, t, 1);

  waiting_list(f.area, f.ctx(5));  // 5 and 4 months: both still wait
  CHECK(f.area.month.wait_expired == 0);
  CHECK(f.area.queues[t].size() == 2);

  waiting_list(f.area, f.ctx(6));  // first: 6 - 0 = 6 months, the maximum
  CHECK(f.area.month.wait_expired == 1);
  CHECK(f.area.agents.state_of(first) == State::Target);
  CHECK(f.area.agents.blocked_until[first] == 6 + 4);  // cooldown from the month of giving up
  CHECK(f.area.agents.state_of(second) == State::Waiting);
  CHECK(f.area.waiting[t] == 1);
  REQUIRE(f.area.queues[t].size() == 1);
  CHECK(f.area.queues[t].front().person == second);
}

TEST_CASE("list entries of people who left the list are dropped, not counted as giving up", "[sim][waiting_list]") {
  AreaFixture f(kWait);
  const std::size_t t = f.type("ips");
  const std::size_t left = f.person(40, NeedMental);
  join(f, left, t, 0);
  move_to(f.area, left, State::Work, LogEvent::WorkStudies, f.ctx(2));  // found work while waiting
  waiting_list(f.area, f.ctx(8));
  CHECK(f.area.queues[t].empty());
  CHECK(f.area.month.wait_expired == 0);
  CHECK(f.area.agents.state_of(left) == State::Work);
}

TEST_CASE("who left the list and joined again waits from the new month, behind those before", "[sim][waiting_list]") {
  AreaFixture f(kWait);
  const std::size_t t = f.type("ips");
  const std::size_t again = f.person(40, NeedMental);
  const std::size_t other = f.person(40, NeedMental);
  join(f, again, t, 0);
  move_to(f.area, again, State::Target, LogEvent::WaitExpired, f.ctx(2));  // leaves the list in month 2
  --f.area.waiting[t];
  join(f, other, t, 3);
  join(f, again, t, 4);            // back on the list: its old entry (month 0) is stale
  waiting_list(f.area, f.ctx(6));  // 6 months after the stale entry, 2 after the new one
  CHECK(f.area.month.wait_expired == 0);
  CHECK(f.area.agents.state_of(again) == State::Waiting);
  // One free place goes to who joined first among those still waiting: `other` (month 3).
  f.area.capacity[t] = 1;
  assign_slots(f.area, f.ctx(6));
  CHECK(f.area.agents.state_of(other) == State::InInsats);
  CHECK(f.area.agents.state_of(again) == State::Waiting);
}

TEST_CASE("free places go to the front of the list, each start is paid for the month", "[sim][waiting_list]") {
  AreaFixture f(kWait);
  const std::size_t t = f.type("ips");
  std::vector<std::size_t> people;
  for (int k = 0; k < 3; ++k) {
    people.push_back(f.person(40, NeedMental));
    join(f, people.back(), t, k);
  }
  // The second was already counted as a unique participant this year (an earlier insats in 2019).
  f.area.agents.counted_year[people[1]] = 2019;
  f.area.capacity[t] = 2;
  assign_slots(f.area, f.ctx(3));
  CHECK(f.area.agents.state_of(people[0]) == State::InInsats);
  CHECK(f.area.agents.state_of(people[1]) == State::InInsats);
  CHECK(f.area.agents.state_of(people[2]) == State::Waiting);  // no third place
  CHECK(f.area.participants[t] == 2);
  CHECK(f.area.waiting[t] == 1);
  CHECK(f.area.month.starts == 2);
  CHECK(f.area.month.new_unique_participants == 1);
  CHECK(f.area.agents.counted_year[people[0]] == 2019);
  CHECK(f.area.month.participants[t] == 2);
  CHECK(f.area.month.capacity[t] == 2);
  CHECK(f.area.month.insats_spending == 2 * f.insatser()[t].cost_per_month);
}

TEST_CASE("a full insats starts nobody but is still paid for its participants", "[sim][waiting_list]") {
  AreaFixture f(kWait);
  const std::size_t t = f.type("ips");
  const std::size_t waiting = f.person(40, NeedMental);
  join(f, waiting, t, 0);
  f.area.capacity[t] = 3;
  f.area.participants[t] = 3;  // already full
  assign_slots(f.area, f.ctx(1));
  CHECK(f.area.agents.state_of(waiting) == State::Waiting);
  CHECK(f.area.month.starts == 0);
  CHECK(f.area.month.insats_spending == 3 * f.insatser()[t].cost_per_month);
}
