// What finsim run and finsim sweep share once their flags are parsed: resolve the plan, claim the
// output, execute the units (with progress and signals), check the invariants, write the file.
#pragma once
#include <functional>
#include <string>

#include "cli/commands.h"
#include "cli/options.h"
#include "output/hdf5_file.h"
#include "run/prepared_run.h"
#include "run/run_plan.h"
#include "run/unit_journal.h"

namespace finsim::mpi {
class Session;
}

namespace finsim::cli {

struct JobOptions {
  std::string output;        // result file; "" = <scenario name>.h5 (a sweep: <name>-sweep.h5)
  int threads = 0;           // 0 = all cores
  bool quiet = false;        // no progress line
  bool resume = false;       // continue from the journal NAME.partial
  std::string command_line;  // as typed, for the file's provenance
  std::string shard;         // "K/N": a shard run (cli/shard_job.cpp); "" = the whole run
  // A sweep only: added to the file's scenario group last (finsim study's labels), and whether to
  // list the points after the run (a study has too many keys for one line per point).
  std::function<void(const h5::Group&)> annotate;
  bool list_points = true;
  // finsim study: its labels encoded (output/study_labels.h); a shard run keeps them in its shard
  // file's header, and finsim merge writes them as `annotate` would have.
  std::string study_labels;
  // Files the command read besides the scenario's (--points, --design): -o may not name one.
  std::vector<std::string> input_files;
};

// The flags finsim run, sweep and study share (-o, --set, -r, --seed, -t, --resume, -q), and their
// checks after parsing, so that an error names the flag rather than the key it overrides.
// `replications_default` is what --help says -r defaults to.
void add_job_options(po::options_description& opts, JobOptions& job, std::vector<std::string>& sets,
                     long long& replications, long long& seed,
                     const std::string& replications_default = "scenario.replications");
void read_job_options(const po::variables_map& vm, RunPlan& plan, JobOptions& job, long long replications,
                      long long seed);

// The command as typed ("finsim run …"), arguments with spaces or quotes quoted.
std::string command_line(const std::string& command, const Args& args);

// What a resume journal or shard file must match: this build, every point's scenario digest, the
// seed, the replications and --events.
JournalHeader journal_header(const PreparedRun& run);

// What -o may not name: the run's input files and the command's own (JobOptions::input_files).
std::vector<std::filesystem::path> output_inputs(const PreparedRun& run, const JobOptions& options);

// Returns the exit code (0, 1, 2, 128 + signal).
int run_job(const RunPlan& plan, const JobOptions& options);
// The same for a shard run (options.shard set): the units of one shard into a shard file, spread
// over the ranks of `mpi` when run under an MPI launcher.
int run_shard_job(const RunPlan& plan, const JobOptions& options, mpi::Session& mpi);

}  // namespace finsim::cli
