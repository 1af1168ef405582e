#include "output/study_summary.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <optional>
#include <vector>

using finsim::PairedStat;
using finsim::split_effect;

TEST_CASE("output: split_effect applies the law of total variance to per-set statistics", "[output][study]") {
  // Three sets, 4 replications each, means 10, 12, 14, sd 2: Monte Carlo variance 4; variance of the
  // means 4, less 4/4 for their own noise: parameter variance 3; total 7.
  const std::vector<PairedStat> sets = {{4, 10, 2, 0, 0}, {4, 12, 2, 0, 0}, {4, 14, 2, 0, 0}};
  const auto e = split_effect(sets);
  CHECK(e.mean == Approx(12));
  CHECK(e.monte_carlo_var == Approx(4));
  CHECK(e.parameter_var == Approx(3));
  CHECK(e.parameter_share() == Approx(3.0 / 7));
  CHECK(e.low == Approx(12 - 1.959963985 * std::sqrt(7.0)));
  CHECK(e.high == Approx(12 + 1.959963985 * std::sqrt(7.0)));
  CHECK(e.noise_only.mean == 12);  // the median set
  CHECK(e.split_known);
}

TEST_CASE("output: split_effect gives no parameter variance when the sets differ by noise only", "[output][study]") {
  // Means spread less than their own noise (sd 4 over 4 replications: sd of a mean 2): clipped at 0.
  const std::vector<PairedStat> sets = {{4, 9, 4, 0, 0}, {4, 10, 4, 0, 0}, {4, 11, 4, 0, 0}};
  const auto e = split_effect(sets);
  CHECK(e.parameter_var == 0);
  CHECK(e.monte_carlo_var == Approx(16));
  CHECK(e.parameter_share() == 0);
  // One replication each: no Monte Carlo estimate; the whole spread is the total (kept in the
  // parameter part), and the split is flagged as not measured.
  const std::vector<PairedStat> single = {{1, 1, 0, 1, 1}, {1, 3, 0, 3, 3}};
  const auto s = split_effect(single);
  CHECK(s.monte_carlo_var == 0);
  CHECK(s.parameter_var == Approx(2));
  CHECK(!s.split_known);
  CHECK(s.high - s.low == Approx(2 * 1.959963985 * std::sqrt(2.0)));
  CHECK(e.split_known);
  CHECK_THROWS_AS(split_effect(std::vector<PairedStat>{{4, 1, 1, 0, 0}}), std::invalid_argument);
}

TEST_CASE("output: split_values splits per-replication values, and gives none when a run has none", "[output][study]") {
  using V = std::vector<std::vector<std::optional<double>>>;
  // Payback months of two sets, 2 replications each: means 12 and 16, sd √2 each: Monte Carlo
  // variance 2; variance of the means 8, less 2/2: parameter variance 7.
  const auto e = finsim::split_values(V{{11.0, 13.0}, {15.0, 17.0}});
  REQUIRE(e.defined);
  CHECK(e.mean == Approx(14));
  CHECK(e.monte_carlo_var == Approx(2));
  CHECK(e.parameter_var == Approx(7));
  // One run did not pay back within the run: no mean, no interval, the share that did.
  const auto u = finsim::split_values(V{{11.0, std::nullopt}, {15.0, 17.0}});
  CHECK(!u.defined);
  CHECK(u.defined_share == Approx(0.75));
  // One set: no interval over the assumptions.
  CHECK(!finsim::split_values(V{{11.0, 13.0}}).defined);
}
