// National yearly figures from a replication's monthly records, in persons and SEK (scaled
// back from agents): what `finsim run` prints and what calibration compares with the sources.
#pragma once
#include <vector>

#include "sim/simulation.h"

namespace finsim {

struct YearSummary {
  int year = 0;
  double unique_participants = 0;   // individual insatser, persons in the year
  double participants_december = 0; // stock at the last month of the year
  double slots_december = 0;        // individual insats slots at the last month of the year
  double starts = 0;
  double exits = 0;                 // completions + dropouts
  double exit_work_studies = 0;
  double exit_job_seeking = 0;
  double target_group = 0;          // Target + Waiting + InInsats at year end
  double waiting = 0;
  Sek state_paid = 0;
  Sek budget = 0;
  Sek unused_offer = 0;
  Sek individual_spent = 0;
  Sek equity_close = 0;
  double share_work_studies() const { return exits > 0 ? exit_work_studies / exits : 0; }
  double share_job_seeking() const { return exits > 0 ? exit_job_seeking / exits : 0; }
};

std::vector<YearSummary> summarise_years(const ReplicationResult& r, const ScenarioConfig& config);

}  // namespace finsim
