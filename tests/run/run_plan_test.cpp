// Specification of run/run_plan.cpp: the scenario file and the --set strings of each point of a plan
// (the plan's overrides, then replications and seed, then the point's varied values).
#include "run/run_plan.h"

#include <catch2/catch.hpp>

using namespace finsim;

TEST_CASE("run plan: a plain run is one point with the plan's file and overrides", "[run][run_plan]") {
  RunPlan plan;
  plan.scenario_file = "scenarios/baseline.toml";
  plan.overrides = {"population.scale=0.01"};
  CHECK(plan.point_count() == 1);
  CHECK(!plan.is_sweep());
  CHECK(point_file(plan, 0) == "scenarios/baseline.toml");
  CHECK(point_overrides(plan, 0) == std::vector<std::string>{"population.scale=0.01"});
  // -r and --seed come after the plan's own overrides, so they win over a --set of the same key.
  plan.replications = 3;
  plan.seed = 7;
  CHECK(point_overrides(plan, 0) ==
        std::vector<std::string>{"population.scale=0.01", "scenario.replications=3", "scenario.seed=7"});
}

TEST_CASE("run plan: a sweep point adds its value of every varied key, last", "[run][run_plan]") {
  RunPlan plan;
  plan.scenario_file = "base.toml";
  plan.overrides = {"scenario.end=2020-12"};
  plan.seed = 1;
  plan.varied_keys = {"funding.state.allocation_msek.2025", "scenario.name"};
  plan.points = {{"339", "\"a\""}, {"508.5", "\"b\""}};
  CHECK(plan.is_sweep());
  CHECK(plan.point_count() == 2);
  CHECK(point_overrides(plan, 1) == std::vector<std::string>{"scenario.end=2020-12", "scenario.seed=1",
                                                             "funding.state.allocation_msek.2025=508.5",
                                                             "scenario.name=\"b\""});
  // What every point shares: the same without the varied values.
  CHECK(base_overrides(plan) == std::vector<std::string>{"scenario.end=2020-12", "scenario.seed=1"});
  CHECK(point_file(plan, 1) == "base.toml");
}

TEST_CASE("run plan: a study's points have their own scenario files", "[run][run_plan]") {
  RunPlan plan;
  plan.scenario_file = "unused.toml";
  plan.point_files = {"base.toml", "scen.toml"};
  plan.points = {{}, {}};
  CHECK(point_file(plan, 0) == "base.toml");
  CHECK(point_file(plan, 1) == "scen.toml");
  CHECK(point_overrides(plan, 1).empty());  // no varied keys: nothing per point
}

TEST_CASE("run plan: units are a point and a replication, compared by value", "[run][run_plan]") {
  CHECK(Unit{1, 2} == Unit{1, 2});
  CHECK(!(Unit{1, 2} == Unit{2, 1}));
  RunPlan a, b;
  a.overrides = {"x=1"};
  CHECK(!(a == b));
  b.overrides = {"x=1"};
  CHECK(a == b);
}
