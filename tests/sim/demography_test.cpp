// Specification of sim/demography.cpp: yearly rates become monthly hazards, people due to leave
// (65, death, emigration, permanent sjukersättning) go to Gone from whatever state they are in, and
// the monthly inflow adds a Poisson number of new target-group members per kommun.
#include <catch2/catch.hpp>

#include <cmath>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {

using finsim::test::census_of;

}  // namespace

TEST_CASE("yearly rates become monthly hazards, referral and identification are capped at 1", "[sim][demography]") {
  AreaFixture f;
  ScenarioConfig c = f.scenario.config;
  c.population.mortality_per_year = 0.12;
  c.population.emigration_per_year = 0.0;
  c.population.sjukersattning_per_year = 1.0;
  c.referral.rate_per_month = 0.6;
  c.referral.agency_presence = 2.0;
  c.referral.identification_max_per_month = 0.1;
  const Rates r = derive_rates(c);
  // 1 − 0.88^(1/12) = 1 − exp(ln 0.88 / 12) = 1 − exp(−0.0106528) = 0.0105963: twelve months of it
  // leave 0.88 alive, as the yearly rate says.
  CHECK(r.death == Approx(0.0105963).epsilon(1e-5));
  CHECK(std::pow(1.0 - r.death, 12) == Approx(0.88));
  CHECK(r.emigration == 0.0);
  CHECK(r.sjukersattning == 1.0);                // a certain yearly exit is certain in the first month
  CHECK(r.referral == 1.0);                      // 0.6 × 2 = 1.2, capped
  CHECK(r.identification_bound == Approx(0.2));  // 0.1 × 2
  REQUIRE(r.completion.size() == c.insatser.size());
  for (std::size_t t = 0; t < c.insatser.size(); ++t)
    CHECK(r.completion[t] == Approx(1.0 / c.insatser[t].mean_duration_months));
}

TEST_CASE("people due to leave go to Gone with their reason, from any state", "[sim][demography]") {
  AreaFixture f;
  const std::size_t t = f.type("ips");
  const std::size_t aged = f.person(64);
  const std::size_t died = f.person(40);
  const std::size_t emigrated = f.person(30);
  const std::size_t sjuk = f.person(50);
  // The participant and the waiting person also leave, and free their place in the counts.
  f.area.agents.insats[died] = static_cast<std::uint8_t>(t);
  move_to(f.area, died, State::InInsats, LogEvent::Start, f.ctx(0));
  ++f.area.participants[t];
  f.area.agents.insats[emigrated] = static_cast<std::uint8_t>(t);
  move_to(f.area, emigrated, State::Waiting, LogEvent::Referral, f.ctx(0));
  ++f.area.waiting[t];
  const std::int64_t live_before = f.area.live();
  f.area.due.clear();
  f.due(aged, NextEvent::AgeOut, 5);
  f.due(died, NextEvent::Death, 5);
  f.due(emigrated, NextEvent::Emigration, 5);
  f.due(sjuk, NextEvent::Sjukersattning, 5);
  demographic_exits(f.area, f.ctx(5));
  for (const std::size_t i : {aged, died, emigrated, sjuk}) CHECK(f.area.agents.state_of(i) == State::Gone);
  const auto& gone = f.area.month.gone;
  CHECK(gone[static_cast<int>(GoneReason::AgedOut)] == 1);
  CHECK(gone[static_cast<int>(GoneReason::Death)] == 1);
  CHECK(gone[static_cast<int>(GoneReason::Emigration)] == 1);
  CHECK(gone[static_cast<int>(GoneReason::Sjukersattning)] == 1);
  CHECK(f.area.participants[t] == 0);
  CHECK(f.area.waiting[t] == 0);
  // People conserved: the four live ones are now counted as Gone.
  CHECK(f.area.live() == live_before - 4);
  CHECK(census_of(f.area, State::Gone) == 4);
  CHECK(census_of(f.area, State::Target) + census_of(f.area, State::InInsats) + census_of(f.area, State::Waiting) == 0);
}

TEST_CASE("people not due this month, or due for another event, stay", "[sim][demography]") {
  AreaFixture f;
  const std::size_t later = f.person(64);
  const std::size_t other = f.person(40);
  f.area.due.clear();
  f.due(later, NextEvent::AgeOut, 6);    // next month
  f.due(other, NextEvent::Referral, 5);  // not a demographic event
  demographic_exits(f.area, f.ctx(5));
  CHECK(f.area.agents.state_of(later) == State::Target);
  CHECK(f.area.agents.state_of(other) == State::Target);
  for (const auto g : f.area.month.gone) CHECK(g == 0);
}

TEST_CASE("the inflow adds a Poisson number of target-group members per kommun, keyed by kommun and month",
          "[sim][demography]") {
  AreaFixture f;
  SECTION("no inflow expected: nobody comes") {
    f.area.inflow_mean = {0.0};
    inflow(f.area, f.ctx(3));
    CHECK(f.area.agents.size() == 0);
    CHECK(f.area.month.inflow == 0);
  }
  SECTION("a mean of 40 a month: each newcomer is in the target group, serials advance, the mean holds") {
    f.area.inflow_mean = {40.0};
    std::int64_t total = 0;
    const int months = 200;
    for (int m = 0; m < months; ++m) {
      const std::size_t before = f.area.agents.size();
      f.area.month = {};
      inflow(f.area, f.ctx(m));
      const std::size_t added = f.area.agents.size() - before;
      CHECK(f.area.month.inflow == static_cast<std::int64_t>(added));
      for (std::size_t i = before; i < f.area.agents.size(); ++i) CHECK(f.area.agents.state_of(i) == State::Target);
      total += static_cast<std::int64_t>(added);
    }
    CHECK(f.area.next_serial[0] == static_cast<std::uint32_t>(total));
    CHECK(census_of(f.area, State::Target) == total);
    // 8 000 expected; the Poisson sd of the total is √8 000 ≈ 89: within 4 sd.
    CHECK(std::abs(static_cast<double>(total) - 40.0 * months) < 4 * std::sqrt(40.0 * months));
  }
  SECTION("the same key and month give the same newcomers (counter-based, no shared generator)") {
    AreaFixture g;
    f.area.inflow_mean = {25.0};
    g.area.inflow_mean = {25.0};
    inflow(f.area, f.ctx(7));
    inflow(g.area, g.ctx(7));
    REQUIRE(f.area.agents.size() == g.area.agents.size());
    for (std::size_t i = 0; i < f.area.agents.size(); ++i) {
      CHECK(f.area.agents.id[i] == g.area.agents.id[i]);
      CHECK(f.area.agents.birth[i] == g.area.agents.birth[i]);
    }
  }
}
