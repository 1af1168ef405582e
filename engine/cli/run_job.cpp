#include "cli/run_job.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "cli/mpi_job.h"
#include "cli/output_path.h"
#include "cli/progress.h"
#include "cli/result_file.h"
#include "cli/signals.h"
#include "output/atomic_file.h"
#include "output/provenance.h"
#include "output/sha256.h"
#include "run/execute.h"
#include "run/result_encoding.h"
#include "run/shard.h"
#include "run/streaming_controller.h"
#include "sim/summary.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

// One replication's national years, for a glance at the run; what to quote is finsim compare's mean
// and interval over all replications, so the table says whose years it shows.
void print_summary(const std::vector<YearSummary>& years, int replication, int replications) {
  std::cout << "replication " << replication << " alone (of " << replications
            << "; finsim compare gives every replication's mean and interval). part_dec, slots_dec, waiting and "
               "target_group are December stocks; part_dec counts people in an insats\n";
  std::cout << "year  unique_part  part_dec  slots_dec  starts  exits  work_stud%  jobseek%  waiting  target_group  "
               "state_paid_MSEK  budget_MSEK  unused_MSEK\n";
  for (const auto& y : years) {
    std::printf("%d  %10.0f  %8.0f  %9.0f  %6.0f  %5.0f  %9.1f  %8.1f  %7.0f  %12.0f  %15.1f  %11.1f  %11.1f\n", y.year,
                y.unique_participants, y.participants_december, y.slots_december, y.starts, y.exits,
                100 * y.share_work_studies(), 100 * y.share_job_seeking(), y.waiting, y.target_group,
                y.state_paid / 1e6, y.budget / 1e6, y.unused_offer / 1e6);
  }
  std::fflush(stdout);
}

// A sweep's points, one line each: the varied values and the first replication's last year.
void print_points(const PreparedRun& run, const std::vector<std::vector<YearSummary>>& first_years) {
  std::cout << "point";
  for (const auto& k : run.plan.varied_keys) std::cout << "  " << k;
  std::cout << "  (first replication, last year:) unique_part  work_stud%  state_paid_MSEK\n";
  for (std::size_t p = 0; p < first_years.size(); ++p) {
    std::cout << std::setw(5) << p;
    for (const auto& v : run.plan.points[p]) std::cout << "  " << v;
    const auto& years = first_years[p];
    if (!years.empty())
      std::printf("  %.0f  %.1f  %.1f", years.back().unique_participants, 100 * years.back().share_work_studies(),
                  years.back().state_paid / 1e6);
    std::cout << "\n";
  }
  std::cout.flush();
}

}  // namespace

std::string command_line(const std::string& command, const Args& args) {
  std::string out = "finsim " + command;
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

void add_job_options(po::options_description& opts, JobOptions& job, std::vector<std::string>& sets,
                     long long& replications, long long& seed, const std::string& replications_default) {
  opts.add_options()(
      "output,o", po::value(&job.output),
      "result file (default in the current directory: run <scenario name>.h5, sweep <name>-sweep.h5, study "
      "<baseline>-<scenario>-study.h5; with --shard a shard file <name>[-sweep].shard-K-of-N)")(
      "set", po::value(&sets)->composing(), "override a key (repeatable)")(
      "replications,r", po::value(&replications),
      ("number of replications (default: " + replications_default + ")").c_str())(
      "seed", po::value(&seed), "seed (default: scenario.seed)")("threads,t", po::value(&job.threads),
                                                                 "worker threads (default: all cores)")(
      "resume", "continue an interrupted run from its journal NAME.partial (only the missing units are computed)")(
      "quiet,q", "no progress line")(
      "shard", po::value(&job.shard),
      "K/N: compute only the K-th of N slices of the units into a shard file (-o); finsim merge joins them "
      "(docs/cluster.md)");
}

void read_job_options(const po::variables_map& vm, RunPlan& plan, JobOptions& job, long long replications,
                      long long seed) {
  if (vm.count("replications")) {
    if (replications < 1 || replications > 100000)
      throw UsageError{"--replications (-r): expected an integer from 1 to 100000, got " +
                       std::to_string(replications)};
    plan.replications = static_cast<int>(replications);
  }
  if (vm.count("seed")) {
    if (seed < 0 || seed > 4294967295LL)
      throw UsageError{"--seed: expected an integer from 0 to 4294967295, got " + std::to_string(seed)};
    plan.seed = static_cast<std::uint32_t>(seed);
  }
  if (vm.count("threads") && (job.threads < 1 || job.threads > 1024)) throw UsageError{"--threads: expected 1 to 1024"};
  if (vm.count("output") && job.output.empty()) throw UsageError{"-o: expected a file name, got an empty one"};
  job.quiet = vm.count("quiet") > 0;
  job.resume = vm.count("resume") > 0;
  if (vm.count("shard")) {
    try {
      parse_shard(job.shard);
    } catch (const std::invalid_argument& e) {
      throw UsageError{"--shard: " + std::string(e.what())};
    }
  }
}

std::vector<std::filesystem::path> output_inputs(const PreparedRun& run, const JobOptions& options) {
  auto inputs = input_paths(run);
  for (const auto& f : options.input_files) inputs.push_back(std::filesystem::absolute(f));
  return inputs;
}

JournalHeader journal_header(const PreparedRun& run) {
  JournalHeader header = this_build_header();
  for (const auto& s : run.scenarios) header.point_sha256.push_back(sha256_hex(s.resolved_toml));
  header.seed = run.scenarios.front().config.meta.seed;
  header.first_replication = run.first_replication;
  header.replications = run.replications;
  header.events = run.plan.record_events;
  return header;
}

int run_job(const RunPlan& plan, const JobOptions& options) {
  if (!options.shard.empty() && options.annotate && options.study_labels.empty())  // merge could not write them
    throw UsageError{"--shard: this command's labels cannot travel in a shard file (run it whole, or under mpirun)"};
  mpi::Session mpi;  // only under mpirun/srun in a FINSIM_MPI build; ranks > 0 compute for rank 0
  if (mpi.rank() > 0) return run_mpi_worker(plan, options, mpi);
  if (!options.shard.empty()) return run_shard_job(plan, options, mpi);
  const PreparedRun run = prepare_run(plan);
  const Scenario& base = run.scenarios.front();
  const auto& cfg = base.config;
  if (run.replications < 1) throw UsageError{"--replications: expected at least 1"};
  if (plan.is_sweep() && plan.record_events)
    throw UsageError{"--events: not available for a sweep (run a point with finsim run --events)"};
  const std::string output =
      !options.output.empty() ? options.output : cfg.meta.name + (plan.is_sweep() ? "-sweep.h5" : ".h5");

  const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  RunInfo info = describe_run(options.command_line, threads);
  info.ranks = mpi.size();

  const JournalHeader header = journal_header(run);

  CancelOnSignal signals;
  PartialFile partial(output);
  claim_result_file(partial, output_inputs(run, options));
  std::optional<UnitJournal> journal;
  auto interrupted = [&] {
    partial.discard();
    std::cerr << "finsim: interrupted (" << signal_name(signals.signal()) << "); no result file written";
    if (journal && journal->done_count() > 0) {
      std::cerr << "; " << journal->done_count() << " finished unit(s) kept in " << journal->path().string()
                << " (add --resume to continue)";
    } else if (journal) {
      journal->remove();
    }
    std::cerr << "\n";
    return 128 + signals.signal();
  };
  auto failed = [&](const std::exception& e) {
    if (signals.cancelled()) return interrupted();
    partial.discard();
    if (journal) journal->remove();
    std::cerr << "finsim: error: " << e.what() << "; no result file written\n";
    return dynamic_cast<const InputError*>(&e) ? 2 : 1;
  };

  // The file is written as the units finish (cli/result_file.h, run/streaming_controller.h).
  std::optional<ResultFile> out;
  const auto t0 = std::chrono::steady_clock::now();
  auto t1 = t0;
  std::size_t resumed = 0;
  std::string journal_note;  // printed only on success: a failed run has its one line of error
  try {
    out.emplace(partial.partial_path(), run, info, options.annotate);
    const auto journal_file = journal_path_for(output);
    if (options.resume) {
      try {
        journal.emplace(UnitJournal::resume(journal_file, header));
      } catch (const InputError&) {
        partial.discard();  // nothing of ours to keep: the journal belongs to another run, or is absent
        throw;
      }
      resumed = journal->done_count();
    } else {
      journal = UnitJournal::create(journal_file, header);
      if (!journal)
        std::cerr << "finsim: note: " << journal_file.string()
                  << " is held by another finsim (or locks are unavailable); running without a resume journal\n";
    }
    const long months_per_unit = cfg.meta.burn_in_years * 12L + cfg.meta.months();
    Progress progress(isatty(STDERR_FILENO) && !options.quiet, months_per_unit);
    progress.update(0, static_cast<long>(run.units().size() - resumed) * months_per_unit);
    ExecuteOptions exec{&signals.flag(), [&progress](long done, long total) { progress.update(done, total); }};
    // A few units may wait for the writer (one per thread and one more): beyond that a worker waits.
    StreamingController units(
        run.scenarios.size(), run.first_replication, run.replications,
        [&out](const Unit& unit, const ReplicationResult& result) { out->add(unit, result); },
        journal ? &*journal : nullptr, static_cast<std::size_t>(threads) + 1,
        plan.record_events ? std::optional(std::filesystem::path(output).parent_path()) : std::nullopt);
    auto journal_lost = [&] {
      if (const std::string why = units.journal_error(); !why.empty()) {
        journal_note = "finsim: note: the resume journal was given up (" + why + "); the run went on without it\n";
        journal.reset();
      }
    };
    try {
      execute_job(mpi, run, units, exec);
      progress.stop();
      t1 = std::chrono::steady_clock::now();
      units.finish();
    } catch (...) {
      progress.stop();
      units.stop();  // the sink's thread must be done with the journal before it may go
      journal_lost();
      throw;
    }
    journal_lost();
    out->finish([&](std::size_t slot, ReplicationResult& scratch) -> const ReplicationResult& {
      const auto reps = static_cast<std::size_t>(run.replications);
      scratch = decode_result(units.encoded({slot / reps, run.first_replication + static_cast<int>(slot % reps)}));
      return scratch;
    });
    if (signals.cancelled()) return interrupted();
    partial.commit();
    if (journal) journal->remove();
  } catch (const Cancelled&) {
    return interrupted();
  } catch (const InputError& e) {
    if (options.resume && !journal) {
      std::cerr << "finsim: " << e.what() << "\n";
      return 2;
    }
    return failed(e);
  } catch (const std::exception& e) {
    return failed(e);
  }
  const double seconds = std::chrono::duration<double>(t1 - t0).count();

  // What the write added after the last unit: the writer catching up, the event log, closing.
  const double writing = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  std::cerr << journal_note;
  const std::size_t units = run.scenarios.size() * static_cast<std::size_t>(run.replications);
  const bool study = !options.study_labels.empty();
  std::cout << (study ? "study " : plan.is_sweep() ? "sweep " : "scenario ") << cfg.meta.name << ": ";
  if (study)
    std::cout << run.scenarios.size() / 2 << " set(s) x 2 arms x ";
  else if (plan.is_sweep())
    std::cout << run.scenarios.size() << " point(s) x ";
  std::cout << run.replications << " replication(s)";
  if (resumed > 0) std::cout << " (" << resumed << " unit(s) from the journal)";
  std::cout << ", " << std::fixed << std::setprecision(2) << seconds << " s (" << static_cast<double>(units) / seconds
            << " units/s); wrote " << output << " (checks and output after the last unit " << writing << " s)\n";
  std::cout.unsetf(std::ios::floatfield);
  if (plan.is_sweep() && !options.list_points) {
    // finsim study prints its own next steps
  } else if (plan.is_sweep()) {
    print_points(run, out->first_years());
    std::cout << "dose-response table: finsim compare " << output << "\n";
  } else {
    print_summary(out->first_years().front(), run.first_replication, run.replications);
  }
  return 0;
}

}  // namespace finsim::cli
