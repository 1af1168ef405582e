// Runs batches taken from a BatchSource on a few concurrent lanes, each simulating one replication
// at a time with oneTBB tasks inside: how a process computes work handed out while it runs (MPI).
#pragma once
#include "run/execute.h"
#include "run/work_queue.h"

namespace finsim {

// Takes batches from `source` on `lanes` concurrent lanes (default: the threads allowed to oneTBB)
// until it has no more; each finished unit goes to sink.done() (sink.wants() is not asked: the
// source holds only wanted units). A lane's exception closes the source; after every lane stopped,
// the first one is rethrown (Cancelled when options.cancel was set).
void run_batches(const PreparedRun& run, BatchSource& source, RunController& sink, const ExecuteOptions& options = {},
                 int lanes = 0);

}  // namespace finsim
