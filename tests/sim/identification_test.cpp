// Specification of sim/identification.cpp: the hazard responds to places not covered by identified
// people, is scaled by FK/AF presence and structural work, saturates at the partners' capacity, and
// thinning identifies candidates at exactly hazard / bound.
#include <catch2/catch.hpp>
#include <cmath>

#include "area_fixture.h"
#include "sim/insats_choice.h"

using namespace finsim;
using finsim::test::AreaFixture;

namespace {
// 1 000 unidentified people aged 40 with no needs; 20 free coordination_team places.
AreaFixture with_places(const std::vector<std::string>& sets = {}) {
  AreaFixture f(sets);
  for (int k = 0; k < 1000; ++k) f.person(40);
  const std::size_t t = f.type("coordination_team");
  f.area.capacity[t] = 120;
  f.area.participants[t] = 100;
  f.area.waiting[t] = 21;  // 120 − 100 − 21 = −1, plus floor(120 × (1/12 + 0.02) × 3) = 37 → 36 open
  return f;
}
}  // namespace

TEST_CASE("identification hazard: base plus the pull of uncovered places", "[sim][identification]") {
  AreaFixture f = with_places();
  // base 0.004 + response 0.5 × 36 open / 1000 unknown = 0.004 + 0.018 = 0.022
  CHECK(identification_hazard(f.area, f.ctx(0)) == Approx(0.022));
  // Identified people who could take the places cover them: 30 identified, none unsuited → 6 uncovered.
  f.area.identified_count = 30;
  CHECK(identification_hazard(f.area, f.ctx(0)) == Approx(0.004 + 0.5 * 6.0 / 970.0));
  // ... unless they were passed over: unsuited people do not cover anything.
  f.area.identified_unsuited = 30;
  CHECK(identification_hazard(f.area, f.ctx(0)) == Approx(0.004 + 0.5 * 36.0 / 970.0));
}

TEST_CASE("identification hazard: presence and structural work scale it, saturation caps it", "[sim][identification]") {
  AreaFixture half = with_places({"referral.agency_presence=0.5"});
  CHECK(identification_hazard(half.area, half.ctx(0)) == Approx(0.011));
  AreaFixture f = with_places();
  f.area.structural_identification = 1.5;
  CHECK(identification_hazard(f.area, f.ctx(0)) == Approx(0.033));
  f.area.structural_identification = 3.0;
  CHECK(identification_hazard(f.area, f.ctx(0)) == Approx(0.04));  // referral.identification_max_per_month
  // No places at all: the base rate only.
  AreaFixture none;
  for (int k = 0; k < 10; ++k) none.person(40);
  CHECK(identification_hazard(none.area, none.ctx(0)) == Approx(0.004));
}

TEST_CASE("thinning identifies candidates with probability hazard / bound", "[sim][identification]") {
  AreaFixture f = with_places();
  const int month = 3;
  for (std::size_t i = 0; i < f.area.agents.size(); ++i) f.due(i, NextEvent::Identify, month);
  identification(f.area, f.ctx(month));
  const double p = 0.022 / 0.04;  // hazard / bound
  const double n = 1000;
  const double identified = static_cast<double>(f.area.month.identified);
  CHECK(std::abs(identified - n * p) < 4 * std::sqrt(n * p * (1 - p)));
  CHECK(f.area.identified_count == f.area.month.identified);
  // Every identified person carries the month's stamp and is rescheduled without Identify.
  for (std::size_t i = 0; i < f.area.agents.size(); ++i) {
    if (f.area.agents.identified[i] == kNotIdentified) continue;
    CHECK(f.area.agents.identified[i] == month);
    CHECK(f.area.agents.next[i] != static_cast<std::uint8_t>(NextEvent::Identify));
  }
}

TEST_CASE("no identification outside a förbund or under fixed_rate", "[sim][identification]") {
  AreaFixture fixed = with_places({"referral.mode=\"fixed_rate\""});
  for (std::size_t i = 0; i < fixed.area.agents.size(); ++i) fixed.due(i, NextEvent::Identify, 0);
  identification(fixed.area, fixed.ctx(0));
  CHECK(fixed.area.month.identified == 0);
  AreaFixture outside = with_places();
  outside.area.forbund = -1;
  for (std::size_t i = 0; i < outside.area.agents.size(); ++i) outside.due(i, NextEvent::Identify, 0);
  identification(outside.area, outside.ctx(0));
  CHECK(outside.area.month.identified == 0);
}
