// Specification of output/results_writer.cpp: where a scenario's results go in the file, and that a
// run file gets the provenance, the coordinates, every part (monthly, yearly, ledger, parameters) in
// one group; empty or inconsistent results are refused; units streamed in any order make the same
// file as units in memory, and a write that fails leaves no file. Values: the part writers' own tests.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "output/atomic_file.h"
#include "output/results_writer.h"
#include "result_frame_fixture.h"
#include "same_file.h"

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
  CHECK(h5::int_attribute(g, ".", "months") == 24);
  // One dataset of each part, with the run's leading axis.
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{3});
  CHECK(h5::dataset_info(g, "participants").shape == h5::Shape{1, 24, 2});
  CHECK(h5::dataset_info(g, "budget").shape == h5::Shape{1, 2, 2});
  CHECK(h5::dataset_info(g, "public_cost").shape == h5::Shape{1, 24, kPayers});
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

TEST_CASE("results writer: units given one at a time, in any order, make the file written from memory",
          "[output][results_writer]") {
  FrameFixture f("results-writer-stream");
  for (int r = 4; r < 7; ++r) {
    f.results.push_back(f.replication(r));
    // Every replication its own numbers and capping parties, so that a slab in the wrong place shows.
    for (auto& c : f.results.back().monthly) c.inflow += 10 * r;
    f.results.back().funding[1].capping_party = r == 5 ? "kommun:0180" : "ceiling";
  }
  const World world = build_world(f.scenario.config);
  const RunInfo run{"finsim run (test)", 2, 1, "2026-11-26T09:00:00Z", "testhost"};
  write_results(f.dir / "memory.h5", f.scenario, world, f.results, run);
  ResultWriter writer(f.dir / "streamed.h5", f.scenario, world, {3, 4, 5, 6}, run);
  for (const std::size_t i : {2, 0, 3, 1}) writer.add(0, f.results[i]);
  CHECK(writer.added() == 4);
  writer.finish();
  test::check_same_file(f.dir / "memory.h5", f.dir / "streamed.h5");
  // The widest capping party of any unit sets the width, whichever unit came first.
  const auto file = h5::File::open_read(f.dir / "streamed.h5");
  CHECK(h5::read_strings_at(file.open_group("scenarios/baseline"), "capping_party", 2)[2] == "kommun:0180");
}

TEST_CASE("results writer: a unit missing, given twice or not of the file is refused", "[output][results_writer]") {
  FrameFixture f("results-writer-units");
  const World world = build_world(f.scenario.config);
  const RunInfo run{"finsim run (test)", 1, 1, "2026-11-26T09:00:00Z", "testhost"};
  ResultWriter writer(f.dir / "units.h5", f.scenario, world, {3, 4}, run);
  CHECK_THROWS_WITH(writer.finish(), "write_results: no replications");
  writer.add(0, f.results[0]);
  CHECK_THROWS_WITH(writer.add(0, f.results[0]), "write_results: unit (point 0, replication 3) given twice");
  CHECK_THROWS_WITH(writer.add(0, f.replication(9)), "write_results: replication 9 is not one of the file's");
  CHECK_THROWS_WITH(writer.add(1, f.results[0]), "write_results: no point 1");
  CHECK_THROWS_WITH(writer.finish(), "write_results: 1 of 2 units not given");
}

TEST_CASE("results writer: a write that fails half-way leaves no result file", "[output][results_writer]") {
  FrameFixture f("results-writer-fails");
  const World world = build_world(f.scenario.config);
  const RunInfo run{"finsim run (test)", 1, 1, "2026-11-26T09:00:00Z", "testhost"};
  const auto final_path = f.dir / "half.h5";
  {
    PartialFile partial(final_path);
    partial.create();
    ResultWriter writer(partial.partial_path(), f.scenario, world, {3, 4}, run);
    writer.add(0, f.results[0]);  // written: the file exists with its datasets
    REQUIRE(std::filesystem::file_size(partial.partial_path()) > 0);
    ReplicationResult other = f.replication(4);
    other.areas[0].name = "B";
    CHECK_THROWS_AS(writer.add(0, other), std::invalid_argument);
  }  // never committed
  CHECK_FALSE(std::filesystem::exists(final_path));
  CHECK(std::filesystem::directory_iterator(f.dir.path) == std::filesystem::directory_iterator());
}
