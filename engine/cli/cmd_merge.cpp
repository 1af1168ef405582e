// finsim merge: joins the shard files of a run, sweep or study (finsim run/sweep/study --shard K/N)
// into the result file the whole run writes — the same datasets, bit for bit, a study's labels
// included — after checking that the shards belong together and hold every unit exactly once.
#include <chrono>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <stdexcept>

#include "cli/options.h"
#include "cli/output_path.h"
#include "cli/result_file.h"
#include "cli/run_job.h"
#include "output/atomic_file.h"
#include "output/sha256.h"
#include "output/study_labels.h"
#include "run/prepared_run.h"
#include "run/shard_set.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

namespace fs = std::filesystem;

// Works in the shards' working directory while alive: their plan's relative paths lead from there,
// and the merged file names its inputs as they were given, as the unsharded run's file does.
// Back in the previous directory when it ends. Nothing else runs meanwhile (merge is one thread).
class InShardDirectory {
 public:
  InShardDirectory(const std::string& directory, const std::string& shard_file) : previous_(fs::current_path()) {
    std::error_code ec;
    if (!directory.empty()) fs::current_path(directory, ec);
    if (ec)
      throw InputError(shard_file + ": the shards ran in " + directory +
                       ", where their scenario is read from, and it cannot be entered (" + ec.message() + ")");
  }
  ~InShardDirectory() {
    std::error_code ec;
    fs::current_path(previous_, ec);
  }
  InShardDirectory(const InShardDirectory&) = delete;
  InShardDirectory& operator=(const InShardDirectory&) = delete;

 private:
  fs::path previous_;
};

}  // namespace

int cmd_merge(const Args& args) {
  po::options_description opts("Options");
  std::vector<std::string> files;
  std::string output;
  opts.add_options()("shards", po::value(&files)->required(),
                     "shard files (NAME, or NAME.partial of one not finished)")(
      "output,o", po::value(&output)->required(), "result file to write (.h5)");
  po::positional_options_description pos;
  pos.add("shards", -1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim merge SHARD... -o OUT.h5", "finsim merge shards/sweep.shard-* -o sweep.h5"))
    return 0;

  const auto t0 = std::chrono::steady_clock::now();
  // An absent file counts as a shard without a file: the error then names its units.
  const ShardSet set = read_shard_set({files.begin(), files.end()}, true);
  if (!set.missing.empty())
    throw InputError("cannot merge: " + describe_missing(set) + " (finsim missing lists them all)");
  const JournalHeader& h = set.header;
  const JournalHeader self = this_build_header();
  if (h.finsim_version != self.finsim_version || h.git_commit != self.git_commit)
    throw InputError("the shards were computed by finsim " + h.finsim_version + " (commit " + h.git_commit +
                     "), this is finsim " + self.finsim_version + " (commit " + self.git_commit +
                     "): merge with the finsim that computed them");
  const std::string first = set.files.front().path.string();
  PreparedRun run;
  std::vector<fs::path> inputs;
  try {
    const InShardDirectory in_shard_directory(h.directory, first);
    run = prepare_run(h.plan);
    inputs = input_paths(run);  // absolute, from the shards' directory
  } catch (const InputError& e) {
    throw InputError("the run of " + first + " cannot be prepared again: " + e.what());
  }
  for (std::size_t p = 0; p < run.scenarios.size(); ++p)
    if (p >= h.point_sha256.size() || sha256_hex(run.scenarios[p].resolved_toml) != h.point_sha256[p])
      throw InputError(first + ": the scenario of point " + std::to_string(p) + " (" + h.plan.scenario_file.string() +
                       " with the shard's overrides) resolves differently now than when the shards ran: the "
                       "scenario or its data changed");
  if (run.scenarios.size() != h.point_sha256.size() || run.first_replication != h.first_replication ||
      run.replications != h.replications || run.scenarios.front().config.meta.seed != h.seed)
    throw InputError(first + ": the plan recorded in the shard no longer gives its points, replications and seed");

  // A study's shards carry its labels (sample and arm of each point, how the sets were drawn).
  std::function<void(const h5::Group&)> annotate;
  if (!h.study_labels.empty()) {
    StudyLabels labels;
    try {
      labels = decode_study_labels(h.study_labels);
    } catch (const std::runtime_error& e) {
      throw InputError(first + ": the study's labels in the shard file cannot be read (" + e.what() + ")");
    }
    if (labels.samples * 2 != run.scenarios.size() || labels.keys != run.plan.varied_keys)
      throw InputError(first + ": the study's labels do not match its points (" + std::to_string(labels.samples) +
                       " set(s) for " + std::to_string(run.scenarios.size()) + " point(s))");
    annotate = [labels](const h5::Group& g) { write_study_labels(g, labels); };
  }

  // One unit decoded at a time: read from its shard file, checked, written, let go (cli/result_file.h).
  std::vector<UnitJournal> journals;
  for (const auto& f : set.files) journals.push_back(UnitJournal::open_to_read(f.path));
  const RunInfo info = describe_run(command_line("merge", args), 1);
  for (const auto& f : set.files) inputs.push_back(fs::absolute(f.path));
  if (output.empty()) throw InputError("-o: expected a file name, got an empty one");
  if (output.ends_with(".partial"))  // the name of a journal: finsim status and --resume would take it for one
    throw InputError(output + ": a result file may not end in .partial (a journal's name); give NAME.h5 with -o");
  PartialFile partial(fs::absolute(output));
  claim_result_file(partial, inputs);
  {
    // The file's attributes name (and digest) the input files as the plan's paths lead to them;
    // the shard files are open and the output's path is absolute, so the directory is no matter.
    const InShardDirectory in_shard_directory(h.directory, first);
    ResultFile out(partial.partial_path(), run, info, annotate);
    for (std::size_t i = 0; i < set.files.size(); ++i)
      for (const auto& [p, r] : set.files[i].status.done) out.add({p, r}, journals[i].load(p, r));
    // The event log (a run with --events) takes the units again, in file order.
    out.finish([&](std::size_t slot, ReplicationResult& scratch) -> const ReplicationResult& {
      const auto& journal = journals[static_cast<std::size_t>(set.owner[slot])];
      const auto reps = static_cast<std::size_t>(run.replications);
      scratch = journal.load(slot / reps, run.first_replication + static_cast<int>(slot % reps));
      return scratch;
    });
  }
  partial.commit();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "merged " << set.files.size() << " of " << set.shard_count() << " shard file(s), " << set.units()
            << " unit(s) (" << run.scenarios.size() << " point(s) x " << run.replications << " replication(s)"
            << (annotate ? ", a study" : "") << "), " << std::fixed << std::setprecision(2) << seconds << " s; wrote "
            << output << "\n";
  return 0;
}

}  // namespace finsim::cli
