#include "output/cost_per_effect.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "output/paired_stat.h"

using namespace finsim;
using Catch::Detail::Approx;
using S = CostPerEffect::Status;

TEST_CASE("cost per effect: identical replications give the exact ratio as its interval", "[output][cost]") {
  const std::vector<double> cost = {6e6, 6e6, 6e6}, effect = {2, 2, 2};
  const auto c = cost_per_effect("x", cost, effect);
  CHECK(c.status == S::ok);
  CHECK(*c.ratio == 3e6);
  CHECK(*c.low == Approx(3e6));
  CHECK(*c.high == Approx(3e6));
}

TEST_CASE("cost per effect: Fieller's interval, hand-computed", "[output][cost]") {
  // Means 12 and 2; covariances of the means: v_cc = 4/3, v_ce = 0.2/3, v_ee = 0.01/3; t = t(0.975, 2).
  const std::vector<double> cost = {10, 12, 14}, effect = {1.9, 2.0, 2.1};
  const auto c = cost_per_effect("x", cost, effect);
  REQUIRE(c.status == S::ok);
  CHECK(*c.ratio == Approx(6));
  const double t2 = std::pow(4.302652729911275, 2);
  const double a = 4 - t2 * 0.01 / 3, b = 24 - t2 * 0.2 / 3, cc = 144 - t2 * 4.0 / 3;
  CHECK(*c.low == Approx((b - std::sqrt(b * b - a * cc)) / a));
  CHECK(*c.high == Approx((b + std::sqrt(b * b - a * cc)) / a));
  CHECK(*c.low < 6);
  CHECK(*c.high > 6);
  // The pairs themselves are kept (a study splits their spread).
  CHECK(c.cost_by_replication == cost);
  CHECK(c.effect_by_replication == effect);
}

TEST_CASE("cost per effect: undefined when the effect is not clearly positive", "[output][cost]") {
  const std::vector<double> cost = {10, 12, 14};
  // Effect 2 ± 4.30·0.577: the interval includes 0.
  CHECK(cost_per_effect("x", cost, std::vector<double>{1, 2, 3}).status == S::effect_includes_zero);
  CHECK(!cost_per_effect("x", cost, std::vector<double>{1, 2, 3}).ratio);
  CHECK(cost_per_effect("x", cost, std::vector<double>{-1, 1, 3}).status == S::effect_includes_zero);
  CHECK(cost_per_effect("x", cost, std::vector<double>{-3, -3, -3}).status == S::effect_negative);
  CHECK(cost_per_effect("x", std::vector<double>{0, 0, 0}, std::vector<double>{1, 1, 1}).status == S::no_extra_money);
  const auto one = cost_per_effect("x", std::vector<double>{10}, std::vector<double>{4});
  CHECK(one.status == S::no_interval);
  CHECK(*one.ratio == 2.5);
  CHECK(!one.low);
}
