// Specification of sim/area.cpp: one area per förbund (in förbund order), then one per region for
// its kommuner without a förbund; per-type lists sized for the catalogue; live() counts the not Gone.
#include <catch2/catch.hpp>

#include "sim/area.h"
#include "world/world.h"

using namespace finsim;

namespace {

// Five kommuner in two regions: förbund "A" (region 01) serves kommuner 0 and 2, förbund "B"
// (region 02) serves 3 and 4; kommun 1 (region 01) has no förbund.
World tiny_world() {
  Geography geo;
  geo.regions = {{"01", "Första län"}, {"02", "Andra län"}};
  const int region_of[] = {0, 0, 0, 1, 1};
  const char* const code[] = {"0100", "0101", "0102", "0103", "0104"};
  for (int k = 0; k < 5; ++k) {
    Kommun km;
    km.code = code[k];
    km.name = code[k];
    km.region = region_of[k];
    km.population_16_64 = 1000 * (k + 1);
    geo.kommuner.push_back(km);
  }
  OrgGraph org(geo, {{"A", 0, {0, 2}, false, "documented"}, {"B", 1, {3, 4}, true, "merge"}});
  return World{std::move(geo), std::move(org), PathwayGraph({}, {}), "", "", "", ""};
}

}  // namespace

TEST_CASE("areas: förbund first in förbund order, then the kommuner without a förbund per region", "[sim][area]") {
  const World w = tiny_world();
  const std::vector<Area> areas = make_areas(w, 3);
  REQUIRE(areas.size() == 3);  // region 02 has no kommun outside a förbund: no area for it

  CHECK(areas[0].forbund == 0);
  CHECK(areas[0].region == 0);
  CHECK(areas[0].name == "A");
  CHECK(areas[0].kommuner == std::vector<int>{0, 2});

  CHECK(areas[1].forbund == 1);
  CHECK(areas[1].region == 1);
  CHECK(areas[1].name == "B");
  CHECK(areas[1].kommuner == std::vector<int>{3, 4});

  CHECK(areas[2].forbund == -1);
  CHECK(areas[2].region == 0);
  CHECK(areas[2].name == "Utan förbund, Första län");
  CHECK(areas[2].kommuner == std::vector<int>{1});

  // Every kommun is served by exactly one area.
  std::vector<int> served(5, 0);
  for (const Area& a : areas)
    for (int k : a.kommuner) ++served[static_cast<std::size_t>(k)];
  CHECK(served == std::vector<int>(5, 1));
}

TEST_CASE("areas start empty, with one serial per kommun and per-type lists for the catalogue", "[sim][area]") {
  const World w = tiny_world();
  for (const Area& a : make_areas(w, 3)) {
    INFO(a.name);
    CHECK(a.next_serial == std::vector<std::uint32_t>(a.kommuner.size(), 0));
    CHECK(a.agents.size() == 0);
    CHECK(a.live() == 0);
    CHECK(a.queues.size() == 3);
    for (const auto* v : {&a.participants, &a.waiting, &a.capacity, &a.capacity_goal, &a.capacity_from})
      CHECK(*v == std::vector<std::int64_t>(3, 0));
    CHECK(a.month.participants == std::vector<std::int64_t>(3, 0));
    CHECK(a.month.capacity == std::vector<std::int64_t>(3, 0));
  }
}

TEST_CASE("size_for empties the per-type lists and this month's record", "[sim][area]") {
  Area a;
  a.size_for(2);
  a.queues[1].push_back({4, 0});
  a.participants[0] = 3;
  a.capacity_goal[1] = 9;
  a.month.starts = 5;
  a.size_for(4);
  CHECK(a.queues.size() == 4);
  CHECK(a.queues[1].empty());
  CHECK(a.participants == std::vector<std::int64_t>(4, 0));
  CHECK(a.capacity_goal == std::vector<std::int64_t>(4, 0));
  CHECK(a.month.starts == 0);
  CHECK(a.month.participants.size() == 4);
}

TEST_CASE("live() counts everyone not Gone, count() keeps the census by state and support", "[sim][area]") {
  Area a;
  a.size_for(1);
  for (std::uint32_t s = 0; s < 4; ++s) {
    a.agents.add(agent_id(0, s), 0, -400, 0, 0, static_cast<std::uint8_t>(s % 2), 1.0f, 0);
    a.count(State::Target, static_cast<std::uint8_t>(s % 2), +1);
  }
  CHECK(a.live() == 4);
  a.agents.set_state(2, State::Gone, 1);
  a.count(State::Target, 0, -1);
  a.count(State::Gone, 0, +1);
  a.agents.set_state(3, State::Work, 1);
  a.count(State::Target, 1, -1);
  a.count(State::Work, 1, +1);
  CHECK(a.live() == 3);  // Work is still in the population
  CHECK(a.census[static_cast<int>(State::Target)][0] == 1);
  CHECK(a.census[static_cast<int>(State::Target)][1] == 1);
  CHECK(a.census[static_cast<int>(State::Gone)][0] == 1);
  CHECK(a.census[static_cast<int>(State::Work)][1] == 1);
}
