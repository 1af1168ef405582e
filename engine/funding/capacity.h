// Capacity: how a förbund's insats money becomes monthly participant slots per insats type, and
// whether a time-limited project type lives on after its project years (taken over by a party).
#pragma once
#include <vector>

#include "config/scenario_config.h"
#include "util/rng.h"
#include "util/money.h"

namespace finsim {

struct Capacity {
  Sek month_money = 0;                 // individual money per month: (individual + equity draw)/12
  std::vector<int> monthly_slots;      // per insats type; 0 for structural, disabled or ended types
  std::vector<int> structural_places;  // per insats type; 0 for individual types
  Sek bound_per_month = 0;             // Σ slots × cost per month: money tied in individual slots
};

// Whether insats type `type_index` still runs in förbund `forbund` in `year`. A permanent type
// (project_years = 0) always does; a project type does before first_year + project_years and from
// then on only if StreamRng(key, stream = forbund, month = 0).uniform(ProjectTakeover, draw =
// type_index) < takeover_probability. The draw does not depend on the year, so a project taken
// over stays, and one that ended stays ended.
bool project_running(const InsatsType& type, int type_index, int forbund, int year, int first_year,
                     RunKey key);

// Slots per month from the year's money. `running[t]` says whether type t is enabled and still runs
// in this förbund (see project_running). Rules:
// - month money = (individual + equity_draw) / 12 in whole SEK; the remainder (< 12 SEK) is not
//   spent and stays as equity;
// - an individual type t gets money_t = floor(month money × share_t / Σ share of the running
//   individual types), so an ended or disabled type's share goes to the others pro rata;
//   slots_t = floor(money_t / cost_per_month_t);
// - structural types work alike on structural / 12 over the running structural types and give a
//   count of structural places (no agents).
// No running type, or running types whose shares are all zero, gives no slots. Throws InputError
// ("insats.NAME.cost_sek_per_month: must be positive") for a running type without a cost.
Capacity monthly_capacity(Sek individual, Sek equity_draw, Sek structural,
                          const std::vector<InsatsType>& types, const std::vector<bool>& running);

// The catalogue at a year's price level: each type's cost_per_month is priced(cost, price).
std::vector<InsatsType> priced_catalogue(std::vector<InsatsType> types, double price);

}  // namespace finsim
