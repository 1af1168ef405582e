// The last step every command that produces a result file shares (finsim run, sweep, merge): check
// the invariants of every unit, then write it into the HDF5 file (a sweep with its point dimension).
#pragma once
#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "output/atomic_file.h"
#include "output/event_log_writer.h"
#include "output/hdf5_file.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_writer.h"
#include "run/prepared_run.h"
#include "sim/replication_result.h"
#include "sim/summary.h"

namespace finsim::cli {

// Creates NAME.partial.PID now, so that an unwritable place fails before hours of work: InputError
// (one line naming the file and why) when NAME may not be written (cli/output_path.h: a directory,
// a device, one of `inputs`) or its directory is missing or read-only.
void claim_result_file(PartialFile& partial, const std::vector<std::filesystem::path>& inputs);

// The result file of a run, sweep or study written unit by unit (output/results_writer.h): it never
// holds a unit, only each unit's violations and the yearly summary of each point's first replication.
class ResultFile {
 public:
  // Writes to `path` (a PartialFile's partial path; the caller commits it). `annotate` adds to a
  // sweep's scenario group last (finsim study's labels).
  ResultFile(const std::filesystem::path& path, const PreparedRun& run, const RunInfo& info,
             const std::function<void(const h5::Group&)>& annotate = {});
  // Checks a unit's invariants and writes it, in any order. From one thread at a time.
  void add(const Unit& unit, const ReplicationResult& result);
  // Throws InvariantError (a bug: exit 1) when a unit broke an identity, naming the violations in
  // file order, before the file is finished; std::runtime_error on write failures. `again` gives the
  // units back by slot (point-major) when they recorded events (the event log).
  void finish(const UnitLoader& again = {});
  // The national yearly summary of each point's first replication (for the summary printed).
  const std::vector<std::vector<YearSummary>>& first_years() const { return first_years_; }

 private:
  const PreparedRun& run_;
  ResultWriter writer_;
  std::vector<std::vector<Violation>> violations_;  // per slot
  std::vector<std::vector<YearSummary>> first_years_;
};

}  // namespace finsim::cli
