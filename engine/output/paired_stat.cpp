#include "output/paired_stat.h"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>

namespace finsim {

double t_quantile_975(int df) {
  if (df < 1) throw std::invalid_argument("t_quantile_975: df must be at least 1");
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), 0.975);
}

PairedStat paired_stat(std::span<const double> d) {
  PairedStat s;
  s.n = static_cast<int>(d.size());
  if (d.empty()) return s;
  double sum = 0;
  for (double x : d) sum += x;
  s.mean = sum / static_cast<double>(d.size());
  s.low = s.high = s.mean;
  if (d.size() < 2) return s;
  double ss = 0;
  for (double x : d) ss += (x - s.mean) * (x - s.mean);
  s.sd = std::sqrt(ss / static_cast<double>(d.size() - 1));
  const double half = t_quantile_975(s.n - 1) * s.sd / std::sqrt(static_cast<double>(s.n));
  s.low = s.mean - half;
  s.high = s.mean + half;
  return s;
}

}  // namespace finsim
