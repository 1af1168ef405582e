// The dose-response table of a sweep (finsim compare SWEEP.h5): every point against a reference
// point, replication by replication (same seeds), through the comparison of two runs (compare_runs).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "output/comparison.h"
#include "output/results_reader.h"

namespace finsim {

// One point against the reference. Rows are national; "per year" means per policy year of the
// sweep's common window (DoseResponse::policy_first_year to the last year).
struct DoseResponsePoint {
  std::size_t point = 0;
  std::vector<std::string> values;   // per varied key, as labels
  std::string overrides, sha256;
  double state_offer_per_year = 0;   // mean state allocation offered per policy year, SEK
  ComparisonRow work_studies_end;    // people in work or studies, December of the last year
  ComparisonRow person_years_work_studies;  // per policy year
  ComparisonRow participants;        // unique participants in individual insatser, per policy year
  ComparisonRow budget_all, budget_state, budget_region, budget_kommun;  // Finsam money paid in, per policy year, SEK
  Payback payback_spent;             // all payers, on money spent
};

struct DoseResponse {
  SweepInfo sweep;
  std::size_t reference = 0;
  std::string finsim_version, git_commit;
  std::int64_t seed = 0;
  int n = 0;  // paired replications
  std::vector<std::int64_t> years;
  std::string first_month, last_month;
  // The window of the per-year figures, the same for every point: from the first year in which
  // any point differs from the reference (the first year of the run if none does) to the last.
  std::int64_t policy_first_year = 0, policy_last_year = 0;
  std::vector<DoseResponsePoint> points;  // in point order, the reference included (all zeros)
};

// Throws InputError (one line, naming the file) when the file is not a sweep or has no point
// `reference`.
DoseResponse dose_response(const std::filesystem::path& sweep, std::size_t reference = 0);

}  // namespace finsim
