// Paired differences between two runs of the same seed and replications (scenario − base, per
// replication), summarised as mean and 95 % t-interval, plus the payback month (DESIGN §5, §7b).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "output/results_reader.h"

namespace finsim {

struct PairedStat {
  int n = 0;
  double mean = 0;
  double sd = 0;    // sample standard deviation of the differences (0 when n = 1)
  double low = 0;   // mean − t(0.975, n−1)·sd/√n; equal to mean when n = 1 (no interval)
  double high = 0;
  bool has_interval() const { return n > 1; }
};

// Two-sided 95 % quantile of Student's t with `df` degrees of freedom (df ≥ 1).
double t_quantile_975(int df);
PairedStat paired_stat(std::span<const double> differences);

// One line of the comparison: a metric for one payer (or all), one area (or the nation) and one
// period (a year, the whole horizon, or the policy years per year).
struct ComparisonRow {
  std::string metric;  // unique_participants, exits_work_studies, finsam_budget, public_cost, public_revenue, public_net_gain
  std::string unit;    // "persons" or "SEK"
  std::string payer;   // "" (not by payer), "all", "state", "region", "kommun"
  std::string area;    // "" = national, else a forbund label
  enum class Period { year, total, policy_per_year } period = Period::year;
  std::int64_t year = 0;        // for Period::year
  double base_mean = 0;         // mean over replications
  double scenario_mean = 0;
  PairedStat difference;        // scenario − base
};

// Payback of the extra Finsam contributions for one payer ("all" sums the three), nationally or
// in one förbund (its contributions against the gain from its own participants).
struct Payback {
  std::string payer;
  std::string area;          // "" = national, else a forbund label
  int n = 0;                 // replications with extra contributions (> 0 over the horizon)
  int paid_back = 0;         // of those, how many paid back within the horizon
  // Upper median over the n replications of the months from the first month of extra spending
  // (month 1) to the payback month; a replication without payback counts as beyond the horizon,
  // so the median is empty when at least half did not pay back.
  std::optional<int> median_months;
  std::optional<std::string> median_month;  // the calendar month of that replication's payback
  double extra_contribution = 0;  // mean over all replications, cumulative over the horizon, SEK
  double net_gain = 0;            // mean cumulative Δrevenue − Δcost over the horizon, SEK
  double share() const { return n > 0 ? static_cast<double>(paid_back) / n : 0.0; }
};

struct RunIdentity {
  std::string path, scenario, description, scenario_sha256, finsim_version, git_commit;
};

struct Comparison {
  RunIdentity base, scenario;
  std::int64_t seed = 0;
  int n = 0;  // paired replications
  std::vector<std::int64_t> years;
  std::string first_month, last_month;
  // First year in which any national metric differs in any replication, to the last year;
  // empty when the runs do not differ at all.
  std::optional<std::int64_t> policy_first_year;
  std::int64_t policy_last_year = 0;
  std::vector<ComparisonRow> rows;
  std::vector<Payback> payback;  // national: "all", then each payer
  // With by_forbund only: payer "all", one per förbund in the order of the file's förbund labels.
  std::vector<Payback> payback_by_forbund;
  // State allocation offered (Σ state_offer), mean per policy year (or per year of the horizon).
  double base_state_offer_per_year = 0;
  double scenario_state_offer_per_year = 0;
};

// Throws InputError naming the mismatch when the runs cannot be paired: different seed,
// replication indices, months, förbund labels or population scale.
Comparison compare_runs(const RunData& base, const RunData& scenario, bool by_forbund);

// Finds a row (national when area is empty); nullptr if none.
const ComparisonRow* find_row(const Comparison& c, const std::string& metric, const std::string& payer,
                              ComparisonRow::Period period, std::int64_t year = 0, const std::string& area = "");

}  // namespace finsim
