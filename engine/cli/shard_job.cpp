// finsim run/sweep --shard K/N: the units of one shard (run/shard.h) into a shard file — a unit
// journal (run/unit_journal.h) that is complete when its name loses ".partial". finsim merge joins
// the shards into the result file the whole run would have written (docs/cluster.md).
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
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
#include "cli/run_job.h"
#include "cli/signals.h"
#include "output/sha256.h"
#include "run/execute.h"
#include "run/journal_controller.h"
#include "run/shard.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

namespace fs = std::filesystem;

// The journal of a new shard run, or a one-line InputError saying why it cannot be created.
UnitJournal create_journal(const fs::path& path, const JournalHeader& header) {
  std::optional<UnitJournal> journal;
  try {
    journal = UnitJournal::create(path, header);
  } catch (const std::system_error& e) {
    const int error = e.code().value();
    const auto dir = path.parent_path();
    std::string why = std::strerror(error);
    if (error == ENOENT) why = "directory '" + (dir.empty() ? std::string(".") : dir.string()) + "' does not exist";
    throw InputError(path.string() + ": cannot write the shard file: " + why);
  }
  if (!journal)
    throw InputError(path.string() +
                     ": another finsim process is writing this shard now (or the file system has no locks)");
  return std::move(*journal);
}

}  // namespace

int run_shard_job(const RunPlan& plan, const JobOptions& options, mpi::Session& mpi) {
  const Shard shard = parse_shard(options.shard);
  const PreparedRun run = prepare_run(plan);
  const auto& cfg = run.scenarios.front().config;
  if (run.replications < 1) throw UsageError{"--replications: expected at least 1"};
  if (plan.is_sweep() && plan.record_events)
    throw UsageError{"--events: not available for a sweep (run a point with finsim run --events)"};
  std::optional<ShardSlice> slice;
  try {
    slice.emplace(shard, run.scenarios.size(), run.first_replication, run.replications);
  } catch (const std::invalid_argument& e) {
    throw UsageError{"--shard: " + std::string(e.what())};
  }
  const std::string output = !options.output.empty()
                                 ? options.output
                                 : cfg.meta.name + (plan.is_sweep() ? "-sweep" : "") + ".shard-" +
                                       std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
  std::string extension = fs::path(output).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".h5" || extension == ".hdf5")
    throw UsageError{
        "--shard writes a shard file, not a result file: give -o NAME.shard (finsim merge writes the .h5)"};
  check_output_path(output, output_inputs(run, options));
  std::error_code ec;

  const int threads = options.threads > 0 ? options.threads : tbb::this_task_arena::max_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));

  JournalHeader header = journal_header(run);
  header.shard_index = shard.index;
  header.shard_count = shard.count;
  // The plan goes into the shard file as given, with the directory its paths lead from, for
  // finsim merge, which may run in another directory.
  header.plan = plan;
  header.directory = fs::current_path().string();
  header.study_labels = options.study_labels;

  CancelOnSignal signals;
  const fs::path journal_file = journal_path_for(output);
  // --resume continues NAME.partial; a shard already finished (NAME) is checked and left as it is,
  // so that resubmitting a whole array with --resume redoes only the unfinished shards.
  std::optional<UnitJournal> journal;
  bool finished = false;  // a finished shard resumed: checked, left as it is
  if (options.resume) {
    finished = !fs::exists(journal_file, ec) && fs::exists(output, ec);
    journal.emplace(UnitJournal::resume(finished ? fs::path(output) : journal_file, header));
  } else {
    journal.emplace(create_journal(journal_file, header));
  }
  const std::size_t resumed = journal->done_count();
  const auto t0 = std::chrono::steady_clock::now();
  JournalController units(*journal, *slice);
  // The units on disk are good whatever stopped the run: the journal stays for --resume.
  auto stopped = [&](const std::string& why, int code) {
    std::cerr << "finsim: " << why << "; shard " << to_string(shard) << " not finished: " << journal->done_count()
              << " of " << slice->size() << " unit(s) kept in " << journal->path().string()
              << " (add --resume to continue)\n";
    return code;
  };
  const long months_per_unit = cfg.meta.burn_in_years * 12L + cfg.meta.months();
  try {
    Progress progress(isatty(STDERR_FILENO) && !options.quiet, months_per_unit);
    progress.update(0, static_cast<long>(slice->size() - resumed) * months_per_unit);
    ExecuteOptions exec{&signals.flag(), [&progress](long done, long total) { progress.update(done, total); }};
    try {
      execute_job(mpi, run, units, exec);
    } catch (...) {
      progress.stop();
      throw;
    }
    progress.stop();
    if (signals.cancelled()) throw Cancelled();
    if (journal->path() != fs::path(output)) journal->keep_as(output);
  } catch (const Cancelled&) {
    return stopped(std::string("interrupted (") + signal_name(signals.signal()) + ")", 128 + signals.signal());
  } catch (const std::exception& e) {
    if (signals.cancelled())
      return stopped(std::string("interrupted (") + signal_name(signals.signal()) + ")", 128 + signals.signal());
    return stopped("error: " + std::string(e.what()), 1);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::size_t computed = slice->size() - resumed;
  const char* what = !options.study_labels.empty() ? "study " : plan.is_sweep() ? "sweep " : "scenario ";
  std::cout << "shard " << to_string(shard) << " of " << what << cfg.meta.name << ": " << slice->size() << " of "
            << run.units().size() << " unit(s)";
  if (resumed > 0) std::cout << " (" << resumed << " from the journal)";
  std::cout << ", " << std::fixed << std::setprecision(2) << seconds << " s";
  if (computed > 0) std::cout << " (" << static_cast<double>(computed) / seconds << " units/s)";
  std::cout << (finished ? "; kept " : "; wrote ") << output << " (finsim merge joins the shards)\n";
  std::cout.unsetf(std::ios::floatfield);
  return 0;
}

}  // namespace finsim::cli
