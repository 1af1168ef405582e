// finsim missing: which units of a sharded run are not done yet, shard by shard (finished shard
// files, unfinished journals, shards without a file), and the Slurm --array list to resubmit.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/options.h"
#include "run/shard_set.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

// "point 0: 3-5, 9; point 1: 3" — units grouped by point, replications as ranges.
std::string units_text(const std::vector<Unit>& units) {
  std::map<std::size_t, std::vector<int>> by_point;
  for (const auto& u : units) by_point[u.point].push_back(u.replication);
  std::string out;
  for (const auto& [p, reps] : by_point) {
    if (!out.empty()) out += "; ";
    out += "point " + std::to_string(p) + ": replication " + array_list(reps);
  }
  return out;
}

}  // namespace

int cmd_missing(const Args& args) {
  po::options_description opts("Options");
  std::vector<std::string> files;
  int of = 0;
  opts.add_options()("shards", po::value(&files), "shard files (NAME, or NAME.partial of one not finished)")(
      "of", po::value(&of), "the number of shards N of the run (required when no shard file exists yet)");
  po::positional_options_description pos;
  pos.add("shards", -1);
  po::variables_map vm;
  if (!parse(args, opts, pos, vm, "finsim missing SHARD... [--of N]", "finsim missing shards/sweep.shard-* --of 8"))
    return 0;
  if (vm.count("of") && (of < 1 || of > 1000000)) throw UsageError{"--of: expected 1 to 1000000 shards"};
  if (files.empty()) throw UsageError{"give the shard files (a glob such as shards/sweep.shard-*)"};
  std::error_code ec;
  const bool none_exists = std::none_of(files.begin(), files.end(), [&](const std::string& f) {
    return std::filesystem::exists(f, ec) || std::filesystem::exists(journal_path_for(f), ec);
  });
  if (none_exists) {
    if (!vm.count("of"))
      throw UsageError{"none of the shard files exists yet: add --of N (the number of shards) to list them all"};
    std::cout << "no shard file: all " << of << " shard(s) to submit\narray: " << array_list([&] {
      std::vector<int> all;
      for (int k = 1; k <= of; ++k) all.push_back(k);
      return all;
    }()) << "\n";
    return 0;
  }
  const ShardSet set = read_shard_set({files.begin(), files.end()}, true);
  const int n = set.shard_count();
  if (vm.count("of") && of != n)
    throw InputError(set.files.front().path.string() + ": a shard of " + std::to_string(n) + ", but --of says " +
                     std::to_string(of));

  std::map<int, std::vector<Unit>> missing;
  for (const auto& [unit, shard] : set.missing) missing[shard].push_back(unit);
  std::cout << set.units() << " unit(s) in " << n << " shard(s): " << set.units() - set.missing.size() << " done, "
            << set.missing.size() << " missing\n";
  std::vector<int> resubmit, running;
  for (int k = 1; k <= n; ++k) {
    const ShardFile* f = set.file_of(k);
    const auto it = missing.find(k);
    std::cout << "shard " << k << "/" << n << "  ";
    if (it == missing.end()) {
      std::cout << "complete  " << f->path.string() << "\n";
      continue;
    }
    if (f && f->status.in_use) {
      running.push_back(k);
      std::cout << "running   " << f->path.string() << " (being written now; " << it->second.size()
                << " unit(s) to go)\n";
      continue;
    }
    resubmit.push_back(k);
    std::cout << (f ? "unfinished " + f->path.string() : std::string("no file")) << "; missing " << it->second.size()
              << " unit(s): " << units_text(it->second) << "\n";
  }
  if (!running.empty()) std::cout << "running now (not to resubmit): shard(s) " << array_list(running) << "\n";
  if (resubmit.empty()) {
    std::cout << (set.missing.empty() ? "nothing missing: finsim merge can join the shards\n" : "") << "array: \n";
    return 0;
  }
  std::cout << "resubmit:";
  for (int k : resubmit) std::cout << " --shard " << k << "/" << n;
  std::cout << " (add --resume where a file is unfinished)\n"
            << "sbatch --array=" << array_list(resubmit) << " <the array job script>\n"
            << "array: " << array_list(resubmit) << "\n";
  return 0;
}

}  // namespace finsim::cli
