// Writes one scenario's replications to one HDF5 result file (schema: docs/output.md): provenance,
// labelled coordinates, monthly, yearly and ledger arrays, and the resolved parameter table.
#pragma once
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/provenance.h"
#include "output/result_coordinates.h"  // IWYU pragma: export (kGoneReasonLabels, month_label)
#include "output/sweep_labels.h"
#include "sim/replication_result.h"
#include "world/world.h"

namespace finsim {

// The group the scenario's results go to: "scenarios/<name>", '/' in the name replaced by '_'.
std::string scenario_group_path(const std::string& scenario_name);

// Writes the file at `path` (normally a PartialFile's partial path) and closes it. All results
// must come from this scenario and world, with the same months and areas. Invariants are the
// caller's business (check_invariants) so that a failed check never reaches the writer.
// Throws std::runtime_error on write failures, std::invalid_argument on inconsistent results.
void write_results(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                   const std::vector<ReplicationResult>& results, const RunInfo& run);

// Writes a sweep: the scenario group of `base` with a leading `point` dimension on every dataset
// that has a `replication` dimension (and on the parameter values and origins and the insats
// costs, which a point may change). Same file/commit rules as write_results. Every point must
// have the base's months, seed, population scale and insats types, and the same replication
// indices; sweeps keep no event log. Throws std::invalid_argument otherwise.
// `annotate` (optional) adds to the scenario group last, e.g. a study's labels (output/study_labels.h).
void write_sweep(const std::filesystem::path& path, const Scenario& base, const World& world,
                 const std::vector<std::string>& varied_keys, std::span<const PointResults> points, const RunInfo& run,
                 const std::function<void(const h5::Group&)>& annotate = {});

}  // namespace finsim
