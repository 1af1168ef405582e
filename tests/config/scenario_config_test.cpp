// Specification of scenario_config.h's defaults: the parameter registry is the one source of
// defaults, so a default-constructed config must equal what the registry gives an empty scenario.
#include "config/scenario_config.h"

#include <catch2/catch.hpp>
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
