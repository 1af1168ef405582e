#include "config/parameter_prior.h"

#include <catch2/catch.hpp>

#include "config/parameters.h"

using namespace finsim;

TEST_CASE("config: every numeric assumption has a valid distribution containing its default, or a reason",
          "[config][study]") {
  int sampled = 0, excused = 0;
  for (const auto& spec : parameter_specs()) {
    const auto def = numeric_default(spec);
    const bool pattern = spec.key.find('*') != std::string::npos || spec.key.find("[]") != std::string::npos;
    INFO(spec.key << " (range '" << spec.range << "')");
    if (spec.prior.sampled()) {
      ++sampled;
      REQUIRE(def);
      CHECK(spec.prior.low < spec.prior.high);
      CHECK(spec.prior.low <= *def);
      CHECK(*def <= spec.prior.high);
      CHECK(!spec.prior.why.empty());
      if (spec.prior.shape == PriorShape::Triangular) {
        CHECK(spec.assumption());
        CHECK(spec.prior.mode == *def);
      } else {
        CHECK_FALSE(spec.assumption());  // uniform: a sourced key's published interval
      }
      // Probabilities and shares stay in [0, 1]; counts and money stay non-negative.
      CHECK(spec.prior.low >= 0);
      if (spec.unit == "probability" || spec.unit == "share" || spec.unit.starts_with("probability/"))
        CHECK(spec.prior.high <= 1);
      CHECK(prior_quantile(spec.prior, 0.0) == Approx(spec.prior.low));
      CHECK(prior_quantile(spec.prior, 0.999999) <= spec.prior.high);
    } else if (spec.assumption() && def && !pattern) {
      ++excused;
      CHECK(!spec.prior.why.empty());  // a numeric assumption a study does not draw says why
    }
  }
  CHECK(sampled >= 70);
  CHECK(excused <= 25);  // 23 today: the burn-in, 18 shares of compositions, 4 unused structural rows
}

TEST_CASE("config: parse_range reads the registry's range texts", "[config][study]") {
  CHECK(parse_range("0.20–0.30 (VG 2017 ratio 0.22)", 0.25) == std::pair{0.2, 0.3});
  CHECK(parse_range("280 000–500 000", 300000) == std::pair{280000.0, 500000.0});
  CHECK(parse_range("1 500–6 000", 3000) == std::pair{1500.0, 6000.0});
  CHECK(parse_range("3–12", 6) == std::pair{3.0, 12.0});
  CHECK(parse_range("0-1", 0.5) == std::pair{0.0, 1.0});
  const auto rel = parse_range("±40 %", 2000);
  REQUIRE(rel);
  CHECK(rel->first == Approx(1200));
  CHECK(rel->second == Approx(2800));
  CHECK_FALSE(parse_range("SCB helårsekvivalenter 2019 as a guide", 0.2));
  CHECK_FALSE(parse_range("", 1));
  CHECK_FALSE(parse_range("AF 2019: young people", 0.27));
}

TEST_CASE("config: prior_quantile inverts uniform and triangular distributions", "[config][study]") {
  const Prior u{PriorShape::Uniform, 2, 0, 6, false, "x"};
  CHECK(prior_quantile(u, 0.25) == Approx(3));
  // Triangular(0, 1, 4): F(1) = 1/4; F(x) = x²/4 below the mode, 1 − (4 − x)²/12 above.
  const Prior t{PriorShape::Triangular, 0, 1, 4, false, "x"};
  CHECK(prior_quantile(t, 0.25) == Approx(1));
  CHECK(prior_quantile(t, 0.0625) == Approx(0.5));
  CHECK(prior_quantile(t, 1 - 4.0 / 12) == Approx(2));
  // Integers: each whole number equally likely under a uniform (ends not halved).
  const Prior i{PriorShape::Uniform, 3, 0, 5, true, "x"};
  CHECK(prior_quantile(i, 0.0) == 3);
  CHECK(prior_quantile(i, 0.34) == 4);
  CHECK(prior_quantile(i, 0.99) == 5);
}

TEST_CASE("config: registry priors of a few keys, as documented", "[config][study]") {
  const auto* burn = find_spec("scenario.burn_in_years");
  REQUIRE(burn);
  CHECK_FALSE(burn->prior.sampled());
  const auto* growth = find_spec("funding.members.region_max_growth");
  REQUIRE(growth);
  CHECK(sampled_key(*growth) == "funding.members.region_max_growth.2016");
  CHECK(growth->prior.shape == PriorShape::Triangular);
  CHECK(growth->prior.mode == Approx(0.10));
  const auto* size = find_spec("population.target_group_size");
  REQUIRE(size);
  CHECK(size->prior.shape == PriorShape::Uniform);
  CHECK(size->prior.low == 280000);
  const auto* cost = find_spec("insats.ips.cost_sek_per_month");
  REQUIRE(cost);
  CHECK(cost->prior.integer);
  CHECK(cost->prior.low == Approx(3900 * 0.6));
  const auto* age = find_spec("population.age.20_29");
  REQUIRE(age);
  CHECK_FALSE(age->prior.sampled());
  CHECK(age->prior.why.find("composition") != std::string::npos);
}
