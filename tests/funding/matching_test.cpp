// Member matching and the min rule (state 50 %, region 25 %, kommuner 25 %) and the split of the
// kommun quarter (each party's maximum: willingness_test.cpp).
#include <catch2/catch.hpp>

#include <map>

#include "funding/matching.h"
#include "util/error.h"

using namespace finsim;

namespace {

// A förbund of region 01 with kommuner 0180 (60 % of the quarter) and 0181 (40 %), offered
// 2 000 000 by the state; every party willing to match it unless a test says otherwise.
MatchInput two_kommuner() {
  MatchInput in;
  in.state_offer = 2'000'000;
  in.region_max = 1'000'000;
  in.kommun_max = {600'000, 400'000};
  in.kommun_share = {0.6L, 0.4L};
  in.region_code = "01";
  in.kommun_codes = {"0180", "0181"};
  return in;
}

}  // namespace

TEST_CASE("matching: everyone matches the offer, the state caps", "[funding]") {
  const MatchResult r = match_members(two_kommuner());
  CHECK(r.quarter == 1'000'000);
  CHECK(r.budget == 4'000'000);
  CHECK(r.state_paid == 2'000'000);
  CHECK(r.region_paid == 1'000'000);
  CHECK(r.kommuner_paid == 1'000'000);
  CHECK(r.kommun_paid == std::vector<Sek>{600'000, 400'000});
  CHECK(r.unused_offer == 0);
  CHECK(r.capping_party == "state");
}

TEST_CASE("matching: a frozen region caps the budget at four times its contribution", "[funding]") {
  MatchInput in = two_kommuner();
  in.region_max = 800'000;  // frozen at an earlier level
  const MatchResult r = match_members(in);
  // q = min(1 000 000, 800 000, 600 000/0.6, 400 000/0.4) = 800 000.
  CHECK(r.budget == 3'200'000);
  CHECK(r.state_paid == 1'600'000);
  CHECK(r.region_paid == 800'000);
  CHECK(r.kommun_paid == std::vector<Sek>{480'000, 320'000});
  CHECK(r.unused_offer == 400'000);  // the state money nobody matched is not paid out
  CHECK(r.capping_party == "region:01");
  CHECK(r.state_paid + r.region_paid + r.kommuner_paid == r.budget);
}

TEST_CASE("matching: a kommun caps through its share of the quarter", "[funding]") {
  MatchInput in = two_kommuner();
  in.kommun_max[1] = 300'000;  // 300 000 / 0.4 = 750 000
  const MatchResult r = match_members(in);
  CHECK(r.quarter == 750'000);
  CHECK(r.kommun_paid == std::vector<Sek>{450'000, 300'000});
  CHECK(r.unused_offer == 500'000);
  CHECK(r.capping_party == "kommun:0181");
}

TEST_CASE("matching: a budget ceiling caps at a quarter of it", "[funding]") {
  MatchInput in = two_kommuner();
  in.ceiling = 2'000'003;  // floor(2 000 003 / 4) = 500 000
  const MatchResult r = match_members(in);
  CHECK(r.budget == 2'000'000);
  CHECK(r.capping_party == "ceiling");
}

TEST_CASE("matching: ties go state, region, kommuner by index, ceiling", "[funding]") {
  MatchInput in = two_kommuner();
  in.region_max = 800'000;
  in.kommun_max = {480'000, 320'000};  // both kommuner also allow exactly 800 000
  in.ceiling = 3'200'000;
  CHECK(match_members(in).capping_party == "region:01");
  in.region_max = 900'000;
  CHECK(match_members(in).capping_party == "kommun:0180");
  in.kommun_max = {600'000, 400'000};
  CHECK(match_members(in).capping_party == "ceiling");
}

TEST_CASE("matching: an odd offer leaves one krona unused, kommun split by largest remainder", "[funding]") {
  MatchInput in;
  in.state_offer = 2'000'003;  // q = 1 000 001
  in.region_max = 2'000'000;
  in.kommun_max = {400'000, 400'000, 400'000};
  in.kommun_share = {1.0L / 3, 1.0L / 3, 1.0L / 3};
  in.region_code = "20";
  in.kommun_codes = {"2021", "2023", "2026"};
  const MatchResult r = match_members(in);
  CHECK(r.quarter == 1'000'001);
  CHECK(r.unused_offer == 1);
  // 1 000 001 / 3 = 333 333.67 each; the two krona left go to the lowest indices.
  CHECK(r.kommun_paid == std::vector<Sek>{333'334, 333'334, 333'333});
}

TEST_CASE("matching: kommun quarter shares by population or as the scenario lists them", "[funding]") {
  const std::vector<std::string> codes{"0180", "0181"};
  const std::vector<std::int64_t> pop{30'000, 10'000};
  const auto by_pop = kommun_quarter_shares("X", codes, pop, {});
  CHECK(static_cast<double>(by_pop[0]) == Approx(0.75));
  CHECK(static_cast<double>(by_pop[1]) == Approx(0.25));

  const auto listed = kommun_quarter_shares("X", codes, pop, {{"X", "0180", 0.5}, {"X", "0181", 0.5}, {"Y", "0181", 1.0}});
  CHECK(static_cast<double>(listed[0]) == 0.5);
  CHECK(static_cast<double>(listed[1]) == 0.5);

  CHECK_THROWS_WITH(kommun_quarter_shares("X", codes, pop, {{"X", "0180", 0.5}, {"X", "0181", 0.4}}),
                    "funding.kommun_share: förbund \"X\": the shares sum to 0.9, not 1");
  CHECK_THROWS_AS(kommun_quarter_shares("X", codes, pop, {{"X", "0125", 1.0}}), InputError);
  CHECK_THROWS_AS(kommun_quarter_shares("X", codes, pop, {{"X", "0180", 0.5}, {"X", "0180", 0.5}}), InputError);
}
