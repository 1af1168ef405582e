// finsim sweep: one scenario at several points (values of one or more keys), every point with the
// same replications and seeds, written to one result file with a point dimension.
#include "cli/options.h"
#include "cli/run_job.h"
#include "run/sweep_points.h"
#include "util/text.h"

namespace finsim::cli {

int cmd_sweep(const Args& args) {
  po::options_description opts("Options");
  RunPlan plan;
  JobOptions job;
  std::string file, points_csv;
  std::vector<std::string> vary;
  long long replications = 0;
  long long seed = -1;
  opts.add_options()("scenario", po::value(&file)->required(), "scenario TOML file")(
      "vary", po::value(&vary)->composing(),
      "KEY=V1,V2,... or KEY=FROM:TO:N (N evenly spaced values); several --vary make a grid (repeatable)")(
      "points", po::value(&points_csv), "CSV file: a header of keys, one row of values per point");
  add_job_options(opts, job, plan.overrides, replications, seed);
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (!parse(
          args, opts, pos, vm,
          "finsim sweep SCENARIO ((--vary KEY=V1,V2,... | --vary KEY=FROM:TO:N)... | --points points.csv) [-r N] [-o "
          "sweep.h5] [run options]",
          "finsim sweep scenarios/baseline.toml --vary funding.state.allocation_msek.2025=339:1017:7 -r 20 -o "
          "sweep.h5"))
    return 0;
  read_job_options(vm, plan, job, replications, seed);
  if (vary.empty() == points_csv.empty())
    throw UsageError{"give the points with --vary or with --points (one of them)"};
  const SweepPoints points = points_csv.empty() ? grid_points(vary) : read_points_csv(points_csv);
  for (const auto& key : points.keys)
    for (const auto& o : plan.overrides)
      if (trim(o.substr(0, o.find('='))) == key)
        throw UsageError{"--set " + o + ": " + key + " is also varied; give it one way"};
  plan.scenario_file = file;
  plan.varied_keys = points.keys;
  plan.points = points.values;
  plan.point_origins = points.origins;
  job.command_line = command_line("sweep", args);
  if (!points_csv.empty()) job.input_files.push_back(points_csv);
  return run_job(plan, job);
}

}  // namespace finsim::cli
