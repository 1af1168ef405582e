#include "output/results_writer.h"

#include <functional>
#include <stdexcept>

#include "output/event_log_writer.h"
#include "output/hdf5_file.h"
#include "output/ledger_arrays.h"
#include "output/monthly_arrays.h"
#include "output/parameter_table.h"
#include "output/result_coordinates.h"
#include "output/result_frame.h"
#include "output/yearly_arrays.h"

namespace finsim {

std::string scenario_group_path(const std::string& scenario_name) {
  std::string name = scenario_name;
  for (auto& ch : name)
    if (ch == '/') ch = '_';
  return "scenarios/" + name;
}

namespace {

using GroupStep = std::function<void(const h5::Group&)>;

// What run and sweep files share: root and scenario attributes, then `before` (the sweep's point
// labels), the arrays, and `after` (the event log, or marking the point labels as coordinates).
void write_file(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                std::vector<const ReplicationResult*> results, std::size_t replications, const RunInfo& run, Lead lead,
                const GroupStep& before, const GroupStep& after) {
  auto file = h5::File::create(path);
  {
    const auto root = file.root();
    for (const auto& a : root_attributes(run)) root.set_attribute(a.name, a.value);
    const auto group = file.create_group(scenario_group_path(scenario.config.meta.name));
    for (const auto& a :
         scenario_attributes(scenario, world, results.front()->replication, static_cast<int>(replications)))
      group.set_attribute(a.name, a.value);
    if (before) before(group);
    const ResultFrame frame(group, scenario, world.geography.regions, std::move(results), std::move(lead));
    write_coordinates(frame);
    write_monthly_arrays(frame);
    write_yearly_arrays(frame);
    write_ledger_arrays(frame);
    write_parameter_table(frame);
    if (after) after(group);
  }
  file.close();
}

}  // namespace

void write_results(const std::filesystem::path& path, const Scenario& scenario, const World& world,
                   const std::vector<ReplicationResult>& results, const RunInfo& run) {
  if (results.empty()) throw std::invalid_argument("write_results: no replications");
  std::vector<const ReplicationResult*> pointers;
  for (const auto& r : results) pointers.push_back(&r);
  write_file(path, scenario, world, std::move(pointers), results.size(), run,
             Lead{{"replication"}, {results.size()}, {}}, nullptr, [&](const h5::Group& g) {
               write_event_log(g, results, scenario.config.meta.start.label(), 1.0 / scenario.config.population.scale);
             });
}

void write_sweep(const std::filesystem::path& path, const Scenario& base, const World& world,
                 const std::vector<std::string>& varied_keys, std::span<const PointResults> points, const RunInfo& run,
                 const std::function<void(const h5::Group&)>& annotate) {
  const auto results = sweep_replications(base, varied_keys, points);
  const std::size_t reps = points.front().replications->size();
  std::vector<const Scenario*> scenarios;
  for (const auto& point : points) scenarios.push_back(point.scenario);
  write_file(
      path, base, world, results, reps, run,
      Lead{{"point", "replication"}, {points.size(), reps}, std::move(scenarios)},
      [&](const h5::Group& g) {
        g.set_attribute("sweep_varied_keys", varied_keys);
        g.set_attribute("sweep_points", static_cast<std::int64_t>(points.size()));
        write_sweep_points(g, varied_keys, points);
      },
      [&](const h5::Group& g) {
        mark_point_coordinates(g, varied_keys);
        if (annotate) annotate(g);
      });
}

}  // namespace finsim
