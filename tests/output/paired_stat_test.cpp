// Specification of output/paired_stat.cpp: the mean of paired differences over replications with
// a 95 % Student-t interval (simulation noise only), none for a single replication.
#include "output/paired_stat.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace finsim;
using Catch::Detail::Approx;

TEST_CASE("output: t quantiles match the tables", "[output][compare]") {
  CHECK(t_quantile_975(1) == Approx(12.7062).epsilon(1e-5));
  CHECK(t_quantile_975(3) == Approx(3.18245).epsilon(1e-5));
  CHECK(t_quantile_975(10) == Approx(2.22814).epsilon(1e-5));
  CHECK(t_quantile_975(19) == Approx(2.09302).epsilon(1e-5));
  CHECK(t_quantile_975(1000) == Approx(1.96234).epsilon(1e-5));
  CHECK_THROWS(t_quantile_975(0));
}

TEST_CASE("output: paired statistics give mean and t-interval", "[output][compare]") {
  const std::vector<double> d = {1, 2, 3, 4};
  const auto s = paired_stat(d);
  CHECK(s.n == 4);
  CHECK(s.mean == 2.5);
  CHECK(s.sd == Approx(1.2909944));
  CHECK(s.low == Approx(2.5 - 3.1824463 * 1.2909944 / 2));
  CHECK(s.high == Approx(2.5 + 3.1824463 * 1.2909944 / 2));
  const std::vector<double> one = {7};
  const auto single = paired_stat(one);
  CHECK(single.n == 1);
  CHECK(!single.has_interval());
  CHECK(single.mean == 7);
  const std::vector<double> zeros = {0, 0, 0};
  const auto z = paired_stat(zeros);
  CHECK(z.mean == 0);
  CHECK(z.low == 0);
  CHECK(z.high == 0);
}

TEST_CASE("paired stat: no differences, and whether the interval includes zero", "[output][paired_stat]") {
  const auto none = paired_stat(std::span<const double>());
  CHECK(none.n == 0);
  CHECK(none.mean == 0);
  CHECK(!none.has_interval());
  // −1 and 3: mean 1, sd √8 = 2.828427, half-width 12.7062 · 2.828427 / √2 = 25.4124.
  const std::vector<double> wide = {-1, 3};
  const auto w = paired_stat(wide);
  CHECK(w.mean == 1);
  CHECK(w.sd == Approx(2.8284271));
  CHECK(w.low == Approx(1 - 25.4124).epsilon(1e-5));
  CHECK(w.high == Approx(1 + 25.4124).epsilon(1e-5));
  CHECK(w.includes_zero());
  // 10, 11, 12: mean 11, sd 1, half-width 4.30265 / √3 = 2.48414: clearly above zero.
  const std::vector<double> up = {10, 11, 12};
  const auto u = paired_stat(up);
  CHECK(u.sd == Approx(1.0));
  CHECK(u.low == Approx(11 - 2.48414).epsilon(1e-5));
  CHECK(!u.includes_zero());
  // The sign of every difference flips the interval around zero.
  const std::vector<double> down = {-10, -11, -12};
  const auto d = paired_stat(down);
  CHECK(d.high == Approx(-u.low));
  CHECK(d.low == Approx(-u.high));
}
