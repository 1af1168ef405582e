// StatePot::pot_for (declared with the config in config/scenario_config.h): the state's yearly
// Finsam frame (statlig medelstilldelning) from the scenario's piecewise-constant series.
#include <cmath>
#include <iterator>
#include <string>

#include "config/scenario_config.h"
#include "util/error.h"

namespace finsim {

Sek StatePot::pot_for(int year) const {
  if (allocation_sek.empty())
    throw InputError("funding.state.allocation_msek: no year listed");
  // Before the first listed year the first value holds: the series says nothing earlier, and
  // a flat start is less surprising than a zero pot.
  auto it = allocation_sek.upper_bound(year);
  if (it == allocation_sek.begin()) return it->second;
  --it;
  Sek pot = it->second;
  if (std::next(it) != allocation_sek.end() || growth_per_year == 0.0) return pot;
  // Growth compounds only after the last listed year, rounded to whole SEK each year so the pot of
  // any year is what a budget office would have printed the year before times the growth.
  for (int y = it->first; y < year; ++y) {
    pot = static_cast<Sek>(std::llround(static_cast<long double>(pot) * (1.0L + growth_per_year)));
    if (pot < 0)
      throw InputError("funding.state.growth_per_year: year " + std::to_string(y + 1) +
                       ": the pot becomes negative");
  }
  return pot;
}

}  // namespace finsim
