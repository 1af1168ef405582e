// The labels of sweep points: which TOML values are numbers, strings without quotes, overrides.
#include <catch2/catch.hpp>

#include "output/sweep_labels.h"

using namespace finsim;

TEST_CASE("sweep points: TOML numbers parse, everything else stays text", "[output][sweep]") {
  CHECK(toml_number("339") == 339.0);
  CHECK(toml_number("1_017.5") == 1017.5);
  CHECK(toml_number("+2e3") == 2000.0);
  CHECK(toml_number("-0.25") == -0.25);
  for (const char* text : {"\"339\"", "true", "2026-12", "inf", "nan", "", "12abc", "0x1F"})
    CHECK_FALSE(toml_number(text).has_value());
  CHECK(toml_label("\"dalarna-cut\"") == "dalarna-cut");
  CHECK(toml_label("339") == "339");
  CHECK(toml_label("\"a\\\"b\"") == "\"a\\\"b\"");  // escapes: kept as given
  CHECK(point_overrides({"a.b", "c.d"}, {"1", "\"x\""}) == "a.b=1; c.d=\"x\"");
  CHECK(point_label_names({"a.b"}) ==
        std::vector<std::string>{"a.b", "point_overrides", "point_scenario_sha256", "point_resolved_scenario"});
}
