#include <catch2/catch.hpp>

#include "sim/area.h"
#include "sim/events.h"

using namespace finsim;

TEST_CASE("ledger: the pension part of employer fees is kept apart from state revenue", "[sim][ledger]") {
  ScenarioConfig config;
  config.costs.wage_per_month = 22'000;
  config.costs.tax_kommun = 0.207;
  config.costs.tax_region = 0.1149;
  config.costs.tax_state = 0.3142;
  config.costs.employer_fee_pension_share = 0.344;
  config.costs.support_cost_per_month.assign(kSupportSources, 0);
  config.costs.support_payer.assign(kSupportSources, Payer::State);
  const Rates rates{};
  const StepContext ctx{config, rates, RunKey{}, 0, 2019};
  Area area;
  area.census[static_cast<int>(State::Work)][0] = 10;
  ledger(area, ctx);
  // Per worker: fees round(22 000 · 0.3142) = 6 912, pension round(6 912 · 0.344) = 2 378,
  // state revenue 6 912 − 2 378 = 4 534; kommun round(4 554) and region round(2 527.8) = 2 528.
  const auto& m = area.month;
  CHECK(m.public_revenue[static_cast<int>(Payer::State)] == 45'340);
  CHECK(m.pension_contribution == 23'780);
  CHECK(m.public_revenue[static_cast<int>(Payer::State)] + m.pension_contribution == 10 * 6'912);
  CHECK(m.public_revenue[static_cast<int>(Payer::Kommun)] == 45'540);
  CHECK(m.public_revenue[static_cast<int>(Payer::Region)] == 25'280);
  CHECK(m.stock[static_cast<int>(State::Work)] == 10);

  SECTION("a pension share of 0 counts all employer fees as state revenue, as before") {
    config.costs.employer_fee_pension_share = 0;
    Area again;
    again.census[static_cast<int>(State::Work)][0] = 10;
    ledger(again, ctx);
    CHECK(again.month.public_revenue[static_cast<int>(Payer::State)] == 69'120);
    CHECK(again.month.pension_contribution == 0);
  }
}
