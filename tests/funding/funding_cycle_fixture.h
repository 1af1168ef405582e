// Test helper for tests/funding: the three-förbund toy world of the funding cycle (hand-worked
// values), its insatser, and the invariants every ForbundYear record keeps.
#pragma once
#include <catch2/catch.hpp>
#include <numeric>
#include <string>
#include <vector>

#include "funding/funding_cycle.h"

namespace finsim::test {

// Toy world, the same key as distribution_test.cpp (key A 0.125, B 0.3, C 0.575):
//   A: region 01, kommun 0180 (pop 20 000), need 100;
//   B: region 01, kommuner 0181 (10 000) and 0182 (20 000) → quarter split 1/3, 2/3, need 300;
//   C: region 03, kommun 0380 (50 000), need 600.
// 0125 exists but is in no förbund.
inline FundingWorld toy_world() {
  FundingWorld w;
  w.region_codes = {"01", "03"};
  w.kommun_codes = {"0125", "0180", "0181", "0182", "0380"};
  w.forbund.push_back({"A", "01", {"0180"}, {20'000}, {100.0, 20'000}, {}});
  w.forbund.push_back({"B", "01", {"0181", "0182"}, {10'000, 20'000}, {300.0, 30'000}, {}});
  w.forbund.push_back({"C", "03", {"0380"}, {50'000}, {600.0, 50'000}, {}});
  return w;
}

inline FundingConfig toy_config() {
  FundingConfig c;
  c.state.allocation_sek = {{2016, 10'000'000}};
  return c;
}

inline InsatsType cycle_insats(const std::string& name, bool structural, Sek cost, double share) {
  InsatsType t;
  t.name = name;
  t.structural = structural;
  t.cost_per_month = cost;
  t.budget_share = share;
  return t;
}

// samtal (individual, 5 000/month, 0.7), projekt (individual, 6 000, 0.3, a 3-year project taken
// over with probability 0.5), nätverk (structural, 20 000, 1.0).
inline std::vector<InsatsType> toy_insatser() {
  std::vector<InsatsType> t{cycle_insats("samtal", false, 5'000, 0.7), cycle_insats("projekt", false, 6'000, 0.3),
                            cycle_insats("natverk", true, 20'000, 1.0)};
  t[1].project_years = 3;
  t[1].takeover_probability = 0.5;
  return t;
}

inline const RunKey kCycleKey{42, 0};

inline Sek sum_offers(const std::vector<ForbundYear>& year) {
  Sek s = 0;
  for (const ForbundYear& r : year) s += r.state_offer;
  return s;
}

// The invariants every record keeps.
inline void check_record(const ForbundYear& r) {
  CHECK(r.state_paid + r.region_paid + r.kommuner_paid == r.budget);
  CHECK(r.budget % 4 == 0);
  CHECK(r.state_paid == r.budget / 2);
  CHECK(r.region_paid == r.budget / 4);
  CHECK(r.kommuner_paid == r.budget / 4);
  CHECK(std::accumulate(r.kommun_paid.begin(), r.kommun_paid.end(), Sek{0}) == r.kommuner_paid);
  CHECK(r.unused_offer == r.state_offer - r.state_paid);
  CHECK(r.unused_offer >= 0);
  CHECK(r.admin + r.structural + r.individual == r.budget);
  CHECK(r.equity_close == r.equity_open + r.budget - r.spent);
  CHECK(r.equity_close >= 0);
  // Money conserved: what the parties would pay to match the whole offer (2 × offer) is spent,
  // kept as equity, or not paid (declined by the förbund or lapsed because a member did not match).
  CHECK(2 * r.state_offer == r.spent + (r.equity_close - r.equity_open) + 2 * r.unused_offer);
  CHECK(r.declined >= 0);
  CHECK(r.declined <= r.unused_offer);
  CHECK(r.rounding_leftover >= 0);
}

inline Sek sum_withheld(const std::vector<ForbundYear>& year) {
  Sek s = 0;
  for (const ForbundYear& r : year) s += r.equity_reduction + r.offer_cut;
  return s;
}

}  // namespace finsim::test
