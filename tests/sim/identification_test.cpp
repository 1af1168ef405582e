// Specification of sim/identification.cpp: the hazard responds to places not covered by identified
// people, is scaled by FK/AF presence and structural work, saturates at the partners' capacity, and
// the identification clocks identify eligible people at exactly the month's hazard.
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

TEST_CASE("identification clocks identify with the month's hazard", "[sim][identification]") {
  AreaFixture f = with_places();
  const int month = 3;
  identification(f.area, f.ctx(month));  // the people present start their clocks as of month 2
  const double p = 0.022;                // the month's hazard (above)
  const double n = 1000;
  const double identified = static_cast<double>(f.area.month.identified);
  CHECK(std::abs(identified - n * p) < 4 * std::sqrt(n * p * (1 - p)));
  CHECK(f.area.identified_count == f.area.month.identified);
  // Every identified person carries the month's stamp.
  std::int64_t stamped = 0;
  for (std::size_t i = 0; i < f.area.agents.size(); ++i) {
    if (f.area.agents.identified[i] == kNotIdentified) continue;
    CHECK(f.area.agents.identified[i] == month);
    ++stamped;
  }
  CHECK(stamped == f.area.month.identified);
}

TEST_CASE("identification clocks: a constant hazard compounds month by month", "[sim][identification]") {
  AreaFixture f;  // no places: the base rate 0.004 every month, whoever is identified
  const int n = 20000;
  for (int k = 0; k < n; ++k) f.person(40);
  std::int64_t total = 0;
  for (int m = 0; m < 12; ++m) {
    f.area.month.reset(f.insatser().size());
    identification(f.area, f.ctx(m));
    CHECK(f.area.identification_hazard == Approx(0.004));
    total += f.area.month.identified;
  }
  const double p = 1.0 - std::pow(1.0 - 0.004, 12);  // 0.0469
  CHECK(std::abs(static_cast<double>(total) - n * p) < 4 * std::sqrt(n * p * (1 - p)));
  CHECK(f.area.identified_count == total);
}

TEST_CASE("identification clocks start the month after entry and stop on leaving Target", "[sim][identification]") {
  // Hazard 1: whoever can be identified in a month is.
  AreaFixture f({"referral.identification_base_per_month=1", "referral.identification_max_per_month=1"});
  const std::size_t left = f.person(40);
  const std::size_t blocked = f.person(40);
  const std::size_t stays = f.person(40);
  f.area.agents.blocked_until[blocked] = 2;  // a cooldown until month 2
  move_to(f.area, left, State::Work, LogEvent::WorkStudies, f.ctx(0));
  identification(f.area, f.ctx(0));
  CHECK(f.area.agents.identified[stays] == 0);
  CHECK(f.area.agents.identified[left] == kNotIdentified);     // not in the target group
  CHECK(f.area.agents.identified[blocked] == kNotIdentified);  // in a cooldown
  // Back in Target in month 1: identified from month 2 on, not in the month of entry.
  move_to(f.area, left, State::Target, LogEvent::Relapse, f.ctx(1));
  identification(f.area, f.ctx(1));
  CHECK(f.area.agents.identified[left] == kNotIdentified);
  // The cooldown ends in month 2 (Unblock): identified from month 3 on.
  start_identification_clock(f.area, blocked, f.ctx(2));
  identification(f.area, f.ctx(2));
  CHECK(f.area.agents.identified[left] == 2);
  CHECK(f.area.agents.identified[blocked] == kNotIdentified);
  identification(f.area, f.ctx(3));
  CHECK(f.area.agents.identified[blocked] == 3);
  CHECK(f.area.identified_count == 3);
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
