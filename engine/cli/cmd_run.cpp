// finsim run: simulate a scenario's replications and print the national yearly summary.
#include <chrono>
#include <cstdio>
#include <iomanip>
#include <iostream>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "cli/options.h"
#include "config/read_scenario.h"
#include "parallel/replications.h"
#include "sim/summary.h"
#include "world/world.h"

namespace finsim::cli {

int cmd_run(const Args& args) {
  po::options_description opts("Options");
  std::string file;
  std::vector<std::string> sets;
  int replications = 0;
  long long seed = -1;
  int threads = 0;
  opts.add_options()("scenario", po::value(&file)->required(), "scenario TOML file")(
      "set", po::value(&sets)->composing(), "override a key (repeatable)")(
      "replications,r", po::value(&replications), "number of replications (default: scenario.replications)")(
      "seed", po::value(&seed), "seed (default: scenario.seed)")(
      "threads,t", po::value(&threads), "worker threads (default: all cores)")("quiet,q", "no progress bar");
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim run SCENARIO [-r N] [--seed S] [--threads T] [--set key=value]...",
             "finsim run scenarios/baseline.toml -r 4 --set population.scale=0.1"))
    return 0;
  if (vm.count("replications")) sets.push_back("scenario.replications=" + std::to_string(replications));
  if (vm.count("seed")) sets.push_back("scenario.seed=" + std::to_string(seed));
  if (vm.count("threads") && (threads < 1 || threads > 1024)) throw UsageError{"--threads: expected 1 to 1024"};

  const Scenario scenario = load_scenario(file, sets);
  const World world = build_world(scenario.config);
  const auto& cfg = scenario.config;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            threads > 0 ? static_cast<std::size_t>(threads) : tbb::this_task_arena::max_concurrency());
  const auto t0 = std::chrono::steady_clock::now();
  const auto results = run_replications(cfg, world, 0, cfg.meta.replications);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::cout << "scenario " << cfg.meta.name << ": " << results.size() << " replication(s), " << std::fixed << std::setprecision(2)
            << seconds << " s\n";
  std::cout << "year  unique_part  part_dec  slots_dec  starts  exits  work_stud%  jobseek%  waiting  target_group  state_paid_MSEK  budget_MSEK  unused_MSEK\n";
  const auto s = summarise_years(results.front(), cfg);
  for (const auto& y : s) {
    std::printf("%d  %10.0f  %8.0f  %9.0f  %6.0f  %5.0f  %9.1f  %8.1f  %7.0f  %12.0f  %15.1f  %11.1f  %11.1f\n", y.year, y.unique_participants,
                y.participants_december, y.slots_december, y.starts, y.exits, 100 * y.share_work_studies(), 100 * y.share_job_seeking(), y.waiting,
                y.target_group, y.state_paid / 1e6, y.budget / 1e6, y.unused_offer / 1e6);
  }
  return 0;
}

}  // namespace finsim::cli
