#include "output/provenance.h"

#include <unistd.h>

#include <boost/version.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <oneapi/tbb/version.h>
#include <toml++/toml.h>

#include "output/sha256.h"
#include "util/build_info.h"

namespace finsim {
namespace {

std::string compiler() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "gcc " __VERSION__;
#else
  return "unknown";
#endif
}

std::string hdf5_version() {
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release);
}

std::string boost_version() {
  return std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) + "." +
         std::to_string(BOOST_VERSION % 100);
}

}  // namespace

std::string utc_now_iso() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

RunInfo describe_run(std::string command_line, int threads) {
  RunInfo run;
  run.command_line = std::move(command_line);
  run.threads = threads;
  run.created = utc_now_iso();
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) run.host = host;
  return run;
}

std::vector<InputDigest> input_digests(const Scenario& scenario, const World& world) {
  std::vector<InputDigest> out;
  // Every data file the world was built from, so that two results read from different need or
  // allocation tables never pass as the same input (merge, compare and resume check these).
  for (const auto& path : {world.kommuner_path, world.forbund_path, world.need_path, world.allocations_path})
    if (!path.empty()) out.push_back({path, sha256_file_hex(path)});
  for (const auto& path : scenario.chain) out.push_back({path, sha256_file_hex(path)});
  return out;
}

std::vector<h5::Attribute> root_attributes(const RunInfo& run) {
  return {
      {"finsim_version", std::string(FINSIM_VERSION)},
      {"git_commit", std::string(git_commit())},
      {"compiler", compiler()},
      {"hdf5_version", hdf5_version()},
      {"tbb_version", std::string(TBB_runtime_version())},
      {"boost_version", boost_version()},
      {"tomlplusplus_version", std::to_string(TOML_LIB_MAJOR) + "." + std::to_string(TOML_LIB_MINOR) + "." +
                                   std::to_string(TOML_LIB_PATCH)},
      {"schema_version", std::string(kSchemaVersion)},
      {"created", run.created},
      {"command_line", run.command_line},
      {"threads", std::int64_t{run.threads}},
      {"ranks", std::int64_t{run.ranks}},
      {"host", run.host},
  };
}

std::vector<h5::Attribute> scenario_attributes(const Scenario& scenario, const World& world, int first, int count) {
  const auto& meta = scenario.config.meta;
  std::vector<std::string> files;
  std::vector<std::string> digests;
  for (const auto& d : input_digests(scenario, world)) {
    files.push_back(d.path);
    digests.push_back(d.sha256);
  }
  const std::string start = meta.start.label();
  return {
      {"description", meta.description},
      {"resolved_scenario", scenario.resolved_toml},
      {"scenario_sha256", sha256_hex(scenario.resolved_toml)},
      {"input_files", files},
      {"input_sha256", digests},
      {"seed", std::int64_t{meta.seed}},
      {"replication_first", std::int64_t{first}},
      {"replication_count", std::int64_t{count}},
      {"start_month", std::string(start)},
      {"months", std::int64_t{meta.months()}},
      {"population_scale", scenario.config.population.scale},
      {"overrides", scenario.overrides},
  };
}

}  // namespace finsim
