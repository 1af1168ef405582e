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

Sek equity_excess(const AllocationHistory& h, const DistributionParams& p) {
  const Sek reasonable = floor_share(h.contributions, p.equity_reasonable_share);
  return std::max<Sek>(0, h.equity - reasonable);
}

namespace {

// Weights restricted to the chosen förbund; all förbund when the chosen ones carry no weight.
std::vector<long double> weights_among(const std::vector<long double>& key, const std::vector<bool>& chosen) {
  std::vector<long double> w(key.size(), 0.0L);
  long double sum = 0.0L;
  for (std::size_t i = 0; i < key.size(); ++i)
    if (chosen[i]) sum += (w[i] = key[i]);
  return sum > 0.0L ? w : key;
}

void apply_equity_rule(StateAllocation& a, const std::vector<std::optional<AllocationHistory>>& history,
                       const DistributionParams& p) {
  const std::size_t n = a.allocation.size();
  Sek freed = 0;
  std::vector<bool> without_excess(n, true);
  for (std::size_t i = 0; i < n; ++i) {
    if (!history[i]) continue;
    a.equity_excess[i] = equity_excess(*history[i], p);
    if (a.equity_excess[i] == 0) continue;
    without_excess[i] = false;
    const Sek cut = std::min(a.allocation[i], floor_share(a.equity_excess[i], p.equity_excess_reduction));
    a.equity_reduction[i] = cut;
    a.allocation[i] -= cut;
    freed += cut;
  }
  if (freed == 0) return;
  const std::vector<Sek> extra = apportion(freed, weights_among(a.key_share, without_excess));
  for (std::size_t i = 0; i < n; ++i) a.allocation[i] += extra[i];
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
                                     const DistributionParams& p) {
  if (history.size() != areas.size())
    throw std::logic_error("distribute_state_pot: history is not parallel to the areas");
  StateAllocation a;
  a.year = year;
  a.pot = pot;
  a.key_share = key_shares(areas, p);
  a.key_offer = key_offers(year, pot, a.key_share, p);
  const std::size_t n = areas.size();
  a.equity_excess.assign(n, 0);
  a.equity_reduction.assign(n, 0);
  a.cap_adjustment.assign(n, 0);
  a.allocation = a.key_offer;
  apply_equity_rule(a, history, p);
  apply_cap(a, history, p);
  return a;
}

}  // namespace finsim
