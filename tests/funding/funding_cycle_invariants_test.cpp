// Invariants of the funding cycle over projections: the toy world over eleven years, the real
// data in scenarios/data/ to the krona, and the shipped baseline to 2040.
#include <catch2/catch.hpp>
#include <numeric>

#include "config/read_scenario.h"
#include "funding/funding_cycle.h"
#include "funding_cycle_fixture.h"
#include "world/geography.h"
#include "world/org_graph.h"
#include "world/world.h"

using namespace finsim;

TEST_CASE("funding projection: invariants hold every year", "[funding]") {
  FundingConfig c = test::toy_config();
  c.state.allocation_sek[2023] = 14'000'000;
  c.state.allocation_sek[2026] = 9'000'000;  // a cut, so the 10 % cap comes into play
  c.members.freezes = {{"kommun:0182", 2022, 2020}};
  const auto types = test::toy_insatser();
  const std::vector<ForbundYear> all = project_funding(c, test::toy_world(), types, test::kCycleKey, 2020, 2030);
  REQUIRE(all.size() == 3 * 11);
  for (int year = 2020; year <= 2030; ++year) {
    const std::vector<ForbundYear> y(all.begin() + 3 * (year - 2020), all.begin() + 3 * (year - 2019));
    CHECK(test::sum_offers(y) + test::sum_withheld(y) == c.state.pot_for(year));
    for (const ForbundYear& r : y) {
      CHECK(r.year == year);
      test::check_record(r);
      CHECK(r.state_offer >= 400'000);  // the base amount is a floor, equity rule or not
      // A funding-only projection spends admin + structural + the money bound in slots.
      Sek bound = 0;
      for (std::size_t t = 0; t < types.size(); ++t) bound += r.monthly_slots[t] * types[t].cost_per_month;
      CHECK(r.spent == r.admin + r.structural + 12 * bound);
      if (year > 2020) {
        const ForbundYear& prev = all[static_cast<std::size_t>(3 * (year - 2021) + r.forbund)];
        CHECK(r.equity_open == prev.equity_close);
        // The cap holds while the pot does not fall (a 36 % cut in 2026 cannot keep every floor:
        // then the floors are scaled down to what the gainers have, here nothing).
        if (r.equity_reduction == 0 && c.state.pot_for(year) >= c.state.pot_for(year - 1))
          CHECK(r.state_offer >= prev.state_offer * 9 / 10);
      }
    }
  }
}

TEST_CASE("funding on the real data: 339 MSEK to the krona", "[funding]") {
  const Geography geo =
      load_geography(FINSIM_SOURCE_DIR "/scenarios/data/kommuner.csv", FINSIM_SOURCE_DIR "/scenarios/data/forbund.csv");
  const OrgGraph org = build_org_graph(geo, OrganisationConfig{});
  FundingConfig c;
  c.state.allocation_sek = {{2016, 339'000'000}};
  FundingCycle cycle(c, org, geo, test::toy_insatser(), test::kCycleKey, 2019);
  const std::vector<ForbundYear> y = cycle.plan_year(2019);
  REQUIRE(static_cast<int>(y.size()) == org.forbund_count());
  CHECK(test::sum_offers(y) == 339'000'000);
  Sek kommuner = 0;
  for (const ForbundYear& r : y) {
    CHECK(r.state_offer >= 400'000);
    test::check_record(r);
    kommuner += r.kommuner_paid;
  }
  // Ekerö (0125) is outside every förbund per the 2020 source: it pays nothing.
  const int ekero = geo.kommun_index("0125");
  REQUIRE(ekero >= 0);
  CHECK(geo.kommuner[static_cast<std::size_t>(ekero)].status == MembershipStatus::NoForbund);
  CHECK(org.forbund_of_kommun(ekero) == -1);
  for (const FundingArea& a : cycle.world().forbund)
    for (const std::string& code : a.kommun_codes) CHECK(code != "0125");
  // The kommun quarters are the whole kommun quarter: nobody else pays it.
  CHECK(kommuner * 4 ==
        std::accumulate(y.begin(), y.end(), Sek{0}, [](Sek s, const ForbundYear& r) { return s + r.budget; }));

  // Ten more years, with the pot and the cap at work, still to the krona.
  for (int year = 2020; year <= 2029; ++year) {
    const std::vector<ForbundYear> next = cycle.plan_year(year);
    CHECK(test::sum_offers(next) == 339'000'000);
    for (const ForbundYear& r : next) test::check_record(r);
  }
}

TEST_CASE("funding on the shipped scenarios: base floor, money conserved, bounded equity to 2040",
          "[funding][invariant]") {
  // The baseline with the need proxy and the allocation history, flat pot to 2040.
  const Scenario s =
      load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml", {"scenario.end=2040-12"});
  const World world = build_world(s.config);
  const std::vector<ForbundYear> all =
      project_funding(s.config.funding, world.org, world.geography, s.config.insatser, test::kCycleKey, 2019, 2040);
  const std::size_t n = static_cast<std::size_t>(world.org.forbund_count());
  REQUIRE(all.size() == n * 22);
  for (int year = 2019; year <= 2040; ++year) {
    const std::vector<ForbundYear> y(all.begin() + static_cast<long>(n) * (year - 2019),
                                     all.begin() + static_cast<long>(n) * (year - 2018));
    CHECK(test::sum_offers(y) + test::sum_withheld(y) == 339'000'000);
    for (const ForbundYear& r : y) {
      test::check_record(r);
      CHECK(r.state_offer >= 400'000);
      // Under a flat pot equity settles: never above the staircase level plus one year's rounding,
      // and the equity rule never acts on rounding leftovers.
      CHECK(r.equity_close <= r.reasonable_equity + r.rounding_leftover);
      CHECK(r.equity_reduction == 0);
    }
  }
}
