// The last step every command that produces a result file shares (finsim run, sweep, merge): check
// the invariants of every unit, then write the HDF5 file (a sweep with its point dimension).
#pragma once
#include <filesystem>
#include <functional>
#include <vector>

#include "output/atomic_file.h"
#include "output/hdf5_file.h"
#include "output/provenance.h"
#include "run/prepared_run.h"
#include "sim/replication_result.h"

namespace finsim::cli {

// Creates NAME.partial.PID now, so that an unwritable place fails before hours of work: InputError
// (one line naming the file and why) when NAME is a directory or its directory is missing or read-only.
void claim_result_file(PartialFile& partial);

// results[point][replication − first]. Writes to `path` (a PartialFile's partial path; the caller
// commits it). `annotate` adds to a sweep's scenario group last (finsim study's labels). Throws InvariantError (a bug:
// exit 1) before anything is written when a unit breaks an identity; std::runtime_error on write failures.
void write_result_file(const std::filesystem::path& path, const PreparedRun& run,
                       const std::vector<std::vector<ReplicationResult>>& results, const RunInfo& info,
                       const std::function<void(const h5::Group&)>& annotate = {});

}  // namespace finsim::cli
