// The yearly funding cycle: state pot → FK distribution → member matching → budget use → monthly
// capacity, per förbund, carrying each förbund's history (allocation, contributions, equity) on.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "config/scenario_config.h"
#include "funding/funding_world.h"
#include "util/rng.h"
#include "util/money.h"

namespace finsim {

// One förbund's money in one year. Paid in (state + region + kommuner) = budget = 4 × quarter;
// admin + structural + individual = budget; equity_close = equity_open + budget − spent.
struct ForbundYear {
  int forbund = -1;
  int year = 0;
  Sek key_offer = 0;         // base + key share, before the equity rule and the cap
  Sek equity_reduction = 0;  // deducted for equity above the reasonable level
  Sek cap_adjustment = 0;    // + raised to the cap floor (spärr), − share of the cap's cost
  Sek state_offer = 0;       // the final state allocation offered to the förbund
  Sek state_paid = 0;
  Sek region_paid = 0;
  Sek kommuner_paid = 0;
  Sek budget = 0;
  Sek unused_offer = 0;      // state offer the members did not match: not paid out
  Sek admin = 0;
  Sek structural = 0;
  Sek individual = 0;
  Sek equity_open = 0;
  Sek equity_draw = 0;       // equity the förbund may spend on insatser this year
  Sek spent = 0;             // budget until close_year reports the real figure
  Sek equity_close = 0;
  // Added for issues 10/11 (the output writer reads the fields above by name: add, never rename).
  bool given = false;        // state_offer taken from the allocation history, not the key
  Sek offer_cut = 0;         // withheld by a funding.offer_factor: the state pays less, not passed on
  Sek declined = 0;          // part of unused_offer the förbund declined (its ceiling: cannot use it);
                             // unused_offer − declined lapsed because a member did not match
  Sek rounding_leftover = 0; // individual money + draw that whole slots cannot bind (stays as equity)
  Sek reasonable_equity = 0; // the staircase level for this year's contributions (equity rule)
  std::vector<Sek> kommun_paid;  // parallel to the förbund's members
  std::string capping_party;     // "state", "region:CC", "kommun:CCCC" or "ceiling"
  std::vector<int> monthly_slots;      // per insats type; 0 for structural, disabled or ended
  std::vector<int> structural_places;  // per insats type; 0 for individual types
  bool operator==(const ForbundYear&) const = default;
};

// Runs the cycle year by year for one replication. It is a class because it guards the history:
// plan_year must be called for consecutive years from first_year; close_year (optional) reports the
// year's spending before the next plan_year. A year that is not closed counts as spent = budget
// (equity unchanged). Allocations the world gives for years before first_year (allocation
// history) are run through the key and the spärr at construction, so the first year's spärr starts
// from them. Scenario errors (unknown förbund, party or region, bad shares, too small pot) are
// InputError; calls out of order or a spending report of the wrong size are std::logic_error.
class FundingCycle {
 public:
  // `prices`: the insatser cost their catalogue amount × prices.at(year) in each year (flat unless given:
  // the funding rules alone).
  FundingCycle(const FundingConfig& config, FundingWorld world, const std::vector<InsatsType>& insatser,
               RunKey key, int first_year, PriceLevel prices = PriceLevel::flat());
  FundingCycle(const FundingConfig& config, const OrgGraph& org, const Geography& geo,
               const std::vector<InsatsType>& insatser, RunKey key, int first_year, PriceLevel prices = PriceLevel::flat())
      : FundingCycle(config, funding_world(org, geo), insatser, key, first_year, std::move(prices)) {}

  // The plan for `year` (one record per förbund, in förbund order), with spent = budget and
  // equity_close = equity_open until close_year says otherwise.
  std::vector<ForbundYear> plan_year(int year);
  // Reports what each förbund spent in `year` (the last planned year): fixes equity_close.
  void close_year(int year, const std::vector<Sek>& spent_per_forbund);

  int first_year() const { return first_year_; }
  int next_year() const { return first_year_ + static_cast<int>(years_.size()); }
  const FundingWorld& world() const { return world_; }
  // The records of a planned year, as closed so far.
  const std::vector<ForbundYear>& year_record(int year) const;

 private:
  Sek region_max(int f, int year, Sek state_offer) const;
  std::vector<std::optional<Sek>> given_for(int year) const;
  Sek kommun_max(int f, int m, int year, Sek state_offer) const;

  FundingConfig config_;
  FundingWorld world_;
  std::vector<InsatsType> insatser_;
  PriceLevel prices_;
  RunKey key_;
  int first_year_;
  // Resolved once from the scenario, per förbund (and per member for kommuner).
  std::vector<std::vector<long double>> kommun_share_;
  std::vector<std::vector<Freeze>> region_freezes_;
  std::vector<std::vector<std::vector<Freeze>>> kommun_freezes_;
  std::vector<std::vector<BudgetCeiling>> ceilings_;
  std::vector<std::vector<OfferFactor>> offer_factors_;
  // Allocations of first_year − 1 from the allocation history run before the model (key and spärr
  // from the earliest given year); empty when no förbund has a given year before first_year.
  std::vector<Sek> pre_allocation_;
  // years_[y − first_year][f]; closed_[y − first_year].
  std::vector<std::vector<ForbundYear>> years_;
  std::vector<bool> closed_;
};

// Funding-only projection (the CLI's `finsim funding`): plans and closes every year from
// first_year to last_year without agents. A förbund is taken to spend admin + structural + the
// money bound in individual slots (Σ slots × cost × 12); what the slots cannot use (rounding to
// whole slots, the monthly remainder, an undrawn part of the equity draw) stays as equity.
// Returns the closed records, year by year, förbund by förbund.
std::vector<ForbundYear> project_funding(const FundingConfig& config, const FundingWorld& world,
                                         const std::vector<InsatsType>& insatser, RunKey key,
                                         int first_year, int last_year, const PriceLevel& prices = PriceLevel::flat());
inline std::vector<ForbundYear> project_funding(const FundingConfig& config, const OrgGraph& org,
                                                const Geography& geo,
                                                const std::vector<InsatsType>& insatser, RunKey key,
                                                int first_year, int last_year, const PriceLevel& prices = PriceLevel::flat()) {
  return project_funding(config, funding_world(org, geo), insatser, key, first_year, last_year, prices);
}

}  // namespace finsim
