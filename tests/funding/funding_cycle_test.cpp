// The yearly funding cycle on the three-förbund toy world and on a two-förbund world with an
// allocation history: every offer, payment and withholding hand-worked (funding_cycle_fixture.h).
#include "funding/funding_cycle.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "funding_cycle_fixture.h"
#include "util/error.h"

using namespace finsim;

TEST_CASE("funding cycle: the first year matches every offer exactly", "[funding]") {
  FundingCycle cycle(test::toy_config(), test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  const std::vector<ForbundYear> y = cycle.plan_year(2020);
  REQUIRE(y.size() == 3);
  // Offers as in distribution_test: 1 500 000, 3 040 000, 5 460 000 (Σ = pot).
  CHECK(y[0].state_offer == 1'500'000);
  CHECK(y[1].state_offer == 3'040'000);
  CHECK(y[2].state_offer == 5'460'000);
  CHECK(test::sum_offers(y) == 10'000'000);
  // Without history every party matches: budgets are twice the offers.
  CHECK(y[0].budget == 3'000'000);
  CHECK(y[1].budget == 6'080'000);
  CHECK(y[2].budget == 10'920'000);
  for (const ForbundYear& r : y) {
    CHECK(r.unused_offer == 0);
    CHECK(r.capping_party == "state");
    test::check_record(r);
  }
  // B's quarter 1 520 000 split 1/3, 2/3: 506 666.67 and 1 013 333.33 → the krona left to 0181.
  CHECK(y[1].kommun_paid == std::vector<Sek>{506'667, 1'013'333});
  // A: admin 360 000, structural 750 000, individual 1 890 000; opening equity floor(0.22 ×
  // 3 000 000) = 660 000, below the reserve floor(0.25 × 3 000 000) = 750 000, so no draw.
  // Month money 1 890 000 / 12 = 157 500: samtal 110 250 → 22 slots (22.05), projekt 47 250 → 7
  // (7.875); 5 500 left buys one more samtal (projekt's next slot costs 6 000) → 23;
  // structural 62 500 → 3 places.
  CHECK(y[0].admin == 360'000);
  CHECK(y[0].structural == 750'000);
  CHECK(y[0].individual == 1'890'000);
  CHECK(y[0].equity_open == 660'000);
  CHECK(y[0].equity_draw == 0);
  CHECK(y[0].monthly_slots == std::vector<int>{23, 7, 0});
  CHECK(y[0].structural_places == std::vector<int>{0, 0, 3});
  CHECK(y[1].equity_open == 1'337'600);  // floor(0.22 × 6 080 000)
  CHECK(y[2].equity_open == 2'402'400);  // floor(0.22 × 10 920 000)
}

TEST_CASE("funding cycle: a frozen region caps its förbund at four times its contribution", "[funding]") {
  // The pot rises to 12 000 000 in 2021; members may raise 50 % a year, but region 03 (C's) keeps its
  // 2020 level from 2021 (the Stockholm case, seed 004).
  FundingConfig c = test::toy_config();
  c.state.allocation_sek[2021] = 12'000'000;
  c.members.region_max_growth = {{2016, 0.5}};
  c.members.kommun_max_growth = {{2016, 0.5}};
  c.members.freezes = {{"region:03", 2021, 2020}};
  FundingCycle cycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  cycle.plan_year(2020);  // C: region paid 2 730 000
  const std::vector<ForbundYear> y = cycle.plan_year(2021);
  // 2021 offers: rest 10 800 000 → A 1 750 000, B 3 640 000, C 6 610 000.
  CHECK(y[2].state_offer == 6'610'000);
  CHECK(test::sum_offers(y) == 12'000'000);
  // C: q = min(3 305 000, region 2 730 000, kommun floor(2 730 000 × 1.5) = 4 095 000) = 2 730 000.
  CHECK(y[2].region_paid == 2'730'000);
  CHECK(y[2].budget == 4 * 2'730'000);
  CHECK(y[2].state_paid == 5'460'000);
  CHECK(y[2].unused_offer == 1'150'000);
  CHECK(y[2].capping_party == "region:03");
  // A and B can follow the state: A q = 875 000; B's kommuner allow floor(506 667 × 1.5) × 3 =
  // 2 280 000 and floor(1 013 333 × 1.5) × 3/2 = 2 279 998, both above 1 820 000.
  CHECK(y[0].budget == 3'500'000);
  CHECK(y[1].budget == 7'280'000);
  CHECK(y[0].capping_party == "state");
  CHECK(y[1].capping_party == "state");
  for (const ForbundYear& r : y) test::check_record(r);
}

TEST_CASE("funding cycle: without freezes the 10 % growth limit caps a rising offer", "[funding]") {
  FundingConfig c = test::toy_config();
  c.state.allocation_sek[2021] = 12'000'000;
  FundingCycle cycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  cycle.plan_year(2020);
  const std::vector<ForbundYear> y = cycle.plan_year(2021);
  // A: offer 1 750 000 → q ≤ 875 000, but region 01 gives at most 750 000 × 1.1 = 825 000 (and so
  // does kommun 0180); the region comes first in the tie order.
  CHECK(y[0].budget == 3'300'000);
  CHECK(y[0].unused_offer == 100'000);
  CHECK(y[0].capping_party == "region:01");
}

TEST_CASE("funding cycle: a budget ceiling caps from its year", "[funding]") {
  FundingConfig c = test::toy_config();
  c.members.ceilings = {{"B", 2021, 5'000'000}};
  FundingCycle cycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  CHECK(cycle.plan_year(2020)[1].budget == 6'080'000);
  const std::vector<ForbundYear> y = cycle.plan_year(2021);
  CHECK(y[1].budget == 5'000'000);
  CHECK(y[1].capping_party == "ceiling");
  CHECK(y[1].unused_offer == 3'040'000 - 2'500'000);
  // The ceiling says what the förbund can use: the offer above it is declined, not lapsed.
  CHECK(y[1].declined == y[1].unused_offer);
  CHECK(y[0].declined == 0);
}

TEST_CASE("funding cycle: an offer factor withholds part of a region's offers, never the base", "[funding]") {
  // Key offers A 1 500 000, B 3 040 000 (region 01), C 5 460 000 (region 03).
  FundingConfig c = test::toy_config();
  c.offer_factors = {{"01", 2021, 0.5}};
  FundingCycle cycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  std::vector<ForbundYear> y = cycle.plan_year(2020);
  CHECK(y[0].offer_cut == 0);  // not before its year
  y = cycle.plan_year(2021);
  CHECK(y[0].state_offer == 750'000);
  CHECK(y[0].offer_cut == 750'000);
  CHECK(y[1].state_offer == 1'520'000);
  CHECK(y[2].state_offer == 5'460'000);  // another region: unchanged, and nothing is passed to it
  CHECK(y[2].offer_cut == 0);
  CHECK(test::sum_offers(y) + test::sum_withheld(y) == 10'000'000);
  for (const ForbundYear& r : y) test::check_record(r);
  // A factor of 0.1 would leave A 150 000: the base amount 400 000 holds.
  c.offer_factors = {{"01", 2020, 0.1}};
  FundingCycle deep(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  y = deep.plan_year(2020);
  CHECK(y[0].state_offer == 400'000);
  CHECK(y[1].state_offer == 400'000);
  // Two factors from the same year: the one listed last holds (0.8 of A's 1 500 000 = 1 200 000).
  c.offer_factors = {{"01", 2020, 0.5}, {"01", 2020, 0.8}};
  FundingCycle tie(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  y = tie.plan_year(2020);
  CHECK(y[0].state_offer == 1'200'000);
  CHECK(y[0].offer_cut == 300'000);
  c.offer_factors = {{"99", 2020, 0.5}};
  CHECK_THROWS_WITH(FundingCycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020),
                    "funding.offer_factor[0].region: \"99\": no such region");
}

TEST_CASE("funding cycle: equity above the reasonable level lowers next year's allocation", "[funding]") {
  FundingCycle cycle(test::toy_config(), test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  cycle.plan_year(2020);
  // C spends only 5 000 000 of its 10 920 000: equity 2 402 400 + 10 920 000 − 5 000 000 = 8 322 400.
  cycle.close_year(2020, {3'000'000, 6'080'000, 5'000'000});
  CHECK(cycle.year_record(2020)[2].equity_close == 8'322'400);
  const std::vector<ForbundYear> y = cycle.plan_year(2021);
  // C's 2020 plan: individual 10 920 000 − admin 1 310 400 − structural 2 730 000 = 6 879 600, no
  // draw (opening 2 402 400 < reserve 2 730 000); month money 573 300 → samtal 80.262 slots and
  // projekt 28.665 → 80 + 28 = 568 000 bound, 5 300 left buys one more samtal → 573 000 a month;
  // rounding leftover 6 879 600 − 12 × 573 000 = 3 600.
  CHECK(cycle.year_record(2020)[2].rounding_leftover == 3'600);
  // Reasonable (staircase): 0.40 × 5 000 000 + 0.25 × 5 920 000 = 3 480 000; excess
  // 8 322 400 − 3 600 − 3 480 000 = 4 838 800; reduction floor(0.5 × 4 838 800) = 2 419 400 →
  // C 5 460 000 − 2 419 400 = 3 040 600 (no cap: excess equity lifts it). The reduction is not
  // passed on: A and B keep their key offers, and the state offers 7 580 600 of its 10 000 000.
  CHECK(y[2].equity_open == 8'322'400);
  // C keeps a reserve of floor(0.25 × its 2021 budget 6 081 200) = 1 520 300 and may draw half of
  // the rest: floor(0.5 × (8 322 400 − 1 520 300)) = 3 401 050.
  CHECK(y[2].equity_draw == 3'401'050);
  CHECK(y[2].equity_reduction == 2'419'400);
  CHECK(y[2].state_offer == 3'040'600);
  CHECK(y[0].state_offer == 1'500'000);
  CHECK(y[1].state_offer == 3'040'000);
  CHECK(test::sum_offers(y) + y[2].equity_reduction == 10'000'000);
  for (const ForbundYear& r : y) test::check_record(r);
}

TEST_CASE("funding cycle: years in order, closing optional, bad scenario names rejected", "[funding]") {
  FundingCycle cycle(test::toy_config(), test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020);
  CHECK_THROWS_AS(cycle.plan_year(2021), std::logic_error);
  cycle.plan_year(2020);
  CHECK_THROWS_AS(cycle.close_year(2020, {1, 2}), std::logic_error);
  CHECK_THROWS_AS(cycle.close_year(2020, {0, 0, 20'000'000}), std::logic_error);
  // Not closed: spent = budget, equity unchanged.
  cycle.plan_year(2021);
  CHECK(cycle.year_record(2020)[0].spent == 3'000'000);
  CHECK(cycle.year_record(2021)[0].equity_open == 660'000);
  CHECK_THROWS_AS(cycle.close_year(2020, {0, 0, 0}), std::logic_error);

  FundingConfig c = test::toy_config();
  c.members.ceilings = {{"Bx", 2021, 5'000'000}};
  CHECK_THROWS_WITH(FundingCycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020),
                    "funding.ceiling[0].forbund: no förbund \"Bx\" (did you mean \"B\"?)");
  c = test::toy_config();
  c.members.freezes = {{"region:99", 2021, 2020}};
  CHECK_THROWS_WITH(FundingCycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020),
                    "funding.freeze[0].party: \"region:99\": no such region");
  c = test::toy_config();
  c.members.kommun_shares = {{"B", "0181", 0.5}, {"B", "0182", 0.6}};
  CHECK_THROWS_WITH(FundingCycle(c, test::toy_world(), test::toy_insatser(), test::kCycleKey, 2020),
                    "funding.kommun_share: förbund \"B\": the shares sum to 1.1, not 1");
}

TEST_CASE("funding cycle: given allocations are used as given, then the key and the spärr", "[funding][history]") {
  // Two förbund, key A 0.425, B 0.575 (tests/world/need_indicator_test.cpp: key offers of a
  // 10 000 000 pot A 4 310 000, B 5 690 000). A's allocation is given for 2017 and 2018; the model
  // starts in 2019 and is never closed (spent = budget), so equity stays below the reasonable level.
  FundingWorld w;
  w.region_codes = {"01", "03"};
  w.kommun_codes = {"0180", "0380"};
  w.forbund.push_back({"A", "01", {"0180"}, {50'000}, {40'000.0, 50'000}, {{2017, 6'000'000}, {2018, 6'500'000}}});
  w.forbund.push_back({"B", "03", {"0380"}, {50'000}, {60'000.0, 50'000}, {}});
  FundingCycle cycle(test::toy_config(), w, test::toy_insatser(), test::kCycleKey, 2019);
  // Before the model: 2017 A 6 000 000, B 10 000 000 − 6 000 000 = 4 000 000; 2018 A 6 500 000,
  // B 3 500 000 (its floor 3 600 000 cannot be met: the only other förbund's figure is given).
  // 2019: A's key offer 4 310 000 is below its floor floor(0.9 × 6 500 000) = 5 850 000: short
  // 1 540 000, paid by B from its gain over 3 500 000 → A 5 850 000, B 4 150 000.
  std::vector<ForbundYear> y = cycle.plan_year(2019);
  CHECK(y[0].key_offer == 4'310'000);
  CHECK(y[0].state_offer == 5'850'000);
  CHECK(y[1].state_offer == 4'150'000);
  CHECK_FALSE(y[0].given);
  // 2020: floor 5 265 000, short 955 000 → B 5 690 000 − 955 000 = 4 735 000.
  y = cycle.plan_year(2020);
  CHECK(y[0].state_offer == 5'265'000);
  CHECK(y[1].state_offer == 4'735'000);
  // 2021: floor 4 738 500 → B 5 261 500. 2022: floor 4 264 650 < key: both at their key offers.
  y = cycle.plan_year(2021);
  CHECK(y[0].state_offer == 4'738'500);
  CHECK(y[1].state_offer == 5'261'500);
  y = cycle.plan_year(2022);
  CHECK(y[0].state_offer == 4'310'000);
  CHECK(y[1].state_offer == 5'690'000);
  for (const ForbundYear& r : y) CHECK(r.equity_reduction == 0);

  // A year inside the model is used as given too, and the spärr starts from it the year after.
  w.forbund[0].given_allocation = {{2020, 7'000'000}};
  FundingCycle inside(test::toy_config(), w, test::toy_insatser(), test::kCycleKey, 2019);
  inside.plan_year(2019);
  y = inside.plan_year(2020);
  CHECK(y[0].given);
  CHECK(y[0].state_offer == 7'000'000);
  CHECK(y[1].state_offer == 3'000'000);
  // 2021: B's budget fell to 6 000 000 in 2020, so its equity 2 503 600 (0.22 × its 2019 budget
  // 11 380 000) is above the reasonable level 0.40 × 5 000 000 + 0.25 × 1 000 000 = 2 250 000. Its
  // 2020 rounding leftover: individual 3 780 000 + draw floor(0.5 × (2 503 600 − 1 500 000)) =
  // 501 800 → 356 816 a month → samtal 49.954 → 49 + 1, projekt 17.84 → 17: 352 000 bound a month,
  // leftover 4 281 800 − 4 224 000 = 57 800. Excess 2 503 600 − 57 800 − 2 250 000 = 195 800 →
  // reduction 97 900 → B's offer 5 592 100. A: floor(0.9 × 7 000 000) = 6 300 000, short 1 990 000,
  // paid by B's gain over 3 000 000 → B 3 602 100; the state withholds 97 900.
  y = inside.plan_year(2021);
  CHECK(y[1].equity_reduction == 97'900);
  CHECK(y[0].state_offer == 6'300'000);
  CHECK(y[1].state_offer == 3'602'100);
  CHECK(test::sum_offers(y) + test::sum_withheld(y) == 10'000'000);
}
