// A RunPlan resolved: each point's scenario (base + overrides, validated) and world, and the list
// of units. Everything that is the same for every replication is built here once.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "config/read_scenario.h"
#include "run/run_plan.h"
#include "world/world.h"

namespace finsim {

struct PreparedRun {
  RunPlan plan;
  std::vector<Scenario> scenarios;  // per point
  // A sweep of one scenario file: that file with the plan's overrides, before any point's values
  // (what the result file's group attributes describe). Empty for a plain run and a study.
  std::optional<Scenario> base;
  std::vector<std::shared_ptr<const World>> worlds;  // per point (shared when the organisation is the same)
  int first_replication = 0;
  int replications = 0;
  std::vector<Unit> units() const;  // point-major: (0, r0), (0, r1), …, (1, r0), …
  // `base` when there is one, else the first point (a plain run's only point; a study's first arm).
  const Scenario& base_scenario() const { return base ? *base : scenarios.front(); }
  // Whether two points may share the months before their funding plans part: everything but the
  // funding rules is the same (the model reads the funding only through the plans).
  bool may_share(std::size_t a, std::size_t b) const;
};

// Throws InputError (one line naming the file, key and, for a sweep, the point) on bad input.
PreparedRun prepare_run(const RunPlan& plan);
// A plain run of an already loaded scenario (tests, benchmarks): its replications, one point.
PreparedRun prepare_run(Scenario scenario, std::shared_ptr<const World> world, bool record_events = false);

}  // namespace finsim
