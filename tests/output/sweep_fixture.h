// A tiny sweep simulated in-process for the sweep tests: the baseline at 1:100 over 2019-2020, three
// points differing in the state allocation for 2020 (339, 678, 1017 MSEK), two replications each.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_writer.h"
#include "run/execute.h"

namespace finsim::test {

struct TinySweep {
  inline static const std::vector<std::string> base_overrides = {"population.scale=0.01", "scenario.end=2020-12",
                                                                 "scenario.replications=2"};
  inline static const std::vector<std::string> keys = {"funding.state.allocation_msek.2020"};
  inline static const std::vector<std::string> values = {"339", "678", "1017.0"};

  Scenario base;
  World world;
  std::vector<Scenario> scenarios;
  std::vector<std::vector<ReplicationResult>> results;
  std::filesystem::path dir, file;
  bool owned = false;  // the directory is ours (a temporary one) and goes with the fixture

  static std::string baseline() {
    std::string path = FINSIM_SOURCE_DIR;  // (not operator+: GCC 12 sees a false -Warray-bounds in it here)
    return path += "/scenarios/baseline.toml";
  }

  explicit TinySweep(std::filesystem::path where = {})
      : base(load_scenario(baseline(), base_overrides)), world(build_world(base.config)) {
    owned = where.empty();
    dir = owned ? std::filesystem::temp_directory_path() / ("finsim-sweep-" + std::to_string(::getpid())) : where;
    std::filesystem::create_directories(dir);
    file = dir / "sweep.h5";
    for (const auto& v : values) {
      auto overrides = base_overrides;
      overrides.push_back(keys[0] + "=" + v);
      scenarios.push_back(load_scenario(baseline(), overrides));
    }
    for (const auto& s : scenarios) {
      results.push_back(execute_all(prepare_run(s, std::make_shared<const World>(world))).front());
      check_invariants(results.back(), s.config.meta.start);
    }
    write_sweep(file, base, world, keys, points(), describe_run("finsim sweep (test)", 2));
  }
  ~TinySweep() {
    std::error_code ignored;
    if (owned) std::filesystem::remove_all(dir, ignored);
    else std::filesystem::remove(file, ignored);
  }

  std::vector<PointResults> points() const {
    std::vector<PointResults> out;
    for (std::size_t p = 0; p < scenarios.size(); ++p) out.push_back({&scenarios[p], {values[p]}, &results[p]});
    return out;
  }
  // Point p written alone as a plain run file.
  std::filesystem::path write_point(std::size_t p) const {
    const auto path = dir / ("point" + std::to_string(p) + ".h5");
    write_results(path, scenarios[p], world, results[p], describe_run("finsim run (test)", 2));
    return path;
  }
};

// One sweep for the whole test binary: simulating it is the slow part.
inline const TinySweep& tiny_sweep() {
  static const TinySweep sweep;
  return sweep;
}

}  // namespace finsim::test
