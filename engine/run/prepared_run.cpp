#include "run/prepared_run.h"

#include "sim/area.h"
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

namespace {

// "sweep point 2 (KEY=V, …)" (after "points.csv:3: " for a --points row), or for a study "study set 1,
// FILE" (its keys are too many to list;
// run/study_plan.h: set s is points 2s and 2s + 1).
std::string point_label(const RunPlan& plan, std::size_t p) {
  if (!plan.point_files.empty()) return "study set " + std::to_string(p / 2) + ", " + point_file(plan, p).string();
  std::string values;
  for (std::size_t k = 0; k < plan.varied_keys.size(); ++k)
    values += (k ? ", " : "") + plan.varied_keys[k] + "=" + plan.points[p][k];
  const std::string origin = p < plan.point_origins.size() ? plan.point_origins[p] + ": " : "";
  return origin + "sweep point " + std::to_string(p) + " (" + values + ")";
}

std::vector<std::string> area_names(const World& world) {
  std::vector<std::string> names;
  for (const auto& a : make_areas(world, 0)) names.push_back(a.name);
  return names;
}

// One result file holds its points on the same months, areas, scale and insats types (its
// dimensions): a point that would change them is refused now, not after the simulation.
void check_same_dimensions(const PreparedRun& run) {
  const ScenarioConfig& first = run.scenarios.front().config;
  const auto first_areas = area_names(*run.worlds.front());
  for (std::size_t p = 1; p < run.scenarios.size(); ++p) {
    const ScenarioConfig& cfg = run.scenarios[p].config;
    const std::string where = point_label(run.plan, p) + ": ";
    const std::string ref = run.plan.point_files.empty() ? "point 0's" : point_file(run.plan, 0).string() + "'s";
    if (cfg.meta.replications != first.meta.replications || cfg.meta.seed != first.meta.seed ||
        cfg.meta.start.index() != first.meta.start.index() || cfg.meta.end.index() != first.meta.end.index())
      throw InputError(where + "its seed, replications or horizon differ from " + ref +
                       ": every point must have "
                       "the same (vary other keys)");
    if (cfg.population.scale != first.population.scale)
      throw InputError(where + "population.scale differs from " + ref +
                       ": the points of one file share one "
                       "scale (run the scales separately and use finsim compare)");
    bool same_types = cfg.insatser.size() == first.insatser.size();
    for (std::size_t t = 0; same_types && t < cfg.insatser.size(); ++t)
      same_types = cfg.insatser[t].name == first.insatser[t].name;
    if (!same_types)
      throw InputError(where + "its insats types differ from " + ref +
                       ": the points of one file share one "
                       "catalogue (vary the types' keys, not which types exist)");
    if (run.worlds[p] != run.worlds.front() && area_names(*run.worlds[p]) != first_areas)
      throw InputError(where +
                       "its förbund (organisation keys: membership, joins, merges, full coverage) differ "
                       "from " +
                       ref +
                       ": the points of one file share one set of areas (run them "
                       "separately and use finsim compare)");
  }
}

}  // namespace

PreparedRun prepare_run(const RunPlan& plan) {
  PreparedRun run{plan, {}, {}, {}, 0, 0};
  for (std::size_t p = 0; p < plan.point_count(); ++p) {
    try {
      run.scenarios.push_back(load_scenario(point_file(plan, p).string(), point_overrides(plan, p)));
    } catch (const InputError& e) {
      if (!plan.is_sweep()) throw;
      throw InputError(point_label(plan, p) + ": " + e.what());
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
  // A sweep's base is its scenario before the points' values; a study's is its baseline arm before
  // the drawn values (plan.scenario_file is the baseline file): what the file's group attributes
  // resolved_scenario, scenario_sha256 and overrides describe (docs/output.md).
  if (plan.is_sweep()) {
    try {
      run.base = load_scenario(plan.scenario_file.string(), base_overrides(plan));
    } catch (const InputError& e) {
      const char* what = plan.point_files.empty() ? "sweep: the base scenario (before the points' values): "
                                                  : "study: the baseline scenario (before the drawn values): ";
      throw InputError(what + std::string(e.what()));
    }
  }
  run.replications = run.scenarios.front().config.meta.replications;
  check_same_dimensions(run);
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
