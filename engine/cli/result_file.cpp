#include "cli/result_file.h"

#include <cerrno>
#include <cstring>

#include "output/invariants.h"
#include "output/results_writer.h"
#include "util/error.h"

namespace finsim::cli {

void claim_result_file(PartialFile& partial) {
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

void write_result_file(const std::filesystem::path& path, const PreparedRun& run,
                       const std::vector<std::vector<ReplicationResult>>& results, const RunInfo& info,
                       const std::function<void(const h5::Group&)>& annotate) {
  const Scenario& base = run.scenarios.front();
  for (const auto& point : results) check_invariants(point, base.config.meta.start);
  if (run.plan.is_sweep()) {
    std::vector<PointResults> points;
    for (std::size_t p = 0; p < results.size(); ++p)
      points.push_back({&run.scenarios[p], run.plan.points[p], &results[p]});
    write_sweep(path, base, *run.worlds.front(), run.plan.varied_keys, points, info, annotate);
  } else {
    write_results(path, base, *run.worlds.front(), results.front(), info);
  }
}

}  // namespace finsim::cli
