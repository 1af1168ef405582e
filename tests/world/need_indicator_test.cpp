// The need proxy per län (scenarios/data/need_by_lan.csv) on a three-kommun, two-län fixture, worked
// by hand through FK's key, and the loader's errors (file:line:col).
#include <catch2/catch.hpp>

#include "config/read_scenario.h"
#include "funding/distribution.h"
#include "funding/funding_world.h"
#include "util/error.h"
#include "world/need_indicator.h"
#include "world/world.h"

using namespace finsim;

namespace {

const std::string kNeedDir = std::string(FINSIM_TEST_DATA) + "/need/";

// Fixture (tests/data/need/): län 01 = 0180 (16–64: 20 000) + 0181 (30 000) = Förbund A;
// län 03 = 0380 (50 000) = Förbund B. sa_ae_2018: 01 40.0, 03 60.0, riket 50.0 → relative 0.8, 1.2.
// long_sick_leave_2017: 01 20.0, 03 25.0, riket 20.0 → relative 1.0, 1.25.
World fixture_world(const std::string& indicator) {
  const Scenario s = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                   {"organisation.kommuner_csv=" + kNeedDir + "kommuner.csv",
                                    "organisation.forbund_csv=" + kNeedDir + "forbund.csv",
                                    "funding.distribution.need_by_lan_csv=" + kNeedDir + "need_by_lan.csv",
                                    "funding.distribution.state_allocations_csv=",
                                    "funding.distribution.need_indicator=" + indicator});
  return build_world(s.config);
}

std::vector<Sek> key_offers_of(const World& w) {
  const FundingWorld fw = funding_world(w.org, w.geography);
  std::vector<KeyArea> areas;
  for (const FundingArea& a : fw.forbund) areas.push_back(a.key);
  return key_offers(2019, 10'000'000, key_shares(areas, DistributionParams{}), DistributionParams{});
}

}  // namespace

TEST_CASE("need indicator: each kommun takes its län's value relative to riket", "[world][need]") {
  const World w = fixture_world("sa_ae_2018");
  REQUIRE(w.geography.kommuner.size() == 3);
  CHECK(w.geography.kommuner[0].need == Approx(0.8));
  CHECK(w.geography.kommuner[1].need == Approx(0.8));
  CHECK(w.geography.kommuner[2].need == Approx(1.2));
  // F_A = 0.8 × 20 000 + 0.8 × 30 000 = 40 000; F_B = 1.2 × 50 000 = 60 000.
  CHECK(w.org.area_need_measure(0) == Approx(40'000.0));
  CHECK(w.org.area_need_measure(1) == Approx(60'000.0));
  CHECK(w.need_path == kNeedDir + "need_by_lan.csv");
}

TEST_CASE("need indicator: the FK key with the proxy, by hand", "[world][need][funding]") {
  // Pot 10 000 000, base 2 × 400 000, rest 9 200 000.
  SECTION("sa_ae_2018: key A 0.75 × 0.4 + 0.25 × 0.5 = 0.425, B 0.575") {
    // A 400 000 + 3 910 000, B 400 000 + 5 290 000.
    CHECK(key_offers_of(fixture_world("sa_ae_2018")) == std::vector<Sek>{4'310'000, 5'690'000});
  }
  SECTION("long_sick_leave_2017: F_A 50 000, F_B 62 500; key A 0.75 × 4/9 + 0.125 = 0.458333…") {
    // A 9 200 000 × 0.4583333 = 4 216 666.67, B 4 983 333.33 → the krona left to A (0.67 > 0.33).
    CHECK(key_offers_of(fixture_world("long_sick_leave_2017")) == std::vector<Sek>{4'616'667, 5'383'333});
  }
  SECTION("none: need 1 everywhere, so the key is population only (0.5 each)") {
    const World w = fixture_world("none");
    CHECK(w.geography.kommuner[2].need == 1.0);
    CHECK(w.need_path.empty());
    CHECK(key_offers_of(w) == std::vector<Sek>{5'000'000, 5'000'000});
  }
}

TEST_CASE("need indicator: bad or missing rows are one-line errors with file and line", "[world][need]") {
  Geography geo = load_geography(kNeedDir + "kommuner.csv", kNeedDir + "forbund.csv");
  const NeedColumn sa = need_column("sa_ae_2018");
  CHECK_THROWS_WITH(load_need_by_lan(kNeedDir + "need_bad_value.csv", sa),
                    kNeedDir + "need_bad_value.csv:3:5: value: expected a number, found 'sextio'");
  CHECK_THROWS_WITH(load_need_by_lan(kNeedDir + "need_no_riket.csv", sa),
                    kNeedDir + "need_no_riket.csv: no riket row (lan_code 00) for indicator sa_ae_per_1000_forsakrade 2018");
  CHECK_THROWS_WITH(load_need_by_lan(kNeedDir + "need_duplicate.csv", sa),
                    kNeedDir + "need_duplicate.csv:9:1: lan_code: second row for län 01 and indicator sa_ae_per_1000_forsakrade");
  const std::string missing = kNeedDir + "need_missing_lan.csv";
  CHECK_THROWS_WITH(apply_need_by_lan(geo, load_need_by_lan(missing, sa), missing, sa),
                    missing + ": no row for län 03 (kommun 0380) and indicator sa_ae_per_1000_forsakrade 2018");
  CHECK_THROWS_AS(load_need_by_lan(kNeedDir + "no_such.csv", sa), InputError);
  CHECK(need_column("none").indicator.empty());
  // A need_indicator column in kommuner.csv is used only when asked for, never silently overridden.
  const std::string need_column_csv = std::string(FINSIM_TEST_DATA) + "/csv/kommuner_need.csv";
  const std::string forbund_ok = std::string(FINSIM_TEST_DATA) + "/csv/forbund_ok.csv";
  auto world_with = [&](const std::string& indicator) {
    return build_world(load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                     {"organisation.kommuner_csv=" + need_column_csv, "organisation.forbund_csv=" + forbund_ok,
                                      "funding.distribution.state_allocations_csv=",
                                      "funding.distribution.need_indicator=" + indicator})
                           .config);
  };
  CHECK_THROWS_WITH(world_with("sa_ae_2018"),
                    "funding.distribution.need_indicator: " + need_column_csv +
                        " has a need_indicator column; set need_indicator = \"kommuner_csv\" to use it, or remove it");
  CHECK(world_with("kommuner_csv").geography.kommuner[0].need_from_data);
}
