#include "output/cost_per_effect.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "output/paired_stat.h"

namespace finsim {

CostPerEffect cost_per_effect(const std::string& effect, std::span<const double> cost, std::span<const double> e) {
  if (cost.size() != e.size()) throw std::invalid_argument("cost_per_effect: cost and effect differ in length");
  CostPerEffect out;
  out.effect = effect;
  out.n = static_cast<int>(e.size());
  out.cost_by_replication.assign(cost.begin(), cost.end());
  out.effect_by_replication.assign(e.begin(), e.end());
  const PairedStat sc = paired_stat(cost), se = paired_stat(e);
  out.cost = sc.mean;
  out.effect_mean = se.mean;
  out.effect_low = se.low;
  out.effect_high = se.high;
  if (out.n == 0 || sc.mean <= 0) {
    out.status = CostPerEffect::Status::no_extra_money;
    return out;
  }
  if (se.mean <= 0 || (se.has_interval() && se.high <= 0)) {
    out.status = se.has_interval() && se.includes_zero() ? CostPerEffect::Status::effect_includes_zero
                                                          : CostPerEffect::Status::effect_negative;
    return out;
  }
  if (!se.has_interval()) {
    out.status = CostPerEffect::Status::no_interval;
    out.ratio = sc.mean / se.mean;
    return out;
  }
  if (se.low <= 0) {
    out.status = CostPerEffect::Status::effect_includes_zero;
    return out;
  }
  out.ratio = sc.mean / se.mean;
  const double n = static_cast<double>(out.n);
  double vcc = 0, vce = 0, vee = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    vcc += (cost[i] - sc.mean) * (cost[i] - sc.mean);
    vce += (cost[i] - sc.mean) * (e[i] - se.mean);
    vee += (e[i] - se.mean) * (e[i] - se.mean);
  }
  // Covariances of the means: sample covariance / n.
  vcc /= (n - 1) * n;
  vce /= (n - 1) * n;
  vee /= (n - 1) * n;
  const double t2 = std::pow(t_quantile_975(out.n - 1), 2);
  const double a = se.mean * se.mean - t2 * vee;  // > 0: the effect interval excludes 0
  const double b = sc.mean * se.mean - t2 * vce;
  const double c = sc.mean * sc.mean - t2 * vcc;
  const double root = std::sqrt(std::max(0.0, b * b - a * c));
  out.low = (b - root) / a;
  out.high = (b + root) / a;
  return out;
}

}  // namespace finsim
