// Specification of sim/staffing.cpp and the ramp in sim/year_plan.cpp: more places open evenly over
// capacity.ramp_up_months; fewer apply at once.
#include <catch2/catch.hpp>

#include "area_fixture.h"

using namespace finsim;
using finsim::test::AreaFixture;

TEST_CASE("a year's extra places open evenly over the ramp-up", "[sim][staffing]") {
  AreaFixture f;  // capacity.ramp_up_months = 6
  const std::size_t t = f.type("work_training");
  f.area.capacity_from[t] = 10;
  f.area.capacity_goal[t] = 16;
  f.area.plan_month = 12;
  const int expected[] = {11, 12, 13, 14, 15, 16, 16, 16};
  for (int k = 0; k < 8; ++k) {
    staff_places(f.area, f.ctx(12 + k));
    CHECK(f.area.capacity[t] == expected[k]);
  }
  // A rise that does not divide evenly is rounded up: 10 → 13 gives 11, 11, 12, 12, 13, 13.
  f.area.capacity_goal[t] = 13;
  const int uneven[] = {11, 11, 12, 12, 13, 13};
  for (int k = 0; k < 6; ++k) {
    staff_places(f.area, f.ctx(12 + k));
    CHECK(f.area.capacity[t] == uneven[k]);
  }
}

TEST_CASE("fewer places apply at once", "[sim][staffing]") {
  AreaFixture f;
  const std::size_t t = f.type("work_training");
  f.area.capacity_from[t] = 9;
  f.area.capacity_goal[t] = 9;
  f.area.plan_month = 0;
  staff_places(f.area, f.ctx(0));
  CHECK(f.area.capacity[t] == 9);
}

TEST_CASE("no staffing outside a förbund", "[sim][staffing]") {
  AreaFixture f;
  f.area.forbund = -1;
  f.area.capacity_goal[0] = 5;
  staff_places(f.area, f.ctx(0));
  CHECK(f.area.capacity[0] == 0);
}
