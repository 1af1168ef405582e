#include "cli/result_file.h"

#include <cerrno>
#include <cstring>

#include "cli/output_path.h"
#include "util/error.h"

namespace finsim::cli {
namespace {

std::vector<std::int32_t> replication_indices(const PreparedRun& run) {
  std::vector<std::int32_t> out;
  for (int r = run.first_replication; r < run.first_replication + run.replications; ++r) out.push_back(r);
  return out;
}

ResultWriter make_writer(const std::filesystem::path& path, const PreparedRun& run, const RunInfo& info,
                         const std::function<void(const h5::Group&)>& annotate) {
  const Scenario& base = run.base_scenario();
  if (!run.plan.is_sweep()) return ResultWriter(path, base, *run.worlds.front(), replication_indices(run), info);
  std::vector<SweepPoint> points;
  for (std::size_t p = 0; p < run.scenarios.size(); ++p) points.push_back({&run.scenarios[p], run.plan.points[p]});
  return ResultWriter(path, base, *run.worlds.front(), run.plan.varied_keys, std::move(points),
                      replication_indices(run), info, annotate);
}

}  // namespace

void claim_result_file(PartialFile& partial, const std::vector<std::filesystem::path>& inputs) {
  check_output_path(partial.final_path(), inputs);
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

ResultFile::ResultFile(const std::filesystem::path& path, const PreparedRun& run, const RunInfo& info,
                       const std::function<void(const h5::Group&)>& annotate)
    : run_(run),
      writer_(make_writer(path, run, info, annotate)),
      violations_(run.scenarios.size() * static_cast<std::size_t>(run.replications)),
      first_years_(run.scenarios.size()) {}

void ResultFile::add(const Unit& unit, const ReplicationResult& result) {
  const std::size_t slot = unit.point * static_cast<std::size_t>(run_.replications) +
                           static_cast<std::size_t>(unit.replication - run_.first_replication);
  violations_.at(slot) = find_violations(result, run_.scenarios.front().config.meta.start);
  if (!violations_[slot].empty()) return;  // never written: the file will not be finished
  if (unit.replication == run_.first_replication)
    first_years_.at(unit.point) = summarise_years(result, run_.scenarios[unit.point].config);
  writer_.add(unit.point, result);
}

void ResultFile::finish(const UnitLoader& again) {
  std::vector<Violation> all;
  for (auto& v : violations_) all.insert(all.end(), v.begin(), v.end());
  if (!all.empty()) throw InvariantError(std::move(all));
  writer_.finish(again);
}

}  // namespace finsim::cli
