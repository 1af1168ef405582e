#include "run/run_plan.h"

namespace finsim {

const std::filesystem::path& point_file(const RunPlan& plan, std::size_t point) {
  return plan.point_files.empty() ? plan.scenario_file : plan.point_files[point];
}

std::vector<std::string> base_overrides(const RunPlan& plan) {
  std::vector<std::string> sets = plan.overrides;
  if (plan.replications) sets.push_back("scenario.replications=" + std::to_string(*plan.replications));
  if (plan.seed) sets.push_back("scenario.seed=" + std::to_string(*plan.seed));
  return sets;
}

std::vector<std::string> point_overrides(const RunPlan& plan, std::size_t point) {
  std::vector<std::string> sets = base_overrides(plan);
  if (!plan.points.empty())
    for (std::size_t k = 0; k < plan.varied_keys.size(); ++k)
      sets.push_back(plan.varied_keys[k] + "=" + plan.points[point][k]);
  return sets;
}

}  // namespace finsim
