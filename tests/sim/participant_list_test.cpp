// Specification of sim/participant_list.h: the list's live people equal a scan of every stored
// person for State::InInsats, in storage order, under random moves, re-entries and compactions.
#include <catch2/catch.hpp>

#include <random>

#include "area_fixture.h"
#include "sim/compaction.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

std::vector<std::uint32_t> in_insats_by_scan(const Agents& a) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a.state_of(i) == State::InInsats) out.push_back(static_cast<std::uint32_t>(i));
  return out;
}

}  // namespace

TEST_CASE("participant list: its live people are the scan's, under random moves and compactions",
          "[sim][participant_list]") {
  AreaFixture f;
  std::mt19937 gen(3);
  std::uniform_int_distribution<int> state(0, kStates - 1);
  for (int k = 0; k < 60; ++k) f.person(20 + k % 40);
  for (int month = 0; month < 36; ++month) {
    const StepContext ctx = f.ctx(month);
    std::uniform_int_distribution<std::size_t> who(0, f.area.agents.size() - 1);
    for (int k = 0; k < 25; ++k) {
      const std::size_t i = who(gen);
      const State from = f.area.agents.state_of(i);
      if (from == State::Gone) continue;
      const auto to = static_cast<State>(state(gen));
      // Into an insats again within the month (a second note of the same start) now and then.
      if (to == State::InInsats && from == State::InInsats && k % 2 == 0) continue;
      move_to(f.area, i, to, LogEvent::Start, ctx);
    }
    if (month % 5 == 0) f.person(30);
    if (month % 12 == 11) compact_gone(f.area);
    INFO("month " << month);
    REQUIRE(f.area.in_insats.live(f.area.agents) == in_insats_by_scan(f.area.agents));
  }
  CHECK_FALSE(in_insats_by_scan(f.area.agents).empty());
  // Reading drops the stale entries: what stays is one entry per participant.
  CHECK(f.area.in_insats.entries.size() == in_insats_by_scan(f.area.agents).size());
}

TEST_CASE("participant list: a start noted twice counts once and a stale entry does not revive",
          "[sim][participant_list]") {
  AreaFixture f;
  const std::size_t i = f.person(30);
  move_to(f.area, i, State::InInsats, LogEvent::Start, f.ctx(3));
  f.area.in_insats.add(i, 3);  // the same start noted twice
  CHECK(f.area.in_insats.live(f.area.agents) == std::vector<std::uint32_t>{static_cast<std::uint32_t>(i)});
  CHECK(f.area.in_insats.entries.size() == 1);
  // Left and back in a later month: the old entry (since 3) is stale, the new one (since 5) stands.
  f.area.in_insats.add(i, 3);
  move_to(f.area, i, State::Target, LogEvent::Dropout, f.ctx(4));
  move_to(f.area, i, State::InInsats, LogEvent::Start, f.ctx(5));
  CHECK(f.area.in_insats.live(f.area.agents) == std::vector<std::uint32_t>{static_cast<std::uint32_t>(i)});
  REQUIRE(f.area.in_insats.entries.size() == 1);
  CHECK(f.area.in_insats.entries[0].since == 5);
}
