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
};

// One year's distribution, step by step, all vectors parallel to the förbund.
struct StateAllocation {
  int year = 0;
  Sek pot = 0;
  std::vector<long double> key_share;  // w_need·F_i/ΣF + w_pop·P_i/ΣP
  std::vector<Sek> key_offer;          // base + key share of the rest, to the krona
  std::vector<Sek> equity_excess;      // equity above the reasonable level (0 = none or no history)
  std::vector<Sek> equity_reduction;   // deducted from the key offer
  std::vector<Sek> cap_adjustment;     // + raised to the cap floor, − share of the cap's cost
  std::vector<Sek> allocation;         // final; sums to pot exactly
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

// Excess equity (assumption: the FK staircase thresholds are not public): reasonable equity =
// floor(equity_reasonable_share × last year's contributions); excess = max(0, equity − reasonable).
Sek equity_excess(const AllocationHistory& h, const DistributionParams& p);

// The full model for one year. history[i] is empty in the first modelled year (no cap, no equity
// rule) or for a förbund without a previous year. Steps, in this order:
// 1. key offers (above);
// 2. equity rule: a förbund with excess loses min(offer, floor(equity_excess_reduction × excess));
//    the money freed goes to the förbund without excess pro rata to their key share (largest
//    remainder); when every förbund has excess it goes back to all of them pro rata to key share;
// 3. cap (spärr): floor_i = floor((1 − max_decrease)·prev_i) for a förbund with history, unless it
//    has excess equity and cap_exempt_above_equity. Förbund below their floor are raised to it.
//    The cost is shared by the gainers: a gainer is a förbund above its protected level
//    max(prev_i, min(base, offer_i)) (prev_i = 0 without history), so it keeps at least last year's
//    allocation and the base amount; each pays pro rata to its gain above that level, by largest
//    remainder. Since no one pays more than its gain, no gainer falls to its floor and one pass is
//    stable. When the gains together cannot fund the floors, every gainer drops to its protected
//    level and the gains are given to the capped förbund pro rata to their shortfall (floors scaled
//    down proportionally), again by largest remainder.
// The allocations always sum to the pot exactly.
StateAllocation distribute_state_pot(int year, Sek pot, const std::vector<KeyArea>& areas,
                                     const std::vector<std::optional<AllocationHistory>>& history,
                                     const DistributionParams& p);

}  // namespace finsim
