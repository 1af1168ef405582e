#include "output/comparison.h"

#include <catch2/catch.hpp>
#include <cstdio>

#include "run_fixture.h"
#include "util/error.h"

using namespace finsim;
using finsim::test::empty_run;
using Catch::Detail::Approx;


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
  const auto c = compare_runs(base, scen);
  REQUIRE(c.policy_first_year);
  CHECK(*c.policy_first_year == 2020);
  REQUIRE(c.payback.size() == 8);  // spent then paid, all and each payer
  CHECK(find_payback(c, "spent", "all")->n == 0);  // the fixture spends nothing: only contributions
  const auto& all = *find_payback(c, "paid", "all");
  CHECK(all.payer == "all");
  CHECK(all.last_year == 2020);
  CHECK(all.n == 1);
  CHECK(all.paid_back == 1);
  REQUIRE(all.median_months);
  CHECK(*all.median_months == 6);
  CHECK(*all.median_month == "2020-06");
  CHECK(all.extra_money == 1440);
  CHECK(all.net_gain == 7000);
  CHECK(find_payback(c, "paid", "state")->median_months == 6);
  CHECK(find_payback(c, "paid", "region")->n == 0);  // the region paid nothing extra: payback not defined
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
  const auto c = compare_runs(base, scen);
  CHECK((*find_payback(c, "paid", "all")).n == 1);
  CHECK((*find_payback(c, "paid", "all")).paid_back == 0);
  CHECK(!(*find_payback(c, "paid", "all")).median_months);
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
    const auto c = compare_runs(base, scen);
    CHECK((*find_payback(c, "paid", "all")).paid_back == 2);
    CHECK((*find_payback(c, "paid", "all")).median_months == 10);
    CHECK((*find_payback(c, "paid", "all")).median_month == "2020-10");
  }
  SECTION("one of two pays back: not reached") {
    for (std::size_t m = 0; m < M; ++m) scen.public_revenue.values[(M + m) * P] = 0;
    const auto c = compare_runs(base, scen);
    CHECK((*find_payback(c, "paid", "all")).n == 2);
    CHECK((*find_payback(c, "paid", "all")).paid_back == 1);
    CHECK(!(*find_payback(c, "paid", "all")).median_months);
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
  const auto c = compare_runs(base, scen, {.by_forbund = true});
  REQUIRE(c.payback_by_forbund.size() == 24);  // per förbund: spent, then paid, for all and each payer
  const auto& a = *find_payback(c, "paid", "all", "Förbund A");
  CHECK(a.basis == "paid");
  CHECK(a.area == "Förbund A");
  CHECK(a.payer == "all");
  CHECK(a.n == 1);
  CHECK(a.paid_back == 1);
  CHECK(a.median_months == 6);
  CHECK(a.median_month == "2020-06");
  CHECK(a.extra_money == 1440);
  CHECK(a.net_gain == 7000);
  const auto& b = *find_payback(c, "paid", "all", "Förbund B");
  CHECK(b.area == "Förbund B");
  CHECK(b.n == 0);  // no extra contributions: payback not defined
  CHECK(!b.median_months);
  CHECK(b.extra_money == 0);
  CHECK(b.net_gain == 1800);
  const auto& cc = *find_payback(c, "paid", "all", "Förbund C");
  CHECK(cc.area == "Förbund C");
  CHECK(cc.n == 1);
  CHECK(cc.paid_back == 0);
  CHECK(!cc.median_months);
  CHECK(cc.extra_money == 180);
  CHECK(cc.net_gain == 0);
  // Nationally C's spending starts in 2019-07 and B's gain covers it: cumulative extra
  // 60 + 130·k against gain 150·k (+1000 a month from 2020-06) in 2020-k, equal at k = 3: 2020-03,
  // 9 months from 2019-07: nationally B's gain counts against A's and C's spending.
  const auto& all = *find_payback(c, "paid", "all");
  CHECK(all.area.empty());
  CHECK(all.n == 1);
  CHECK(all.paid_back == 1);
  CHECK(all.median_months == 9);
  CHECK(all.median_month == "2020-03");
  // The areas partition the nation: their extra contributions and gains add up to the national ones.
  double extra = 0, gain = 0;
  for (const auto& p : c.payback_by_forbund) {
    if (p.basis != "paid" || p.payer != "all") continue;
    extra += p.extra_money;
    gain += p.net_gain;
  }
  CHECK(all.extra_money == 1620);
  CHECK(all.net_gain == 8800);
  CHECK(extra == all.extra_money);
  CHECK(gain == all.net_gain);
  // Without --by-forbund: no per-förbund payback, and the national one is the same.
  const auto national = compare_runs(base, scen);
  CHECK(national.payback_by_forbund.empty());
  REQUIRE(national.payback.size() == c.payback.size());
  for (std::size_t i = 0; i < c.payback.size(); ++i) {
    CHECK(national.payback[i].payer == c.payback[i].payer);
    CHECK(national.payback[i].median_months == c.payback[i].median_months);
    CHECK(national.payback[i].extra_money == c.payback[i].extra_money);
  }
}

TEST_CASE("output: runs that cannot be paired are input errors naming the mismatch", "[output][compare]") {
  const RunData base = empty_run(2);
  auto expect = [&](RunData other, const std::string& text) {
    try {
      compare_runs(base, other);
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
  RunData twice = base;
  twice.forbund = {"Förbund A", "Förbund A"};
  twice.forbund_kind = twice.forbund_region = twice.forbund_region_name = {"", ""};
  expect(twice, "appears twice");
  RunData scale = base;
  scale.population_scale = 0.2;
  expect(scale, "different population.scale");
}

TEST_CASE("output: runs that end or start in a part-year (files of earlier versions) are not compared",
          "[output][compare]") {
  // Both runs 2019-01 … 2020-06: the 2020 money is the whole year's, the effects six months'.
  RunData base = empty_run(2);
  base.months.resize(18);
  RunData scen = base;
  scen.path = "scen.h5";
  try {
    compare_runs(base, scen);
    FAIL("a part-year was compared");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) ==
          "base.h5: covers 2019-01..2020-06 (18), not whole calendar years: its yearly money and effects do not "
          "match (run it again; a run now starts in a January and ends in a December)");
  }
  // Starting in February is a part-year too.
  RunData late = empty_run(2);
  late.months.erase(late.months.begin());
  CHECK_THROWS_WITH(compare_runs(late, late), Catch::Contains("covers 2019-02..2020-12 (23), not whole calendar years"));
  CHECK_NOTHROW(compare_runs(empty_run(2), empty_run(2)));
}

TEST_CASE("output: replications are paired by index, not by position", "[output][compare]") {
  RunData base = empty_run(2);
  RunData scen = empty_run(2);
  scen.replications = {1, 0};
  // Scenario replication 1 is stored first: its 10 must pair with base replication 1 (value 10).
  base.unique_participants.values = {0, 0, 10, 10};
  scen.unique_participants.values = {10, 10, 0, 0};
  const auto c = compare_runs(base, scen);
  for (const auto& r : c.rows)
    if (r.metric == "unique_participants") CHECK(r.difference.mean == 0);
}

TEST_CASE("output: net effects from the monthly stocks per state", "[output][compare]") {
  // One förbund, two replications. Scenario: 12 more people in work every month of 2020 in
  // replication 0 and 24 in replication 1; 6 more in studies from 2020-07 in both; 10 fewer in
  // the target group (state 'target') in every month of 2020.
  const RunData base = empty_run(2);
  RunData scen = empty_run(2);
  const std::size_t M = 24, S = 7, work = 3, studies = 4, target = 0;
  for (std::size_t r = 0; r < 2; ++r)
    for (std::size_t m = 12; m < M; ++m) {
      scen.stock.values[(r * M + m) * S + work] = r == 0 ? 12 : 24;
      if (m >= 18) scen.stock.values[(r * M + m) * S + studies] = 6;
      scen.stock.values[(r * M + m) * S + target] = -10;
    }
  const auto c = compare_runs(base, scen);
  using P = ComparisonRow::Period;
  CHECK(find_row(c, "person_years_work", "", P::year, 2020)->difference.mean == 18);  // (12 + 24) / 2
  CHECK(find_row(c, "person_years_studies", "", P::year, 2020)->difference.mean == 3);  // 6 · 6 / 12
  CHECK(find_row(c, "person_years_work_studies", "", P::year, 2020)->difference.mean == 21);
  CHECK(find_row(c, "person_years_target_group", "", P::year, 2020)->difference.mean == -10);
  CHECK(find_row(c, "person_years_work", "", P::year, 2019)->difference.mean == 0);
  CHECK(find_row(c, "work_december", "", P::year, 2020)->difference.mean == 18);
  CHECK(find_row(c, "studies_december", "", P::year, 2020)->difference.mean == 6);
  const auto* dec = find_row(c, "work_studies_december", "", P::year, 2020);
  CHECK(dec->difference.mean == 24);
  CHECK(dec->difference.sd == Approx(8.4852814));  // differences 18 and 30
  // Person-years add over years (policy window 2020: the per-year figure is 2020's); December
  // stocks do not, so they have no total or per-year row.
  REQUIRE(c.policy_first_year == 2020);
  CHECK(find_row(c, "person_years_work", "", P::policy_per_year)->difference.mean == 18);
  CHECK(find_row(c, "person_years_work", "", P::total)->difference.mean == 18);
  CHECK(!find_row(c, "work_studies_december", "", P::total));
  CHECK(!find_row(c, "work_studies_december", "", P::policy_per_year));
}

TEST_CASE("output: cost per net extra person uses the extra money over the policy years", "[output][compare]") {
  // Three identical replications: 2020 budget +6 000 (state 3 000, region and kommun 1 500 each),
  // 4 more people in work in December 2020 (and all of 2020), 3 more participants, no exits.
  const RunData base = empty_run(3);
  RunData scen = empty_run(3);
  const std::size_t M = 24, S = 7;
  for (std::size_t r = 0; r < 3; ++r) {
    scen.state_paid.values[r * 2 + 1] = 3000;
    scen.region_paid.values[r * 2 + 1] = 1500;
    scen.kommuner_paid.values[r * 2 + 1] = 1500;
    scen.unique_participants.values[r * 2 + 1] = 3;
    for (std::size_t m = 12; m < M; ++m) scen.stock.values[(r * M + m) * S + 3] = 4;
  }
  const auto c = compare_runs(base, scen);
  const auto* end = find_cost(c, "work_studies_end");
  REQUIRE(end);
  CHECK(end->status == CostPerEffect::Status::ok);
  CHECK(*end->ratio == 1500);
  CHECK(*end->low == Approx(1500));
  CHECK(*find_cost(c, "person_years_work_studies")->ratio == 1500);
  CHECK(*find_cost(c, "participants")->ratio == 2000);
  CHECK(find_cost(c, "exits_work_studies")->status == CostPerEffect::Status::effect_includes_zero);  // exactly 0
  CHECK(!find_cost(c, "exits_work_studies")->ratio);
}

TEST_CASE("output: pension contributions are a row of their own", "[output][compare]") {
  const RunData base = empty_run();
  RunData scen = empty_run();
  for (std::size_t m = 12; m < 24; ++m) scen.pension_contribution.values[m] = 100;
  const auto c = compare_runs(base, scen);
  CHECK(find_row(c, "pension_contributions", "", ComparisonRow::Period::year, 2020)->difference.mean == 1200);
  CHECK(find_row(c, "public_revenue", "state", ComparisonRow::Period::year, 2020)->difference.mean == 0);
}
