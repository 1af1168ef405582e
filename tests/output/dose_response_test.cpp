// The dose-response table of a sweep, hand-checked on the tiny sweep (3 points, 2 replications):
// each point's paired mean and 95 % interval against the reference recomputed from the arrays.
#include <catch2/catch.hpp>
#include <cmath>

#include "output/dose_response.h"
#include "sweep_fixture.h"
#include "util/error.h"

using namespace finsim;
using finsim::test::tiny_sweep;

namespace {

// Mean and t-interval of two paired differences: t(0.975, 1) = 12.7062047361747.
struct Hand {
  double mean, low, high;
};
Hand by_hand(double d0, double d1) {
  const double mean = (d0 + d1) / 2, sd = std::fabs(d0 - d1) / std::sqrt(2.0);
  const double half = 12.7062047361747 * sd / std::sqrt(2.0);
  return {mean, mean - half, mean + half};
}

void check(const PairedStat& s, const Hand& h) {
  CHECK(s.n == 2);
  CHECK(s.mean == Approx(h.mean).margin(1e-6));
  CHECK(s.low == Approx(h.low).margin(1e-6));
  CHECK(s.high == Approx(h.high).margin(1e-6));
}

// National sums of one run's arrays for replication r.
double yearly(const h5::Array<std::int64_t>& v, std::size_t r, std::size_t y) {
  const std::size_t Y = v.shape[1], A = v.shape[2];
  double s = 0;
  for (std::size_t a = 0; a < A; ++a) s += static_cast<double>(v.values[(r * Y + y) * A + a]);
  return s;
}
double stock(const RunData& d, std::size_t r, std::size_t m, int state) {
  const std::size_t M = d.stock.shape[1], A = d.stock.shape[2], S = d.stock.shape[3];
  double s = 0;
  for (std::size_t a = 0; a < A; ++a) s += d.stock.values[((r * M + m) * A + a) * S + static_cast<std::size_t>(state)];
  return s;
}

}  // namespace

TEST_CASE("dose-response: paired differences to the reference point, by hand", "[output][sweep][dose]") {
  const auto& t = tiny_sweep();
  const DoseResponse d = dose_response(t.file);
  REQUIRE(d.points.size() == 3);
  CHECK(d.reference == 0);
  CHECK(d.n == 2);
  CHECK(d.years == std::vector<std::int64_t>{2019, 2020});
  const RunData ref = read_run(t.file, 0);
  const int work = 3, studies = 4;  // positions in the state coordinate
  REQUIRE(ref.states[work] == "work");
  REQUIRE(ref.states[studies] == "studies");

  // The window: the first year in which a point's money differs from the reference's (2020, the
  // year whose allocation is varied; 2019 is the same in every point).
  const RunData p2 = read_run(t.file, 2);
  CHECK(yearly(p2.state_offer, 0, 0) == yearly(ref.state_offer, 0, 0));
  CHECK(yearly(p2.state_offer, 0, 1) > yearly(ref.state_offer, 0, 1));
  CHECK(d.policy_first_year == 2020);
  CHECK(d.policy_last_year == 2020);

  for (std::size_t p = 1; p < 3; ++p) {
    INFO("point " << p);
    const RunData run = read_run(t.file, p);
    const auto& dp = d.points[p];
    CHECK(dp.values == std::vector<std::string>{p == 1 ? "678" : "1017"});
    const std::size_t last = run.months.size() - 1;
    double diff[2], py[2], part[2], state[2], region[2], kommun[2], offer = 0;
    for (std::size_t r = 0; r < 2; ++r) {
      diff[r] = stock(run, r, last, work) + stock(run, r, last, studies) - stock(ref, r, last, work) -
                stock(ref, r, last, studies);
      py[r] = 0;
      for (std::size_t m = 12; m < 24; ++m)  // 2020: person-years = monthly stocks / 12
        py[r] += (stock(run, r, m, work) + stock(run, r, m, studies) - stock(ref, r, m, work) - stock(ref, r, m, studies)) / 12;
      double up = 0;
      for (std::size_t a = 0; a < run.forbund.size(); ++a)
        up += run.unique_participants.values[(r * 2 + 1) * run.forbund.size() + a] -
              ref.unique_participants.values[(r * 2 + 1) * ref.forbund.size() + a];
      part[r] = up;
      state[r] = yearly(run.state_paid, r, 1) - yearly(ref.state_paid, r, 1);
      region[r] = yearly(run.region_paid, r, 1) - yearly(ref.region_paid, r, 1);
      kommun[r] = yearly(run.kommuner_paid, r, 1) - yearly(ref.kommuner_paid, r, 1);
      offer += yearly(run.state_offer, r, 1) / 2;
    }
    check(dp.work_studies_end.difference, by_hand(diff[0], diff[1]));
    check(dp.person_years_work_studies.difference, by_hand(py[0], py[1]));
    check(dp.participants.difference, by_hand(part[0], part[1]));
    check(dp.budget_state.difference, by_hand(state[0], state[1]));
    check(dp.budget_region.difference, by_hand(region[0], region[1]));
    check(dp.budget_kommun.difference, by_hand(kommun[0], kommun[1]));
    check(dp.budget_all.difference, by_hand(state[0] + region[0] + kommun[0], state[1] + region[1] + kommun[1]));
    CHECK(dp.state_offer_per_year == Approx(offer));
    // More state money offered buys more money paid in (the members match part of it).
    CHECK(dp.budget_state.difference.mean > 0);
    CHECK(dp.payback_spent.n > 0);
  }
  // Dose-response: the larger allocation offers and pays more than the smaller one.
  CHECK(d.points[2].state_offer_per_year > d.points[1].state_offer_per_year);
  CHECK(d.points[2].budget_state.difference.mean >= d.points[1].budget_state.difference.mean);
}

TEST_CASE("dose-response: the reference point gives exact zeros", "[output][sweep][dose]") {
  const auto& t = tiny_sweep();
  for (std::size_t reference : {0u, 2u}) {
    const DoseResponse d = dose_response(t.file, reference);
    CHECK(d.reference == reference);
    CHECK(d.policy_first_year == 2020);  // the same window whichever point is the reference
    const auto& p = d.points[reference];
    for (const auto* row : {&p.work_studies_end, &p.person_years_work_studies, &p.participants, &p.budget_all,
                            &p.budget_state, &p.budget_region, &p.budget_kommun}) {
      CHECK(row->difference.mean == 0);
      CHECK(row->difference.low == 0);
      CHECK(row->difference.high == 0);
    }
    CHECK(p.payback_spent.n == 0);  // no extra money: payback not applicable
  }
  // Against the largest point, the others have less money: no payback to speak of.
  const DoseResponse d = dose_response(t.file, 2);
  CHECK(d.points[0].budget_state.difference.mean < 0);
  CHECK(d.points[0].payback_spent.n == 0);
}

TEST_CASE("dose-response: a plain run or a missing reference point is an input error", "[output][sweep][dose]") {
  const auto& t = tiny_sweep();
  CHECK_THROWS_WITH(dose_response(t.file, 3), Catch::Contains("no reference point 3 (the sweep has points 0 to 2)"));
  const auto plain = t.write_point(0);
  CHECK_THROWS_AS(dose_response(plain), InputError);
  CHECK_THROWS_WITH(dose_response(plain), Catch::Contains("not a sweep"));
  std::filesystem::remove(plain);
}
