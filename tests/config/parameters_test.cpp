// The registry's own invariants (its rows' form; the priors of numeric assumptions are
// parameter_prior_test.cpp's, the docs' table docs_sync_test.cpp's): unique keys, defaults of their
// declared type, a unit on every number, a parent for every array item, patterns that the shipped
// insats catalogue follows, and the lookup of exact keys, array items and patterns.
#include "config/parameters.h"

#include <catch2/catch.hpp>
#include <set>
#include <toml++/toml.h>

#include "config/scenario_document.h"

using namespace finsim;

namespace {

bool registry_is_pattern(const std::string& key) {
  return key.find('*') != std::string::npos || key.find("[]") != std::string::npos;
}

}  // namespace

TEST_CASE("parameters: every key is listed once, with a meaning", "[config][registry]") {
  std::set<std::string> seen;
  for (const auto& spec : parameter_specs()) {
    INFO(spec.key);
    CHECK(seen.insert(spec.key).second);
    CHECK(!spec.meaning.empty());
    CHECK(spec.key.find(' ') == std::string::npos);
  }
  CHECK(known_keys().size() == parameter_specs().size());
  CHECK(seen.count("population.scale") == 1);
}

TEST_CASE("parameters: every default parses as its declared type", "[config][registry]") {
  for (const auto& spec : parameter_specs()) {
    INFO(spec.key << " = " << spec.default_toml);
    if (spec.type == ParamType::TableArray) {
      CHECK(spec.default_toml.empty());  // arrays of tables have no default items
      continue;
    }
    if (spec.default_toml.empty()) continue;  // a value the scenario must give, or a pattern's
    toml::table t;
    REQUIRE_NOTHROW(t = toml::parse("v = " + spec.default_toml));
    const toml::node& v = *t.get("v");
    switch (spec.type) {
      case ParamType::Integer: CHECK(v.is_integer()); break;
      case ParamType::Number: CHECK(v.is_floating_point()); break;  // "0.0", so the resolved TOML re-reads as a float
      case ParamType::Boolean: CHECK(v.is_boolean()); break;
      case ParamType::String: CHECK(v.is_string()); break;
      case ParamType::StringList:
        REQUIRE(v.is_array());
        for (const auto& e : *v.as_array()) CHECK(e.is_string());
        break;
      case ParamType::YearSeries:
        REQUIRE(v.is_table());
        CHECK(!v.as_table()->empty());
        for (auto&& [year, x] : *v.as_table()) {
          const int y = std::stoi(std::string(year.str()));
          CHECK(y >= kFirstSeriesYear);
          CHECK(y <= kLastSeriesYear);
          CHECK(x.is_number());
        }
        break;
      case ParamType::TableArray: break;
    }
  }
}

TEST_CASE("parameters: every number has a unit, every sourced key a citation", "[config][registry]") {
  for (const auto& spec : parameter_specs()) {
    INFO(spec.key);
    if (spec.type == ParamType::Number || spec.type == ParamType::YearSeries) CHECK(!spec.unit.empty());
    // Sourced means a citation, not a placeholder; an assumption says so by an empty source.
    if (!spec.assumption()) CHECK(spec.source.size() >= 5);
    // A range belongs to an assumption (a sourced key's interval is its prior's, parameter_prior.h).
    if (!spec.range.empty() && !spec.assumption()) CHECK(spec.prior.sampled());
  }
}

TEST_CASE("parameters: an array item's key has its array of tables as parent", "[config][registry]") {
  for (const auto& spec : parameter_specs()) {
    const auto at = spec.key.find("[]");
    if (at == std::string::npos) continue;
    INFO(spec.key);
    const ParamSpec* parent = find_spec(spec.key.substr(0, at));
    REQUIRE(parent);
    CHECK(parent->type == ParamType::TableArray);
    CHECK(spec.key.substr(at, 3) == "[].");
  }
}

TEST_CASE("parameters: each catalogue insats has the pattern's fields, types and units", "[config][registry]") {
  std::set<std::string> names;
  for (const auto& spec : parameter_specs())
    if (spec.key.starts_with("insats.") && !registry_is_pattern(spec.key))
      names.insert(spec.key.substr(7, spec.key.find('.', 7) - 7));
  REQUIRE(names.size() >= 8);  // the shipped catalogue (docs/sources.md#insats-types)
  CHECK(names.count("ips") == 1);
  for (const auto& spec : parameter_specs()) {
    if (!spec.key.starts_with("insats.*.")) continue;
    const std::string field = spec.key.substr(9);
    for (const auto& name : names) {
      INFO("insats." << name << "." << field);
      const ParamSpec* concrete = find_spec("insats." + name + "." + field);
      REQUIRE(concrete);
      CHECK(concrete->type == spec.type);
      CHECK(concrete->unit == spec.unit);
    }
  }
}

TEST_CASE("parameters: lookup takes the exact key first, then array items and patterns", "[config][registry]") {
  CHECK(normalise_key("funding.freeze[2].party") == "funding.freeze[].party");
  CHECK(normalise_key("a[10].b[3].c") == "a[].b[].c");
  CHECK(normalise_key("population.scale") == "population.scale");
  CHECK(normalise_key("a[3") == "a[]");  // an unclosed index still names the item
  REQUIRE(find_spec("population.scale"));
  CHECK(find_spec("population.scale")->key == "population.scale");
  REQUIRE(find_spec("funding.freeze[12].party"));
  CHECK(find_spec("funding.freeze[12].party")->key == "funding.freeze[].party");
  // A shipped insats has its own row (its own default and source); a new one takes the pattern's.
  REQUIRE(find_spec("insats.ips.p_work_studies"));
  CHECK(find_spec("insats.ips.p_work_studies")->key == "insats.ips.p_work_studies");
  REQUIRE(find_spec("insats.my_new_insats.p_work_studies"));
  CHECK(find_spec("insats.my_new_insats.p_work_studies")->key == "insats.*.p_work_studies");
  // "*" is exactly one segment.
  CHECK(find_spec("insats.a.b.p_work_studies") == nullptr);
  CHECK(find_spec("insats.p_work_studies") == nullptr);
  CHECK(find_spec("population.scal") == nullptr);
  CHECK(find_spec("") == nullptr);
}

TEST_CASE("parameters: type names say what a value must be", "[config][registry]") {
  CHECK(std::string(type_name(ParamType::Integer)) == "an integer");
  CHECK(std::string(type_name(ParamType::Number)) == "a number");
  CHECK(std::string(type_name(ParamType::Boolean)) == "true or false");
  CHECK(std::string(type_name(ParamType::String)) == "a string");
  CHECK(std::string(type_name(ParamType::StringList)) == "a list of strings");
  CHECK(std::string(type_name(ParamType::YearSeries)) == "a table of year = value");
  CHECK(std::string(type_name(ParamType::TableArray)) == "an array of tables ([[...]])");
}
