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

TEST_CASE("distribution: equity above the reasonable level lowers the offer", "[funding]") {
  // A: contributions 3 000 000 → reasonable equity 0.25 × 3 000 000 = 750 000; equity 1 000 000 →
  // excess 250 000 → reduction floor(0.5 × 250 000) = 125 000 → A 1 375 000.
  // The 125 000 goes to B and C by key share 0.3 : 0.575: B 42 857.14, C 82 142.86 → floors
  // 42 857 + 82 142, one krona left → C (fraction 0.86).
  const History h{AllocationHistory{1'500'000, 3'000'000, 1'000'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
  CHECK(a.equity_excess == std::vector<Sek>{250'000, 0, 0});
  CHECK(a.equity_reduction == std::vector<Sek>{125'000, 0, 0});
  CHECK(a.allocation == std::vector<Sek>{1'375'000, 3'082'857, 5'542'143});
  CHECK(total(a.allocation) == kPot);
}

TEST_CASE("distribution: the equity reduction stops at zero", "[funding]") {
  // A's equity 10 000 000: excess 9 250 000, half is 4 625 000 > offer → A gets 0 and its
  // 1 500 000 goes to B 514 285.71 and C 985 714.29 → one krona left → B (0.71).
  const History h{AllocationHistory{1'500'000, 3'000'000, 10'000'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  DistributionParams p;
  p.max_decrease = 1.0;  // no cap, so only the equity rule shows
  const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, p);
  CHECK(a.allocation == std::vector<Sek>{0, 3'554'286, 6'445'714});
  CHECK(total(a.allocation) == kPot);
}

TEST_CASE("distribution: excess equity lifts the cap unless the scenario says otherwise", "[funding]") {
  // As above, but A had 2 000 000 last year (floor 1 800 000).
  const History h{AllocationHistory{2'000'000, 3'000'000, 1'000'000},
                  AllocationHistory{3'040'000, 6'080'000, 0}, AllocationHistory{5'460'000, 10'920'000, 0}};
  SECTION("exempt (FK memo): A keeps the reduced offer") {
    const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, DistributionParams{});
    CHECK(a.allocation == std::vector<Sek>{1'375'000, 3'082'857, 5'542'143});
  }
  SECTION("not exempt: A needs 425 000 but B and C gained only 42 857 + 82 143") {
    // The floor is scaled down: A gets all of the gains back, B and C return to last year.
    DistributionParams p;
    p.cap_exempt_above_equity = false;
    const StateAllocation a = distribute_state_pot(2021, kPot, toy_areas(), h, p);
    CHECK(a.allocation == std::vector<Sek>{1'500'000, 3'040'000, 5'460'000});
    CHECK(total(a.allocation) == kPot);
  }
}
