// finsim run: simulate a scenario's replications, check the invariants, write one HDF5 result file
// by write-then-rename, and print the national yearly summary of the first replication.
#include "cli/options.h"
#include "cli/run_job.h"

namespace finsim::cli {

int cmd_run(const Args& args) {
  po::options_description opts("Options");
  RunPlan plan;
  JobOptions job;
  std::string file;
  long long replications = 0;
  long long seed = -1;
  opts.add_options()("scenario", po::value(&file)->required(), "scenario TOML file");
  add_job_options(opts, job, plan.overrides, replications, seed);
  opts.add_options()("events",
                     "also write the event log: every state change with its cause (larger file, see docs/output.md)");
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm,
             "finsim run SCENARIO [-o out.h5] [-r N] [--seed S] [--threads T] [--set key=value]... [--events] "
             "[--resume] [--quiet]",
             "finsim run scenarios/baseline.toml -o baseline.h5 -r 4 --set population.scale=0.1"))
    return 0;
  read_job_options(vm, plan, job, replications, seed);
  plan.scenario_file = file;
  plan.record_events = vm.count("events") > 0;
  job.command_line = command_line("run", args);
  return run_job(plan, job);
}

}  // namespace finsim::cli
