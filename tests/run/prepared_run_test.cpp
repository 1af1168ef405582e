// A RunPlan resolved: each point's scenario and world (built once and shared where the organisation
// is the same), the units in point-major order, which points may share months, and the errors of a
// sweep that name the point and its values.
#include "run/prepared_run.h"

#include <catch2/catch.hpp>

#include "../input_error.h"
#include "../test_paths.h"

using namespace finsim;

namespace {

RunPlan prepared_sweep(const std::string& key, std::vector<std::string> values) {
  RunPlan plan;
  plan.scenario_file = test::kBaseline;
  plan.overrides = {"scenario.end=2019-12", "scenario.burn_in_years=0"};
  plan.varied_keys = {key};
  for (auto& v : values) plan.points.push_back({std::move(v)});
  return plan;
}

}  // namespace

TEST_CASE("prepared_run: units are point-major over the replications from the first", "[run][prepared_run]") {
  PreparedRun run;
  run.scenarios.resize(2);
  run.first_replication = 3;
  run.replications = 2;
  CHECK(run.units() == std::vector<Unit>{{0, 3}, {0, 4}, {1, 3}, {1, 4}});
  run.replications = 0;
  CHECK(run.units().empty());
}

TEST_CASE("prepared_run: a plain run is one point with the plan's overrides", "[run][prepared_run]") {
  RunPlan plan;
  plan.scenario_file = test::kBaseline;
  plan.overrides = {"scenario.end=2019-12"};
  plan.replications = 4;
  const PreparedRun run = prepare_run(plan);
  REQUIRE(run.scenarios.size() == 1);
  REQUIRE(run.worlds.size() == 1);
  CHECK(run.replications == 4);
  CHECK(run.first_replication == 0);
  CHECK(run.scenarios[0].config.meta.replications == 4);
  CHECK(run.units().size() == 4);
  CHECK(run.plan == plan);
  CHECK(!run.base);  // a plain run's base is its only point
  CHECK(&run.base_scenario() == &run.scenarios[0]);
}

TEST_CASE("prepared_run: a sweep's base is its scenario before any point's values", "[run][prepared_run]") {
  RunPlan plan = prepared_sweep("funding.state.growth_per_year", {"0.05", "0.1"});
  plan.replications = 3;
  const PreparedRun run = prepare_run(plan);
  REQUIRE(run.base);
  CHECK(&run.base_scenario() == &*run.base);
  const Scenario plain =
      load_scenario(test::kBaseline, {"scenario.end=2019-12", "scenario.burn_in_years=0", "scenario.replications=3"});
  // The same resolved scenario as the file with the plan's --set alone (the registry default growth,
  // not point 0's 0.05), and the overrides name no varied key.
  CHECK(run.base->resolved_toml == plain.resolved_toml);
  CHECK(run.base->overrides == plain.overrides);
  CHECK(run.base->config.funding.state.growth_per_year != run.scenarios[0].config.funding.state.growth_per_year);
  CHECK(run.scenarios[0].config.funding.state.growth_per_year == 0.05);
}

TEST_CASE("prepared_run: points that differ only in their funding share the world and the months",
          "[run][prepared_run]") {
  const PreparedRun run = prepare_run(prepared_sweep("funding.state.growth_per_year", {"0.0", "0.1"}));
  REQUIRE(run.worlds.size() == 2);
  CHECK(run.worlds[0] == run.worlds[1]);  // built once
  CHECK(run.may_share(0, 1));
  CHECK(run.may_share(1, 0));
  CHECK(run.units() == std::vector<Unit>{{0, 0}, {0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {0, 6},
                                         {0, 7}, {0, 8}, {0, 9}, {1, 0}, {1, 1}, {1, 2}, {1, 3},
                                         {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {1, 9}});
}

TEST_CASE("prepared_run: points that differ in the model do not share months, in the world not the areas",
          "[run][prepared_run]") {
  const PreparedRun model = prepare_run(prepared_sweep("population.inflow_per_year", {"0.11", "0.2"}));
  CHECK(model.worlds[0] == model.worlds[1]);  // the same organisation and data
  CHECK_FALSE(model.may_share(0, 1));
  // Another need indicator builds another world (other allocations) over the same areas.
  const PreparedRun need =
      prepare_run(prepared_sweep("funding.distribution.need_indicator", {"\"sa_ae_2018\"", "\"none\""}));
  CHECK(need.worlds[0] != need.worlds[1]);
  CHECK_FALSE(need.may_share(0, 1));
  CHECK(need.may_share(1, 1));
}

TEST_CASE("prepared_run: points that would change the file's dimensions are refused before any work",
          "[run][prepared_run]") {
  // Full coverage adds a förbund area (Stockholms län's non-members join one): other areas.
  CHECK(test::input_error([] {
          prepare_run(prepared_sweep("organisation.full_coverage", {"false", "true"}));
        }) ==
        "sweep point 1 (organisation.full_coverage=true): its förbund (organisation keys: membership, joins, "
        "merges, full coverage) differ from point 0's: the points of one file share one set of areas (run them "
        "separately and use finsim compare)");
  CHECK_THAT(test::input_error([] {
               prepare_run(prepared_sweep("organisation.unknown_membership", {"\"regional\"", "\"none\""}));
             }),
             Catch::StartsWith("sweep point 1 (organisation.unknown_membership=\"none\"): its förbund"));
  CHECK(test::input_error([] {
          prepare_run(prepared_sweep("population.scale", {"0.01", "0.02"}));
        }) ==
        "sweep point 1 (population.scale=0.02): population.scale differs from point 0's: the points of one file "
        "share one scale (run the scales separately and use finsim compare)");
}

TEST_CASE("prepared_run: a bad sweep point is named with its values, and the horizon must be common",
          "[run][prepared_run]") {
  const std::string bad = test::input_error([] { prepare_run(prepared_sweep("population.scale", {"0.5", "-1.0"})); });
  CHECK_THAT(bad, Catch::StartsWith("sweep point 1 (population.scale=-1.0): ") && Catch::Contains("population.scale"));
  const std::string common =
      ": its seed, replications or horizon differ from point 0's: every point must have "
      "the same (vary other keys)";
  CHECK(test::input_error([] {
          prepare_run(prepared_sweep("scenario.seed", {"1", "2"}));
        }) == "sweep point 1 (scenario.seed=2)" + common);
  CHECK(test::input_error([] {
          prepare_run(prepared_sweep("scenario.start", {"\"2019-01\"", "\"2018-01\""}));
        }) == "sweep point 1 (scenario.start=\"2018-01\")" + common);
  // A plain run's error is the scenario's own, with nothing added.
  RunPlan plain;
  plain.scenario_file = test::kBaseline;
  plain.overrides = {"population.scale=-1.0"};
  const std::string own = test::input_error([&] { prepare_run(plain); });
  CHECK_THAT(own, !Catch::StartsWith("sweep point"));
  CHECK_THAT(own, Catch::Contains("population.scale"));
}

TEST_CASE("prepared_run: an already loaded scenario is a plain run of its replications", "[run][prepared_run]") {
  Scenario s = load_scenario(test::kBaseline, {"scenario.replications=3", "scenario.end=2019-12"});
  auto world = std::make_shared<const World>(build_world(s.config));
  const PreparedRun run = prepare_run(std::move(s), world, true);
  CHECK(run.plan.record_events);
  CHECK(run.replications == 3);
  CHECK(run.worlds.front() == world);
  CHECK(run.units() == std::vector<Unit>{{0, 0}, {0, 1}, {0, 2}});
}
