// finsim status: how far a run or sweep got — the units (point, replication) its journal
// NAME.partial holds and those still missing, or that the result file NAME is complete.
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/options.h"
#include "output/results_reader.h"
#include "run/shard.h"
#include "run/unit_journal.h"
#include "util/error.h"
#include "util/text.h"

namespace finsim::cli {
namespace {

namespace fs = std::filesystem;

// "0-4, 7, 9-11": sorted replication numbers as ranges.
std::string ranges(const std::vector<int>& reps) { return reps.empty() ? "none" : number_ranges(reps, ", "); }

void print_journal(const fs::path& path) {
  const JournalStatus st = read_journal_status(path);
  const JournalHeader& h = st.header;
  std::map<std::size_t, std::vector<int>> done, missing;
  for (const auto& [p, r] : st.done) done[p].push_back(r);
  for (const auto& [p, r] : st.missing) missing[p].push_back(r);
  const std::size_t total = st.done.size() + st.missing.size();
  if (h.shard_count > 0) {
    // A shard file holds only its slice: done and missing count within it.
    const ShardSlice slice({h.shard_index, h.shard_count}, h.point_sha256.size(), h.first_replication, h.replications);
    const std::size_t missing = slice.size() - st.done.size();
    std::cout << path.string() << ": shard " << to_string(slice.shard()) << ", "
              << (missing == 0 ? "complete" : "unfinished") << ", " << st.done.size() << " of " << slice.size()
              << " units of the shard done (" << total << " in the run)"
              << (st.in_use ? " (a finsim process is writing it now)" : "") << "\n";
  } else {
    std::cout << path.string() << ": unfinished run, " << st.done.size() << " of " << total << " units done, "
              << st.missing.size() << " missing" << (st.in_use ? " (a finsim process is writing it now)" : "") << "\n";
  }
  std::cout << "  finsim        " << h.finsim_version << " (commit " << h.git_commit << ")\n"
            << "  seed          " << h.seed << "\n"
            << "  replications  " << h.first_replication << "-" << h.first_replication + h.replications - 1 << " ("
            << h.replications << " per point)\n"
            << "  events        " << (h.events ? "yes" : "no") << "\n"
            << "  points        " << h.point_sha256.size() << "\n";
  for (std::size_t p = 0; p < h.point_sha256.size(); ++p)
    std::cout << "  point " << p << "  scenario sha256 " << h.point_sha256[p] << "\n"
              << "    done        " << ranges(done[p]) << "\n"
              << "    missing     " << ranges(missing[p]) << "\n";
  std::cout << "  torn          " << st.torn_bytes << " bytes"
            << (st.torn_bytes
                    ? (st.in_use ? " (the unit being written now)" : " (cut off by a crash: ignored on --resume)")
                    : "")
            << "\n"
            << "  size          " << st.bytes << " bytes\n";
  if (h.shard_count > 0) {
    std::cout << "  (missing counts the whole run; finsim missing lists the units of every shard)\n";
    return;
  }
  if (!st.in_use && !st.missing.empty())
    std::cout << "To finish it, run the same command again with --resume (the missing units only).\n";
}

void print_complete(const fs::path& path) {
  const bool sweep = is_sweep(open_results(path));
  const RunData run = read_run(path, sweep ? std::optional<std::size_t>(0) : std::nullopt);
  std::vector<int> reps(run.replications.begin(), run.replications.end());
  std::cout << path.string() << ": complete\n"
            << "  scenario      " << run.scenario << " (sha256 " << run.scenario_sha256 << ")\n"
            << "  finsim        " << run.finsim_version << " (commit " << run.git_commit << ")\n"
            << "  seed          " << run.seed << "\n"
            << "  replications  " << ranges(reps) << " (" << reps.size() << (sweep ? " per point" : "") << ")\n";
  if (sweep) {
    const SweepInfo info = read_sweep(path);
    std::cout << "  points        " << info.points() << " (varied:";
    for (const auto& k : info.keys) std::cout << " " << k;
    std::cout << ")\n";
  }
}

}  // namespace

int cmd_status(const Args& args) {
  po::options_description opts("Options");
  std::string file;
  opts.add_options()("file", po::value(&file)->required(),
                     "result file NAME (its journal is NAME.partial) or the journal");
  po::positional_options_description pos;
  pos.add("file", 1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim status FILE", "finsim status results/sweep.h5")) return 0;

  const fs::path path(file);
  std::error_code ec;
  // An unfinished run's journal first: a complete NAME from an earlier run may sit beside it.
  if (looks_like_journal(path) || (path.extension() == ".partial" && fs::is_regular_file(path, ec))) {
    print_journal(path);
  } else if (const fs::path journal = journal_path_for(path); fs::exists(journal, ec)) {
    print_journal(journal);
    if (fs::exists(path, ec)) std::cout << "  (" << file << " beside it is the file of an earlier, complete run)\n";
  } else if (fs::exists(path, ec)) {
    if (fs::is_directory(path, ec)) throw InputError(file + ": is a directory, expected a result file or a journal");
    print_complete(path);
  } else {
    throw InputError(file + ": no such result file, and no journal " + journal.string() + " of an unfinished run");
  }
  return 0;
}

}  // namespace finsim::cli
