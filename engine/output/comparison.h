// Paired differences between two runs of the same seed and replications (scenario − base, per
// replication), summarised as mean and 95 % t-interval over replications, net effects on stocks,
// where the extra money went, cost per effect and the payback month on two bases (docs/output.md).
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "output/cost_per_effect.h"
#include "output/paired_stat.h"
#include "output/payback.h"
#include "output/results_reader.h"

namespace finsim {

// One line of the comparison: a metric for one payer (or all), one area (nation, förbund or län)
// and one period (a year, the whole horizon, or the policy years per year).
struct ComparisonRow {
  // Effects: unique_participants, exits_work_studies (gross), person_years_work, person_years_studies,
  // person_years_work_studies, person_years_target_group, work_studies_december, work_december,
  // studies_december. Money: finsam_budget, money_individual, money_structural, money_admin,
  // money_equity_change, money_unused_offer, public_cost, public_revenue, public_net_gain,
  // pension_contributions.
  std::string metric;
  std::string unit;    // "persons", "person-years" or "SEK"
  std::string payer;   // "" (not by payer), "all", "state", "region", "kommun"
  std::string level = "nation";  // "nation", "forbund" or "lan"
  std::string area;    // "" = national, else a förbund label or a län name
  bool synthetic = false;  // the area is (or includes) a synthetic förbund
  enum class Period { year, total, policy_per_year } period = Period::year;
  std::int64_t year = 0;        // for Period::year
  double base_mean = 0;         // mean over replications
  double scenario_mean = 0;
  PairedStat difference;        // scenario − base
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
  // National: on money spent (all, state, region, kommun), then on money paid (the same four).
  std::vector<Payback> payback;
  // With by_forbund only: per förbund in label order, spent then paid, each for all payers, then
  // the state, the regions and the kommuner.
  std::vector<Payback> payback_by_forbund;
  // Extra Finsam money ÷ effect over the policy years (docs/output.md "Cost per effect").
  std::vector<CostPerEffect> cost_per_effect;
  // State allocation offered (Σ state_offer), mean per policy year (or per year of the horizon).
  double base_state_offer_per_year = 0;
  double scenario_state_offer_per_year = 0;
  // Areas present in one run only (compared with zeros), by label.
  std::vector<std::string> only_in_base, only_in_scenario;
};

struct CompareOptions {
  bool by_forbund = false;
  bool by_lan = false;
  // The first policy year, when the caller fixes it (a sweep uses one window for every point, the
  // reference compared with itself included); by default the first year in which the runs differ.
  std::optional<std::int64_t> policy_first_year = std::nullopt;
};

// Throws InputError naming the mismatch when the runs cannot be paired (see PairedRuns).
Comparison compare_runs(const RunData& base, const RunData& scenario, CompareOptions options = {});

// Finds a row (national when area is empty); nullptr if none.
const ComparisonRow* find_row(const Comparison& c, const std::string& metric, const std::string& payer,
                              ComparisonRow::Period period, std::int64_t year = 0, const std::string& area = "",
                              const std::string& level = "");
// The national payback of one payer on one basis ("spent" or "paid"); nullptr if none.
const Payback* find_payback(const Comparison& c, const std::string& basis, const std::string& payer,
                            const std::string& area = "");
const CostPerEffect* find_cost(const Comparison& c, const std::string& effect);

}  // namespace finsim
