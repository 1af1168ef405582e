// finsim run: simulate a scenario's replications, check the invariants, write one HDF5 result file
// by write-then-rename, and print the national yearly summary of the first replication.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <thread>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "cli/options.h"
#include "cli/signals.h"
#include "config/read_scenario.h"
#include "output/atomic_file.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_writer.h"
#include "parallel/replications.h"
#include "sim/summary.h"
#include "util/error.h"
#include "world/world.h"

namespace finsim::cli {
namespace {

// The command as typed, for the file's provenance; arguments with spaces or quotes are quoted.
std::string command_line(const Args& args) {
  std::string out = "finsim run";
  for (const auto& a : args) {
    const bool plain = !a.empty() && a.find_first_of(" \t\"'\\$`*?;&|<>()") == std::string::npos;
    if (plain) {
      out += " " + a;
      continue;
    }
    std::string q = " '";
    for (char ch : a) q += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    out += q + "'";
  }
  return out;
}

// Creates NAME.partial.PID now, so that an unwritable place fails before hours of simulation.
void claim(PartialFile& partial) {
  std::error_code ec;
  if (std::filesystem::is_directory(partial.final_path(), ec))
    throw InputError(partial.final_path().string() + ": is a directory; give a file name with -o");
  try {
    partial.create();
  } catch (const std::system_error& e) {
    const int error = e.code().value();
    const auto dir = partial.final_path().parent_path();
    std::string why = std::strerror(error);
    if (error == ENOENT) why = "directory '" + (dir.empty() ? std::string(".") : dir.string()) + "' does not exist";
    if (error == ENOTDIR) why = "'" + dir.string() + "' is not a directory";
    throw InputError(partial.final_path().string() + ": cannot write the result file: " + why);
  }
}

// A one-line progress bar on stderr, redrawn by its own thread so workers only bump a counter.
class Progress {
 public:
  Progress(bool enabled, long total) : enabled_(enabled), total_(total) {
    if (enabled_) thread_ = std::thread([this] { loop(); });
  }
  ~Progress() { stop(); }
  void tick() { done_.fetch_add(1, std::memory_order_relaxed); }
  void stop() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    std::fprintf(stderr, "\r%*s\r", 72, "");
    std::fflush(stderr);
  }

 private:
  void loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      draw();
      wake_.wait_for(lock, std::chrono::milliseconds(200));
    }
  }
  void draw() const {
    const long done = done_.load(std::memory_order_relaxed);
    const double share = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;
    const int width = 40;
    const int filled = static_cast<int>(share * width);
    std::fprintf(stderr, "\rsimulating [%s%s] %3.0f%%", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), '.').c_str(), 100 * share);
    std::fflush(stderr);
  }

  bool enabled_;
  long total_;
  std::atomic<long> done_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

void print_summary(const std::vector<ReplicationResult>& results, const ScenarioConfig& cfg) {
  std::cout << "year  unique_part  part_dec  slots_dec  starts  exits  work_stud%  jobseek%  waiting  target_group  state_paid_MSEK  budget_MSEK  unused_MSEK\n";
  for (const auto& y : summarise_years(results.front(), cfg)) {
    std::printf("%d  %10.0f  %8.0f  %9.0f  %6.0f  %5.0f  %9.1f  %8.1f  %7.0f  %12.0f  %15.1f  %11.1f  %11.1f\n", y.year,
                y.unique_participants, y.participants_december, y.slots_december, y.starts, y.exits,
                100 * y.share_work_studies(), 100 * y.share_job_seeking(), y.waiting, y.target_group, y.state_paid / 1e6,
                y.budget / 1e6, y.unused_offer / 1e6);
  }
  std::fflush(stdout);
}

}  // namespace

int cmd_run(const Args& args) {
  po::options_description opts("Options");
  std::string file;
  std::string output;
  std::vector<std::string> sets;
  int replications = 0;
  long long seed = -1;
  int threads = 0;
  opts.add_options()("scenario", po::value(&file)->required(), "scenario TOML file")(
      "output,o", po::value(&output), "result file (default: <scenario name>.h5 in the current directory)")(
      "set", po::value(&sets)->composing(), "override a key (repeatable)")(
      "replications,r", po::value(&replications), "number of replications (default: scenario.replications)")(
      "seed", po::value(&seed), "seed (default: scenario.seed)")(
      "threads,t", po::value(&threads), "worker threads (default: all cores)")(
      "events", "also write the event log: every state change with its cause (larger file, see docs/output.md)")(
      "quiet,q", "no progress bar");
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm,
             "finsim run SCENARIO [-o out.h5] [-r N] [--seed S] [--threads T] [--set key=value]... [--events] [--quiet]",
             "finsim run scenarios/baseline.toml -o baseline.h5 -r 4 --set population.scale=0.1"))
    return 0;
  // Checked here, so that the error names the flag rather than the key it overrides.
  if (vm.count("replications") && (replications < 1 || replications > 100000))
    throw UsageError{"--replications (-r): expected an integer from 1 to 100000, got " + std::to_string(replications)};
  if (vm.count("seed") && (seed < 0 || seed > 4294967295LL))
    throw UsageError{"--seed: expected an integer from 0 to 4294967295, got " + std::to_string(seed)};
  if (vm.count("replications")) sets.push_back("scenario.replications=" + std::to_string(replications));
  if (vm.count("seed")) sets.push_back("scenario.seed=" + std::to_string(seed));
  if (vm.count("threads") && (threads < 1 || threads > 1024)) throw UsageError{"--threads: expected 1 to 1024"};

  const Scenario scenario = load_scenario(file, sets);
  const World world = build_world(scenario.config);
  const auto& cfg = scenario.config;
  if (cfg.meta.replications < 1) throw UsageError{"--replications: expected at least 1"};
  if (output.empty()) output = cfg.meta.name + ".h5";

  const int used_threads = threads > 0 ? threads : tbb::this_task_arena::max_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(used_threads));
  const RunInfo run = describe_run(command_line(args), used_threads);

  CancelOnSignal signals;
  PartialFile partial(output);
  claim(partial);
  auto interrupted = [&] {
    partial.discard();
    std::cerr << "finsim: interrupted (" << signal_name(signals.signal()) << "); no result file written\n";
    return 128 + signals.signal();
  };

  std::vector<ReplicationResult> results;
  const auto t0 = std::chrono::steady_clock::now();
  try {
    Progress progress(isatty(STDERR_FILENO) && !vm.count("quiet"), static_cast<long>(cfg.meta.replications) * cfg.meta.months());
    RunControl control{&signals.flag(), [&progress](int, int) { progress.tick(); }, vm.count("events") > 0};
    try {
      results = run_replications(cfg, world, 0, cfg.meta.replications, control);
    } catch (...) {
      progress.stop();
      throw;
    }
    progress.stop();
  } catch (const Cancelled&) {
    return interrupted();
  } catch (const std::exception& e) {
    partial.discard();
    if (signals.cancelled()) return interrupted();
    std::cerr << "finsim: error: " << e.what() << "; no result file written\n";
    return dynamic_cast<const InputError*>(&e) ? 2 : 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  const auto t1 = std::chrono::steady_clock::now();
  try {
    check_invariants(results, cfg.meta.start);
    write_results(partial.partial_path(), scenario, world, results, run);
    if (signals.cancelled()) return interrupted();
    partial.commit();
  } catch (const std::exception& e) {
    partial.discard();
    if (signals.cancelled()) return interrupted();
    std::cerr << "finsim: error: " << e.what() << "; no result file written\n";
    return dynamic_cast<const InputError*>(&e) ? 2 : 1;
  }

  const double writing = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  std::cout << "scenario " << cfg.meta.name << ": " << results.size() << " replication(s), " << std::fixed
            << std::setprecision(2) << seconds << " s; wrote " << output << " (checks and output " << writing << " s)\n";
  std::cout.unsetf(std::ios::floatfield);
  print_summary(results, cfg);
  return 0;
}

}  // namespace finsim::cli
