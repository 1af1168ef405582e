// finsim_replication: times one replication end to end inside one process, for benchmarks/run.sh.
// Loads a scenario with overrides, builds the world, then times run_replication (split into the
// start — synthesis, first plan, initial participants, month 0 — and the monthly stepping after
// it), the invariant check and the HDF5 write. Prints key=value lines; one run per process so
// that max_rss_kb belongs to this run alone.
//
//   finsim_replication [--scenario F] [--scale S] [--threads T] [--end YYYY-MM] [--output F.h5]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <tbb/global_control.h>

#include "config/read_scenario.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_writer.h"
#include "sim/simulation.h"
#include "world/world.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// CPU seconds (user + system, all threads) of this process so far: on a shared machine this is
// what the run would take on otherwise idle cores, summed over threads.
double cpu_now() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec); };
  return s(u.ru_utime) + s(u.ru_stime);
}

// Live agents (any state but Gone) at the end of month m, summed over areas.
std::int64_t live_at(const finsim::ReplicationResult& r, int m) {
  std::int64_t n = 0;
  for (std::size_t a = 0; a < r.areas.size(); ++a) {
    const auto& c = r.at(m, a);
    for (int s = 0; s < finsim::kStates; ++s)
      if (s != static_cast<int>(finsim::State::Gone)) n += c.stock[static_cast<std::size_t>(s)];
  }
  return n;
}

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: finsim_replication [--scenario F] [--scale S] [--threads T] [--end YYYY-MM] [--output F.h5]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario_path = std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml";
  std::string scale = "1";
  std::string end = "2028-12";  // ten years from 2019-01
  std::string output;
  int threads = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) usage();
    const std::string value = argv[++i];
    if (arg == "--scenario") scenario_path = value;
    else if (arg == "--scale") scale = value;
    else if (arg == "--threads") threads = std::atoi(value.c_str());
    else if (arg == "--end") end = value;
    else if (arg == "--output") output = value;
    else usage();
  }
  if (threads < 1) usage();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  try {
    const auto scenario =
        finsim::load_scenario(scenario_path, {"population.scale=" + scale, "scenario.end=\"" + end + "\"", "scenario.replications=1"});
    const auto& config = scenario.config;
    const finsim::World world = finsim::build_world(config);

    std::vector<Clock::time_point> month_end(static_cast<std::size_t>(config.meta.months()));
    std::vector<double> month_cpu(month_end.size());
    finsim::RunControl control;
    control.on_month = [&](int, int m) {
      month_end[static_cast<std::size_t>(m)] = Clock::now();
      month_cpu[static_cast<std::size_t>(m)] = cpu_now();
    };

    const double c0 = cpu_now();
    const auto t0 = Clock::now();
    std::vector<finsim::ReplicationResult> results;
    results.push_back(finsim::run_replication(config, world, 0, control));
    const auto t1 = Clock::now();
    const double c1 = cpu_now();
    finsim::check_invariants(results, config.meta.start);
    const auto t2 = Clock::now();
    const double c2 = cpu_now();
    double write_s = 0;
    double write_cpu_s = 0;
    std::uintmax_t file_bytes = 0;
    if (!output.empty()) {
      const auto run = finsim::describe_run("finsim_replication", threads);
      finsim::write_results(output, scenario, world, results, run);
      write_s = seconds(t2, Clock::now());
      write_cpu_s = cpu_now() - c2;
      file_bytes = std::filesystem::file_size(output);
    }

    const auto& r = results.front();
    std::int64_t initial = 0;
    for (const auto& s : r.initial_stock)
      for (int k = 0; k < finsim::kStates; ++k)
        if (k != static_cast<int>(finsim::State::Gone)) initial += s[static_cast<std::size_t>(k)];
    std::int64_t agent_months = 0;
    std::int64_t step_agent_months = 0;  // months 1.. (after the start)
    for (int m = 0; m < r.months; ++m) {
      const auto live = live_at(r, m);
      agent_months += live;
      if (m > 0) step_agent_months += live;
    }
    const double run_s = seconds(t0, t1);
    const double start_s = seconds(t0, month_end.front());
    const double step_s = seconds(month_end.front(), month_end.back());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    std::printf("scale=%s\nthreads=%d\nmonths=%d\nareas=%zu\n", scale.c_str(), threads, r.months, r.areas.size());
    std::printf("initial_agents=%lld\npeak_agents=%zu\nlive_at_end=%lld\n", static_cast<long long>(initial), r.peak_agents,
                static_cast<long long>(live_at(r, r.months - 1)));
    std::printf("agent_months=%lld\nbytes_per_agent_struct=%zu\n", static_cast<long long>(agent_months), r.bytes_per_agent);
    std::printf("run_s=%.6f\nstart_s=%.6f\nstep_s=%.6f\ninvariants_s=%.6f\nwrite_s=%.6f\nfile_bytes=%ju\n", run_s, start_s,
                step_s, seconds(t1, t2), write_s, file_bytes);
    const double step_cpu_s = month_cpu.back() - month_cpu.front();
    std::printf("run_cpu_s=%.6f\nstep_cpu_s=%.6f\nwrite_cpu_s=%.6f\n", c1 - c0, step_cpu_s, write_cpu_s);
    std::printf("step_cpu_ns_per_agent_month=%.3f\n", 1e9 * step_cpu_s / static_cast<double>(step_agent_months));
    std::printf("run_rate=%.0f\nstep_rate=%.0f\nstep_ns_per_agent_month=%.3f\n", static_cast<double>(agent_months) / run_s,
                static_cast<double>(step_agent_months) / step_s, 1e9 * step_s / static_cast<double>(step_agent_months));
    // Events (MonthCounters::events, burn-in included): the work a replication does; cost per event.
    std::int64_t events = 0;
    for (const auto& c : r.monthly) events += c.events;
    std::printf("events=%lld\nrun_cpu_ns_per_event=%.1f\n", static_cast<long long>(events),
                1e9 * (c1 - c0) / static_cast<double>(std::max<std::int64_t>(events, 1)));
    std::printf("max_rss_kb=%ld\n", usage.ru_maxrss);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "finsim_replication: %s\n", e.what());
    return 1;
  }
  return 0;
}
