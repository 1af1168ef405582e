// Specification of area sharing: states of one replication hold an area together while their
// plans for its förbund agree, and a state whose plan parts goes on with an equal copy.
#include <catch2/catch.hpp>

#include "../test_paths.h"
#include "config/read_scenario.h"
#include "sim/area_sharing.h"
#include "sim/simulation.h"
#include "world/world.h"

using namespace finsim;

namespace {

struct Three {
  Scenario scenario =
      load_scenario(test::kBaseline, {"population.scale=0.01", "scenario.end=2019-12", "scenario.burn_in_years=0"});
  World world = build_world(scenario.config);
  std::vector<ReplicationState> states;
  std::vector<ReplicationState*> held;
  Three() {
    states.push_back(start_replication(scenario.config, world, 0));
    states.push_back(start_sharing(states[0], scenario.config, world));
    states.push_back(start_sharing(states[0], scenario.config, world));
    for (auto& s : states) held.push_back(&s);
  }
  // The index of the first area with a förbund.
  std::size_t forbund_area() const {
    for (std::size_t a = 0; a < states[0].areas.size(); ++a)
      if (states[0].areas[a]->forbund >= 0) return a;
    return 0;
  }
};

}  // namespace

TEST_CASE("area sharing: states started together hold the same areas, stepped once", "[sim][sharing]") {
  Three t;
  const std::size_t n = t.states[0].areas.size();
  REQUIRE(n > 2);
  for (const auto& s : t.states)
    for (std::size_t a = 0; a < n; ++a) REQUIRE(s.areas[a] == t.states[0].areas[a]);
  REQUIRE(distinct_areas(t.held).size() == n);
  // Larger areas first.
  const auto areas = distinct_areas(t.held);
  for (std::size_t i = 1; i < areas.size(); ++i)
    CHECK(areas[i - 1].area->agents.size() >= areas[i].area->agents.size());
}

TEST_CASE("area sharing: a state whose plan for one förbund parts gets a copy of that area only", "[sim][sharing]") {
  Three t;
  const std::size_t a = t.forbund_area();
  const auto f = static_cast<std::size_t>(t.states[0].areas[a]->forbund);
  std::vector<ForbundYear> same = t.states[0].first_plan, other = same;
  other[f].monthly_slots.front() += 1;  // one more slot of the first insats type
  REQUIRE_FALSE(same_for_model(same, other));
  const Area* before = t.states[0].areas[a].get();
  const std::vector<const std::vector<ForbundYear>*> plans = {&same, &other, &same};
  REQUIRE(part_areas(t.held, plans) == 1);
  CHECK(t.states[0].areas[a].get() == before);  // the first group keeps the area
  CHECK(t.states[2].areas[a].get() == before);
  CHECK(t.states[1].areas[a].get() != before);  // the parting state goes on with a copy …
  CHECK(t.states[1].areas[a]->agents.rows.size() == before->agents.rows.size());
  CHECK(t.states[1].areas[a]->name == before->name);
  for (std::size_t b = 0; b < t.states[0].areas.size(); ++b)  // … of that area only
    if (b != a) CHECK(t.states[1].areas[b] == t.states[0].areas[b]);
  CHECK(distinct_areas(t.held).size() == t.states[0].areas.size() + 1);
  // The same plans again part nothing more; fields the model does not read part nothing.
  REQUIRE(part_areas(t.held, plans) == 0);
  std::vector<ForbundYear> relabelled = same;
  relabelled[f].capping_party = "somebody else";
  relabelled[f].key_offer += 1000;
  const std::vector<const std::vector<ForbundYear>*> again = {&same, &other, &relabelled};
  REQUIRE(part_areas(t.held, again) == 0);
}

TEST_CASE("area sharing: three different plans make two copies, equal plans of different holders none",
          "[sim][sharing]") {
  Three t;
  const std::size_t a = t.forbund_area();
  const auto f = static_cast<std::size_t>(t.states[0].areas[a]->forbund);
  std::vector<ForbundYear> p0 = t.states[0].first_plan, p1 = p0, p2 = p0;
  p1[f].individual += 1;
  p2[f].equity_draw += 1;
  const std::vector<const std::vector<ForbundYear>*> parted = {&p0, &p1, &p2};
  REQUIRE(part_areas(t.held, parted) == 2);
  CHECK(distinct_areas(t.held).size() == t.states[0].areas.size() + 2);
  // Once apart, states stay apart even when their plans agree again: their areas may differ.
  const std::vector<const std::vector<ForbundYear>*> agree = {&p0, &p0, &p0};
  REQUIRE(part_areas(t.held, agree) == 0);
  CHECK(distinct_areas(t.held).size() == t.states[0].areas.size() + 2);
}

TEST_CASE("area sharing: a lone state parts nothing", "[sim][sharing]") {
  Three t;
  std::vector<ForbundYear> plan = t.states[0].first_plan;
  ReplicationState* one[] = {t.held[0]};
  const std::vector<const std::vector<ForbundYear>*> plans = {&plan};
  REQUIRE(part_areas(one, plans) == 0);
}

TEST_CASE("area sharing: a state is shared only before its first month", "[sim][sharing]") {
  Three t;
  advance_month(t.states[0], t.scenario.config);
  CHECK_THROWS_AS(start_sharing(t.states[0], t.scenario.config, t.world), std::logic_error);
}
