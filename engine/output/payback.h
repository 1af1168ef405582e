// The payback month of extra Finsam money for one payer (or all), nationally or in one förbund, on
// two bases: money the förbund *spent* and money the payers *paid* in (contributions).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "output/paired_runs.h"

namespace finsim {

struct Payback {
  std::string basis;         // "spent" or "paid"
  std::string payer;         // "all", "state", "region", "kommun"
  std::string area;          // "" = national, else a förbund label
  int n = 0;                 // replications with extra money (> 0 over the horizon) on this basis
  int paid_back = 0;         // of those, how many paid back within the horizon
  // Upper median over the n replications of the months from the first month of extra money
  // (month 1) to the payback month; a replication without payback counts as beyond the horizon,
  // so the median is empty ("after <last year>") when at least half did not pay back.
  std::optional<int> median_months;
  std::optional<std::string> median_month;  // the calendar month of that replication's payback
  std::int64_t last_year = 0;               // the run's last year: "after <last year>"
  double extra_money = 0;   // mean over all replications, cumulative over the horizon, SEK
  double net_gain = 0;      // mean cumulative Δrevenue − Δcost over the horizon, SEK
  // Per replication with extra money, in replication order: the months to payback, empty when it
  // did not pay back within the run (a study splits their spread, study_summary.h).
  std::vector<std::optional<int>> months_by_replication;
  double share() const { return n > 0 ? static_cast<double>(paid_back) / n : 0.0; }
};

// p < 0: all payers; area < 0: the nation, else one area of the union (its own money against the
// gain from its own participants). Money spent is the förbund's yearly spending (administration,
// structural, individual insatser) shared among the payers as their contributions were that year,
// spread evenly over the months like the contributions.
Payback payback(const PairedRuns& runs, const std::string& basis, int p, int area);

}  // namespace finsim
