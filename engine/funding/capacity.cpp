#include "funding/capacity.h"

#include <algorithm>
#include <stdexcept>

#include "funding/apportion.h"
#include "util/error.h"

namespace finsim {

bool project_running(const InsatsType& type, int type_index, int forbund, int year, int first_year,
                     RunKey key) {
  if (type.project_years <= 0 || year < first_year + type.project_years) return true;
  const StreamRng rng(key, static_cast<std::uint32_t>(forbund), 0);
  return rng.uniform(Purpose::ProjectTakeover, static_cast<std::uint32_t>(type_index)) <
         type.takeover_probability;
}

namespace {

// Fills counts[t] for the running types of one kind from that kind's monthly money; returns
// Σ count × cost.
Sek fill_counts(Sek month_money, bool structural, const std::vector<InsatsType>& types,
                const std::vector<bool>& running, std::vector<int>& counts) {
  long double share_sum = 0.0L;
  for (std::size_t t = 0; t < types.size(); ++t)
    if (running[t] && types[t].structural == structural) share_sum += types[t].budget_share;
  if (!(share_sum > 0.0L)) return 0;
  Sek bound = 0;
  std::vector<std::pair<long double, std::size_t>> remainder;  // fraction of a slot each type could not buy
  for (std::size_t t = 0; t < types.size(); ++t) {
    if (!running[t] || types[t].structural != structural) continue;
    if (types[t].cost_per_month <= 0)
      throw InputError("insats." + types[t].name + ".cost_sek_per_month: must be positive");
    const long double exact = static_cast<long double>(month_money) * (static_cast<long double>(types[t].budget_share) / share_sum) /
                              static_cast<long double>(types[t].cost_per_month);
    const Sek n = static_cast<Sek>(exact);
    counts[t] = static_cast<int>(n);
    bound += n * types[t].cost_per_month;
    remainder.push_back({exact - static_cast<long double>(n), t});
  }
  // Money left after the whole slots buys one more slot each for the types closest to their next
  // one (largest fraction first, ties by type index), so small förbund do not hoard by rounding.
  std::stable_sort(remainder.begin(), remainder.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [fraction, t] : remainder) {
    if (month_money - bound < types[t].cost_per_month) continue;
    ++counts[t];
    bound += types[t].cost_per_month;
  }
  return bound;
}

}  // namespace

std::vector<InsatsType> priced_catalogue(std::vector<InsatsType> types, double price) {
  for (InsatsType& t : types) t.cost_per_month = priced(t.cost_per_month, price);
  return types;
}

Capacity monthly_capacity(Sek individual, Sek equity_draw, Sek structural,
                          const std::vector<InsatsType>& types, const std::vector<bool>& running) {
  if (running.size() != types.size())
    throw std::logic_error("monthly_capacity: running is not parallel to the insats types");
  Capacity c;
  c.month_money = (individual + equity_draw) / 12;
  c.monthly_slots.assign(types.size(), 0);
  c.structural_places.assign(types.size(), 0);
  c.bound_per_month = fill_counts(c.month_money, false, types, running, c.monthly_slots);
  fill_counts(structural / 12, true, types, running, c.structural_places);
  return c;
}

}  // namespace finsim
