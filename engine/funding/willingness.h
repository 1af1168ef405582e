// Member willingness: the most a region or kommun will pay a förbund this year (growth limit,
// freezes at an earlier year's level) and the budget ceilings a scenario puts on a förbund.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "util/money.h"

namespace finsim {

// A party named in funding.freeze: "region:CC" or "kommun:CCCC".
struct PartyId {
  enum class Kind { Region, Kommun };
  Kind kind = Kind::Region;
  std::string code;
};

// Throws InputError("<key>: "<text>": expected region:CC or kommun:CCCC") on a malformed party.
PartyId parse_party(const std::string& text, const std::string& key);

// A party's maximum contribution to one förbund in `year`.
// - First modelled year (no history): `first_year_max`, the amount that matches the state offer.
// - A freeze applies when its from_year ≤ year (of several, the latest from_year; ties to the one
//   listed last): the maximum is the party's contribution in level_of_year. A level year before the
//   first modelled year means the first modelled year's contribution (the earliest level the model
//   knows); a level year not yet closed (≥ year) leaves the normal rule in force for that year,
//   since the level is being set now.
// - Otherwise: the larger of its highest earlier contribution and
//   floor(last year's contribution × (1 + max_growth)) — willing to return to a level it has paid.
// `paid` holds the party's contributions by year for the modelled years before `year`.
Sek party_max(int year, int first_year, const std::map<int, Sek>& paid, double max_growth,
              const std::vector<Freeze>& freezes, Sek first_year_max);

// The ceiling on a förbund's total budget in `year`: of the ceilings with from_year ≤ year, the one
// with the latest from_year (ties to the one listed last); none when no ceiling has started.
std::optional<Sek> budget_ceiling(int year, const std::vector<BudgetCeiling>& ceilings);

}  // namespace finsim
