#include "funding/budget.h"

#include <stdexcept>
#include <string>

#include "funding/apportion.h"
#include "util/error.h"

namespace finsim {

namespace {

void check_share(double share, const char* key) {
  if (!(share >= 0.0 && share <= 1.0))
    throw InputError(std::string("funding.budget.") + key + ": must be between 0 and 1");
}

}  // namespace

BudgetSplit split_budget(Sek budget, const BudgetUse& use) {
  check_share(use.admin_share, "admin_share");
  check_share(use.structural_share, "structural_share");
  if (use.admin_share + use.structural_share > 1.0 + 1e-12)
    throw InputError("funding.budget.structural_share: admin_share + structural_share exceeds 1");
  BudgetSplit s;
  s.admin = floor_share(budget, use.admin_share);
  s.structural = floor_share(budget, use.structural_share);
  s.individual = budget - s.admin - s.structural;
  // 0.5 + 0.5 of an odd krona amount is exact, but snapping could in theory overshoot by a krona.
  if (s.individual < 0) {
    s.structural += s.individual;
    s.individual = 0;
  }
  return s;
}

Sek initial_equity(Sek first_year_contributions, const BudgetUse& use) {
  if (!(use.initial_equity_share >= 0.0))  // may exceed 1: reserves can be larger than a year's income
    throw InputError("funding.budget.initial_equity_share: must be at least 0");
  return floor_share(first_year_contributions, use.initial_equity_share);
}

Sek equity_draw_allowed(Sek opening_equity, const BudgetUse& use) {
  check_share(use.equity_spend_max_share, "equity_spend_max_share");
  return floor_share(opening_equity, use.equity_spend_max_share);
}

Sek closing_equity(Sek opening, Sek budget, Sek spent) {
  if (spent < 0 || spent > opening + budget)
    throw std::logic_error("closing_equity: spent " + std::to_string(spent) +
                           " SEK is outside 0 .. budget + opening equity (" +
                           std::to_string(budget + opening) + " SEK)");
  return opening + budget - spent;
}

}  // namespace finsim
