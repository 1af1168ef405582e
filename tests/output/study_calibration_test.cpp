#include "output/study_calibration.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <string>
#include <vector>

using namespace finsim;
using Catch::Detail::Approx;

TEST_CASE("study calibration: implausibility by hand", "[output][study]") {
  // Replications 10, 12, 14: mean 12, sample variance 4, var_MC = 4 / 3. Observed 20, var_obs 5,
  // var_model 2: |12 − 20| / sqrt(5 + 2 + 4/3) = 8 / sqrt(25/3).
  const std::vector<double> x = {10, 12, 14};
  CHECK(implausibility(x, 20, 5, 2) == Approx(8 / std::sqrt(25.0 / 3)));
  // One replication: no Monte Carlo term.
  const std::vector<double> one = {12};
  CHECK(implausibility(one, 20, 5, 2) == Approx(8 / std::sqrt(7.0)));
  // The truth itself is kept; a value 3.1 sd away is not; a NaN replication is not kept either.
  const std::vector<double> at_truth = {20, 20};
  CHECK(implausibility(at_truth, 20, 1, 0) == 0);
  const std::vector<double> far = {23.1, 23.1};
  CHECK(!(implausibility(far, 20, 1, 0) <= kImplausibilityCutoff));
  const std::vector<double> nan = {0.3, std::nan("")};
  CHECK(!(implausibility(nan, 0.31, 0.0004, 0.0004) <= kImplausibilityCutoff));
}

TEST_CASE("study calibration: the target table states every variance and names each target once", "[output][study]") {
  std::set<std::string> names;
  bool participants_2019 = false;
  for (const auto& t : calibration_targets()) {
    CHECK(names.insert(t.name).second);
    CHECK(std::string(t.name).ends_with(std::to_string(t.year)));
    CHECK(std::string(t.name).starts_with(t.quantity));
    CHECK(t.observed > 0);
    CHECK(t.sd_observation > 0);
    CHECK(t.sd_model >= 0);
    if (std::string(t.name) == "participants_2019") {
      participants_2019 = true;
      // docs/model.md §9.1 and docs/uncertainty.md §3: 31 167, sd 3 % and 5 %.
      CHECK(t.observed == 31167);
      CHECK(t.sd_observation == Approx(0.03 * 31167));
      CHECK(t.sd_model == Approx(0.05 * 31167));
    }
  }
  CHECK(participants_2019);
  CHECK(names.count("exit_work_studies_share_2019"));
  CHECK(names.count("exit_job_seeking_share_2019"));
  CHECK(names.count("target_group_2019"));
}
