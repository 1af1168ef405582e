#include "funding/distribution.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "funding/apportion.h"
#include "util/error.h"

namespace finsim {

std::vector<long double> key_shares(const std::vector<KeyArea>& areas, const DistributionParams& p) {
  if (std::fabs(p.weight_need + p.weight_population - 1.0) > 1e-9)
    throw InputError("funding.distribution.weight_need: weight_need + weight_population must be 1");
  long double need_sum = 0.0L;
  long double pop_sum = 0.0L;
  for (const KeyArea& a : areas) {
    need_sum += a.need_measure;
    pop_sum += static_cast<long double>(a.population_16_64);
  }
  if (!areas.empty() && p.weight_need != 0.0 && !(need_sum > 0.0L))
    throw InputError("funding.distribution.weight_need: the förbund areas have no need measure");
  if (!areas.empty() && p.weight_population != 0.0 && !(pop_sum > 0.0L))
    throw InputError("funding.distribution.weight_population: the förbund areas have no population 16–64");
  std::vector<long double> key(areas.size(), 0.0L);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    if (p.weight_need != 0.0) key[i] += p.weight_need * (areas[i].need_measure / need_sum);
    if (p.weight_population != 0.0)
      key[i] += p.weight_population * (static_cast<long double>(areas[i].population_16_64) / pop_sum);
  }
  return key;
}

std::vector<Sek> key_offers(int year, Sek pot, const std::vector<long double>& key,
                            const DistributionParams& p) {
  const Sek n = static_cast<Sek>(key.size());
  if (n == 0)
    throw InputError("funding.state.allocation_msek: year " + std::to_string(year) +
                     ": there is no förbund to distribute the pot to");
  if (pot < n * p.base_amount)
    throw InputError("funding.state.allocation_msek: year " + std::to_string(year) + ": pot " +
                     std::to_string(pot) + " SEK is smaller than " + std::to_string(n) +
                     " förbund × base amount");
  std::vector<Sek> offer = apportion(pot - n * p.base_amount, key);
  for (Sek& o : offer) o += p.base_amount;
  return offer;
}

Sek reasonable_equity(Sek contributions, const DistributionParams& p) {
  const Sek small = std::min(contributions, p.equity_small_band);
  return floor_sek(static_cast<long double>(small) * p.equity_reasonable_share_small +
                   static_cast<long double>(contributions - small) * p.equity_reasonable_share);
}

Sek equity_excess(const AllocationHistory& h, const DistributionParams& p) {
  return std::max<Sek>(0, h.equity - h.rounding_leftover - reasonable_equity(h.contributions, p));
}

namespace {

void apply_given(StateAllocation& a, const std::vector<std::optional<Sek>>& given, const DistributionParams& p) {
  const std::size_t n = a.allocation.size();
  Sek difference = 0;  // Σ (key offer − given): what the others gain (or, negative, give up)
  bool any_free = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!given[i]) {
      any_free = true;
      continue;
    }
    a.given[i] = true;
    difference += a.allocation[i] - *given[i];
    a.allocation[i] = *given[i];
  }
  if (difference == 0) return;
  const std::string where = "funding.distribution.state_allocations_csv: year " + std::to_string(a.year) + ": ";
  if (!any_free)
    throw InputError(where + "every förbund has a given allocation, and they do not sum to the pot " +
                     std::to_string(a.pot) + " SEK");
  std::vector<long double> w(n, 0.0L);
  if (difference > 0) {
    for (std::size_t i = 0; i < n; ++i) w[i] = a.given[i] ? 0.0L : a.key_share[i];
    const std::vector<Sek> extra = apportion(difference, w);
    for (std::size_t i = 0; i < n; ++i) a.allocation[i] += extra[i];
    return;
  }
  Sek room = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (!a.given[i] && a.allocation[i] > p.base_amount) {
      w[i] = static_cast<long double>(a.allocation[i] - p.base_amount);
      room += a.allocation[i] - p.base_amount;
    }
  if (room < -difference)
    throw InputError(where + "the given allocations exceed the pot less the other förbund's base amounts");
  const std::vector<Sek> take = apportion(-difference, w);
  for (std::size_t i = 0; i < n; ++i) a.allocation[i] -= take[i];
}

void apply_equity_rule(StateAllocation& a, const std::vector<std::optional<AllocationHistory>>& history,
                       const DistributionParams& p) {
  const std::size_t n = a.allocation.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!history[i] || a.given[i]) continue;
    a.equity_excess[i] = equity_excess(*history[i], p);
    if (a.equity_excess[i] == 0) continue;
    const Sek above_base = std::max<Sek>(0, a.allocation[i] - p.base_amount);
    const Sek cut = std::min(above_base, floor_share(a.equity_excess[i], p.equity_excess_reduction));
    a.equity_reduction[i] = cut;
    a.allocation[i] -= cut;
  }
}

void apply_cap(StateAllocation& a, const std::vector<std::optional<AllocationHistory>>& history,
               const DistributionParams& p) {
  const std::size_t n = a.allocation.size();
  std::vector<long double> shortfall(n, 0.0L);
  std::vector<long double> gain(n, 0.0L);
  std::vector<Sek> protected_level(n, 0);
  Sek needed = 0;
  Sek gains = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (a.given[i]) continue;  // neither raised nor paying: its figure is given
    const Sek prev = history[i] ? history[i]->allocation : 0;
    const bool exempt = p.cap_exempt_above_equity && a.equity_excess[i] > 0;
    if (history[i] && !exempt) {
      const Sek floor_i = floor_share(prev, 1.0L - static_cast<long double>(p.max_decrease));
      if (a.allocation[i] < floor_i) {
        shortfall[i] = static_cast<long double>(floor_i - a.allocation[i]);
        needed += floor_i - a.allocation[i];
        continue;
      }
    }
    protected_level[i] = std::max(prev, std::min(p.base_amount, a.allocation[i]));
    if (a.allocation[i] > protected_level[i]) {
      gain[i] = static_cast<long double>(a.allocation[i] - protected_level[i]);
      gains += a.allocation[i] - protected_level[i];
    }
  }
  if (needed == 0) return;
  if (needed <= gains) {
    const std::vector<Sek> cost = apportion(needed, gain);
    for (std::size_t i = 0; i < n; ++i) {
      if (shortfall[i] > 0.0L) a.cap_adjustment[i] = static_cast<Sek>(shortfall[i]);
      else a.cap_adjustment[i] = -cost[i];
    }
  } else {
    // Not enough gain to pay for the floors: the floors are scaled down, gainers keep their level.
    const std::vector<Sek> raise = gains > 0 ? apportion(gains, shortfall) : std::vector<Sek>(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      if (shortfall[i] > 0.0L) a.cap_adjustment[i] = raise[i];
      else a.cap_adjustment[i] = -static_cast<Sek>(gain[i]);
    }
  }
  for (std::size_t i = 0; i < n; ++i) a.allocation[i] += a.cap_adjustment[i];
}

}  // namespace

StateAllocation distribute_state_pot(int year, Sek pot, const std::vector<KeyArea>& areas,
                                     const std::vector<std::optional<AllocationHistory>>& history,
                                     const DistributionParams& p,
                                     const std::vector<std::optional<Sek>>& given_in) {
  if (history.size() != areas.size() || (!given_in.empty() && given_in.size() != areas.size()))
    throw std::logic_error("distribute_state_pot: history or given is not parallel to the areas");
  const std::vector<std::optional<Sek>> given = given_in.empty() ? std::vector<std::optional<Sek>>(areas.size()) : given_in;
  StateAllocation a;
  a.year = year;
  a.pot = pot;
  a.key_share = key_shares(areas, p);
  a.key_offer = key_offers(year, pot, a.key_share, p);
  const std::size_t n = areas.size();
  a.equity_excess.assign(n, 0);
  a.equity_reduction.assign(n, 0);
  a.cap_adjustment.assign(n, 0);
  a.given.assign(n, false);
  a.allocation = a.key_offer;
  apply_given(a, given, p);
  apply_equity_rule(a, history, p);
  apply_cap(a, history, p);
  return a;
}

}  // namespace finsim
