#include "run/prepared_run.h"

#include "util/error.h"

namespace finsim {

std::vector<Unit> PreparedRun::units() const {
  std::vector<Unit> out;
  for (std::size_t p = 0; p < scenarios.size(); ++p)
    for (int r = first_replication; r < first_replication + replications; ++r) out.push_back({p, r});
  return out;
}

bool PreparedRun::may_share(std::size_t a, std::size_t b) const {
  if (worlds[a] != worlds[b]) return false;
  ScenarioConfig x = scenarios[a].config, y = scenarios[b].config;
  x.funding = {};
  y.funding = {};
  return x == y;
}

PreparedRun prepare_run(const RunPlan& plan) {
  PreparedRun run{plan, {}, {}, {}, 0, 0};
  for (std::size_t p = 0; p < plan.point_count(); ++p) {
    try {
      run.scenarios.push_back(load_scenario(point_file(plan, p).string(), point_overrides(plan, p)));
    } catch (const InputError& e) {
      if (!plan.is_sweep()) throw;
      std::string values;
      for (std::size_t k = 0; k < plan.varied_keys.size(); ++k)
        values += (k ? ", " : "") + plan.varied_keys[k] + "=" + plan.points[p][k];
      const std::string file = plan.point_files.empty() ? "" : point_file(plan, p).string() + ", ";
      throw InputError("sweep point " + std::to_string(p) + " (" + file + values + "): " + e.what());
    }
    const ScenarioConfig& cfg = run.scenarios.back().config;
    std::shared_ptr<const World> world;
    for (std::size_t q = 0; q < p && !world; ++q) {
      const ScenarioConfig& other = run.scenarios[q].config;
      if (other.organisation == cfg.organisation && other.scenario_dir == cfg.scenario_dir &&
          other.insatser == cfg.insatser && other.pathway == cfg.pathway &&
          other.funding.distribution == cfg.funding.distribution)  // what build_world reads
        world = run.worlds[q];
    }
    run.worlds.push_back(world ? world : std::make_shared<const World>(build_world(cfg)));
  }
  if (plan.is_sweep() && plan.point_files.empty()) {
    try {
      run.base = load_scenario(plan.scenario_file.string(), base_overrides(plan));
    } catch (const InputError& e) {
      throw InputError("sweep: the base scenario (before the points' values): " + std::string(e.what()));
    }
  }
  const auto& meta = run.scenarios.front().config.meta;
  run.replications = meta.replications;
  for (const auto& s : run.scenarios)
    if (s.config.meta.replications != meta.replications || s.config.meta.seed != meta.seed ||
        s.config.meta.start.index() != meta.start.index() || s.config.meta.end.index() != meta.end.index())
      throw InputError("sweep: every point must have the same seed, replications and horizon; vary other keys");
  return run;
}

PreparedRun prepare_run(Scenario scenario, std::shared_ptr<const World> world, bool record_events) {
  PreparedRun run;
  run.plan.record_events = record_events;
  run.replications = scenario.config.meta.replications;
  run.scenarios.push_back(std::move(scenario));
  run.worlds.push_back(std::move(world));
  return run;
}

}  // namespace finsim
