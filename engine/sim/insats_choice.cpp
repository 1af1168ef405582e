#include "sim/insats_choice.h"

#include <algorithm>
#include <cmath>

namespace finsim {

bool eligible(const InsatsType& t, const Agents& a, std::size_t i, int month) {
  const int age_years = (month - a.birth[i]) / 12;
  if (age_years < t.min_age || age_years > t.max_age) return false;
  if (t.needs_any && !(t.needs_any & a.needs[i])) return false;
  if (t.support_any && !(t.support_any & (1u << a.support[i]))) return false;
  return true;
}

TypeSet fitting_types(const std::vector<InsatsType>& insatser, const Agents& a, std::size_t i, int month) {
  TypeSet s{};
  for (std::size_t t = 0; t < insatser.size(); ++t)
    if (eligible(insatser[t], a, i, month)) add_type(s, t);
  return s;
}

bool targeted(const InsatsType& t) {
  return t.needs_any != 0 || t.support_any != 0 || t.min_age > 16 || t.max_age < 64;
}

std::vector<std::int64_t> open_places(const Area& area, const StepContext& ctx) {
  const auto& insatser = ctx.config.insatser;
  const bool responsive = ctx.config.referral.mode == ReferralMode::CapacityResponsive;
  std::vector<std::int64_t> open(insatser.size(), 0);
  for (std::size_t t = 0; t < insatser.size(); ++t) {
    std::int64_t places = area.capacity[t] - area.participants[t] - area.waiting[t];
    if (responsive) {
      // A list is acceptable while its expected wait — its length over the monthly turnover of
      // the slots (completion and dropout) — is shorter than referral.acceptable_wait_months.
      const double turnover =
          static_cast<double>(area.capacity[t]) * (ctx.rates.completion[t] + insatser[t].dropout_per_month);
      places += static_cast<std::int64_t>(std::floor(turnover * ctx.config.referral.acceptable_wait_months));
    }
    open[t] = std::max<std::int64_t>(0, places);
  }
  return open;
}

int choose_insats(const std::vector<InsatsType>& insatser, const Agents& a, std::size_t i, int month,
                  const std::vector<double>& weight, double u) {
  for (const bool tier : {true, false}) {
    double total = 0;
    for (std::size_t t = 0; t < insatser.size(); ++t)
      if (weight[t] > 0 && targeted(insatser[t]) == tier && eligible(insatser[t], a, i, month)) total += weight[t];
    if (total <= 0) continue;
    double target = u * total;
    int chosen = -1;
    for (std::size_t t = 0; t < insatser.size(); ++t) {
      if (!(weight[t] > 0 && targeted(insatser[t]) == tier && eligible(insatser[t], a, i, month))) continue;
      chosen = static_cast<int>(t);
      if (target < weight[t]) break;
      target -= weight[t];
    }
    return chosen;
  }
  return -1;
}

}  // namespace finsim
