// A golden summary: the national yearly figures of a small seeded run, checked in. Any change to
// the model's numbers shows here; updating the file is a deliberate commit that says why.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "config/read_scenario.h"
#include "sim/simulation.h"
#include "sim/summary.h"
#include "world/world.h"

using namespace finsim;

namespace {

std::string summary_text(const std::vector<YearSummary>& years) {
  std::ostringstream os;
  for (const auto& y : years) {
    char line[256];
    std::snprintf(line, sizeof line, "%d unique=%.1f starts=%.1f exits=%.1f work_studies=%.1f job_seeking=%.1f target=%.1f budget=%lld\n",
                  y.year, y.unique_participants, y.starts, y.exits, y.exit_work_studies, y.exit_job_seeking, y.target_group,
                  static_cast<long long>(y.budget));
    os << line;
  }
  return os.str();
}

}  // namespace

TEST_CASE("golden summary of a small seeded baseline run", "[sim][golden]") {
  const std::string golden_path = std::string(FINSIM_TEST_DATA) + "/golden/baseline_scale0.05_2019-2020.txt";
  const Scenario s = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                   {"population.scale=0.05", "scenario.end=2020-12"});
  const World world = build_world(s.config);
  const std::string actual = summary_text(summarise_years(run_replication(s.config, world, 0), s.config));
  if (const char* update = std::getenv("FINSIM_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(golden_path) << actual;
    WARN("golden file rewritten: " << golden_path);
  }
  std::ifstream in(golden_path);
  REQUIRE(in.good());
  std::stringstream expected;
  expected << in.rdbuf();
  REQUIRE(actual == expected.str());
}
