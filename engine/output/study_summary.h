// The headline effects of a study file (finsim study) over its parameter sets and replications: the
// mean, the total 95 % interval, and its split into parameter uncertainty and Monte Carlo noise.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "output/paired_stat.h"
#include "output/study_calibration.h"

namespace finsim {

struct StudyEffect {
  // As finsim compare --format csv: work_studies_december (last year), unique_participants, …,
  // payback_spent_median_months, payback_paid_median_months, cost_per_work_studies_end.
  std::string metric;
  std::string payer;  // "" or all/state/region/kommun
  std::string unit;   // persons, SEK or months
  bool per_policy_year = false;
  // False when some run has no value (no payback within the run, an effect ≤ 0 for a cost per
  // effect): then there is no mean or interval, and `note` says why.
  bool defined = true;
  std::string note;
  double defined_share = 1;  // payback: share of the runs that paid back within the run
  double mean = 0;
  // Total 95 % interval: mean ± 1.96·√(parameter + Monte Carlo variance) (normal approximation).
  double low = 0, high = 0;
  double parameter_var = 0, monte_carlo_var = 0;
  // False with one replication per set: the spread of the sets then holds both parts, and which
  // share is which cannot be measured (the total interval still covers both).
  bool split_known = true;
  double parameter_share() const {
    const double t = parameter_var + monte_carlo_var;
    return t > 0 ? parameter_var / t : 0.0;
  }
  PairedStat noise_only;  // the replications' interval of the set whose mean is the median: what compare gives alone
                          // (no interval with one replication: split_known is false)
};

// Law of total variance from each set's paired statistics (n replications each): the Monte Carlo part
// is the mean of the sets' variances, the parameter part the variance of their means less its own
// Monte Carlo part (÷ n), clipped at 0 (one-way analysis of variance). At least 2 sets.
StudyEffect split_effect(std::span<const PairedStat> per_set);

struct StudySummary {
  std::string path, base_scenario, scenario, description, method, finsim_version, git_commit;
  std::size_t samples = 0, keys = 0;
  Calibration calibration;  // history matching of every set (docs/uncertainty.md §3)
  // True: the effects are over the kept sets; false: over all sets (asked for with all_sets), or
  // none when fewer than 2 sets were kept.
  bool calibrated = true;
  std::size_t sets_used = 0;
  std::int64_t sample_seed = 0, seed = 0;
  int replications = 0;
  std::int64_t policy_first_year = 0, last_year = 0;
  // National, in a fixed order (see study_summary.cpp); empty when fewer than 2 sets are used.
  std::vector<StudyEffect> effects;
};

// True when the file is a study (a sweep with study_sample).
bool is_study_file(const std::filesystem::path& path);
// Every set's baseline and scenario compared as two runs (compare_runs), over a common policy window;
// the effects over the sets the calibration targets keep (all_sets: over every set, uncalibrated).
// Throws InputError (one line, naming the file) when it is not a study.
StudySummary summarise_study(const std::filesystem::path& path, bool all_sets = false);
// The split of per-set, per-replication values (payback months, cost per effect), empty optionals
// meaning "no value": undefined (with the share of runs that have a value) when any is missing.
StudyEffect split_values(const std::vector<std::vector<std::optional<double>>>& per_set);

}  // namespace finsim
