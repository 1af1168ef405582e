#include "output/payback.h"

#include <catch2/catch.hpp>

#include "output/comparison.h"
#include "run_fixture.h"

using namespace finsim;
using finsim::test::empty_run;

namespace {

// Three förbund, one replication, 2019–2020; extra money only in 2020 (year index 1):
//   A: paid state 1200, region 600, kommun 600 (200 a month); spent 1200 (admin 240, individual
//      960: 100 a month, shared 50/25/25 like the contributions); equity +1200. Work brings the
//      state 150 a month from 2020-01.
//   B (synthetic): paid 600/300/300 (100 a month), all spent on individual insatser; the region
//      gains 100 a month from 2020-07.
//   C: nothing paid; 500 of the state offer not taken up; no gain.
struct ThreeForbund {
  RunData base = empty_run(1, 3), scen = empty_run(1, 3);
  ThreeForbund() {
    scen.path = "scen.h5";
    scen.forbund_kind[1] = base.forbund_kind[1] = "synthetic";
    scen.forbund_region[2] = base.forbund_region[2] = "02";
    scen.forbund_region_name[2] = base.forbund_region_name[2] = "Län 02";
    auto ya = [](std::size_t a) { return 1 * 3 + a; };  // [r=0, y=2020, a]
    scen.state_paid.values[ya(0)] = 1200;
    scen.region_paid.values[ya(0)] = 600;
    scen.kommuner_paid.values[ya(0)] = 600;
    scen.spent.values[ya(0)] = 1200;
    scen.admin.values[ya(0)] = 240;
    scen.individual_spent.values[ya(0)] = 960;
    scen.equity_close.values[ya(0)] = 1200;
    scen.state_paid.values[ya(1)] = 600;
    scen.region_paid.values[ya(1)] = 300;
    scen.kommuner_paid.values[ya(1)] = 300;
    scen.spent.values[ya(1)] = 1200;
    scen.individual_spent.values[ya(1)] = 1200;
    scen.unused_offer.values[ya(2)] = 500;
    auto at = [](std::size_t m, std::size_t a, std::size_t p) { return (m * 3 + a) * 3 + p; };
    for (std::size_t m = 12; m < 24; ++m) {
      const std::int64_t monthly[3][3] = {{100, 50, 50}, {50, 25, 25}, {0, 0, 0}};
      for (std::size_t a = 0; a < 3; ++a)
        for (std::size_t p = 0; p < 3; ++p) scen.finsam_contribution.values[at(m, a, p)] = monthly[a][p];
      scen.public_revenue.values[at(m, 0, 0)] = 150;
      if (m >= 18) scen.public_revenue.values[at(m, 1, 1)] = 100;
    }
  }
};

const Payback& pick(const std::vector<Payback>& v, const std::string& basis, const std::string& payer, const std::string& area) {
  for (const auto& p : v)
    if (p.basis == basis && p.payer == payer && p.area == area) return p;
  FAIL("no payback " << basis << " " << payer << " " << area);
  return v.front();
}

}  // namespace

TEST_CASE("payback: on money spent and on money paid in, per payer and förbund (three förbund)", "[output][payback]") {
  const ThreeForbund f;
  const PairedRuns runs(f.base, f.scen);
  // Nationally spent: 200 a month (A 100, B 100) against a gain of 150·k + 100·max(0, k − 6) in
  // 2020-k: 2 200 > 2 150 at k = 11, 2 400 = 2 400 at k = 12: paid back in 2020-12, 12 months.
  const auto spent_all = payback(runs, "spent", -1, -1);
  CHECK(spent_all.n == 1);
  CHECK(spent_all.median_months == 12);
  CHECK(spent_all.median_month == "2020-12");
  REQUIRE(spent_all.months_by_replication.size() == 1);  // the replication's own value, for a study
  CHECK(spent_all.months_by_replication[0] == 12);
  CHECK(spent_all.extra_money == Approx(2400));
  CHECK(spent_all.net_gain == 2400);
  // Paid in: 300 a month against the same gain: 3 600 > 2 400 at the end: after 2020.
  const auto paid_all = payback(runs, "paid", -1, -1);
  CHECK(paid_all.n == 1);
  CHECK(paid_all.paid_back == 0);
  CHECK(!paid_all.median_months);
  CHECK(paid_all.last_year == 2020);
  CHECK(paid_all.extra_money == 3600);
  REQUIRE(paid_all.months_by_replication.size() == 1);
  CHECK(!paid_all.months_by_replication[0]);
  // The state: spent 50 (A) + 50 (B) = 100 a month, paid in 150 a month, gain 150 a month: both
  // paid back in the first month.
  const auto spent_state = payback(runs, "spent", 0, -1);
  CHECK(spent_state.extra_money == Approx(1200));
  CHECK(spent_state.median_months == 1);
  CHECK(spent_state.median_month == "2020-01");
  CHECK(payback(runs, "paid", 0, -1).median_months == 1);
  // The regions: spent 25 + 25 a month, gain 100 a month from 2020-07: 50·k ≤ 100·(k − 6) from
  // k = 12 on: 12 months. Paid in 50 + 25 = 75 a month: 900 > 600 at the end: after 2020.
  CHECK(payback(runs, "spent", 1, -1).median_months == 12);
  CHECK(!payback(runs, "paid", 1, -1).median_months);
  // The kommuner gain nothing: never on either basis.
  CHECK(payback(runs, "spent", 2, -1).paid_back == 0);
  CHECK(payback(runs, "paid", 2, -1).paid_back == 0);
  // Per förbund: A spent 100 a month against 150: month 1; paid 200 a month: after 2020.
  CHECK(payback(runs, "spent", -1, 0).median_months == 1);
  CHECK(!payback(runs, "paid", -1, 0).median_months);
  // B: spent = paid = 100 a month against 100·(k − 6): never.
  CHECK(payback(runs, "spent", -1, 1).paid_back == 0);
  CHECK(payback(runs, "paid", -1, 1).paid_back == 0);
  // C: no extra money on either basis (the unused offer is not money spent or paid).
  CHECK(payback(runs, "spent", -1, 2).n == 0);
  CHECK(payback(runs, "paid", -1, 2).n == 0);
}

TEST_CASE("payback: compare_runs lists both bases nationally and per förbund, adding up", "[output][payback]") {
  const ThreeForbund f;
  const auto c = compare_runs(f.base, f.scen, {.by_forbund = true});
  REQUIRE(c.payback.size() == 8);
  REQUIRE(c.payback_by_forbund.size() == 24);
  for (const char* basis : {"spent", "paid"}) {
    double extra = 0, gain = 0;
    for (const char* area : {"Förbund A", "Förbund B", "Förbund C"}) {
      extra += pick(c.payback_by_forbund, basis, "all", area).extra_money;
      gain += pick(c.payback_by_forbund, basis, "all", area).net_gain;
    }
    CHECK(extra == Approx(pick(c.payback, basis, "all", "").extra_money));
    CHECK(gain == pick(c.payback, basis, "all", "").net_gain);
    double payers = 0;
    for (const char* p : {"state", "region", "kommun"}) {
      payers += pick(c.payback, basis, p, "").extra_money;
      double local = 0;
      for (const char* area : {"Förbund A", "Förbund B", "Förbund C"}) local += pick(c.payback_by_forbund, basis, p, area).extra_money;
      CHECK(local == Approx(pick(c.payback, basis, p, "").extra_money));
    }
    CHECK(payers == Approx(pick(c.payback, basis, "all", "").extra_money));
    // Förbund A's state: spent 50 a month against 150 (month 1); paid in 100 a month (month 1).
    CHECK(pick(c.payback_by_forbund, basis, "state", "Förbund A").median_months == 1);
  }
}

TEST_CASE("payback: where the extra money went adds up to the money paid in plus the unused offer", "[output][compare]") {
  const ThreeForbund f;
  const auto c = compare_runs(f.base, f.scen, {.by_forbund = true, .by_lan = true});
  using P = ComparisonRow::Period;
  auto diff = [&](const std::string& metric, const std::string& payer, const std::string& area = "", const std::string& level = "") {
    const auto* r = find_row(c, metric, payer, P::year, 2020, area, level);
    REQUIRE(r);
    return r->difference.mean;
  };
  CHECK(diff("finsam_budget", "all") == 3600);
  CHECK(diff("money_individual", "") == 2160);
  CHECK(diff("money_structural", "") == 0);
  CHECK(diff("money_admin", "") == 240);
  CHECK(diff("money_equity_change", "") == 1200);
  CHECK(diff("money_unused_offer", "") == 500);
  // The identity per förbund, per län and nationally.
  for (const auto& [area, level] : std::vector<std::pair<std::string, std::string>>{
           {"", "nation"}, {"Förbund A", "forbund"}, {"Förbund B", "forbund"}, {"Förbund C", "forbund"}, {"Län 01", "lan"}, {"Län 02", "lan"}}) {
    INFO(area);
    CHECK(diff("finsam_budget", "all", area, level) + diff("money_unused_offer", "", area, level) ==
          diff("money_individual", "", area, level) + diff("money_structural", "", area, level) +
              diff("money_admin", "", area, level) + diff("money_equity_change", "", area, level) +
              diff("money_unused_offer", "", area, level));
  }
  // Län 01 holds A and the synthetic B: it is marked as including a synthetic förbund.
  const auto* lan01 = find_row(c, "finsam_budget", "all", P::year, 2020, "Län 01", "lan");
  REQUIRE(lan01);
  CHECK(lan01->synthetic);
  CHECK(lan01->difference.mean == 3600);
  CHECK(!find_row(c, "finsam_budget", "all", P::year, 2020, "Län 02", "lan")->synthetic);
  CHECK(find_row(c, "finsam_budget", "all", P::year, 2020, "Förbund B", "forbund")->synthetic);
}
