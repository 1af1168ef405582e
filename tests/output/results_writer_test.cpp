// Specification of output/results_writer.cpp: where a scenario's results go in the file, and that a
// run file gets the provenance, the coordinates, every part (monthly, yearly, ledger, parameters) in
// one group; empty or inconsistent results are refused. Values: the part writers' own tests.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "output/results_writer.h"
#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

TEST_CASE("results writer: the group of a scenario, '/' in its name replaced", "[output][results_writer]") {
  CHECK(scenario_group_path("baseline") == "scenarios/baseline");
  CHECK(scenario_group_path("studies/dalarna-cut") == "scenarios/studies_dalarna-cut");
}

TEST_CASE("results writer: a run file has provenance and every part in the scenario's group",
          "[output][results_writer]") {
  FrameFixture f("results-writer");
  const World world = build_world(f.scenario.config);
  const auto path = f.dir / "run.h5";
  const RunInfo run{"finsim run (test)", 2, 1, "2026-11-26T09:00:00Z", "testhost"};
  write_results(path, f.scenario, world, f.results, run);

  const auto file = h5::File::open_read(path);
  const auto root = file.root();
  CHECK(h5::string_attribute(root, ".", "schema_version") == kSchemaVersion);
  CHECK(h5::string_attribute(root, ".", "command_line") == "finsim run (test)");
  CHECK(h5::int_attribute(root, ".", "threads") == 2);
  const auto g = file.open_group("scenarios/baseline");
  CHECK(h5::int_attribute(g, ".", "replication_first") == 3);
  CHECK(h5::int_attribute(g, ".", "replication_count") == 1);
  CHECK(h5::int_attribute(g, ".", "months") == 18);
  // One dataset of each part, with the run's leading axis.
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{3});
  CHECK(h5::dataset_info(g, "participants").shape == h5::Shape{1, 18, 2});
  CHECK(h5::dataset_info(g, "budget").shape == h5::Shape{1, 2, 2});
  CHECK(h5::dataset_info(g, "public_cost").shape == h5::Shape{1, 18, kPayers});
  CHECK(h5::read_strings(g, "parameter").size() == f.scenario.parameters.size());
  // The areas' regions are the world's.
  CHECK(h5::read_strings(g, "forbund_region") == std::vector<std::string>(2, world.geography.regions.front().code));
}

TEST_CASE("results writer: no replications, or replications that differ, are refused", "[output][results_writer]") {
  FrameFixture f("results-writer-refused");
  const World world = build_world(f.scenario.config);
  const RunInfo run{"finsim run (test)", 1, 1, "2026-11-26T09:00:00Z", "testhost"};
  CHECK_THROWS_WITH(write_results(f.dir / "none.h5", f.scenario, world, {}, run), "write_results: no replications");
  f.results.push_back(f.replication(4));
  f.results.back().areas[0].name = "B";
  CHECK_THROWS_AS(write_results(f.dir / "differ.h5", f.scenario, world, f.results, run), std::invalid_argument);
}
