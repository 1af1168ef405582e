// Specification of output/parameter_table.cpp: every resolved scenario key with its value, unit,
// source, assumption flag and origin; in a sweep the values and origins per point.
#include <catch2/catch.hpp>

#include <algorithm>

#include "output/parameter_table.h"
#include "result_frame_fixture.h"

using namespace finsim;
using finsim::test::FrameFixture;

namespace {

std::size_t index_of(const std::vector<ResolvedParameter>& params, const std::string& key) {
  const auto it = std::find_if(params.begin(), params.end(), [&](const auto& p) { return p.key == key; });
  REQUIRE(it != params.end());
  return static_cast<std::size_t>(it - params.begin());
}

}  // namespace

TEST_CASE("parameter table: each key with its value, unit, source, assumption flag and origin",
          "[output][parameter_table]") {
  FrameFixture f("parameters");
  const auto file = f.write(write_parameter_table);
  const auto g = file.open_group("g");
  const auto& params = f.scenario.parameters;
  const auto keys = h5::read_strings(g, "parameter");
  const auto value = h5::read_strings(g, "parameter_value");
  const auto unit = h5::read_strings(g, "parameter_unit");
  const auto source = h5::read_strings(g, "parameter_source");
  const auto origin = h5::read_strings(g, "parameter_origin");
  const auto assumption = h5::read_int64(g, "parameter_assumption").values;
  REQUIRE(keys.size() == params.size());
  REQUIRE(value.size() == params.size());
  REQUIRE(assumption.size() == params.size());
  std::size_t flagged = 0;
  for (std::size_t i = 0; i < params.size(); ++i) {
    INFO(params[i].key);
    CHECK(keys[i] == params[i].key);
    CHECK(value[i] == params[i].value);
    CHECK(unit[i] == params[i].unit);
    CHECK(source[i] == params[i].source);
    CHECK(origin[i] == params[i].origin);
    CHECK(assumption[i] == (params[i].assumption ? 1 : 0));
    flagged += params[i].assumption;
  }
  CHECK(flagged > 0);  // the model has assumptions, and the file says which
  const std::size_t scale = index_of(params, "population.scale");
  CHECK(value[scale] == "0.5");
  CHECK(origin[scale] == "--set");
  CHECK(h5::dimension_names(g, "parameter_value") == std::vector<std::string>{"parameter"});
}

TEST_CASE("parameter table: in a sweep values and origins are per point", "[output][parameter_table]") {
  FrameFixture f("parameters-sweep");
  const Scenario other = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                       {"scenario.end=2020-12", "population.scale=0.25"});
  const std::vector<const Scenario*> points = {&f.scenario, &other};
  f.results.push_back(f.replication(3));
  const Lead sweep{{"point", "replication"}, {2, 1}, points, {}};
  const auto file = f.write(
      [](const ResultFrame& frame) {
        h5::define_dimension(frame.group, "point", 2);
        write_parameter_table(frame);
      },
      &sweep);
  const auto g = file.open_group("g");
  const std::size_t k = f.scenario.parameters.size();
  const auto value = h5::read_strings(g, "parameter_value");
  REQUIRE(value.size() == 2 * k);
  CHECK(h5::dimension_names(g, "parameter_value") == std::vector<std::string>{"point", "parameter"});
  CHECK(h5::dimension_names(g, "parameter_origin") == std::vector<std::string>{"point", "parameter"});
  CHECK(h5::dimension_names(g, "parameter_unit") == std::vector<std::string>{"parameter"});
  const std::size_t scale = index_of(f.scenario.parameters, "population.scale");
  CHECK(value[scale] == "0.5");
  CHECK(value[k + scale] == "0.25");
  const std::size_t seed = index_of(f.scenario.parameters, "scenario.seed");
  CHECK(value[seed] == value[k + seed]);
}
