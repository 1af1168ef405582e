// Sweep files: a point read back from a sweep equals that point written alone as a plain run
// (every dataset), the point labels and digests are stored, and misuse is a one-line input error.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "output/hdf5_file.h"
#include "output/results_reader.h"
#include "output/sha256.h"
#include "sweep_fixture.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace finsim;
using finsim::test::tiny_sweep;

TEST_CASE("sweep: every dataset of a point equals the point written alone as a run", "[output][sweep]") {
  const auto& t = tiny_sweep();
  for (std::size_t p = 0; p < t.scenarios.size(); ++p) {
    const auto plain_path = t.write_point(p);
    const auto plain = open_results(plain_path);
    const auto sweep = open_results(t.file);
    CHECK(plain.scenario == sweep.scenario);
    int compared = 0;
    for (const auto& child : plain.group.children()) {
      if (child.kind != h5::Kind::dataset) continue;
      INFO("point " << p << ", dataset " << child.name);
      REQUIRE(sweep.group.has(child.name));
      const auto plain_dims = h5::dimension_names(plain.group, child.name);
      auto sweep_dims = h5::dimension_names(sweep.group, child.name);
      const bool sliced = sweep_dims.size() == plain_dims.size() + 1 && sweep_dims.front() == "point";
      if (sliced) sweep_dims.erase(sweep_dims.begin());
      CHECK(sweep_dims == plain_dims);
      // Every array along replication has the point axis first; so do the point's parameter values.
      const bool has_replication = std::find(plain_dims.begin(), plain_dims.end(), "replication") != plain_dims.end();
      if (has_replication && child.name != "replication") CHECK(sliced);
      const auto dtype = h5::dataset_info(plain.group, child.name).dtype;
      CHECK(h5::dataset_info(sweep.group, child.name).dtype == dtype);
      if (dtype == "str")
        CHECK((sliced ? h5::read_strings_at(sweep.group, child.name, p) : h5::read_strings(sweep.group, child.name)) ==
              h5::read_strings(plain.group, child.name));
      else if (dtype.rfind("float", 0) == 0)
        CHECK((sliced ? h5::read_double_at(sweep.group, child.name, p) : h5::read_double(sweep.group, child.name)).values ==
              h5::read_double(plain.group, child.name).values);
      else
        CHECK((sliced ? h5::read_int64_at(sweep.group, child.name, p) : h5::read_int64(sweep.group, child.name)).values ==
              h5::read_int64(plain.group, child.name).values);
      ++compared;
    }
    CHECK(compared > 50);
    // RunData of the point equals RunData of the plain file, digest included.
    const RunData a = read_run(t.file, p), b = read_run(plain_path);
    CHECK(a.scenario_sha256 == b.scenario_sha256);
    CHECK(a.stock.values == b.stock.values);
    CHECK(a.state_offer.values == b.state_offer.values);
    CHECK(a.finsam_contribution.values == b.finsam_contribution.values);
    CHECK(a.point == p);
    CHECK(a.point_overrides == "funding.state.allocation_msek.2020=" + t.values[p]);
    fs::remove(plain_path);
  }
}

TEST_CASE("sweep: point labels, digests and group attributes", "[output][sweep]") {
  const auto& t = tiny_sweep();
  const auto f = open_results(t.file);
  const auto& g = f.group;
  CHECK(h5::read_int64(g, "point").values == std::vector<std::int64_t>{0, 1, 2});
  const std::string key = "funding.state.allocation_msek.2020";
  CHECK(h5::dataset_info(g, key).dtype == "float64");
  CHECK(h5::read_double(g, key).values == std::vector<double>{339, 678, 1017});
  CHECK(h5::dimension_names(g, key) == std::vector<std::string>{"point"});
  CHECK(h5::strings_attribute(g, ".", "sweep_varied_keys") == std::vector<std::string>{key});
  CHECK(h5::int_attribute(g, ".", "sweep_points") == 3);
  CHECK(h5::string_attribute(g, ".", "scenario_sha256") == sha256_hex(t.base.resolved_toml));
  const auto digests = h5::read_strings(g, "point_scenario_sha256");
  const auto resolved = h5::read_strings(g, "point_resolved_scenario");
  for (std::size_t p = 0; p < 3; ++p) {
    CHECK(digests[p] == sha256_hex(t.scenarios[p].resolved_toml));
    CHECK(resolved[p] == t.scenarios[p].resolved_toml);
  }
  CHECK(digests[0] != digests[1]);
  CHECK(h5::read_strings(g, "point_overrides")[2] == key + "=1017.0");
  // xarray reads the CF attribute: the point labels are coordinates of every array along point.
  CHECK(h5::string_attribute(g, "stock", "coordinates") == key + " point_overrides point_scenario_sha256");
  CHECK_FALSE(g.has_attribute("forbund_kind", "coordinates"));
  CHECK(h5::dimension_names(g, "parameter_value") == std::vector<std::string>{"point", "parameter"});

  const SweepInfo s = read_sweep(t.file);
  CHECK(s.points() == 3);
  CHECK(s.keys == std::vector<std::string>{key});
  CHECK(s.values[0] == std::vector<std::string>{"339", "678", "1017"});
  CHECK(s.numeric == std::vector<bool>{true});
  CHECK(s.sha256 == digests);
}

TEST_CASE("sweep: string values are stored as strings", "[output][sweep]") {
  const auto& t = tiny_sweep();
  // The same replications under labels that are not numbers: only the labels differ.
  std::vector<PointResults> points;
  for (std::size_t p = 0; p < 2; ++p) points.push_back({&t.scenarios[p], {p ? "\"high\"" : "\"low\""}, &t.results[p]});
  const auto path = t.dir / "labels.h5";
  write_sweep(path, t.base, t.world, {"scenario.label"}, points, describe_run("test", 1));
  const SweepInfo s = read_sweep(path);
  CHECK_FALSE(s.numeric[0]);
  CHECK(s.values[0] == std::vector<std::string>{"low", "high"});
  fs::remove(path);
}

TEST_CASE("sweep: misuse is an input error naming the file", "[output][sweep]") {
  const auto& t = tiny_sweep();
  const std::string sweep = t.file.string();
  CHECK_THROWS_WITH(read_run(t.file), Catch::Contains(sweep + ": a sweep of 3 points (varied: funding.state.allocation_msek.2020)") &&
                                          Catch::Contains("finsim compare " + sweep));
  CHECK_THROWS_AS(read_run(t.file), InputError);
  CHECK_THROWS_WITH(read_run(t.file, 3), Catch::Contains("no point 3 (the sweep has points 0 to 2)"));
  const auto plain = t.write_point(0);
  CHECK_THROWS_WITH(read_run(plain, 0), Catch::Contains("not a sweep"));
  CHECK_THROWS_AS(read_sweep(plain), InputError);
  CHECK_THROWS_WITH(read_sweep(plain), Catch::Contains(plain.string() + ": not a sweep") &&
                                           Catch::Contains("finsim compare BASE.h5 " + plain.string()));
  fs::remove(plain);

  // The writer refuses points that cannot share one file.
  auto points = t.points();
  std::vector<ReplicationResult> one = {t.results[1].front()};
  points[1].replications = &one;
  CHECK_THROWS_AS(write_sweep(t.dir / "bad.h5", t.base, t.world, t.keys, points, describe_run("t", 1)), std::invalid_argument);
  points = t.points();
  points[1].values.clear();
  CHECK_THROWS_AS(write_sweep(t.dir / "bad.h5", t.base, t.world, t.keys, points, describe_run("t", 1)), std::invalid_argument);
  points = t.points();
  for (const std::vector<std::string>& keys : {std::vector<std::string>{"point"}, std::vector<std::string>{"a/b.c"}})
    CHECK_THROWS_WITH(write_sweep(t.dir / "bad.h5", t.base, t.world, keys, points, describe_run("t", 1)),
                      Catch::Contains("is not a scenario key"));
  for (auto& p : points) p.values = {"1", "2"};
  CHECK_THROWS_WITH(write_sweep(t.dir / "bad.h5", t.base, t.world, {t.keys[0], t.keys[0]}, points, describe_run("t", 1)),
                    Catch::Contains("varied twice"));
  std::error_code ignored;
  fs::remove(t.dir / "bad.h5", ignored);
}

// Writes the fixture's sweep (and point 1 alone as a run) to $FINSIM_SWEEP_DIR for
// tests/python/test_sweep_files.py; the finsim sweep command comes from another part of the code.
TEST_CASE("sweep sample files for the Python test", "[.][sweep-sample]") {
  const char* dir = std::getenv("FINSIM_SWEEP_DIR");
  REQUIRE(dir != nullptr);
  const finsim::test::TinySweep sweep{fs::path(dir)};
  const auto plain = sweep.write_point(1);
  // The destructor removes sweep.h5: keep a copy under another name.
  fs::copy_file(sweep.file, fs::path(dir) / "sample-sweep.h5", fs::copy_options::overwrite_existing);
  CHECK(fs::exists(plain));
}
