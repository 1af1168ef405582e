// build_world: the data paths resolved against the scenario's folder (absolute ones kept) and
// recorded for provenance, the need indicator the scenario chose, and the history file optional.
#include "world/world.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "../input_error.h"
#include "../test_paths.h"
#include "config/read_scenario.h"

using namespace finsim;

namespace {

const std::string kWorldNeedDir = std::string(FINSIM_TEST_DATA) + "/need/";
const std::string kWorldCsvDir = std::string(FINSIM_TEST_DATA) + "/csv/";

// The need fixture (tests/data/need/: two förbund, three kommuner) named in absolute paths.
ScenarioConfig world_fixture_config() {
  ScenarioConfig c = load_scenario(test::kBaseline).config;
  c.organisation.kommuner_csv = kWorldNeedDir + "kommuner.csv";
  c.organisation.forbund_csv = kWorldNeedDir + "forbund.csv";
  c.funding.distribution.need_by_lan_csv = kWorldNeedDir + "need_by_lan.csv";
  c.funding.distribution.state_allocations_csv = kWorldNeedDir + "state_allocations.csv";
  c.funding.distribution.need_indicator = "sa_ae_2018";
  return c;
}

}  // namespace

TEST_CASE("world: build_world reads the data paths relative to the scenario file", "[world]") {
  const auto scenario = finsim::load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml");
  const auto world = finsim::build_world(scenario.config);
  CHECK(world.geography.kommuner.size() == 290);
  CHECK(world.org.forbund_count() == 57);  // 46 documented + 11 regional synthetic
}

TEST_CASE("world: relative paths are read from the scenario's folder and recorded as read", "[world]") {
  ScenarioConfig c = world_fixture_config();
  c.scenario_dir = kWorldNeedDir;
  c.organisation.kommuner_csv = "kommuner.csv";
  c.organisation.forbund_csv = "../need/forbund.csv";
  c.funding.distribution.need_by_lan_csv = "need_by_lan.csv";
  c.funding.distribution.state_allocations_csv = "./state_allocations.csv";
  const World w = build_world(c);
  CHECK(w.geography.kommuner.size() == 3);
  CHECK(w.org.forbund_count() == 2);
  // Normalised (no "..", no "."), so that provenance names each file one way.
  const auto dir = std::filesystem::path(kWorldNeedDir).lexically_normal();
  CHECK(w.kommuner_path == (dir / "kommuner.csv").string());
  CHECK(w.forbund_path == (dir / "forbund.csv").string());
  CHECK(w.need_path == (dir / "need_by_lan.csv").string());
  CHECK(w.allocations_path == (dir / "state_allocations.csv").string());
  CHECK(w.geography.state_allocations.size() == 2);
}

TEST_CASE("world: absolute paths are kept, and no history file means no history", "[world]") {
  ScenarioConfig c = world_fixture_config();
  c.scenario_dir = "/nonexistent";
  c.funding.distribution.state_allocations_csv = "";
  const World w = build_world(c);
  CHECK(w.kommuner_path == kWorldNeedDir + "kommuner.csv");
  CHECK(w.allocations_path.empty());
  CHECK(w.geography.state_allocations.empty());
}

TEST_CASE("world: need indicator none gives every kommun need 1 and reads no need file", "[world][need]") {
  ScenarioConfig c = world_fixture_config();
  c.funding.distribution.need_indicator = "none";
  c.funding.distribution.need_by_lan_csv = kWorldNeedDir + "no_such_file.csv";  // not read
  const World w = build_world(c);
  CHECK(w.need_path.empty());
  for (const auto& k : w.geography.kommuner) CHECK(k.need == 1.0);
}

TEST_CASE("world: a need column in kommuner.csv is used only when asked for, and must be there then", "[world][need]") {
  ScenarioConfig c = world_fixture_config();
  const std::string with_column = kWorldCsvDir + "kommuner_need.csv";
  c.organisation.kommuner_csv = with_column;
  c.organisation.forbund_csv = kWorldCsvDir + "forbund_ok.csv";
  c.funding.distribution.state_allocations_csv = "";
  CHECK(test::input_error([&] { build_world(c); }) ==
        "funding.distribution.need_indicator: " + with_column +
            " has a need_indicator column; set need_indicator = \"kommuner_csv\" to use it, or remove it");
  c.funding.distribution.need_indicator = "kommuner_csv";
  const World w = build_world(c);
  CHECK(w.need_path.empty());
  REQUIRE(w.geography.kommuner.size() == 5);
  CHECK(w.geography.kommuner[1].need == 1.25);  // as in the file, no län proxy over it

  ScenarioConfig plain = world_fixture_config();
  plain.funding.distribution.need_indicator = "kommuner_csv";
  CHECK(test::input_error([&] { build_world(plain); }) ==
        "funding.distribution.need_indicator: \"kommuner_csv\" needs a need_indicator column in " + kWorldNeedDir +
            "kommuner.csv");
}
