// The FK distribution model on a three-förbund toy world, worked by hand to the krona.
#include <catch2/catch.hpp>

#include <numeric>
#include <optional>

#include "funding/distribution.h"
#include "util/error.h"

using namespace finsim;

namespace {

// Toy world. Need measures 100, 300, 600 (Σ 1 000); populations 16–64 20 000, 30 000, 50 000
// (Σ 100 000). Key = 0.75·F/ΣF + 0.25·P/ΣP:
//   A 0.75·0.1 + 0.25·0.2 = 0.125;  B 0.75·0.3 + 0.25·0.3 = 0.3;  C 0.75·0.6 + 0.25·0.5 = 0.575.
std::vector<KeyArea> toy_areas() { return {{100.0, 20'000}, {300.0, 30'000}, {600.0, 50'000}}; }

// Pot 10 000 000: base 3 × 400 000 = 1 200 000, rest 8 800 000 →
//   A 400 000 + 1 100 000 = 1 500 000;  B 400 000 + 2 640 000 = 3 040 000;
//   C 400 000 + 5 060 000 = 5 460 000.
constexpr Sek kPot = 10'000'000;

using History = std::vector<std::optional<AllocationHistory>>;

Sek total(const std::vector<Sek>& v) { return std::accumulate(v.begin(), v.end(), Sek{0}); }

}  // namespace

TEST_CASE("distribution: key shares are need 75 % and population 25 %", "[funding]") {
  const auto key = key_shares(toy_areas(), DistributionParams{});
  REQUIRE(key.size() == 3);
  CHECK(static_cast<double>(key[0]) == Approx(0.125));
  CHECK(static_cast<double>(key[1]) == Approx(0.3));
  CHECK(static_cast<double>(key[2]) == Approx(0.575));
}

TEST_CASE("distribution: base amount plus key share of the rest, first year", "[funding]") {
  const StateAllocation a = distribute_state_pot(2020, kPot, toy_areas(), History(3), DistributionParams{});
  CHECK(a.key_offer == std::vector<Sek>{1'500'000, 3'040'000, 5'460'000});
  CHECK(a.allocation == a.key_offer);  // first year: no cap, no equity rule
  CHECK(total(a.allocation) == kPot);
}

TEST_CASE("distribution: the rounding remainder goes by largest fractional part", "[funding]") {
  // Pot 1 200 007: rest 7 SEK → 0.875, 2.1, 4.025 → floors 0, 2, 4; the one krona left goes to A.
  const StateAllocation a = distribute_state_pot(2020, 1'200'007, toy_areas(), History(3), DistributionParams{});
  CHECK(a.allocation == std::vector<Sek>{400'001, 400'002, 400'004});
  CHECK(total(a.allocation) == 1'200'007);

  // Equal keys: rest 100 → 33.33 each, the krona left to the lowest index.
  const std::vector<KeyArea> equal{{1.0, 10}, {1.0, 10}, {1.0, 10}};
  const StateAllocation e = distribute_state_pot(2020, 1'200'100, equal, History(3), DistributionParams{});
  CHECK(e.allocation == std::vector<Sek>{400'034, 400'033, 400'033});
}

TEST_CASE("distribution: a pot below N × base amount is an input error", "[funding]") {
  CHECK_THROWS_WITH(distribute_state_pot(2020, 1'199'999, toy_areas(), History(3), DistributionParams{}),
                    "funding.state.allocation_msek: year 2020: pot 1199999 SEK is smaller than 3 "
                    "förbund × base amount");
}

TEST_CASE("distribution: weights that do not add to 1 are an input error", "[funding]") {
  DistributionParams p;
  p.weight_need = 0.8;
  CHECK_THROWS_AS(key_shares(toy_areas(), p), InputError);
}

TEST_CASE("distribution: the 10 % cap binds and gainers pay pro rata", "[funding]") {
  // Last year A had 2 000 000, B 3 000 000, C 5 000 000; no equity.
  // A's floor: floor(0.9 × 2 000 000) = 1 800 000 > key offer 1 500 000 → raised by 300 000.
  // Gainers above last year: B 3 040 000 − 3 000 000 = 40 000, C 460 000 (Σ 500 000).
  // Cost: B 300 000 × 40/500 = 24 000, C 300 000 × 460/500 = 276 000.
  const History h{AllocationHistory{2'000'000, 4'000'000, 0}, AllocationHistory{3'000'000, 6'000'000, 0},
                  AllocationHistory{5'000'000, 10'000'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.cap_adjustment == std::vector<Sek>{300'000, -24'000, -276'000});
  CHECK(a.allocation == std::vector<Sek>{1'800'000, 3'016'000, 5'184'000});
  CHECK(total(a.allocation) == kPot);
}

TEST_CASE("distribution: the cap's cost is shared to the krona by largest remainder", "[funding]") {
  // A had 2 000 010: floor = 1 800 009, shortfall 300 009.
  // B pays 300 009 × 0.08 = 24 000.72, C 300 009 × 0.92 = 276 008.28 → floors 24 000 + 276 008,
  // one krona left → B (fraction 0.72).
  const History h{AllocationHistory{2'000'010, 4'000'000, 0}, AllocationHistory{3'000'000, 6'000'000, 0},
                  AllocationHistory{5'000'000, 10'000'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.allocation == std::vector<Sek>{1'800'009, 3'015'999, 5'183'992});
  CHECK(total(a.allocation) == kPot);
}

TEST_CASE("distribution: the 10 % cap does not bind", "[funding]") {
  // A had 1 600 000: floor 1 440 000 ≤ 1 500 000. B fell from 3 100 000 to 3 040 000, within 10 %.
  const History h{AllocationHistory{1'600'000, 3'200'000, 0}, AllocationHistory{3'100'000, 6'200'000, 0},
                  AllocationHistory{5'300'000, 10'600'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.cap_adjustment == std::vector<Sek>{0, 0, 0});
  CHECK(a.allocation == std::vector<Sek>{1'500'000, 3'040'000, 5'460'000});
}

TEST_CASE("distribution: floors are scaled down when the gains cannot fund them", "[funding]") {
  // A had 3 000 000 (floor 2 700 000, short 1 200 000); B had 4 000 000 (floor 3 600 000, short
  // 560 000); C gains 460 000 only. C drops to 5 000 000 and its 460 000 goes to A and B pro rata
  // to their shortfall: A 460 000 × 1 200/1 760 = 313 636.36, B 146 363.64 → floors 313 636 +
  // 146 363, one krona left → B (fraction 0.64).
  const History h{AllocationHistory{3'000'000, 6'000'000, 0}, AllocationHistory{4'000'000, 8'000'000, 0},
                  AllocationHistory{5'000'000, 10'000'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.allocation == std::vector<Sek>{1'813'636, 3'186'364, 5'000'000});
  CHECK(total(a.allocation) == kPot);
}

TEST_CASE("distribution: a pot of exactly the base amounts gives each förbund its base", "[funding]") {
  const DistributionParams p;  // base amount 400 000
  CHECK(key_offers(2020, 2 * p.base_amount, {0.5L, 0.5L}, p) == std::vector<Sek>{p.base_amount, p.base_amount});
  CHECK_THROWS_AS(key_offers(2020, 2 * p.base_amount - 1, {0.5L, 0.5L}, p), InputError);
}

TEST_CASE("distribution: reasonable equity is a staircase by size", "[funding]") {
  // Defaults (assumption): 0.40 of the first 5 000 000 SEK of contributions, 0.25 of the rest.
  const DistributionParams p;
  CHECK(reasonable_equity(0, p) == 0);
  CHECK(reasonable_equity(3'000'000, p) == 1'200'000);                // 0.40 × 3 000 000
  CHECK(reasonable_equity(5'000'000, p) == 2'000'000);                // 0.40 × 5 000 000
  CHECK(reasonable_equity(10'920'000, p) == 2'000'000 + 1'480'000);   // + 0.25 × 5 920 000
  // A small förbund may keep a larger share: 40 % at 2 MSEK, 28.75 % at 20 MSEK (5 750 000).
  CHECK(reasonable_equity(2'000'000, p) == 800'000);
  CHECK(reasonable_equity(20'000'000, p) == 5'750'000);
}

TEST_CASE("distribution: equity above the reasonable level lowers the offer, and the state pays less", "[funding]") {
  // A: contributions 3 000 000 → reasonable 0.40 × 3 000 000 = 1 200 000; equity 1 500 000 →
  // excess 300 000 → reduction floor(0.5 × 300 000) = 150 000 → A 1 350 000. The 150 000 is not
  // passed to B and C: the state offers 9 850 000 and records the reduction.
  const History h{AllocationHistory{1'500'000, 3'000'000, 1'500'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.equity_excess == std::vector<Sek>{300'000, 0, 0});
  CHECK(a.equity_reduction == std::vector<Sek>{150'000, 0, 0});
  CHECK(a.allocation == std::vector<Sek>{1'350'000, 3'040'000, 5'460'000});
  CHECK(total(a.allocation) + total(a.equity_reduction) == kPot);
}

TEST_CASE("distribution: rounding leftovers in equity are not excess", "[funding]") {
  // As above, but 250 000 of A's 1 500 000 equity is money last year's whole slots could not bind:
  // excess 1 500 000 − 250 000 − 1 200 000 = 50 000 → reduction 25 000.
  const History h{AllocationHistory{1'500'000, 3'000'000, 1'500'000, 250'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.equity_excess == std::vector<Sek>{50'000, 0, 0});
  CHECK(a.allocation == std::vector<Sek>{1'475'000, 3'040'000, 5'460'000});
  // Equity made only of rounding leftovers and the reasonable level is never cut.
  const History r{AllocationHistory{1'500'000, 3'000'000, 1'300'000, 100'000}, std::nullopt, std::nullopt};
  CHECK(distribute_state_pot(2021, kPot, toy_areas(), r, DistributionParams{}).equity_reduction ==
        std::vector<Sek>{0, 0, 0});
}

TEST_CASE("distribution: the equity reduction stops at the base amount", "[funding]") {
  // A's equity 10 000 000: excess 10 000 000 − 1 200 000 = 8 800 000, half is 4 400 000 > A's
  // offer above the base (1 100 000) → A keeps the 400 000 base; reduction 1 100 000, not passed on.
  const History h{AllocationHistory{1'500'000, 3'000'000, 10'000'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  DistributionParams p;
  p.max_decrease = 1.0;  // no cap, so only the equity rule shows
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, p);
  CHECK(a.equity_reduction == std::vector<Sek>{1'100'000, 0, 0});
  CHECK(a.allocation == std::vector<Sek>{400'000, 3'040'000, 5'460'000});
  CHECK(total(a.allocation) + total(a.equity_reduction) == kPot);
}

TEST_CASE("distribution: excess equity lifts the cap unless the scenario says otherwise", "[funding]") {
  // A had 2 000 000 last year (floor 1 800 000); equity 1 500 000 → reduction 150 000 as above.
  const History h{AllocationHistory{2'000'000, 3'000'000, 1'500'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  SECTION("exempt (FK memo): A keeps the reduced offer") {
    const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
    CHECK(a.allocation == std::vector<Sek>{1'350'000, 3'040'000, 5'460'000});
    CHECK(a.cap_adjustment == std::vector<Sek>{0, 0, 0});
  }
  SECTION("not exempt: A needs 450 000 but B and C gained nothing over last year") {
    // The reduction is not passed on, so B and C are at last year's level: no gains to fund A's
    // floor, and it is scaled down to nothing.
    DistributionParams p;
    p.cap_exempt_above_equity = false;
    const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, p);
    CHECK(a.allocation == std::vector<Sek>{1'350'000, 3'040'000, 5'460'000});
    CHECK(total(a.allocation) + total(a.equity_reduction) == kPot);
  }
}

TEST_CASE("distribution: given allocations are used as given, the others absorb the difference", "[funding]") {
  // B's allocation is given as 4 040 000, 1 000 000 above its key offer 3 040 000. A and C give it
  // up pro rata to their offer above the base: A 1 100 000, C 5 060 000 (Σ 6 160 000) →
  // A 1 000 000 × 1 100/6 160 = 178 571.43, C 821 428.57 → floors 178 571 + 821 428, the krona left
  // to C (fraction 0.57 > 0.43) → A 1 321 429, C 4 638 571.
  const std::vector<std::optional<Sek>> given{std::nullopt, Sek{4'040'000}, std::nullopt};
  const StateAllocation a = distribute_state_pot(2016, kPot, toy_areas(), History(3), DistributionParams{}, given);
  CHECK(a.given == std::vector<bool>{false, true, false});
  CHECK(a.allocation == std::vector<Sek>{1'321'429, 4'040'000, 4'638'571});
  CHECK(total(a.allocation) == kPot);
  // Given below the key: B 2 040 000 frees 1 000 000, shared by key 0.125 : 0.575 →
  // A 178 571.43, C 821 428.57 → A 1 678 571, C 6 281 429 (krona to C).
  const std::vector<std::optional<Sek>> low{std::nullopt, Sek{2'040'000}, std::nullopt};
  CHECK(distribute_state_pot(2016, kPot, toy_areas(), History(3), DistributionParams{}, low).allocation ==
        std::vector<Sek>{1'678'571, 2'040'000, 6'281'429});
  // A given förbund is neither capped nor charged for others' floors; the spärr of the others works
  // from their own last allocation.
  const History h{AllocationHistory{3'000'000, 0, 0}, AllocationHistory{4'040'000, 0, 0}, std::nullopt};
  const StateAllocation c = distribute_state_pot(2017, kPot, toy_areas(), h, DistributionParams{}, given);
  // A: floor 2 700 000 > 1 321 429, short 1 378 571; the only gainer C (no history: protected level
  // 400 000) pays it from its gain 4 238 571 → A 2 700 000, C 4 638 571 − 1 378 571 = 3 260 000.
  CHECK(c.allocation == std::vector<Sek>{2'700'000, 4'040'000, 3'260'000});
  // Given figures that the others cannot absorb are an input error.
  const std::vector<std::optional<Sek>> huge{std::nullopt, Sek{9'900'000}, std::nullopt};
  CHECK_THROWS_AS(distribute_state_pot(2016, kPot, toy_areas(), History(3), DistributionParams{}, huge), InputError);
}
