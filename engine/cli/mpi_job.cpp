#include "cli/mpi_job.h"

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <optional>

#include "output/sha256.h"
#include "run/prepared_run.h"
#include "util/build_info.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

// What every rank must have resolved alike: the build, each point's scenario, seed and units.
std::string run_digest(const PreparedRun& run) {
  std::string all = std::string(FINSIM_VERSION) + " " + git_commit() + "\n";
  for (const auto& s : run.scenarios) all += sha256_hex(s.resolved_toml) + "\n";
  all += std::to_string(run.scenarios.front().config.meta.seed) + " " + std::to_string(run.first_replication) + " " +
         std::to_string(run.replications) + " " + (run.plan.record_events ? "events" : "") + "\n";
  return sha256_hex(all);
}

}  // namespace

int run_mpi_worker(const RunPlan& plan, const JobOptions& options, mpi::Session& session) {
  const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  std::optional<PreparedRun> run;
  std::string error;
  bool input_error = false;
  try {
    run = prepare_run(plan);
  } catch (const InputError& e) {
    error = e.what();
    input_error = true;
  } catch (const std::exception& e) {
    error = e.what();
  }
  return mpi::serve(session, run ? &*run : nullptr, error, input_error, run ? run_digest(*run) : "");
}

void execute_job(mpi::Session& session, const PreparedRun& run, RunController& controller,
                 const ExecuteOptions& options) {
  mpi::execute_ranks(session, run, controller, options, session.size() > 1 ? run_digest(run) : "");
}

}  // namespace finsim::cli
