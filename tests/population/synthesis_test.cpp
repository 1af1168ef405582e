// Specification of population/synthesis.cpp: the initial stock per kommun is exact, and a person
// created at a month has the sampled age at that month (birth and `since` relative to it).
#include <catch2/catch.hpp>
#include <numeric>

#include "population/synthesis.h"

using namespace finsim;

namespace {

PopulationConfig population() {
  PopulationConfig pop;
  pop.age_band_shares = {0.1, 0.2, 0.2, 0.2, 0.3};
  pop.support_shares = {0.5, 0.5};
  pop.need_shares = {0.6, 0.3, 0.2, 0.1, 0.1};
  return pop;
}

}  // namespace

TEST_CASE("initial stock: the total is target group × scale, spread by population × need", "[population]") {
  Geography geo;
  for (const auto& [pop, need] : std::vector<std::pair<std::int64_t, double>>{{1000, 1.0}, {2000, 1.0}, {1000, 2.0}}) {
    Kommun k;
    k.population_16_64 = pop;
    k.need = need;
    geo.kommuner.push_back(k);
  }
  PopulationConfig pop = population();
  pop.target_group_size = 1000;
  pop.scale = 0.01;  // 10 agents over weights 1000 : 2000 : 2000 → 2, 4, 4
  const auto stock = initial_stock(geo, pop);
  CHECK(stock == std::vector<std::uint32_t>{2, 4, 4});
  pop.scale = 0.011;  // 11 agents: exact 2.2, 4.4, 4.4; the one left over goes to the lower index of the tie
  CHECK(initial_stock(geo, pop) == std::vector<std::uint32_t>{2, 5, 4});
}

TEST_CASE("a person created at month m has the sampled age at m: birth and since are relative to it", "[population]") {
  const PopulationConfig pop = population();
  const RunKey key{7, 0};
  for (const int month : {0, -24, -360}) {
    INFO("month " << month);
    Agents agents;
    for (std::uint32_t serial = 0; serial < 2000; ++serial) {
      const std::size_t i = add_person(agents, key, 3, serial, month, pop, false);
      const int age = month - agents.birth[i];
      REQUIRE(age >= 16 * 12);
      REQUIRE(age < 65 * 12);
      REQUIRE(agents.since[i] == month);
      REQUIRE(agents.state_of(i) == State::Target);
    }
    // The band shares hold at the month of creation: 30 % are 50–64 (about 4.4 standard errors of 2000).
    int oldest_band = 0;
    for (std::size_t i = 0; i < agents.size(); ++i) oldest_band += month - agents.birth[i] >= 50 * 12;
    CHECK(oldest_band > 0.3 * 2000 - 90);
    CHECK(oldest_band < 0.3 * 2000 + 90);
  }
}

TEST_CASE("a person is the same draw for the same key, kommun, serial and month", "[population]") {
  const PopulationConfig pop = population();
  Agents a, b;
  add_person(a, {7, 0}, 3, 11, -120, pop, false);
  add_person(b, {7, 0}, 3, 11, -120, pop, false);
  CHECK(a.rows[0].birth == b.rows[0].birth);
  CHECK(a.rows[0].needs == b.rows[0].needs);
  CHECK(a.rows[0].job_chance == b.rows[0].job_chance);
  // The month is part of the stream's counter: another month is another person.
  Agents c;
  for (int m = -119; m < -100; ++m) add_person(c, {7, 0}, 3, 11, m, pop, false);
  bool any_other = false;
  for (std::size_t i = 0; i < c.size(); ++i) any_other = any_other || c.rows[i].job_chance != a.rows[0].job_chance;
  CHECK(any_other);
}
