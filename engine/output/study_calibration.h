// History matching of a study (docs/uncertainty.md §3): the calibration targets with their stated
// variances, and which parameter sets are consistent with them by the implausibility rule.
#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace finsim {

// One sourced calibration target (docs/model.md §9), measured in the baseline arm of each set.
// analysis/study_data.py holds the same table (tests/python/test_study_calibration.py checks they agree).
struct CalibrationTarget {
  const char* name;      // participants_2019, exit_work_studies_share_2019, ...
  const char* quantity;  // participants, exit_work_studies_share, exit_job_seeking_share, target_group
  std::int64_t year;
  double observed;
  double sd_observation;  // of the published figure
  double sd_model;        // what the model cannot represent even at the best parameters
};
std::span<const CalibrationTarget> calibration_targets();

// |mean(sim) − observed| / sqrt(var_obs + var_model + var_MC), var_MC = s² / R (sample variance of
// the R replications; 0 with one). NaN when a replication's value is NaN (no exits): such a set is
// not kept.
double implausibility(std::span<const double> replications, double observed, double var_observation, double var_model);
constexpr double kImplausibilityCutoff = 3.0;

struct TargetResult {
  const CalibrationTarget* target = nullptr;
  std::vector<double> implausibility;  // per set
  std::vector<double> simulated;       // per set: mean over replications
  std::size_t rejected = 0;            // sets with implausibility > cutoff (or NaN)
};

struct Calibration {
  std::size_t tried = 0;
  std::vector<bool> kept;                // per set: every used target within the cutoff
  std::vector<TargetResult> targets;     // the targets the study's years allow, in table order
  std::vector<std::string> not_covered;  // targets outside the study's months
  std::size_t kept_count() const;
};

// The calibration outputs of the baseline point of each set of a study file (points 0, 2, 4, …).
// Throws InputError (one line, naming the file) when a dataset it needs is missing.
Calibration history_match_study(const std::filesystem::path& path, std::size_t samples);

}  // namespace finsim
