// The one-line error message: "file:line:col: key: what", leaving out the parts the caller does
// not know, and InputError as the user's-input kind of error.
#include "util/error.h"

#include <catch2/catch.hpp>
#include <type_traits>

using finsim::InputError;
using finsim::located;

TEST_CASE("error: located joins file, line, column, key and what in the house format", "[util][error]") {
  CHECK(located("s.toml", 3, 7, "population.scale", "expected a number") ==
        "s.toml:3:7: population.scale: expected a number");
  CHECK(located("kommuner.csv", 12, 0, "population_16_64", "expected a whole number") ==
        "kommuner.csv:12: population_16_64: expected a whole number");
  CHECK(located("kommuner.csv", 0, 0, "", "cannot open CSV file") == "kommuner.csv: cannot open CSV file");
  CHECK(located("", 0, 0, "scenario.seed", "expected 0 to 4294967295") == "scenario.seed: expected 0 to 4294967295");
  CHECK(located("", 0, 0, "", "bad") == "bad");
}

TEST_CASE("error: a line or column the caller does not know is left out, a column needs its line", "[util][error]") {
  CHECK(located("f.csv", 0, 5, "k", "w") == "f.csv: k: w");  // a column without a line says nothing
  CHECK(located("f.csv", -1, -1, "k", "w") == "f.csv: k: w");
  CHECK(located("", 4, 2, "k", "w") == "k: w");  // a line without a file says nothing either
}

TEST_CASE("error: InputError is a runtime_error carrying the line as given", "[util][error]") {
  STATIC_REQUIRE(std::is_base_of_v<std::runtime_error, InputError>);
  const InputError e(located("a.toml", 1, 1, "x", "y"));
  CHECK(std::string(e.what()) == "a.toml:1:1: x: y");
  CHECK_THROWS_AS(throw InputError("z"), std::runtime_error);
}
