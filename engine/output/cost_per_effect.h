// Cost per effect for a motion: extra money ÷ extra effect, from paired per-replication sums, with
// Fieller's 95 % interval for a ratio of means. Undefined, with the reason, when the effect is not
// clearly positive (its interval reaches 0): a huge or negative number would mislead.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace finsim {

struct CostPerEffect {
  std::string effect;  // participants, exits_work_studies, person_years_work_studies, work_studies_end
  int n = 0;
  double cost = 0;    // mean extra money over replications, SEK
  double effect_mean = 0;
  double effect_low = 0, effect_high = 0;  // 95 % t-interval of the effect (mean when n = 1)
  enum class Status { ok, no_interval, effect_includes_zero, effect_negative, no_extra_money } status = Status::ok;
  std::optional<double> ratio;               // cost / effect (means); absent unless ok or no_interval
  std::optional<double> low, high;           // Fieller interval; absent unless ok
  // The pairs' values (a study splits their spread into assumptions and noise, study_summary.h).
  std::vector<double> cost_by_replication, effect_by_replication;
};

// `cost` and `effect` are per replication pair (scenario − base). Fieller's theorem: the θ with
// (c̄ − θ ē)² ≤ t² (v_cc − 2θ v_ce + θ² v_ee), v = covariances of the means; bounded exactly when
// ē² > t² v_ee, i.e. when the effect's own t-interval excludes 0.
CostPerEffect cost_per_effect(const std::string& effect, std::span<const double> cost, std::span<const double> effect_values);

}  // namespace finsim
