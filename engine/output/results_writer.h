// Writes one scenario's replications to one HDF5 result file (schema: docs/output.md): provenance,
// labelled coordinates, monthly, yearly and ledger arrays, and the resolved parameter table.
#pragma once
#include <array>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/provenance.h"
#include "sim/replication_result.h"
#include "world/world.h"

namespace finsim {

// Labels of the fixed dimensions, in the order of the model's enums (kStateLabels: agents.h).
// GoneReason without None (never counted): the departures dataset starts at AgedOut.
inline constexpr std::array<const char*, kGoneReasons - 1> kGoneReasonLabels = {"aged_out", "death", "emigration",
                                                                                "sjukersattning"};

// "2019-01" for a month index (year × 12 + month − 1).
std::string month_label(int month_index);

// The group the scenario's results go to: "scenarios/<name>", '/' in the name replaced by '_'.
std::string scenario_group_path(const std::string& scenario_name);

// Writes the file at `path` (normally a PartialFile's partial path) and closes it. All results
// must come from this scenario and world, with the same months and areas. Invariants are the
// caller's business (check_invariants) so that a failed check never reaches the writer.
// Throws std::runtime_error on write failures, std::invalid_argument on inconsistent results.
void write_results(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                   const std::vector<ReplicationResult>& results, const RunInfo& run);

// One point of a sweep: its resolved scenario, the value of each varied key, its replications.
struct PointResults {
  const Scenario* scenario;
  std::vector<std::string> values;
  const std::vector<ReplicationResult>* replications;
};
void write_sweep(const std::filesystem::path& path, const Scenario& base, const World& world,
                 const std::vector<std::string>& varied_keys, std::span<const PointResults> points, const RunInfo& run);

}  // namespace finsim
