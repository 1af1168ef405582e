// The allocation history file (scenarios/data/state_allocations.csv): strict loading, and the
// shipped file's rows all name a documented förbund and carry a source.
#include <catch2/catch.hpp>

#include "util/error.h"
#include "world/state_allocations.h"

using namespace finsim;

namespace {
const std::string kAllocationDir = std::string(FINSIM_TEST_DATA) + "/need/";
}

TEST_CASE("state allocations: rows as given, errors with file and line", "[world][history]") {
  const Geography geo = load_geography(kAllocationDir + "kommuner.csv", kAllocationDir + "forbund.csv");
  const std::vector<GivenAllocation> h = load_state_allocations(kAllocationDir + "state_allocations.csv", geo);
  REQUIRE(h.size() == 2);
  CHECK(h[0].forbund == "Förbund A");
  CHECK(h[0].year == 2017);
  CHECK(h[0].state_allocation == 6'000'000);
  CHECK(h[0].flag == "published");
  CHECK(h[1].flag == "derived");
  CHECK_THROWS_WITH(load_state_allocations(kAllocationDir + "state_allocations_unknown.csv", geo),
                    kAllocationDir + "state_allocations_unknown.csv:3:1: forbund: no förbund 'Förbund C' in the förbund file");
  CHECK_THROWS_WITH(load_state_allocations(kAllocationDir + "state_allocations_bad_flag.csv", geo),
                    kAllocationDir + "state_allocations_bad_flag.csv:2:4: flag: expected published or derived, found 'guessed'");
  CHECK_THROWS_WITH(load_state_allocations(kAllocationDir + "need_by_lan.csv", geo),
                    kAllocationDir + "need_by_lan.csv:1: missing column 'forbund'");
}

TEST_CASE("state allocations: the shipped file is sourced and names documented förbund", "[world][history]") {
  const std::string data = std::string(FINSIM_SOURCE_DIR) + "/scenarios/data/";
  const Geography geo = load_geography(data + "kommuner.csv", data + "forbund.csv");
  const std::vector<GivenAllocation> h = load_state_allocations(data + "state_allocations.csv", geo);
  REQUIRE_FALSE(h.empty());
  for (const GivenAllocation& g : h) {
    CHECK(g.source.find("http") != std::string::npos);
    CHECK(g.state_allocation >= 400'000);  // at least the base amount
  }
}
