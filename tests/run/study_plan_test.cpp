#include "run/study_plan.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "../input_error.h"
#include "util/error.h"
#include "util/latin_hypercube.h"

using namespace finsim;

TEST_CASE("run: study_parameters draws the assumptions by default, adds sourced intervals with all", "[run][study]") {
  const auto assumptions = study_parameters({});
  const auto all = study_parameters({"all"});
  REQUIRE(assumptions.size() >= 70);
  CHECK(all.size() > assumptions.size());
  for (const auto* spec : assumptions) {
    CHECK(spec->assumption());
    CHECK(spec->prior.sampled());
  }
  bool has_target_group = false;
  for (const auto* spec : all) has_target_group |= spec->key == "population.target_group_size";
  CHECK(has_target_group);
  const auto two = study_parameters({"population.inflow_per_year", "referral.max_wait_months"});
  REQUIRE(two.size() == 2);
  CHECK(two[1]->key == "referral.max_wait_months");
  CHECK_THROWS_AS(study_parameters({"population.nosuch"}), InputError);
  CHECK_THROWS_AS(study_parameters({"scenario.seed"}), InputError);                // sourced, no interval
  CHECK_THROWS_AS(study_parameters({"population.age.16_19"}), InputError);         // a composition share
  CHECK_THROWS_AS(study_parameters({"insats.*.cost_sek_per_month"}), InputError);  // a pattern row
}

TEST_CASE("run: toml_value writes integers for integer keys and floats for number keys", "[run][study]") {
  const auto* months = find_spec("referral.max_wait_months");
  const auto* inflow = find_spec("population.inflow_per_year");
  REQUIRE(months);
  REQUIRE(inflow);
  CHECK(toml_value(*months, 7) == "7");
  CHECK(toml_value(*inflow, 0.123456789) == "0.123457");
  CHECK(toml_value(*inflow, 2) == "2.0");
  CHECK(toml_value(*inflow, 450000) == "450000.0");
}

TEST_CASE("run: study_plan pairs every drawn set with both arms", "[run][study]") {
  StudyDesign design{"base.toml", "scen.toml", 4, 9,
                     study_parameters({"population.inflow_per_year", "funding.members.region_max_growth"}), {}};
  RunPlan common;
  common.overrides = {"population.scale=0.1"};
  common.replications = 2;
  const RunPlan plan = study_plan(design, common);
  CHECK(plan.scenario_file == "base.toml");
  CHECK(plan.varied_keys ==
        std::vector<std::string>{"population.inflow_per_year", "funding.members.region_max_growth.2016"});
  REQUIRE(plan.point_count() == 8);
  REQUIRE(plan.point_files.size() == 8);
  for (std::size_t s = 0; s < 4; ++s) {
    CHECK(plan.point_files[2 * s] == "base.toml");
    CHECK(plan.point_files[2 * s + 1] == "scen.toml");
    CHECK(plan.points[2 * s] == plan.points[2 * s + 1]);
    CHECK(point_file(plan, 2 * s + 1) == "scen.toml");
    CHECK(study_sample(2 * s + 1) == s);
    CHECK(study_is_scenario(2 * s + 1));
    CHECK_FALSE(study_is_scenario(2 * s));
  }
  // The overrides of a point: the common ones, -r, then the drawn values.
  const auto sets = point_overrides(plan, 3);
  CHECK(sets.front() == "population.scale=0.1");
  CHECK(sets.back() == "funding.members.region_max_growth.2016=" + plan.points[3][1]);
  // Reproducible from the seed, and the sets differ from each other.
  CHECK(draw_parameter_sets(design) == draw_parameter_sets(design));
  CHECK(plan.points[0] != plan.points[2]);
  design.samples = 0;
  CHECK_THROWS_AS(study_plan(design, common), InputError);
}

TEST_CASE("run: a key's drawn values do not depend on the other keys drawn", "[run][study]") {
  // The same key drawn alone, with a key in front of it, and among every drawable key: the same values.
  const auto one = study_parameters({"referral.max_wait_months"});
  const auto two = study_parameters({"population.inflow_per_year", "referral.max_wait_months"});
  auto all = study_parameters({"all"});
  std::size_t at = 0;
  while (at < all.size() && all[at]->key != "referral.max_wait_months") ++at;
  REQUIRE(at < all.size());
  const auto alone = draw_parameter_sets({"b", "s", 12, 5, one, {}});
  const auto pair = draw_parameter_sets({"b", "s", 12, 5, two, {}});
  const auto every = draw_parameter_sets({"b", "s", 12, 5, all, {}});
  for (std::size_t s = 0; s < 12; ++s) {
    CHECK(pair[s][1] == alone[s][0]);
    CHECK(every[s][at] == alone[s][0]);
  }
  // Every key a study can draw has its own stream, so no two keys are drawn alike (this fails when a
  // new key's name collides with another's 32-bit FNV-1a).
  std::set<std::uint32_t> streams;
  for (const auto* spec : all) streams.insert(name_stream(sampled_key(*spec)));
  CHECK(streams.size() == all.size());
}

TEST_CASE("run: read_design_file reads given parameter sets and refuses bad ones", "[run][study]") {
  const auto dir = std::filesystem::temp_directory_path() / ("finsim_design_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "design.csv";
  auto write = [&](const std::string& text) { std::ofstream(path) << text; };
  write("population.inflow_per_year, referral.max_wait_months\n0.12,4\n\n0.2,9\r\n");
  const DesignFile d = read_design_file(path);
  REQUIRE(d.parameters.size() == 2);
  CHECK(d.parameters[1]->key == "referral.max_wait_months");
  REQUIRE(d.rows.size() == 2);
  CHECK(d.rows[1] == std::vector<double>{0.2, 9});
  // Run as a study: the given values in order, integer keys as integers, both arms of each set.
  StudyDesign design{"base.toml", "scen.toml", 2, 1, d.parameters, d.rows};
  const RunPlan plan = study_plan(design, RunPlan{});
  REQUIRE(plan.points.size() == 4);
  CHECK(plan.points[2] == std::vector<std::string>{"0.2", "9"});
  CHECK(plan.points[3] == plan.points[2]);
  // Errors name the file, the line and the key.
  const std::string f = path.string();
  write("population.inflow_per_year,referral.max_wait_months\n0.12,4\n0.2,99\n");
  CHECK(test::input_error([&] { read_design_file(path); }).starts_with(f + ":3"));
  CHECK(test::input_error([&] { read_design_file(path); }).find("referral.max_wait_months") != std::string::npos);
  write("population.inflow_per_year,referral.max_wait_months\n0.12,four\n");
  CHECK(test::input_error([&] { read_design_file(path); }).find("expected a number") != std::string::npos);
  write("population.inflow_per_year,referral.max_wait_months\n0.12\n");
  CHECK(test::input_error([&] { read_design_file(path); }) == f + ":2: expected 2 fields, found 1");
  // The CSV rules of every other input: a spreadsheet's BOM, quoted values and CRLF are read.
  write("\xEF\xBB\xBFpopulation.inflow_per_year,referral.max_wait_months\r\n\"0.12\",\"4\"\r\n");
  CHECK(read_design_file(path).rows == std::vector<std::vector<double>>{{0.12, 4.0}});
  CHECK(test::input_error([&] { read_design_file(dir); }) == dir.string() + ": is a directory, expected a CSV file");
  write("population.inflow_per_yer\n0.12\n");
  CHECK(test::input_error([&] { read_design_file(path); }).find("did you mean 'population.inflow_per_year'") !=
        std::string::npos);
  write("population.age.16_19\n0.1\n");
  CHECK(test::input_error([&] { read_design_file(path); }).find("no distribution") != std::string::npos);
  write("population.inflow_per_year\n");
  CHECK(test::input_error([&] { read_design_file(path); }).find("no parameter set") != std::string::npos);
  CHECK_THROWS_AS(read_design_file(dir / "nosuch.csv"), InputError);
  std::filesystem::remove_all(dir);
}
