// Test fixture for the monthly event functions: one förbund area built by hand from the baseline
// scenario's catalogue, with people added one by one, so each event can be specified in isolation.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "../test_paths.h"
#include "config/read_scenario.h"
#include "sim/area.h"
#include "sim/events.h"
#include "sim/person_rng.h"
#include "sim/schedule.h"

namespace finsim::test {

// People of an area in state `s` by the census (all support sources).
inline std::int64_t census_of(const Area& a, State s) {
  std::int64_t n = 0;
  for (const auto c : a.census[static_cast<int>(s)]) n += c;
  return n;
}

struct AreaFixture {
  Scenario scenario;
  Rates rates;
  Area area;
  std::uint32_t serial = 0;

  // Prices are flat unless `priced`: every amount is the catalogue's 2019 kronor in every year, so
  // each rule is specified in those; the price level has tests of its own.
  explicit AreaFixture(const std::vector<std::string>& sets = {}, bool priced = false)
      : scenario(load_scenario(kBaseline, sets)), rates(derive_rates(scenario.config)) {
    if (!priced) scenario.config.costs.prices = PriceLevel::flat();
    const std::size_t n = scenario.config.insatser.size();
    area.forbund = 0;
    area.region = 0;
    area.name = "test";
    area.kommuner = {0};
    area.next_serial = {0};
    area.size_for(n);
  }
  StepContext ctx(int month) const { return {scenario.config, rates, RunKey{7, 0}, month, 2019 + month / 12}; }
  const std::vector<InsatsType>& insatser() const { return scenario.config.insatser; }
  std::size_t type(const std::string& name) const {
    for (std::size_t t = 0; t < insatser().size(); ++t)
      if (insatser()[t].name == name) return t;
    throw std::runtime_error("no insats " + name);
  }
  // A person in the target group aged `age` (years and a half) at month 0, job chance 1.
  std::size_t person(int age, std::uint8_t needs = 0, std::uint8_t support = 0) {
    const std::size_t i =
        area.agents.add(agent_id(0, serial++), 0, static_cast<std::int16_t>(-age * 12 - 6), 0, needs, support, 1.0f, 0);
    area.count(State::Target, support, +1);
    return i;
  }
  // Makes person i due for `kind` in `month`, with its outcome drawn as schedule() would draw it.
  void due(std::size_t i, NextEvent kind, int month) {
    auto& a = area.agents;
    a.wake[i] = static_cast<std::int16_t>(month);
    a.next[i] = static_cast<std::uint8_t>(kind);
    const double u = person_draws(ctx(month).key, a.id[i], month, Purpose::Schedule)[3];
    a.outcome[i] = baseline_outcome(kind, a.state_of(i), a.support[i], u, scenario.config.population);
    area.due.push_back(static_cast<std::uint32_t>(i));
  }
};

}  // namespace finsim::test
