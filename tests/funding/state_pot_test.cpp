// StatePot::pot_for: the state's yearly frame from the scenario's piecewise-constant series.
#include <catch2/catch.hpp>

#include "config/scenario_config.h"
#include "util/error.h"

using namespace finsim;

TEST_CASE("state pot: the default 339 MSEK from 2016 holds every year", "[funding]") {
  StatePot pot;
  pot.allocation_sek = {{2016, 339'000'000}};
  CHECK(pot.pot_for(2016) == 339'000'000);
  CHECK(pot.pot_for(2030) == 339'000'000);
  // Before the first listed year the first value holds.
  CHECK(pot.pot_for(2010) == 339'000'000);
}

TEST_CASE("state pot: piecewise constant from each listed year", "[funding]") {
  StatePot pot;
  pot.allocation_sek = {{2012, 280'000'000}, {2016, 339'000'000}, {2025, 508'500'000}};
  CHECK(pot.pot_for(2011) == 280'000'000);
  CHECK(pot.pot_for(2015) == 280'000'000);
  CHECK(pot.pot_for(2016) == 339'000'000);
  CHECK(pot.pot_for(2024) == 339'000'000);
  CHECK(pot.pot_for(2025) == 508'500'000);
  CHECK(pot.pot_for(2040) == 508'500'000);
}

TEST_CASE("state pot: growth compounds after the last listed year, whole SEK each year", "[funding]") {
  StatePot pot;
  pot.allocation_sek = {{2016, 100'000'000}, {2020, 200'000'000}};
  pot.growth_per_year = 0.02;
  // No growth between listed years.
  CHECK(pot.pot_for(2018) == 100'000'000);
  CHECK(pot.pot_for(2020) == 200'000'000);
  // 200 000 000 × 1.02 = 204 000 000; × 1.02 = 208 080 000; × 1.02 = 212 241 600.
  CHECK(pot.pot_for(2021) == 204'000'000);
  CHECK(pot.pot_for(2022) == 208'080'000);
  CHECK(pot.pot_for(2023) == 212'241'600);

  // Rounding happens every year, half away from zero:
  // 1 000 001 × 1.5 = 1 500 001.5 → 1 500 002; × 1.5 = 2 250 003.
  StatePot odd;
  odd.allocation_sek = {{2020, 1'000'001}};
  odd.growth_per_year = 0.5;
  CHECK(odd.pot_for(2021) == 1'500'002);
  CHECK(odd.pot_for(2022) == 2'250'003);
}

TEST_CASE("state pot: an empty series is an input error", "[funding]") {
  StatePot pot;
  CHECK_THROWS_AS(pot.pot_for(2020), InputError);
}
