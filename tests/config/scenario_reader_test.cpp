// Typed, recorded reads of a scenario document: values and registry defaults, what each read records
// (value, unit, source, where it was set, whether it differs from the default), and one located
// one-line error per kind of bad value.
#include "config/scenario_reader.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <toml++/toml.h>

#include "../input_error.h"
#include "config/parameters.h"

using namespace finsim;

namespace {

// Line numbers matter: the reader records "file:line:column" of each value.
const char* const kReaderDoc =
    "[scenario]\n"                           // 1
    "name = \"test\"\n"                      // 2
    "replications = 3\n"                     // 3
    "[population]\n"                         // 4
    "scale = 0.5\n"                          // 5
    "inflow_per_year = 0.11\n"               // 6
    "[organisation]\n"                       // 7
    "full_coverage = true\n"                 // 8
    "[funding.state]\n"                      // 9
    "allocation_msek = { 2025 = 500.0 }\n";  // 10

const ResolvedParameter& reader_param(const ScenarioReader& r, const std::string& key) {
  for (const auto& p : r.parameters())
    if (p.key == key) return p;
  throw std::logic_error("not recorded: " + key);
}

// The error of reading `key` from a one-line document "s.toml".
template <class Read>
std::string reader_error(const std::string& text, Read read) {
  const toml::table doc = toml::parse(text, std::string_view("s.toml"));
  ScenarioReader r(doc);
  return test::input_error([&] { read(r); });
}

}  // namespace

TEST_CASE("scenario_reader: values set in the document are read and recorded where they stand", "[config][reader]") {
  const toml::table doc = toml::parse(kReaderDoc, std::string_view("s.toml"));
  ScenarioReader r(doc);
  CHECK(r.number("population.scale") == 0.5);
  CHECK(r.integer("scenario.replications") == 3);
  CHECK(r.string("scenario.name") == "test");
  CHECK(r.boolean("organisation.full_coverage"));
  const auto& scale = reader_param(r, "population.scale");
  CHECK(scale.value == "0.5");
  CHECK(scale.unit == "agents/person");
  CHECK(scale.source == "Finsim convention");
  CHECK_FALSE(scale.assumption);
  CHECK(scale.origin == "s.toml:5:9");
  CHECK(scale.changed);  // default 1.0
  CHECK(reader_param(r, "scenario.replications").origin == "s.toml:3:16");
  CHECK(reader_param(r, "scenario.replications").value == "3");
  CHECK(reader_param(r, "scenario.name").value == "'test'");  // a TOML (literal) string, quoted
  CHECK(reader_param(r, "organisation.full_coverage").value == "true");
}

TEST_CASE("scenario_reader: absent keys take the registry default, recorded as the default", "[config][reader]") {
  const toml::table doc = toml::parse(kReaderDoc, std::string_view("s.toml"));
  ScenarioReader r(doc);
  CHECK(r.number("population.female_share") == 0.55);
  CHECK(r.integer("scenario.seed") == 1);
  const auto& share = reader_param(r, "population.female_share");
  CHECK(share.origin == "default");
  CHECK_FALSE(share.changed);
  // The value as TOML text that reads back as the very same double (toml++ writes 17 digits).
  CHECK(toml::parse("v = " + share.value)["v"].value<double>() == 0.55);
  // An assumption is recorded with its range; a sourced key with its source.
  CHECK(share.source.starts_with("assumption (range 0.50–0.60"));
  CHECK(r.number("population.target_group_size") == 300000.0);
  CHECK(reader_param(r, "population.target_group_size").source == find_spec("population.target_group_size")->source);
  // The resolved scenario holds the defaults it read, so that re-running it needs no registry.
  CHECK(r.resolved().at_path("population.female_share").value<double>() == 0.55);
  CHECK(r.resolved().at_path("scenario.seed").value<long long>() == 1);
}

TEST_CASE("scenario_reader: a value equal to its default is not a change, and an assumption shows its range",
          "[config][reader]") {
  const toml::table doc = toml::parse(kReaderDoc, std::string_view("s.toml"));
  ScenarioReader r(doc);
  r.number("population.inflow_per_year");
  const auto& inflow = reader_param(r, "population.inflow_per_year");
  CHECK(inflow.origin == "s.toml:6:19");
  CHECK_FALSE(inflow.changed);  // 0.11 is the default
  CHECK(inflow.assumption);
  CHECK(inflow.source == "assumption (range 0.10–0.25 (set so the stock stays about level))");
  // An integer where the registry has a float: the same number, read as a float and no change.
  const toml::table ones = toml::parse("[population]\nscale = 1\n", std::string_view("one.toml"));
  ScenarioReader one(ones);
  CHECK(one.number("population.scale") == 1.0);
  CHECK(reader_param(one, "population.scale").value == "1.0");
  CHECK_FALSE(reader_param(one, "population.scale").changed);
  CHECK(one.resolved().at_path("population.scale").is_floating_point());
}

TEST_CASE("scenario_reader: a year series merges the document's years over the default's", "[config][reader]") {
  const toml::table doc = toml::parse(kReaderDoc, std::string_view("s.toml"));
  ScenarioReader r(doc);
  const auto series = r.year_series("funding.state.allocation_msek");
  CHECK(series == std::map<int, double>{{2016, 339.0}, {2025, 500.0}});
  const auto& p = reader_param(r, "funding.state.allocation_msek");
  CHECK(p.changed);
  CHECK(p.origin == "s.toml:10:19");
  CHECK_THAT(p.value, Catch::Contains("2016 = 339.0") && Catch::Contains("2025 = 500.0"));
  CHECK(r.resolved().at_path("funding.state.allocation_msek.2016").value<double>() == 339.0);
}

TEST_CASE("scenario_reader: a value of the wrong type is located, naming the key and what was expected",
          "[config][reader]") {
  auto number = [](ScenarioReader& r) { r.number("population.scale"); };
  CHECK(reader_error("[population]\nscale = \"big\"\n", number) == "s.toml:2:9: population.scale: expected a number");
  CHECK(reader_error("[population]\nscale = 2e9\n", number) ==
        "s.toml:2:9: population.scale: expected a finite number from -1e9 to 1e9");
  CHECK(reader_error("[population]\nscale = nan\n", number) ==
        "s.toml:2:9: population.scale: expected a finite number from -1e9 to 1e9");
  CHECK(reader_error("[population]\nscale = -inf\n", number) ==
        "s.toml:2:9: population.scale: expected a finite number from -1e9 to 1e9");
  auto integer = [](ScenarioReader& r) { r.integer("scenario.replications"); };
  CHECK(reader_error("[scenario]\nreplications = 2.5\n", integer) ==
        "s.toml:2:16: scenario.replications: expected an integer");
  CHECK(reader_error("[scenario]\nreplications = 2000000000000\n", integer) ==
        "s.toml:2:16: scenario.replications: expected an integer from -1e12 to 1e12");
  CHECK(reader_error("[organisation]\nfull_coverage = 1\n", [](ScenarioReader& r) {
          r.boolean("organisation.full_coverage");
        }) == "s.toml:2:17: organisation.full_coverage: expected true or false");
  CHECK(reader_error("[scenario]\nname = 5\n", [](ScenarioReader& r) { r.string("scenario.name"); }) ==
        "s.toml:2:8: scenario.name: expected a string");
  CHECK(reader_error("[insats.ips]\nneeds = [\"mental\", 3]\n", [](ScenarioReader& r) {
          r.string_list("insats.ips.needs");
        }) == "s.toml:2:9: insats.ips.needs: expected a list of strings");
}

TEST_CASE("scenario_reader: a bad year series names the year or says a year is needed", "[config][reader]") {
  auto series = [](ScenarioReader& r) { r.year_series("funding.state.allocation_msek"); };
  CHECK(reader_error("[funding.state]\nallocation_msek = { 2025 = -1.0 }\n", series) ==
        "s.toml:2:28: funding.state.allocation_msek.2025: expected a number from 0 to 1e9");
  CHECK(reader_error("[funding.state]\nallocation_msek = { 2025 = 2e9 }\n", series) ==
        "s.toml:2:28: funding.state.allocation_msek.2025: expected a number from 0 to 1e9");
  CHECK(reader_error("[funding.state]\nallocation_msek = {}\n", series) ==
        "s.toml:2:19: funding.state.allocation_msek: expected a table of year = value with at least one year");
  CHECK(reader_error("[funding.state]\nallocation_msek = 339.0\n", series) ==
        "s.toml:2:19: funding.state.allocation_msek: expected a table of year = value with at least one year");
}

TEST_CASE("scenario_reader: arrays of tables are counted, sub-tables named", "[config][reader]") {
  const toml::table doc = toml::parse(
      "[[funding.freeze]]\nparty = \"region:01\"\n[[funding.freeze]]\nparty = \"kommun:0180\"\n"
      "[insats.ips]\nenabled = false\n[insats.mine]\nkind = \"individual\"\n",
      std::string_view("s.toml"));
  ScenarioReader r(doc);
  CHECK(r.table_count("funding.freeze") == 2);
  CHECK(r.table_count("funding.ceiling") == 0);
  CHECK(r.resolved().at_path("funding.freeze").is_array_of_tables());
  CHECK(r.table_names("insats") == std::vector<std::string>{"ips", "mine"});
  CHECK(r.table_names("pathway").empty());
  CHECK(reader_error("[funding]\nfreeze = 3\n", [](ScenarioReader& x) { x.table_count("funding.freeze"); }) ==
        "s.toml:2:10: funding.freeze: expected an array of tables ([[funding.freeze]])");
}

TEST_CASE("scenario_reader: failing on a defaulted key says it was the default, an unknown key is a bug",
          "[config][reader]") {
  const toml::table doc = toml::parse(kReaderDoc, std::string_view("s.toml"));
  ScenarioReader r(doc);
  CHECK(test::input_error([&] { r.fail("population.female_share", "must be below 0.5"); }) ==
        "population.female_share: must be below 0.5 (default value)");
  CHECK(test::input_error([&] { r.fail("population.scale", "too small"); }) ==
        "s.toml:5:9: population.scale: too small");
  CHECK_THROWS_AS(r.number("population.no_such_key"), std::logic_error);
  CHECK_THROWS_AS(r.year_series("population.no_such_series"), std::logic_error);
}

TEST_CASE("scenario_reader: every registry default passes the reader's own checks", "[config][reader][registry]") {
  const toml::table empty;
  ScenarioReader r(empty);
  int read = 0;
  for (const auto& spec : parameter_specs()) {
    if (spec.key.find('*') != std::string::npos || spec.key.find("[]") != std::string::npos) continue;
    INFO(spec.key);
    switch (spec.type) {
      case ParamType::Integer: CHECK_NOTHROW(r.integer(spec.key)); break;
      case ParamType::Number: CHECK_NOTHROW(r.number(spec.key)); break;
      case ParamType::Boolean: CHECK_NOTHROW(r.boolean(spec.key)); break;
      case ParamType::String: CHECK_NOTHROW(r.string(spec.key)); break;
      case ParamType::StringList: CHECK_NOTHROW(r.string_list(spec.key)); break;
      case ParamType::YearSeries: CHECK_NOTHROW(r.year_series(spec.key)); break;
      case ParamType::TableArray: CHECK(r.table_count(spec.key) == 0); continue;
    }
    ++read;
  }
  CHECK(read > 150);
  // Each read is recorded once, as the default, unchanged.
  CHECK(r.parameters().size() == static_cast<std::size_t>(read));
  for (const auto& p : r.parameters()) {
    INFO(p.key);
    CHECK(p.origin == "default");
    CHECK_FALSE(p.changed);
  }
}
