// The FK distribution model (fördelningsmodell, in force since 2016): how the state pot becomes one
// allocation per förbund — base amount, need/population key, excess-equity reduction, 10 % cap.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "config/scenario_config.h"
#include "util/money.h"

namespace finsim {

// What the key sees of a förbund's area.
struct KeyArea {
  double need_measure = 0.0;            // försörjningsmått proxy (OrgGraph::area_need_measure)
  std::int64_t population_16_64 = 0;
};

// What the model knows of a förbund's previous year; absent in the first modelled year.
struct AllocationHistory {
  Sek allocation = 0;     // last year's final state allocation (the offer, not what was matched)
  Sek contributions = 0;  // last year's total paid in by all parties (state + region + kommuner)
  Sek equity = 0;         // eget kapital (equity) at the close of last year
  // Money last year's plan could not bind in whole slots (rounding): it sits in equity, but the
  // förbund did not choose to keep it, so the equity rule leaves it out.
  Sek rounding_leftover = 0;
};

// One year's distribution, step by step, all vectors parallel to the förbund.
struct StateAllocation {
  int year = 0;
  Sek pot = 0;
  std::vector<long double> key_share;  // w_need·F_i/ΣF + w_pop·P_i/ΣP
  std::vector<Sek> key_offer;          // base + key share of the rest, to the krona
  std::vector<Sek> equity_excess;      // equity above the reasonable level (0 = none or no history)
  std::vector<Sek> equity_reduction;   // deducted from the key offer; the state pays less (not passed on)
  std::vector<bool> given;             // allocation taken as given (allocation history)
  std::vector<Sek> cap_adjustment;     // + raised to the cap floor, − share of the cap's cost
  std::vector<Sek> allocation;         // final; allocation + equity_reduction sums to pot exactly
};

// Key shares: w_need·F_i/ΣF + w_pop·P_i/ΣP. Throws InputError when the weights do not add to 1 or
// a key has nothing to divide (ΣF or ΣP is zero).
std::vector<long double> key_shares(const std::vector<KeyArea>& areas, const DistributionParams& p);

// offer_i = base + (S − N·base)·key_i, the rest split by largest remainder (see apportion.h: floor
// each exact share, the krona left over one each by largest fractional part, ties to the lower
// förbund index). Throws InputError("funding.state.allocation_msek: year Y: pot X SEK is smaller
// than N förbund × base amount") when S < N·base.
std::vector<Sek> key_offers(int year, Sek pot, const std::vector<long double>& key,
                            const DistributionParams& p);

// Reasonable equity by förbund size (assumption: FK's staircase exists, its levels are not public):
// floor(share_small × min(C, band) + share × max(0, C − band)) for last year's contributions C, so
// a small förbund may keep a larger share of its money as a buffer.
Sek reasonable_equity(Sek contributions, const DistributionParams& p);

// Excess equity the förbund chose to keep: max(0, equity − rounding leftover − reasonable).
Sek equity_excess(const AllocationHistory& h, const DistributionParams& p);

// The full model for one year. history[i] is empty in the first modelled year (no cap, no equity
// rule) or for a förbund without a previous year. given[i] (optional; empty vector = none) is an
// allocation taken as given (allocation history). Steps, in this order:
// 1. key offers (above);
// 2. given allocations: a förbund with a given figure gets it and takes no part in steps 3–4. The
//    difference D = Σ (key offer − given) over them goes to the others: D > 0 pro rata to key share,
//    D < 0 taken pro rata to what they have above the base amount (largest remainder). InputError
//    when the others cannot absorb it (their offers above base are less than −D, or none is left);
// 3. equity rule: a förbund with excess loses min(offer − base, floor(equity_excess_reduction ×
//    excess)), so the base amount is never undercut. The money is NOT passed on: the state pays less
//    (equity_reduction records it);
// 4. cap (spärr): floor_i = floor((1 − max_decrease)·prev_i) for a förbund with history, unless it
//    has excess equity and cap_exempt_above_equity. Förbund below their floor are raised to it.
//    The cost is shared by the gainers: a gainer is a förbund above its protected level
//    max(prev_i, min(base, offer_i)) (prev_i = 0 without history), so it keeps at least last year's
//    allocation and the base amount; each pays pro rata to its gain above that level, by largest
//    remainder. Since no one pays more than its gain, no gainer falls to its floor and one pass is
//    stable. When the gains together cannot fund the floors, every gainer drops to its protected
//    level and the gains are given to the capped förbund pro rata to their shortfall (floors scaled
//    down proportionally), again by largest remainder.
// Allocations plus equity reductions always sum to the pot exactly.
StateAllocation distribute_state_pot(int year, Sek pot, const std::vector<KeyArea>& areas,
                                     const std::vector<std::optional<AllocationHistory>>& history,
                                     const DistributionParams& p,
                                     const std::vector<std::optional<Sek>>& given = {});

}  // namespace finsim
