// What a result file records about how it was made: the program and libraries (root attributes)
// and the exact scenario and input files (scenario group attributes), so a number can be traced.
#pragma once
#include <string>
#include <vector>

#include "config/read_scenario.h"
#include "output/hdf5_file.h"
#include "world/world.h"

namespace finsim {

// The run as the caller saw it; the library cannot know the command line or the thread limit.
struct RunInfo {
  std::string command_line;
  int threads = 1;
  int ranks = 1;
  std::string created;  // UTC, ISO 8601 ("2025-03-01T12:00:00Z")
  std::string host;
};

// Fills created and host from the clock and the system.
RunInfo describe_run(std::string command_line, int threads);
std::string utc_now_iso();

struct InputDigest {
  std::string path;
  std::string sha256;
};

// kommuner.csv, forbund.csv, then every scenario file in the inheritance chain (top first).
std::vector<InputDigest> input_digests(const Scenario& scenario, const World& world);

// Root attributes: finsim_version, git_commit, compiler, hdf5/tbb/boost/tomlplusplus versions,
// schema_version, created, command_line, threads, ranks, host.
std::vector<h5::Attribute> root_attributes(const RunInfo& run);

// Scenario group attributes (docs/output.md); `first`/`count` are the replication range.
std::vector<h5::Attribute> scenario_attributes(const Scenario& scenario, const World& world, int first, int count);

inline constexpr const char* kSchemaVersion = "2";

}  // namespace finsim
