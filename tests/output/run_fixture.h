// A RunData built in memory for the comparison tests: every array zero, shapes from the
// coordinates, so a test sets only the values it hand-computes.
#pragma once
#include <string>

#include "output/results_reader.h"

namespace finsim::test {


// `areas` förbund (A, B, ...), two years, three payers, `reps` replications, every array zero.
inline RunData empty_run(std::size_t reps = 1, std::size_t areas = 1) {
  RunData d;
  d.path = "base.h5";
  d.scenario = "base";
  d.seed = 42;
  d.population_scale = 0.1;
  for (std::size_t r = 0; r < reps; ++r) d.replications.push_back(static_cast<std::int64_t>(r));
  d.years = {2019, 2020};
  for (int y : {2019, 2020})
    for (int m = 1; m <= 12; ++m) {
      d.months.push_back(std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m));
    }
  for (std::size_t a = 0; a < areas; ++a) {
    d.forbund.push_back(std::string("Förbund ") + static_cast<char>('A' + a));
    d.forbund_kind.push_back("documented");
    d.forbund_region.push_back("01");
    d.forbund_region_name.push_back("Län 01");
  }
  d.payers = {"state", "region", "kommun"};
  d.states = {"target", "waiting", "in_insats", "work", "studies", "job_seeking", "gone"};
  const std::size_t R = reps, Y = 2, M = 24, A = areas, P = 3, S = 7;
  for (auto* a : {&d.admin, &d.structural, &d.individual_spent, &d.spent, &d.equity_open, &d.equity_close, &d.unused_offer})
    *a = {std::vector<std::int64_t>(R * Y * A), {R, Y, A}};
  d.stock = {std::vector<double>(R * M * A * S), {R, M, A, S}};
  d.pension_contribution = {std::vector<std::int64_t>(R * M * A), {R, M, A}};
  d.unique_participants = {std::vector<double>(R * Y * A), {R, Y, A}};
  for (auto* a : {&d.state_offer, &d.state_paid, &d.region_paid, &d.kommuner_paid}) *a = {std::vector<std::int64_t>(R * Y * A), {R, Y, A}};
  for (auto* a : {&d.exit_work, &d.exit_studies}) *a = {std::vector<double>(R * M * A), {R, M, A}};
  for (auto* a : {&d.public_cost, &d.public_revenue, &d.finsam_contribution})
    *a = {std::vector<std::int64_t>(R * M * A * P), {R, M, A, P}};
  return d;
}


}  // namespace finsim::test
