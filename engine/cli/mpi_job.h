// finsim run / sweep under an MPI launcher: what ranks other than 0 do, and rank 0's call to spread
// the units over all ranks (engine/run/mpi_run.h; one rank or a build without MPI: plain execute()).
#pragma once
#include <string>

#include "cli/run_job.h"
#include "run/mpi_run.h"

namespace finsim::cli {

// A rank other than 0: prepares the same run, computes what rank 0 hands out. Prints nothing
// (rank 0 reports every rank's failure); returns the exit code.
int run_mpi_worker(const RunPlan& plan, const JobOptions& options, mpi::Session& session);

// Rank 0: execute() over all ranks of the session.
void execute_job(mpi::Session& session, const PreparedRun& run, RunController& controller,
                 const ExecuteOptions& options);

}  // namespace finsim::cli
