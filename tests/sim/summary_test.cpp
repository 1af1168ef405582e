// Specification of sim/summary.cpp on a replication written by hand: flows summed over the year's
// months and areas, stocks taken at December (or the run's last month), money summed over förbund,
// everything scaled from agents back to persons.
#include <catch2/catch.hpp>

#include "../test_paths.h"
#include "config/read_scenario.h"
#include "sim/summary.h"

using namespace finsim;

namespace {

using finsim::test::kBaseline;

constexpr int kInInsats = static_cast<int>(State::InInsats);
constexpr int kWaiting = static_cast<int>(State::Waiting);
constexpr int kTarget = static_cast<int>(State::Target);

// 2019-01 … 2020-12 at population.scale 0.5 (two persons an agent). Area 0, a förbund: each month
// one new participant, two starts, one completion and one dropout (one to work, one to job
// seeking), stocks 100 target, 3 waiting and 10 + m in insatser, slots 4 + 6. Area 1, no förbund:
// 50 in the target group. Two förbund funding records a year.
ReplicationResult hand_written() {
  ReplicationResult r;
  r.months = 24;
  r.areas = {{"A", 0, 0, false, 0}, {"Utan förbund", -1, 0, false, 0}};
  for (int m = 0; m < r.months; ++m) {
    MonthCounters a;
    a.reset(2);
    a.new_unique_participants = 1;
    a.starts = 2;
    a.completions = 1;
    a.dropouts = 1;
    a.exit_work = 1;
    a.exit_job_seeking = 1;
    a.stock[kTarget] = 100;
    a.stock[kWaiting] = 3;
    a.stock[kInInsats] = 10 + m;
    a.stock[static_cast<int>(State::Work)] = 1000;  // not in the target group
    a.capacity = {4, 6};
    MonthCounters b;
    b.reset(2);
    b.stock[kTarget] = 50;
    r.monthly.push_back(a);
    r.monthly.push_back(b);
  }
  for (int y = 0; y < 2; ++y)
    for (int f = 0; f < 2; ++f) {
      ForbundYear fy;
      fy.forbund = f;
      fy.year = 2019 + y;
      const Sek k = (y + 1) * (f == 0 ? 10 : 1);  // 10 / 1 in 2019, 20 / 2 in 2020
      fy.state_paid = 10 * k;
      fy.budget = 40 * k;
      fy.unused_offer = k;
      fy.equity_close = 5 * k;
      r.funding.push_back(fy);
      r.individual_spent.push_back(3 * k);
    }
  return r;
}

}  // namespace

TEST_CASE("summary: yearly flows, December stocks and money, in persons", "[sim][summary]") {
  const Scenario s = load_scenario(kBaseline, {"scenario.end=2020-12", "population.scale=0.5"});
  const auto years = summarise_years(hand_written(), s.config);
  REQUIRE(years.size() == 2);

  const YearSummary& y19 = years[0];
  CHECK(y19.year == 2019);
  CHECK(y19.unique_participants == 24.0);  // 12 months × 1 agent × 2 persons
  CHECK(y19.starts == 48.0);
  CHECK(y19.exits == 48.0);
  CHECK(y19.exit_work_studies == 24.0);
  CHECK(y19.exit_job_seeking == 24.0);
  CHECK(y19.participants_december == 42.0);  // (10 + 11) × 2
  CHECK(y19.slots_december == 20.0);
  CHECK(y19.waiting == 6.0);
  CHECK(y19.target_group == 348.0);  // (100 + 3 + 21) × 2 + 50 × 2; work is not the target group
  CHECK(y19.share_work_studies() == 0.5);
  CHECK(y19.share_job_seeking() == 0.5);
  // Money is in SEK already (the funding cycle's records): summed over förbund, not scaled.
  CHECK(y19.state_paid == 110);
  CHECK(y19.budget == 440);
  CHECK(y19.unused_offer == 11);
  CHECK(y19.equity_close == 55);
  CHECK(y19.individual_spent == 33);

  const YearSummary& y20 = years[1];
  CHECK(y20.year == 2020);
  CHECK(y20.unique_participants == 24.0);
  CHECK(y20.starts == 48.0);
  CHECK(y20.participants_december == 66.0);  // (10 + 23) × 2
  CHECK(y20.target_group == 372.0);          // (100 + 3 + 33) × 2 + 100
  CHECK(y20.state_paid == 220);
  CHECK(y20.budget == 880);
  CHECK(y20.individual_spent == 66);
}

TEST_CASE("summary: without funding records the money is zero, without exits the shares are zero", "[sim][summary]") {
  const Scenario s = load_scenario(kBaseline, {"scenario.end=2020-12", "population.scale=0.5"});
  ReplicationResult r = hand_written();
  r.funding.clear();
  r.individual_spent.clear();
  for (auto& c : r.monthly) c.completions = c.dropouts = c.exit_work = c.exit_job_seeking = 0;
  for (const YearSummary& y : summarise_years(r, s.config)) {
    CHECK(y.state_paid == 0);
    CHECK(y.budget == 0);
    CHECK(y.exits == 0.0);
    CHECK(y.share_work_studies() == 0.0);
    CHECK(y.share_job_seeking() == 0.0);
    CHECK(y.target_group > 0.0);
  }
}
