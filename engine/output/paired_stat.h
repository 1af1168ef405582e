// The summary of paired differences over replications: mean and 95 % Student-t interval. The
// interval covers simulation noise (Monte Carlo) only, not uncertainty in the parameters.
#pragma once
#include <span>

namespace finsim {

struct PairedStat {
  int n = 0;
  double mean = 0;
  double sd = 0;    // sample standard deviation of the differences (0 when n = 1)
  double low = 0;   // mean − t(0.975, n−1)·sd/√n; equal to mean when n = 1 (no interval)
  double high = 0;
  bool has_interval() const { return n > 1; }
  bool includes_zero() const { return low <= 0 && high >= 0; }
};

// Two-sided 95 % quantile of Student's t with `df` degrees of freedom (df ≥ 1).
double t_quantile_975(int df);
PairedStat paired_stat(std::span<const double> differences);

}  // namespace finsim
