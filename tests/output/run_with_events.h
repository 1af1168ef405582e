// Test fixture: a tiny national run (population.scale 0.005, 2019-01 … 2019-12, two replications)
// written to a result file, with or without the event log, removed at scope exit.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/provenance.h"
#include "output/results_writer.h"
#include "run/execute.h"

namespace finsim::test {

struct RunWithEvents {
  Scenario scenario;
  World world;
  std::vector<ReplicationResult> results;
  std::filesystem::path file;

  explicit RunWithEvents(bool events)
      : scenario(load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                               {"population.scale=0.005", "scenario.end=2019-12", "scenario.replications=2"})),
        world(build_world(scenario.config)),
        file(std::filesystem::temp_directory_path() /
             ("finsim-eventlog-" + std::to_string(::getpid()) + (events ? "-with" : "-without") + ".h5")) {
    results = execute_all(prepare_run(scenario, std::make_shared<const World>(world), events)).front();
    write_results(file, scenario, world, results, describe_run("finsim run (test)", 1));
  }
  ~RunWithEvents() { std::filesystem::remove(file); }
};

}  // namespace finsim::test
