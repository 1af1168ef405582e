#include "output/comparison.h"

#include <catch2/catch.hpp>
#include <cstdio>

#include "util/error.h"

using namespace finsim;
using Catch::Detail::Approx;

namespace {

// `areas` förbund (A, B, ...), two years, three payers, `reps` replications, every array zero.
RunData empty_run(std::size_t reps = 1, std::size_t areas = 1) {
  RunData d;
  d.path = "base.h5";
  d.scenario = "base";
  d.seed = 42;
  d.population_scale = 0.1;
  for (std::size_t r = 0; r < reps; ++r) d.replications.push_back(static_cast<std::int64_t>(r));
  d.years = {2019, 2020};
  for (int y : {2019, 2020})
    for (int m = 1; m <= 12; ++m) {
      d.months.push_back(std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m));
    }
  for (std::size_t a = 0; a < areas; ++a) {
    d.forbund.push_back(std::string("Förbund ") + static_cast<char>('A' + a));
    d.forbund_kind.push_back("documented");
  }
  d.payers = {"state", "region", "kommun"};
  const std::size_t R = reps, Y = 2, M = 24, A = areas, P = 3;
  d.unique_participants = {std::vector<double>(R * Y * A), {R, Y, A}};
  for (auto* a : {&d.state_offer, &d.state_paid, &d.region_paid, &d.kommuner_paid}) *a = {std::vector<std::int64_t>(R * Y * A), {R, Y, A}};
  for (auto* a : {&d.exit_work, &d.exit_studies}) *a = {std::vector<double>(R * M * A), {R, M, A}};
  for (auto* a : {&d.public_cost, &d.public_revenue, &d.finsam_contribution})
    *a = {std::vector<std::int64_t>(R * M * A * P), {R, M, A, P}};
  return d;
}

}  // namespace

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

TEST_CASE("output: payback month from cumulative gain and extra contributions", "[output][compare]") {
  const RunData base = empty_run();
  RunData scen = empty_run();
  scen.path = "scen.h5";
  scen.scenario = "scen";
  // From 2020-01 the state pays 120 SEK a month more; from 2020-06 work brings 1000 SEK a month
  // more to the state. Cumulative: gain 1000·(k−4) vs extra 120·(k+1) at 2020-(k+1): first at k=5.
  for (std::size_t m = 12; m < 24; ++m) {
    scen.finsam_contribution.values[m * 3 + 0] = 120;
    if (m >= 17) scen.public_revenue.values[m * 3 + 0] = 1000;
  }
  scen.state_paid.values[1] = 1440;
  const auto c = compare_runs(base, scen, false);
  REQUIRE(c.policy_first_year);
  CHECK(*c.policy_first_year == 2020);
  REQUIRE(c.payback.size() == 4);
  const auto& all = c.payback[0];
  CHECK(all.payer == "all");
  CHECK(all.n == 1);
  CHECK(all.paid_back == 1);
  REQUIRE(all.median_months);
  CHECK(*all.median_months == 6);
  CHECK(*all.median_month == "2020-06");
  CHECK(all.extra_contribution == 1440);
  CHECK(all.net_gain == 7000);
  CHECK(c.payback[1].payer == "state");
  CHECK(c.payback[1].median_months == 6);
  CHECK(c.payback[2].n == 0);  // the region paid nothing extra: payback not defined
  const auto* budget = find_row(c, "finsam_budget", "state", ComparisonRow::Period::year, 2020);
  REQUIRE(budget);
  CHECK(budget->difference.mean == 1440);
  CHECK(budget->difference.n == 1);
  CHECK(!budget->difference.has_interval());
  const auto* gain = find_row(c, "public_net_gain", "all", ComparisonRow::Period::total);
  REQUIRE(gain);
  CHECK(gain->difference.mean == 7000);
}

TEST_CASE("output: a gain that falls back below the spending is not a payback", "[output][compare]") {
  const RunData base = empty_run();
  RunData scen = empty_run();
  for (std::size_t m = 12; m < 24; ++m) scen.finsam_contribution.values[m * 3] = 100;
  scen.public_revenue.values[12 * 3] = 1150;  // one early windfall covers only 11 months of spending
  const auto c = compare_runs(base, scen, false);
  CHECK(c.payback[0].n == 1);
  CHECK(c.payback[0].paid_back == 0);
  CHECK(!c.payback[0].median_months);
}

TEST_CASE("output: with an even count the payback median is the later middle value", "[output][compare]") {
  // Replications [R, M, A=1, P=3]: 120 SEK a month more from 2020-01 in each; revenue of 1000 SEK
  // a month from 2020-06 (payback after 6 months, as above) in replication 0 and from 2020-09 in
  // replication 1 (at 2020-(k+1) the gain 1000·(k−7) ≥ 120·(k+1) first at k=9: 10 months, 2020-10).
  const RunData base = empty_run(2);
  RunData scen = empty_run(2);
  const std::size_t M = 24, P = 3;
  for (std::size_t r = 0; r < 2; ++r)
    for (std::size_t m = 12; m < 24; ++m) {
      scen.finsam_contribution.values[(r * M + m) * P] = 120;
      if (m >= (r == 0 ? 17u : 20u)) scen.public_revenue.values[(r * M + m) * P] = 1000;
    }
  SECTION("both pay back: the later of the two") {
    const auto c = compare_runs(base, scen, false);
    CHECK(c.payback[0].paid_back == 2);
    CHECK(c.payback[0].median_months == 10);
    CHECK(c.payback[0].median_month == "2020-10");
  }
  SECTION("one of two pays back: not reached") {
    for (std::size_t m = 0; m < M; ++m) scen.public_revenue.values[(M + m) * P] = 0;
    const auto c = compare_runs(base, scen, false);
    CHECK(c.payback[0].n == 2);
    CHECK(c.payback[0].paid_back == 1);
    CHECK(!c.payback[0].median_months);
  }
}

TEST_CASE("output: payback per förbund uses each förbund's own spending and gain", "[output][compare]") {
  const RunData base = empty_run(1, 3);
  RunData scen = empty_run(1, 3);
  scen.path = "scen.h5";
  // [replication 0, month m, förbund a, payer p] in the monthly ledgers.
  auto at = [](std::size_t m, std::size_t a, std::size_t p) { return (m * 3 + a) * 3 + p; };
  for (std::size_t m = 0; m < 24; ++m) {
    // A: as in the national test above: the state pays 120 a month more from 2020-01, work
    // brings 1000 a month from 2020-06: paid back in 2020-06, 6 months.
    if (m >= 12) scen.finsam_contribution.values[at(m, 0, 0)] = 120;
    if (m >= 17) scen.public_revenue.values[at(m, 0, 0)] = 1000;
    // B spends nothing extra but gains 150 a month from 2020-01 (people from elsewhere): undefined.
    if (m >= 12) scen.public_revenue.values[at(m, 1, 1)] = 150;
    // C's kommuner pay 10 a month more from 2019-07 and gain nothing: never paid back.
    if (m >= 6) scen.finsam_contribution.values[at(m, 2, 2)] = 10;
  }
  const auto c = compare_runs(base, scen, true);
  REQUIRE(c.payback_by_forbund.size() == 3);
  const auto& a = c.payback_by_forbund[0];
  CHECK(a.area == "Förbund A");
  CHECK(a.payer == "all");
  CHECK(a.n == 1);
  CHECK(a.paid_back == 1);
  CHECK(a.median_months == 6);
  CHECK(a.median_month == "2020-06");
  CHECK(a.extra_contribution == 1440);
  CHECK(a.net_gain == 7000);
  const auto& b = c.payback_by_forbund[1];
  CHECK(b.area == "Förbund B");
  CHECK(b.n == 0);  // no extra contributions: payback not defined
  CHECK(!b.median_months);
  CHECK(b.extra_contribution == 0);
  CHECK(b.net_gain == 1800);
  const auto& cc = c.payback_by_forbund[2];
  CHECK(cc.area == "Förbund C");
  CHECK(cc.n == 1);
  CHECK(cc.paid_back == 0);
  CHECK(!cc.median_months);
  CHECK(cc.extra_contribution == 180);
  CHECK(cc.net_gain == 0);
  // Nationally C's spending starts in 2019-07 and B's gain covers it: cumulative extra
  // 60 + 130·k against gain 150·k (+1000 a month from 2020-06) in 2020-k, equal at k = 3: 2020-03,
  // 9 months from 2019-07: nationally B's gain counts against A's and C's spending.
  const auto& all = c.payback.front();
  CHECK(all.area.empty());
  CHECK(all.n == 1);
  CHECK(all.paid_back == 1);
  CHECK(all.median_months == 9);
  CHECK(all.median_month == "2020-03");
  // The areas partition the nation: their extra contributions and gains add up to the national ones.
  double extra = 0, gain = 0;
  for (const auto& p : c.payback_by_forbund) {
    extra += p.extra_contribution;
    gain += p.net_gain;
  }
  CHECK(all.extra_contribution == 1620);
  CHECK(all.net_gain == 8800);
  CHECK(extra == all.extra_contribution);
  CHECK(gain == all.net_gain);
  // Without --by-forbund: no per-förbund payback, and the national one is the same.
  const auto national = compare_runs(base, scen, false);
  CHECK(national.payback_by_forbund.empty());
  REQUIRE(national.payback.size() == c.payback.size());
  for (std::size_t i = 0; i < c.payback.size(); ++i) {
    CHECK(national.payback[i].payer == c.payback[i].payer);
    CHECK(national.payback[i].median_months == c.payback[i].median_months);
    CHECK(national.payback[i].extra_contribution == c.payback[i].extra_contribution);
  }
}

TEST_CASE("output: runs that cannot be paired are input errors naming the mismatch", "[output][compare]") {
  const RunData base = empty_run(2);
  auto expect = [&](RunData other, const std::string& text) {
    try {
      compare_runs(base, other, false);
      FAIL("no error for " << text);
    } catch (const InputError& e) {
      CHECK_THAT(std::string(e.what()), Catch::Contains(text));
    }
  };
  RunData seed = base;
  seed.seed = 43;
  expect(seed, "different seeds (42 vs 43)");
  expect(empty_run(1), "different replications");
  RunData months = base;
  months.months.back() = "2021-01";
  expect(months, "different months");
  RunData forbund = base;
  forbund.forbund = {"Förbund B"};
  expect(forbund, "different förbund labels");
  RunData scale = base;
  scale.population_scale = 0.2;
  expect(scale, "different population.scale");
}

TEST_CASE("output: replications are paired by index, not by position", "[output][compare]") {
  RunData base = empty_run(2);
  RunData scen = empty_run(2);
  scen.replications = {1, 0};
  // Scenario replication 1 is stored first: its 10 must pair with base replication 1 (value 10).
  base.unique_participants.values = {0, 0, 10, 10};
  scen.unique_participants.values = {10, 10, 0, 0};
  const auto c = compare_runs(base, scen, false);
  for (const auto& r : c.rows)
    if (r.metric == "unique_participants") CHECK(r.difference.mean == 0);
}
