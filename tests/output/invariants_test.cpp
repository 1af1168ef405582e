#include "output/invariants.h"

#include <catch2/catch.hpp>

using namespace finsim;

namespace {

constexpr int T = static_cast<int>(State::Target);
constexpr int W = static_cast<int>(State::Waiting);
constexpr int I = static_cast<int>(State::InInsats);
constexpr int K = static_cast<int>(State::Work);
constexpr int G = static_cast<int>(State::Gone);

// One förbund area, two months (2019-12, 2020-01), two funding years, one insats type: a small
// world whose identities hold, so each test breaks exactly one of them.
ReplicationResult valid_result() {
  ReplicationResult r;
  r.replication = 3;
  r.months = 2;
  r.areas = {AreaInfo{"Samordningsförbundet Test", 0, 0, false, 1000}};
  r.initial_stock = {{100, 10, 5, 20, 0, 0, 0}};
  MonthCounters m0;
  m0.reset(1);
  m0.inflow = 4;
  m0.flow[T][W] = 6;   // referrals
  m0.flow[W][I] = 3;   // starts
  m0.flow[I][K] = 2;   // exit to work
  m0.flow[T][G] = 1;   // death
  m0.gone[static_cast<int>(GoneReason::Death)] = 1;
  m0.referrals = 6;
  m0.starts = 3;
  m0.completions = 2;
  m0.exit_work = 2;
  m0.stock = {100 + 4 - 6 - 1, 10 + 6 - 3, 5 + 3 - 2, 20 + 2, 0, 0, 0};
  m0.support = {50, 20, 20, 7, 0};  // sums to target + waiting + in_insats = 97 + 13 + 6 = 116
  m0.support[0] = 116 - 47;
  m0.participants = {6};
  m0.capacity = {8};
  m0.public_cost = {1000, 200, 300};
  m0.public_revenue = {10, 5, 7};
  MonthCounters m1 = m0;
  m1.flow = {};
  m1.gone = {};
  m1.inflow = 0;
  m1.referrals = m1.starts = m1.completions = m1.exit_work = 0;
  m1.stock = m0.stock;
  m1.stock[G] = 0;
  m1.participants = {6};
  m1.capacity = {4};  // slots fell at the year turn: the six already in it may finish
  r.monthly = {m0, m1};
  for (int y = 2019; y <= 2020; ++y) {
    ForbundYear f;
    f.forbund = 0;
    f.year = y;
    f.state_offer = f.state_paid = 1'000'000;
    f.region_paid = 500'000;
    f.kommuner_paid = 500'000;
    f.budget = 2'000'000;
    f.admin = 240'000;
    f.structural = 500'000;
    f.individual = 1'260'000;
    f.equity_open = 300'000;
    f.spent = 2'100'000;
    f.equity_close = 200'000;
    r.funding.push_back(f);
    r.individual_spent.push_back(1'360'000);
  }
  return r;
}

const YearMonth kStart{2019, 12};

// The first violation, which must name replication 3, the area and the period.
Violation only_violation(const ReplicationResult& r, const std::string& period, const std::string& text) {
  const auto v = find_violations(r, kStart);
  REQUIRE(!v.empty());
  CHECK(v.front().replication == 3);
  CHECK(v.front().area == "Samordningsförbundet Test");
  CHECK(v.front().period == period);
  CHECK_THAT(v.front().what, Catch::Contains(text));
  return v.front();
}

}  // namespace

TEST_CASE("output: invariants hold for a consistent hand-made result", "[output][invariants]") {
  const auto r = valid_result();
  const auto v = find_violations(r, kStart);
  for (const auto& x : v) WARN(describe(x));
  CHECK(v.empty());
  CHECK_NOTHROW(check_invariants({r}, kStart));
}

TEST_CASE("output: invariants catch a person who appears from nowhere", "[output][invariants]") {
  auto r = valid_result();
  r.monthly[1].stock[K] += 1;  // one more at work, no flow into work
  only_violation(r, "2020-01", "people in state 'work'");
  CHECK_THROWS_AS(check_invariants({r}, kStart), InvariantError);
  try {
    check_invariants({r}, kStart);
  } catch (const InvariantError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("replication 3") && Catch::Contains("2020-01") &&
                                          Catch::Contains("Samordningsförbundet Test"));
  }
}

TEST_CASE("output: invariants use the initial stock for the first month", "[output][invariants]") {
  auto r = valid_result();
  r.initial_stock[0][T] -= 2;
  only_violation(r, "2019-12", "people in state 'target'");
}

TEST_CASE("output: invariants count the inflow into the target group", "[output][invariants]") {
  auto r = valid_result();
  r.monthly[0].inflow += 1;
  r.monthly[1].inflow = 0;
  only_violation(r, "2019-12", "inflow");
}

TEST_CASE("output: invariants reject negative counts", "[output][invariants]") {
  auto r = valid_result();
  r.monthly[1].referrals = -1;
  only_violation(r, "2020-01", "referrals is negative");
  r = valid_result();
  r.monthly[0].public_cost[1] = -5;
  only_violation(r, "2019-12", "public_cost is negative");
}

TEST_CASE("output: invariants reject more participants than slots unless they started earlier", "[output][invariants]") {
  auto r = valid_result();
  r.monthly[0].participants = {9};  // 9 > 8 slots in the first month
  only_violation(r, "2019-12", "participants 9 > slots 8");
  r = valid_result();
  r.monthly[1].participants = {7};  // above the 4 slots and above last month's 6: someone started
  only_violation(r, "2020-01", "participants 7 > slots 4");
}

TEST_CASE("output: invariants tie departures, support and exits to the flows", "[output][invariants]") {
  auto r = valid_result();
  r.monthly[0].gone[static_cast<int>(GoneReason::Emigration)] = 1;
  only_violation(r, "2019-12", "departures by reason 2");
  r = valid_result();
  r.monthly[1].support[2] += 1;
  only_violation(r, "2020-01", "target group by support source");
  r = valid_result();
  r.monthly[0].exit_studies = 1;
  only_violation(r, "2019-12", "exits by outcome");
}

TEST_CASE("output: invariants check every förbund-year's kronor", "[output][invariants]") {
  auto r = valid_result();
  r.funding[1].region_paid -= 1;  // paid in no longer equals the budget
  only_violation(r, "2020", "money paid in");
  r = valid_result();
  r.funding[0].equity_close += 1;
  only_violation(r, "2019", "equity: close");
  r = valid_result();
  r.funding[1].spent = 2'400'000;  // more than budget + opening equity
  r.funding[1].equity_close = -100'000;
  const auto v = find_violations(r, kStart);
  bool over = false;
  for (const auto& x : v) over = over || x.what.find("spent 2400000 > budget") != std::string::npos;
  CHECK(over);
}

TEST_CASE("output: invariants report a result of the wrong shape", "[output][invariants]") {
  auto r = valid_result();
  r.monthly.pop_back();
  const auto v = find_violations(r, kStart);
  REQUIRE(v.size() == 1);
  CHECK_THAT(v.front().what, Catch::Contains("monthly records"));
}
