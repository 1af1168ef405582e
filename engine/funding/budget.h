// Budget use of a förbund: administration, structural and individual insatser, and the equity
// (eget kapital) that carries unspent money from one year to the next.
#pragma once
#include "config/scenario_config.h"
#include "util/money.h"

namespace finsim {

struct BudgetSplit {
  Sek admin = 0;
  Sek structural = 0;
  Sek individual = 0;  // the rest, so the three add up to the budget exactly
};

// admin = floor(B·admin_share), structural = floor(B·structural_share), individual = B − both.
// Throws InputError when a share is outside [0, 1] or admin + structural exceeds 1.
BudgetSplit split_budget(Sek budget, const BudgetUse& use);

// Opening equity in the first modelled year: floor(initial_equity_share × first-year contributions),
// since the förbund existed before the model starts and carry reserves (VG 2017: about 22 %).
Sek initial_equity(Sek first_year_contributions, const BudgetUse& use);

// The most of the opening equity that may fund insatser this year:
// floor(equity_spend_max_share × opening equity).
Sek equity_draw_allowed(Sek opening_equity, const BudgetUse& use);

// closing = opening + budget − spent. Spending is what the simulation reports at year end; money
// not spent stays in the förbund as equity. Throws std::logic_error when spent is negative or
// larger than budget + opening equity (equity cannot go below zero: that would be a simulation bug).
Sek closing_equity(Sek opening, Sek budget, Sek spent);

}  // namespace finsim
