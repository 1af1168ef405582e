// Specification of read_scenario: the baseline resolves to the documented values, the resolved TOML
// reproduces the scenario, range errors name their key, and every read key is in the parameter table.
#include "config/read_scenario.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/parameters.h"
#include "util/error.h"
#include "../test_paths.h"
#include "../temp_dir.h"

namespace fs = std::filesystem;
using finsim::InputError;
using finsim::load_scenario;
using finsim::Scenario;

namespace {

using finsim::test::kBaseline;
using finsim::test::kData;

// With absolute data paths the resolved text is valid from any folder.
const std::vector<std::string> kAbsoluteData = {"organisation.kommuner_csv=" + kData + "kommuner.csv",
                                                "organisation.forbund_csv=" + kData + "forbund.csv"};

using finsim::test::TempDir;

std::string input_error(const std::vector<std::string>& overrides) {
  try {
    load_scenario(kBaseline, overrides);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

// The resolved text without its first line, which names the file it was resolved from.
std::string body(const std::string& resolved) { return resolved.substr(resolved.find('\n') + 1); }

}  // namespace

TEST_CASE("config: the baseline resolves to the values in scenarios/baseline.toml", "[config]") {
  const Scenario s = load_scenario(kBaseline);
  const auto& c = s.config;
  CHECK(c.meta.name == "baseline");
  CHECK(c.meta.start.year == 2019);
  CHECK(c.meta.start.month == 1);
  CHECK(c.meta.end.year == 2040);  // policy 2025 + 15 years, so payback can be seen
  CHECK(c.meta.end.month == 12);
  CHECK(c.meta.months() == 264);  // 22 years × 12
  CHECK(c.meta.burn_in_years == 20);  // docs/model.md §5: the shortest that settles the 2019 targets
  CHECK(c.referral.mode == finsim::ReferralMode::CapacityResponsive);
  CHECK(c.referral.identification_base_per_month == 0.004);
  CHECK(c.referral.identification_max_per_month == 0.04);
  CHECK(c.capacity.ramp_up_months == 6);
  CHECK(c.population.job_seeking_to_work_per_month == 0.02);
  CHECK(c.population.studies_to_work_per_month == 0.04);
  CHECK(c.meta.seed == 20190101u);
  CHECK(c.meta.replications == 10);
  CHECK(c.organisation.unknown_membership == "regional");
  CHECK_FALSE(c.organisation.full_coverage);
  // allocation_msek = { 2016 = 339.0 } -> 339 000 000 SEK, exact in whole kronor.
  REQUIRE(c.funding.state.allocation_sek.size() == 1);
  CHECK(c.funding.state.allocation_sek.at(2016) == 339'000'000);
  CHECK(c.funding.distribution.base_amount == 400'000);
  CHECK(c.funding.distribution.weight_need == 0.75);
  CHECK(c.funding.distribution.weight_population == 0.25);
  CHECK(c.population.target_group_size == 300000.0);
  CHECK(c.insatser.size() == 8);  // the default catalogue
  CHECK(c.insatser.front().name == "coordination_team");
  CHECK(s.chain.size() == 1);
  CHECK(fs::path(c.scenario_dir) == fs::path(kBaseline).parent_path());
}

TEST_CASE("config: --set of one year of the state pot keeps the other years", "[config]") {
  const Scenario s = load_scenario(kBaseline, {"funding.state.allocation_msek.2025=500"});
  const auto& pot = s.config.funding.state.allocation_sek;
  REQUIRE(pot.size() == 2);
  CHECK(pot.at(2016) == 339'000'000);
  CHECK(pot.at(2025) == 500'000'000);
}

TEST_CASE("config: the resolved TOML re-reads to the same scenario", "[config]") {
  const Scenario first = load_scenario(kBaseline, kAbsoluteData);
  TempDir dir("resolved");
  const std::string file = (dir.path / "resolved.toml").string();
  std::ofstream(file) << first.resolved_toml;

  const Scenario second = load_scenario(file);
  CHECK(body(second.resolved_toml) == body(first.resolved_toml));
  REQUIRE(second.parameters.size() == first.parameters.size());
  for (std::size_t i = 0; i < first.parameters.size(); ++i) {
    const auto& a = first.parameters[i];
    const auto& b = second.parameters[i];
    INFO(a.key);
    CHECK(b.key == a.key);
    CHECK(b.value == a.value);  // same text: same type and same digits
    CHECK(b.unit == a.unit);
    CHECK(b.source == a.source);
    CHECK(b.assumption == a.assumption);
  }
  CHECK(second.config.meta.seed == first.config.meta.seed);
  CHECK(second.config.funding.state.allocation_sek == first.config.funding.state.allocation_sek);
}

TEST_CASE("config: a resolved scenario with arrays of tables re-reads the same", "[config]") {
  TempDir dir("resolved-arrays");
  const std::string top = (dir.path / "top.toml").string();
  std::ofstream(top) << "inherits = \"" << kBaseline << "\"\n"
                     << "[[funding.freeze]]\nparty = \"region:01\"\nfrom = 2020\nlevel_of = 2019\n"
                     << "[[organisation.join]]\nkommun = \"0125\"\nforbund = \"Samordningsförbundet VärNa\"\n";
  const Scenario first = load_scenario(top, kAbsoluteData);
  REQUIRE(first.config.funding.members.freezes.size() == 1);
  const std::string file = (dir.path / "resolved.toml").string();
  std::ofstream(file) << first.resolved_toml;
  const Scenario second = load_scenario(file);
  CHECK(body(second.resolved_toml) == body(first.resolved_toml));
  REQUIRE(second.config.funding.members.freezes.size() == 1);
  CHECK(second.config.funding.members.freezes[0].party == "region:01");
  REQUIRE(second.config.organisation.joins.size() == 1);
  CHECK(second.config.organisation.joins[0].kommun_code == "0125");
}

TEST_CASE("config: range errors name the key", "[config]") {
  SECTION("a share above 1") {
    const std::string msg = input_error({"population.female_share=1.5"});
    INFO(msg);
    CHECK(msg == "--set: population.female_share: expected a share between 0 and 1");
  }
  SECTION("a share below 0") {
    CHECK(input_error({"funding.budget.admin_share=-0.1"}).find("funding.budget.admin_share: expected a share") !=
          std::string::npos);
  }
  SECTION("shares that must sum to 1") {
    const std::string msg = input_error({"population.age.16_19=0.5"});
    INFO(msg);
    CHECK(msg.find("population.age.16_19: expected shares that sum to 1") != std::string::npos);
  }
  SECTION("weights of the distribution key that do not add up") {
    CHECK(input_error({"funding.distribution.weight_need=0.5"}).find("funding.distribution.weight_population") !=
          std::string::npos);
  }
  SECTION("end before start") {
    const std::string msg = input_error({"scenario.end=2018-12"});
    INFO(msg);
    CHECK(msg.find("scenario.end: expected a month after scenario.start (2019-01), got \"2018-12\"") != std::string::npos);
  }
  SECTION("a run that does not cover whole calendar years") {
    // The funding rules close calendar years: a part-year would mix a whole year's money with some
    // months of effect in every yearly figure.
    for (const char* end : {"2026-06", "2030-01", "2030-11"}) {
      const std::string msg = input_error({std::string("scenario.end=") + end});
      INFO(msg);
      CHECK(msg.find("scenario.end: expected a December (a run covers whole calendar years), got \"" +
                     std::string(end) + "\"") != std::string::npos);
    }
    for (const char* start : {"2019-02", "2019-07", "2019-12"}) {
      const std::string msg = input_error({std::string("scenario.start=") + start});
      INFO(msg);
      CHECK(msg.find("scenario.start: expected a January (a run covers whole calendar years), got \"" +
                     std::string(start) + "\"") != std::string::npos);
    }
    CHECK(input_error({"scenario.start=2020-01", "scenario.end=2020-12"}).empty());  // one whole year
  }
  SECTION("a month not in YYYY-MM form") {
    for (const char* bad : {"2019-13", "2019-1x", "2019/01", "19-01", "2019-01-01"}) {
      const std::string msg = input_error({std::string("scenario.start=") + bad});
      INFO(bad << ": " << msg);
      CHECK(msg.find("scenario.start: expected a month as \"YYYY-MM\"") != std::string::npos);
    }
  }
  SECTION("an unknown choice") {
    CHECK(input_error({"organisation.unknown_membership=guess"}).find("organisation.unknown_membership: expected") !=
          std::string::npos);
    CHECK(input_error({"referral.mode=\"fixed\""}) ==
          "--set: referral.mode: expected \"capacity_responsive\" or \"fixed_rate\", got \"fixed\"");
  }
  SECTION("identification that saturates below its base rate") {
    CHECK(input_error({"referral.identification_max_per_month=0.001"}).find(
              "referral.identification_max_per_month: expected at least referral.identification_base_per_month") !=
          std::string::npos);
  }
  SECTION("a burn-in or ramp-up out of range") {
    CHECK(input_error({"scenario.burn_in_years=61"}).find("scenario.burn_in_years: expected 0 to 60 years") != std::string::npos);
    CHECK(input_error({"capacity.ramp_up_months=0"}).find("capacity.ramp_up_months: expected 1 to 36 months") != std::string::npos);
  }
  SECTION("a value set in a file is located at its line") {
    TempDir dir("range-file");
    const std::string file = (dir.path / "r.toml").string();
    std::ofstream(file) << "[population]\nscale = 0.5\nfemale_share = 2.0\n";
    try {
      load_scenario(file);
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      CHECK(std::string(e.what()).rfind(file + ":3:", 0) == 0);
      CHECK(std::string(e.what()).find("population.female_share") != std::string::npos);
    }
  }
}

TEST_CASE("config: more insats types than a person's byte holds is an input error", "[config]") {
  TempDir dir("many-insatser");
  const std::string file = (dir.path / "many.toml").string();
  {
    std::ofstream out(file);
    out << "inherits = \"" << kBaseline << "\"\n";
    for (int k = 0; k < 130; ++k)
      out << "[insats.extra_" << k << "]\nlabel_sv = 'Extra'\nkind = 'individual'\nenabled = true\n"
          << "cost_sek_per_month = 1000\nmean_duration_months = 6.0\ndropout_per_month = 0.01\n"
          << "p_work_studies = 0.2\np_job_seeking = 0.1\nbudget_share = 0.001\nmin_age = 16\nmax_age = 64\n"
          << "needs = []\nsupport = []\nproject_years = 0\ntakeover_probability = 0.5\n";
  }
  try {
    load_scenario(file, kAbsoluteData);
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    INFO(e.what());
    CHECK(std::string(e.what()).find("insats: expected at most 127 insats types") != std::string::npos);
  }
}

TEST_CASE("config: a new insats type must set kind and label_sv, so a misspelt name is no new type", "[config]") {
  // --set of a misspelt catalogue name would add a ninth type with every default.
  CHECK(input_error({"insats.ipz.cost_sek_per_month=5000"}) ==
        "insats.ipz.kind: 'ipz' is not an insats type of the catalogue, and a new type must set kind and "
        "label_sv (did you mean 'ips'?) (default value)");
  CHECK(input_error({"insats.mentor.kind=\"individual\""}) ==
        "insats.mentor.label_sv: 'mentor' is not an insats type of the catalogue, and a new type must set kind "
        "and label_sv (default value)");
  // With both it is a new type.
  const Scenario s = load_scenario(kBaseline, {"insats.mentor.kind=\"individual\"", "insats.mentor.label_sv=\"Mentor\""});
  CHECK(s.config.insatser.back().name == "mentor");
}

TEST_CASE("config: the parameter table has a row for every key the model reads", "[config]") {
  const Scenario s = load_scenario(kBaseline, {"referral.max_wait_months=4"});
  std::set<std::string> keys;
  for (const auto& p : s.parameters) {
    INFO(p.key);
    CHECK(keys.insert(p.key).second);  // each key once
    CHECK_FALSE(p.value.empty());
    // Either a source or the assumption flag, never neither.
    if (p.assumption) {
      CHECK(p.source.rfind("assumption", 0) == 0);
    } else {
      CHECK_FALSE(p.source.empty());
      CHECK(p.source.rfind("assumption", 0) != 0);
    }
  }
  // Every concrete registry key is read: a key that is registered but never read would be
  // accepted in a file and then silently ignored.
  for (const auto& spec : finsim::parameter_specs()) {
    const bool pattern = spec.key.find('*') != std::string::npos || spec.key.find("[]") != std::string::npos;
    if (pattern || spec.key == "inherits" || spec.type == finsim::ParamType::TableArray) continue;
    INFO(spec.key);
    CHECK(keys.count(spec.key) == 1);
  }
  // Where each value came from.
  for (const auto& p : s.parameters) {
    if (p.key == "scenario.seed") CHECK(p.origin.find("baseline.toml:") != std::string::npos);
    if (p.key == "referral.max_wait_months") CHECK(p.origin == "--set");
    if (p.key == "referral.cooldown_months") CHECK(p.origin == "default");
    if (p.key == "funding.distribution.equity_reasonable_share") CHECK(p.assumption);
    if (p.key == "funding.distribution.weight_need") CHECK_FALSE(p.assumption);
  }
}

TEST_CASE("config: a year series merges over the registry default", "[config]") {
  // Defaults: allocation_msek = { 2016 = 339.0 }, region_max_growth = { 2016 = 0.10 }. A scenario's
  // years come on top, as a child's years on a parent's. Fixed bug: "{ 2025 = 0.5 }" used to replace
  // the default, and the first listed value then held from the start (0.5 from 2019).
  TempDir dir("series-default");
  const std::string file = (dir.path / "s.toml").string();
  std::ofstream(file) << "[funding.members]\nregion_max_growth = { 2025 = 0.5 }\n";
  const Scenario s = load_scenario(file, {"funding.state.allocation_msek.2030=600"});
  const auto& m = s.config.funding.members;
  CHECK(m.region_max_growth == std::map<int, double>{{2016, 0.10}, {2025, 0.5}});
  CHECK(m.region_growth(2024) == 0.10);
  CHECK(m.region_growth(2025) == 0.5);
  CHECK(m.kommun_max_growth == std::map<int, double>{{2016, 0.10}});  // not set: the default alone
  CHECK(s.config.funding.state.allocation_sek == std::map<int, finsim::Sek>{{2016, 339'000'000}, {2030, 600'000'000}});
  // The resolved text carries the merged series, so it re-reads the same.
  CHECK(s.resolved_toml.find("2016 = 0.1") != std::string::npos);
}

TEST_CASE("config: state-plus-50 equals the baseline before 2025", "[config]") {
  // scenarios/state-plus-50.toml: "from 2025 only, so the scenario equals the baseline before".
  const Scenario base = load_scenario(kBaseline);
  const Scenario plus = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/state-plus-50.toml");
  const auto& b = base.config.funding;
  const auto& p = plus.config.funding;
  for (int year = base.config.meta.first_year(); year < 2025; ++year) {
    INFO(year);
    CHECK(p.state.pot_for(year) == b.state.pot_for(year));
    CHECK(p.members.region_growth(year) == b.members.region_growth(year));
    CHECK(p.members.kommun_growth(year) == b.members.kommun_growth(year));
  }
  CHECK(p.state.pot_for(2025) == 508'500'000);  // 339 × 1.5
  CHECK(p.members.region_growth(2025) == 0.5);
  CHECK(p.members.kommun_growth(2030) == 0.5);
}

TEST_CASE("config: parameter origins are the same however the scenario's path is spelled", "[config]") {
  // parameter_origin is a dataset: a shard run (absolute paths, for finsim merge) and an unsharded
  // run given a relative path must write the same one. Files are named from the top file's folder.
  const std::filesystem::path file = std::filesystem::path(FINSIM_SOURCE_DIR) / "scenarios" / "state-double.toml";
  const auto absolute = finsim::load_scenario(file.string());
  const auto relative = finsim::load_scenario(std::filesystem::relative(file).string());
  const auto roundabout = finsim::load_scenario((file.parent_path() / ".." / "scenarios" / "." / "state-double.toml").string());
  REQUIRE(absolute.parameters.size() == relative.parameters.size());
  REQUIRE(absolute.parameters.size() == roundabout.parameters.size());
  for (std::size_t i = 0; i < absolute.parameters.size(); ++i) {
    INFO(absolute.parameters[i].key);
    CHECK(absolute.parameters[i].origin == relative.parameters[i].origin);
    CHECK(absolute.parameters[i].origin == roundabout.parameters[i].origin);
  }
  for (const auto& p : absolute.parameters)
    if (p.key == "scenario.name") CHECK(p.origin.rfind("state-double.toml:", 0) == 0);  // no folder
    else if (p.key == "scenario.seed") CHECK(p.origin.rfind("baseline.toml:", 0) == 0);  // the parent, same folder
}

TEST_CASE("config: each parameter knows whether the scenario changed it from its default", "[config]") {
  // state-double.toml sets 2025 of the allocation over the baseline's 2016 = 339.0 (the default).
  const auto s = finsim::load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/state-double.toml",
                                       {"population.scale=1.0", "referral.max_wait_months=11"});
  std::map<std::string, const finsim::ResolvedParameter*> by_key;
  for (const auto& p : s.parameters) by_key[p.key] = &p;
  REQUIRE(by_key.count("funding.state.allocation_msek"));
  const auto& alloc = *by_key["funding.state.allocation_msek"];
  CHECK(alloc.changed);
  // The series merges two files: each year names where it was set.
  CHECK(alloc.origin.find("2016 at ") != std::string::npos);
  CHECK(alloc.origin.find("baseline.toml:") != std::string::npos);
  CHECK(alloc.origin.find("2025 at ") != std::string::npos);
  CHECK(alloc.origin.find("state-double.toml:") != std::string::npos);
  CHECK(by_key["scenario.name"]->changed);                // "state-double" against ""
  CHECK_FALSE(by_key["population.scale"]->changed);       // set with --set, but to its default 1.0
  CHECK(by_key["referral.max_wait_months"]->changed);     // --set to another value
  CHECK_FALSE(by_key["referral.cooldown_months"]->changed);  // not set at all
}
