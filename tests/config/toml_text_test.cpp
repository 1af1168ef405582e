// Tests for config/toml_text: floats in their shortest round-trip form, everything else untouched.
#include "config/toml_text.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <toml++/toml.h>

namespace finsim {
namespace {

std::string printed(const toml::table& t) {
  std::ostringstream os;
  os << t;
  return os.str();
}

}  // namespace

TEST_CASE("shortest_floats writes toml++'s 17-digit floats as people wrote them", "[config][toml_text]") {
  CHECK(shortest_floats("a = 0.10000000000000001") == "a = 0.1");
  CHECK(shortest_floats("a = 0.55000000000000004\nb = 0.40000000000000002") == "a = 0.55\nb = 0.4");
  CHECK(shortest_floats("{ 2016 = 0.10000000000000001 }") == "{ 2016 = 0.1 }");
  CHECK(shortest_floats("a = [ 0.29999999999999999, -1.5, 2.0 ]") == "a = [ 0.3, -1.5, 2.0 ]");
  CHECK(shortest_floats("a = 1.00000000000000000e+20") == "a = 1e+20");  // no ".0" needed: still a float
  CHECK(shortest_floats("a = -0.0") == "a = -0.0");
  CHECK(shortest_floats("a = +3.5") == "a = 3.5");
}

TEST_CASE("shortest_floats leaves strings, keys, integers, dates and comments alone", "[config][toml_text]") {
  const std::string kept =
      "# finsim 0.1.0 0.10000000000000001\n"
      "[funding.state]\n"
      "start = '2019-01'\n"
      "date = 2019-01-01\n"
      "time = 07:32:00.10000000000000001\n"
      "n = 339\n"
      "hex = 0xE\n"
      "src = \"FK 0.10000000000000001 \\\" 0.20000000000000001\"\n"
      "lit = 'x 0.30000000000000001'\n"
      "multi = \"\"\"a \" 0.40000000000000002\"\"\"\n"
      "inf = inf\n";
  CHECK(shortest_floats(kept) == kept);
}

TEST_CASE("shortest_floats reads back to the same doubles as toml++'s own text", "[config][toml_text]") {
  toml::table t{{"a", 0.1},  {"b", 1.0 / 3.0}, {"c", 2.675},         {"d", 1e-300},
                {"e", 5e20}, {"f", 339.0},     {"g", -123456.789e3}, {"h", toml::array{0.2, 0.7, 1e100}}};
  const std::string full = printed(t);
  const std::string brief = shortest_floats(full);
  CHECK(brief.size() < full.size());
  const toml::table again = toml::parse(brief);
  for (auto&& [key, node] : t) {
    INFO(std::string(key.str()));
    if (const auto* a = node.as_array()) {
      for (std::size_t i = 0; i < a->size(); ++i) CHECK(*again[key][i].value<double>() == *a->get(i)->value<double>());
    } else {
      CHECK(*again[key].value<double>() == *node.value<double>());
      CHECK(again[key].is_floating_point());
    }
  }
}

}  // namespace finsim
