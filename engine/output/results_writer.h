// Writes one scenario's replications to one HDF5 result file (schema: docs/output.md): provenance,
// labelled coordinates, monthly, yearly and ledger arrays, and the resolved parameter table.
#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/event_log_writer.h"
#include "output/provenance.h"
#include "output/result_coordinates.h"  // IWYU pragma: export (kGoneReasonLabels, month_label)
#include "output/sweep_labels.h"
#include "sim/replication_result.h"
#include "world/world.h"

namespace finsim {

// The group the scenario's results go to: "scenarios/<name>", '/' in the name replaced by '_'.
std::string scenario_group_path(const std::string& scenario_name);

// A result file written unit by unit: every dataset is created with its full shape when the first
// unit arrives, then each unit's slab is written as it is given, in any order, and let go. The
// writer holds no unit: memory is the datasets' chunk caches plus small per-unit extracts (the
// capping_party strings and, with an event log, each unit's record count). The file's datasets are
// the same for any order in which the units come.
// Not thread-safe: one thread at a time (the thread may change between calls).
class ResultWriter {
 public:
  // A run file at `path` (normally a PartialFile's partial path) of `scenario`'s replications
  // `replications` (their indices in file order).
  ResultWriter(std::filesystem::path path, const Scenario& scenario, const World& world,
               std::vector<std::int32_t> replications, RunInfo run);
  // A sweep file: the scenario group of `base` with a leading `point` dimension on every dataset
  // that has a `replication` dimension (and on the parameter values and origins and the insats
  // costs, which a point may change). Every point must have the base's months, seed, population
  // scale and insats types; sweeps keep no event log (std::invalid_argument otherwise).
  // `annotate` (optional) adds to the scenario group last, e.g. a study's labels (output/study_labels.h).
  ResultWriter(std::filesystem::path path, const Scenario& base, const World& world,
               std::vector<std::string> varied_keys, std::vector<SweepPoint> points,
               std::vector<std::int32_t> replications, RunInfo run,
               std::function<void(const h5::Group&)> annotate = {});
  ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  // Writes unit (point, unit.replication). The first unit given is the reference: every other must
  // have its months, areas and insats catalogue (std::invalid_argument naming the replication), and
  // each unit comes once. Invariants are the caller's business (check_invariants) so that a
  // failed check never reaches the writer. std::runtime_error on write failures.
  void add(std::size_t point, const ReplicationResult& unit);
  // Units given so far.
  std::size_t added() const;
  // Writes what needs every unit (the string arrays, the event log, a sweep's labels) and closes
  // the file. Every unit must have been given (std::invalid_argument otherwise). `again` gives
  // units back by slot (point × replications + replication's position) for the event log: needed
  // only when the units recorded events.
  void finish(const UnitLoader& again = {});

  struct Open;

 private:
  std::filesystem::path path_;
  const Scenario& scenario_;
  const World& world_;
  std::vector<std::string> keys_;
  std::vector<SweepPoint> points_;  // empty for a run file
  std::vector<std::int32_t> replications_;
  RunInfo run_;
  std::function<void(const h5::Group&)> annotate_;
  std::unique_ptr<Open> open_;
};

// Writes the file at `path` (normally a PartialFile's partial path) and closes it, from results
// in memory. All results must come from this scenario and world, with the same months and areas.
// Throws std::runtime_error on write failures, std::invalid_argument on inconsistent results.
void write_results(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                   const std::vector<ReplicationResult>& results, const RunInfo& run);

// Writes a sweep from results in memory (ResultWriter's sweep file); every point must have the
// same replication indices.
void write_sweep(const std::filesystem::path& path, const Scenario& base, const World& world,
                 const std::vector<std::string>& varied_keys, std::span<const PointResults> points, const RunInfo& run,
                 const std::function<void(const h5::Group&)>& annotate = {});

}  // namespace finsim
