// Specification of the model's dynamics as a whole (issue "Model dynamics"): more state money buys
// more participants with no saturation in the range studied, no insats type loses participants, a
// flat-funding baseline is flat, and a scenario equals its baseline before its policy year.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "config/read_scenario.h"
#include "sim/simulation.h"
#include "sim/summary.h"
#include "world/world.h"

using namespace finsim;

namespace {

const std::string kScenarios = std::string(FINSIM_SOURCE_DIR) + "/scenarios/";

// The state allocation from 2025 as a multiple of 339 MSEK, members free to match it.
Scenario funded(double factor, double scale = 0.05, const std::string& end = "2027-12",
                std::vector<std::string> sets = {}) {
  sets.insert(sets.end(), {"population.scale=" + std::to_string(scale), "scenario.end=" + end,
                           "funding.state.allocation_msek.2025=" + std::to_string(339.0 * factor),
                           "funding.members.region_max_growth.2025=2.0", "funding.members.kommun_max_growth.2025=2.0"});
  return load_scenario(kScenarios + "baseline.toml", sets);
}

// Participant-months per insats type, summed over replications and the months of `from_year` on.
std::vector<double> participant_months(const Scenario& s, int replications, int from_year) {
  const World world = build_world(s.config);
  std::vector<double> out(s.config.insatser.size(), 0.0);
  for (int rep = 0; rep < replications; ++rep) {
    const ReplicationResult r = run_replication(s.config, world, rep);
    for (int m = (from_year - s.config.meta.start.year) * 12; m < r.months; ++m)
      for (std::size_t a = 0; a < r.areas.size(); ++a)
        for (std::size_t t = 0; t < out.size(); ++t) out[t] += static_cast<double>(r.at(m, a).participants[t]);
  }
  return out;
}

double total(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

}  // namespace

TEST_CASE("dose-response: +50, +100 and +200 % state money buy strictly more participants", "[sim][dynamics]") {
  const int reps = 2;
  const double base = total(participant_months(funded(1.0), reps, 2026));
  const double plus50 = total(participant_months(funded(1.5), reps, 2026)) - base;
  const double plus100 = total(participant_months(funded(2.0), reps, 2026)) - base;
  const double plus200 = total(participant_months(funded(3.0), reps, 2026)) - base;
  INFO("extra participant-months 2026-2027: +50 % " << plus50 << ", +100 % " << plus100 << ", +200 % " << plus200);
  CHECK(plus50 > 0);
  CHECK(plus100 > plus50);
  CHECK(plus200 > plus100);
  CHECK(plus100 - plus50 >= 0.5 * plus50);  // the second +50 % buys at least half as much as the first
}

TEST_CASE("no insats type loses participants when only the state allocation rises", "[sim][dynamics]") {
  const int reps = 2;
  const Scenario s = funded(1.0);
  const auto base = participant_months(s, reps, 2025);
  for (double factor : {1.5, 2.0}) {
    const auto more = participant_months(funded(factor), reps, 2025);
    for (std::size_t t = 0; t < base.size(); ++t) {
      INFO("factor " << factor << ", insats " << s.config.insatser[t].name << ": " << base[t] << " -> " << more[t]);
      CHECK(more[t] >= base[t]);
    }
  }
}

TEST_CASE("a flat-funding baseline is flat from 2019 to 2040 when prices are flat", "[sim][dynamics]") {
  const Scenario s = load_scenario(
      kScenarios + "baseline.toml",
      {"population.scale=0.25", "scenario.end=2040-12", "costs.price_index.2020=1", "costs.price_index.2021=1",
       "costs.price_index.2022=1", "costs.price_index.2023=1", "costs.price_growth_per_year=0"});
  const World world = build_world(s.config);
  const auto years = summarise_years(run_replication(s.config, world, 0), s.config);
  REQUIRE(years.size() == 22);
  for (std::size_t y = 1; y < years.size(); ++y) {
    INFO(years[y].year << ": target group " << years[y - 1].target_group << " -> " << years[y].target_group
                       << ", participants " << years[y - 1].unique_participants << " -> "
                       << years[y].unique_participants);
    CHECK(std::abs(years[y].target_group / years[y - 1].target_group - 1.0) <= 0.03);
    CHECK(std::abs(years[y].unique_participants / years[y - 1].unique_participants - 1.0) <= 0.03);
  }
}

TEST_CASE("with nominal money and rising prices the baseline's participants fall with the price level",
          "[sim][dynamics]") {
  // The default prices: KPI to 2023 (1.2077 × 2019's), then 2 % a year. The pot and the members'
  // contributions are nominal, so places (and participants) fall about as 1 / price level, while
  // the target group does not depend on prices.
  const auto years_of = [](const std::vector<std::string>& sets) {
    std::vector<std::string> all = {"population.scale=0.25", "scenario.end=2030-12"};
    all.insert(all.end(), sets.begin(), sets.end());
    const Scenario s = load_scenario(kScenarios + "baseline.toml", all);
    return summarise_years(run_replication(s.config, build_world(s.config), 0), s.config);
  };
  const auto priced = years_of({});
  const auto flat = years_of({"costs.price_index.2020=1", "costs.price_index.2021=1", "costs.price_index.2022=1",
                              "costs.price_index.2023=1", "costs.price_growth_per_year=0"});
  REQUIRE(priced.size() == 12);
  CHECK(priced[0].unique_participants == flat[0].unique_participants);  // 2019: the prices' base year
  for (const std::size_t y : {5u, 11u}) {                               // 2024, 2030
    const double level = 1.2077 * std::pow(1.02, static_cast<double>(y) - 4.0);
    const double ratio = priced[y].unique_participants / flat[y].unique_participants;
    INFO(priced[y].year << ": participants " << flat[y].unique_participants << " (flat) -> "
                        << priced[y].unique_participants << ", price level " << level);
    CHECK(ratio == Approx(1.0 / level).epsilon(0.08));
    CHECK(std::abs(priced[y].target_group / flat[y].target_group - 1.0) <= 0.03);
  }
}

TEST_CASE("a scenario differs from the baseline in no month before its first changed year", "[sim][dynamics]") {
  const std::vector<std::string> small = {"population.scale=0.03", "scenario.end=2025-12"};
  const Scenario base = load_scenario(kScenarios + "baseline.toml", small);
  const World world = build_world(base.config);
  const ReplicationResult b = run_replication(base.config, world, 0);
  for (const auto& [name, first_changed] : std::map<std::string, int>{
           {"state-plus-50", 2025}, {"state-double", 2025}, {"region-freeze", 2025}, {"dalarna-cut", 2025}}) {
    const Scenario s = load_scenario(kScenarios + name + ".toml", small);
    const ReplicationResult r = run_replication(s.config, build_world(s.config), 0);
    REQUIRE(r.areas.size() == b.areas.size());
    const int months = (first_changed - 2019) * 12;
    int differing = 0;
    for (int m = 0; m < months; ++m)
      for (std::size_t a = 0; a < r.areas.size(); ++a) differing += !(r.at(m, a) == b.at(m, a));
    INFO(name << ": months before " << first_changed << " that differ (area-months): " << differing);
    CHECK(differing == 0);
    // ... and it does differ from its first changed year on.
    int after = 0;
    for (int m = months; m < r.months; ++m)
      for (std::size_t a = 0; a < r.areas.size(); ++a) after += !(r.at(m, a) == b.at(m, a));
    CHECK(after > 0);
  }
}
