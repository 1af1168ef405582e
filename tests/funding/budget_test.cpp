// Budget use (administration, structural, individual) and equity (eget kapital) bookkeeping.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "funding/budget.h"
#include "util/error.h"

using namespace finsim;

TEST_CASE("budget: split into admin, structural and the rest for individuals", "[funding]") {
  const BudgetUse use;  // admin 0.12, structural 0.25
  // 4 000 000: admin 480 000, structural 1 000 000, individual 2 520 000.
  const BudgetSplit a = split_budget(4'000'000, use);
  CHECK(a.admin == 480'000);
  CHECK(a.structural == 1'000'000);
  CHECK(a.individual == 2'520'000);
  // 3 999 996: admin floor(479 999.52) = 479 999, structural floor(999 999) = 999 999,
  // individual 3 999 996 − 479 999 − 999 999 = 2 519 998.
  const BudgetSplit b = split_budget(3'999'996, use);
  CHECK(b.admin == 479'999);
  CHECK(b.structural == 999'999);
  CHECK(b.individual == 2'519'998);
  CHECK(b.admin + b.structural + b.individual == 3'999'996);
}

TEST_CASE("budget: shares outside [0, 1] or adding above 1 are input errors", "[funding]") {
  BudgetUse use;
  use.admin_share = 0.8;
  use.structural_share = 0.3;
  CHECK_THROWS_AS(split_budget(1'000, use), InputError);
  use.admin_share = -0.1;
  CHECK_THROWS_AS(split_budget(1'000, use), InputError);
}

TEST_CASE("budget: opening equity, allowed draw and closing equity", "[funding]") {
  const BudgetUse use;  // initial 0.22, spend max 0.5
  // Opening equity: floor(0.22 × 4 000 000) = 880 000; floor(0.22 × 3 999 996) = 879 999.
  CHECK(initial_equity(4'000'000, use) == 880'000);
  CHECK(initial_equity(3'999'996, use) == 879'999);
  // Draw: floor(0.5 × 880 000) = 440 000; floor(0.5 × 879 999) = 439 999.
  CHECK(equity_draw_allowed(880'000, use) == 440'000);
  CHECK(equity_draw_allowed(879'999, use) == 439'999);
  // Closing: 880 000 + 4 000 000 − 3 500 000 = 1 380 000; spending the draw lowers equity.
  CHECK(closing_equity(880'000, 4'000'000, 3'500'000) == 1'380'000);
  CHECK(closing_equity(880'000, 4'000'000, 4'440'000) == 440'000);
  CHECK(closing_equity(880'000, 4'000'000, 4'000'000) == 880'000);
  // Spending more than budget + equity, or less than nothing, is a simulation bug.
  CHECK_THROWS_AS(closing_equity(880'000, 4'000'000, 4'880'001), std::logic_error);
  CHECK_THROWS_AS(closing_equity(880'000, 4'000'000, -1), std::logic_error);
}
