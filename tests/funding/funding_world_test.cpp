// The organisation as the funding rules see it, on the two-förbund fixture of tests/data/need/:
// members in OrgGraph order with their populations, the key area, every region and kommun of the
// country, and the allocation history by förbund name.
#include "funding/funding_world.h"

#include <catch2/catch.hpp>

#include "../temp_dir.h"
#include "../test_paths.h"
#include "config/read_scenario.h"
#include "world/world.h"

using namespace finsim;

namespace {

const std::string kFundingWorldDir = std::string(FINSIM_TEST_DATA) + "/need/";

// Förbund A = 0180 (16–64: 20 000) + 0181 (30 000) in län 01, Förbund B = 0380 (50 000) in län 03;
// A's state allocation is given for 2017 (6 000 000) and 2018 (6 500 000).
World funding_fixture_world(const std::string& scenario = test::kBaseline) {
  const std::vector<std::string> overrides = {
      "organisation.kommuner_csv=" + kFundingWorldDir + "kommuner.csv",
      "organisation.forbund_csv=" + kFundingWorldDir + "forbund.csv",
      "funding.distribution.need_by_lan_csv=" + kFundingWorldDir + "need_by_lan.csv",
      "funding.distribution.state_allocations_csv=" + kFundingWorldDir + "state_allocations.csv",
      "funding.distribution.need_indicator=sa_ae_2018"};
  return build_world(load_scenario(scenario, overrides).config);
}

}  // namespace

TEST_CASE("funding_world: each förbund with its region, members, key area and history", "[funding][world]") {
  const World w = funding_fixture_world();
  const FundingWorld f = funding_world(w.org, w.geography);
  CHECK(f.region_codes == std::vector<std::string>{"01", "03"});
  CHECK(f.kommun_codes == std::vector<std::string>{"0180", "0181", "0380"});
  REQUIRE(f.forbund.size() == 2);
  const FundingArea& a = f.forbund[0];
  CHECK(a.name == "Förbund A");
  CHECK(a.region_code == "01");
  CHECK(a.kommun_codes == std::vector<std::string>{"0180", "0181"});
  CHECK(a.kommun_population_16_64 == std::vector<std::int64_t>{20'000, 30'000});
  // Key area: need 0.8 (län 01 relative to riket) × 50 000, and the population 16–64.
  CHECK(a.key.need_measure == Approx(40'000.0));
  CHECK(a.key.population_16_64 == 50'000);
  CHECK(a.given_allocation == std::map<int, Sek>{{2017, 6'000'000}, {2018, 6'500'000}});
  const FundingArea& b = f.forbund[1];
  CHECK(b.name == "Förbund B");
  CHECK(b.region_code == "03");
  CHECK(b.kommun_codes == std::vector<std::string>{"0380"});
  CHECK(b.key.need_measure == Approx(60'000.0));
  CHECK(b.given_allocation.empty());
}

TEST_CASE("funding_world: the index of a förbund is its OrgGraph index", "[funding][world]") {
  const World w = funding_fixture_world();
  const FundingWorld f = funding_world(w.org, w.geography);
  REQUIRE(static_cast<int>(f.forbund.size()) == w.org.forbund_count());
  for (int i = 0; i < w.org.forbund_count(); ++i) {
    CHECK(f.forbund[static_cast<std::size_t>(i)].name == w.org.forbund()[i].name);
    CHECK(f.forbund[static_cast<std::size_t>(i)].kommun_codes.size() == w.org.members(i).size());
  }
}

TEST_CASE("funding_world: a kommun that joins another förbund is paid for there", "[funding][world]") {
  // 0181 leaves Förbund A for Förbund B: its population goes with it, the history stays by name.
  test::TempDir dir("funding-world-join");
  const World w = funding_fixture_world(dir.write("join.toml", "inherits = \"" + test::kBaseline +
                                                                   "\"\n[[organisation.join]]\nkommun = \"0181\"\n"
                                                                   "forbund = \"Förbund B\"\n"));
  const FundingWorld f = funding_world(w.org, w.geography);
  REQUIRE(f.forbund.size() == 2);
  CHECK(f.forbund[0].kommun_codes == std::vector<std::string>{"0180"});
  CHECK(f.forbund[0].key.population_16_64 == 20'000);
  CHECK(f.forbund[1].kommun_codes.size() == 2);
  CHECK(f.forbund[1].key.population_16_64 == 80'000);
  CHECK(f.forbund[0].given_allocation.size() == 2);
}
