// Specification of scenario_config.h's defaults: the parameter registry is the one source of
// defaults, so a default-constructed config must equal what the registry gives an empty scenario.
#include "config/scenario_config.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

#include "config/read_scenario.h"

using namespace finsim;

namespace {

// What read_scenario makes of a document with no keys at all: every value from the registry.
ScenarioConfig registry_defaults(const std::string& toml_text = "") {
  ScenarioDocument doc;
  doc.table = toml::parse(toml_text);
  return read_scenario(doc).config;
}

}  // namespace

TEST_CASE("scenario config: member defaults equal the registry's", "[config]") {
  const ScenarioConfig registry = registry_defaults();
  const auto owned = std::make_unique<ScenarioConfig>();  // (on the stack GCC 12 warns falsely)
  const ScenarioConfig& plain = *owned;
  CHECK(plain.meta == registry.meta);
  CHECK(plain.funding.distribution == registry.funding.distribution);
  CHECK(plain.funding.budget == registry.funding.budget);
  CHECK(plain.funding.members == registry.funding.members);
  CHECK(plain.funding.state.growth_per_year == registry.funding.state.growth_per_year);
  CHECK(plain.referral == registry.referral);
  CHECK(plain.capacity == registry.capacity);

  // Vectors over support sources, needs and age bands come only from the registry (the structs
  // leave them empty); every scalar must agree.
  PopulationConfig population = registry.population;
  population.age_band_shares.clear();
  population.support_shares.clear();
  population.need_shares.clear();
  CHECK(plain.population == population);

  CostConfig costs = registry.costs;
  costs.support_cost_per_month.clear();
  costs.support_payer.clear();
  CHECK(plain.costs == costs);
}

TEST_CASE("scenario config: an insats type's member defaults equal the registry's insats.* defaults", "[config]") {
  // An insats the registry's catalogue does not have gets every insats.* default but the two it
  // must set (here to the defaults' values).
  const ScenarioConfig registry = registry_defaults("[insats.extra]\nkind = \"individual\"\nlabel_sv = \"\"\n");
  const InsatsType* extra = nullptr;
  for (const auto& t : registry.insatser)
    if (t.name == "extra") extra = &t;
  REQUIRE(extra != nullptr);
  InsatsType plain{};
  plain.name = "extra";
  CHECK(plain == *extra);
}

TEST_CASE("scenario config: the price level is the index's value of the year, then grows", "[config][prices]") {
  const PriceLevel p = registry_defaults().costs.prices;
  CHECK(p.at(2019) == 1.0);
  CHECK(p.at(2005) == 1.0);  // before the first listed year: the first value
  CHECK(p.at(2022) == 1.1126);
  CHECK(p.at(2023) == 1.2077);
  CHECK(p.at(2024) == Approx(1.2077 * 1.02));
  CHECK(p.at(2030) == Approx(1.2077 * std::pow(1.02, 7)));
  for (const int year : {1990, 2019, 2040}) CHECK(PriceLevel::flat().at(year) == 1.0);
  // A scenario's years merge over the default's; the growth applies after the last listed year.
  const PriceLevel q =
      registry_defaults("[costs]\nprice_index = { 2025 = 1.5 }\nprice_growth_per_year = 0.1\n").costs.prices;
  CHECK(q.at(2024) == 1.2077);
  CHECK(q.at(2025) == 1.5);
  CHECK(q.at(2027) == Approx(1.5 * 1.1 * 1.1));
  // Amounts in whole kronor at a price level.
  CHECK(priced(3'050, 1.2077) == 3'683);  // 3 683.485
  CHECK(priced(22'000, 1.0) == 22'000);
}

TEST_CASE("scenario config: a price level must be positive, its growth above -1", "[config][prices]") {
  CHECK_THROWS_WITH(registry_defaults("[costs]\nprice_index = { 2030 = 0.0 }\n"),
                    Catch::Contains("costs.price_index.2030") && Catch::Contains("expected a price level > 0"));
  CHECK_THROWS_WITH(registry_defaults("[costs]\nprice_growth_per_year = -1.0\n"),
                    Catch::Contains("costs.price_growth_per_year") && Catch::Contains("above -1"));
}
