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

TEST_CASE("ledger: amounts at the month's price level, the burn-in at the first year's", "[sim][ledger][prices]") {
  ScenarioConfig config;
  config.costs.prices = {{{2019, 1.0}, {2025, 1.5}}, 0.0};
  config.costs.wage_per_month = 22'000;
  config.costs.tax_kommun = 0.207;
  config.costs.tax_region = 0.1149;
  config.costs.tax_state = 0.3142;
  config.costs.employer_fee_pension_share = 0.344;
  config.costs.health_care_per_month = 2'000;
  config.costs.study_support_per_month = 3'000;
  config.costs.support_cost_per_month.assign(kSupportSources, 0);
  config.costs.support_cost_per_month[0] = 15'000;
  config.costs.support_payer.assign(kSupportSources, Payer::State);
  const Rates rates{};
  auto month_of = [&](int year) {
    Area area;
    area.census[static_cast<int>(State::Work)][0] = 2;
    area.census[static_cast<int>(State::Target)][0] = 1;
    area.census[static_cast<int>(State::Studies)][0] = 1;
    ledger(area, StepContext{config, rates, RunKey{}, 12 * (year - 2019), year});
    return area.month;
  };
  // 2025, prices × 1.5: wage 33 000; kommun tax round(6 831) and region round(3 791.7) = 3 792 a
  // worker; fees round(10 368.6) = 10 369, pension round(3 566.9) = 3 567, state 6 802. Costs:
  // sjukpenning 22 500 and study support 4 500 (state), health care 3 000 (region).
  const MonthCounters m = month_of(2025);
  CHECK(m.public_revenue[static_cast<int>(Payer::Kommun)] == 2 * 6'831);
  CHECK(m.public_revenue[static_cast<int>(Payer::Region)] == 2 * 3'792);
  CHECK(m.public_revenue[static_cast<int>(Payer::State)] == 2 * 6'802);
  CHECK(m.pension_contribution == 2 * 3'567);
  CHECK(m.public_cost[static_cast<int>(Payer::State)] == 22'500 + 4'500);
  CHECK(m.public_cost[static_cast<int>(Payer::Region)] == 3'000);
  // A burn-in month (a year before the first) is at the first year's prices: 2019 kronor.
  const MonthCounters b = month_of(2010);
  CHECK(b.public_revenue[static_cast<int>(Payer::Kommun)] == 2 * 4'554);
  CHECK(b.public_cost[static_cast<int>(Payer::State)] == 15'000 + 3'000);
}

TEST_CASE("ledger: each cost goes to its payer", "[sim][ledger]") {
  // Support costs by source 100, 200, 300, 400, 0; ekonomiskt bistånd (social assistance) paid by the
  // kommun, the rest by the state; health care 50 (region), study support 70 (state).
  ScenarioConfig config;
  config.costs.support_cost_per_month = {100, 200, 300, 400, 0};
  config.costs.support_payer = {Payer::State, Payer::State, Payer::Kommun, Payer::State, Payer::State};
  config.costs.health_care_per_month = 50;
  config.costs.study_support_per_month = 70;
  const Rates rates{};
  Area area;
  area.census[static_cast<int>(State::Target)][static_cast<int>(SupportSource::SocialAssistance)] = 10;
  area.census[static_cast<int>(State::Studies)][0] = 3;
  area.census[static_cast<int>(State::JobSeeking)][0] = 4;
  ledger(area, StepContext{config, rates, RunKey{}, 0, 2019});
  // State: study support 3 × 70 + job seekers' activity support 4 × 400 = 1 810. Kommun: bistånd
  // 10 × 300. Region: health care of the target group 10 × 50.
  const auto& m = area.month;
  CHECK(m.public_cost[static_cast<int>(Payer::State)] == 1'810);
  CHECK(m.public_cost[static_cast<int>(Payer::Kommun)] == 3'000);
  CHECK(m.public_cost[static_cast<int>(Payer::Region)] == 500);
  CHECK(m.support[static_cast<int>(SupportSource::SocialAssistance)] == 10);
}
