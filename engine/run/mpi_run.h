// Several processes on one run (`mpirun -np N finsim sweep …`): rank 0 hands out batches and
// collects results, every rank computes. Without FINSIM_MPI this header is a no-op (one rank).
#pragma once
#include <memory>
#include <string>

#include "run/execute.h"

namespace finsim::mpi {

// MPI for one command. It is initialised only when the binary was built with MPI and the process
// was started by an MPI launcher (mpirun, mpiexec, srun --mpi=pmix: OMPI_COMM_WORLD_RANK, PMIX_RANK
// or PMI_RANK in the environment), so that a plain `finsim run` stays a single fast process.
// On rank 0 the destructor tells ranks that were never handed work to stop (an early error).
class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }

  struct Peers;  // what rank 0 knows of the others (run/mpi_run.cpp)
  Peers* peers() const { return peers_.get(); }

 private:
  int rank_ = 0;
  int size_ = 1;
  std::unique_ptr<Peers> peers_;
};

// Whether this process was started by an MPI launcher as a rank other than 0 (from the environment,
// before MPI is initialised): such a rank leaves usage errors, which every rank meets alike, to rank 0.
bool launched_as_other_rank();

// Rank 0: computes every unit `controller` wants on all ranks — batches (a replication and its
// wanted points) handed out one at a time to the ranks that ask, rank 0 computing too — and passes
// each result to controller.done() on this rank, in the order they arrive. `digest` identifies the
// run; a rank that prepared a different one is an error. With one rank this is execute().
// Throws Cancelled when options.cancel is set (after the other ranks stopped, their finished units
// passed on), InputError or std::runtime_error naming the rank when another rank failed.
void execute_ranks(Session& session, const PreparedRun& run, RunController& controller, const ExecuteOptions& options,
                   const std::string& digest);

// A rank other than 0: computes the batches rank 0 hands out until it says stop, sending each unit's
// result back. `run` is null when this rank could not prepare the run; `error` then says why (sent
// to rank 0, which reports it; `input_error`: the user's input). Returns the exit code; prints nothing.
int serve(Session& session, const PreparedRun* run, const std::string& error, bool input_error,
          const std::string& digest);

#ifndef FINSIM_WITH_MPI
inline bool launched_as_other_rank() { return false; }
inline Session::Session() = default;
struct Session::Peers {};
inline Session::~Session() = default;
inline void execute_ranks(Session&, const PreparedRun& run, RunController& controller, const ExecuteOptions& options,
                          const std::string&) {
  execute(run, controller, options);
}
inline int serve(Session&, const PreparedRun*, const std::string&, bool, const std::string&) { return 0; }
#endif

}  // namespace finsim::mpi
