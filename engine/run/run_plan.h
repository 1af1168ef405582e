// What to run, as plain data: a scenario file, overrides for every point, the points of a sweep,
// the replications and options. The CLI, benchmarks and run controllers build one; the model never sees it.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace finsim {

struct RunPlan {
  std::filesystem::path scenario_file;
  std::vector<std::string> overrides;            // "key=value" for every point (--set)
  std::vector<std::string> varied_keys;          // a sweep's keys; empty for a plain run
  std::vector<std::vector<std::string>> points;  // [point][key]: TOML value text; empty = one point
  // [point]: the scenario file of each point (a study's two arms, run/study_plan.h); empty = scenario_file.
  std::vector<std::filesystem::path> point_files;
  // [point]: where its values were given ("points.csv:3"), named in messages; empty = --vary, a study.
  std::vector<std::string> point_origins;
  std::optional<int> replications;    // default: scenario.replications
  std::optional<std::uint32_t> seed;  // default: scenario.seed
  bool record_events = false;         // keep every state change (ReplicationResult::events)
  std::size_t point_count() const { return points.empty() ? 1 : points.size(); }
  bool is_sweep() const { return !varied_keys.empty(); }
  bool operator==(const RunPlan&) const = default;
};

// The unit of work: one replication of one point. Every point uses the same replication indices
// (the same random streams), so differences between points are paired.
struct Unit {
  std::size_t point = 0;
  int replication = 0;
  bool operator==(const Unit&) const = default;
};

// The scenario file of one point: its own (a study) or the plan's.
const std::filesystem::path& point_file(const RunPlan& plan, std::size_t point);

// The --set strings every point shares: the plan's overrides, then -r/--seed.
std::vector<std::string> base_overrides(const RunPlan& plan);
// The --set strings of one point: base_overrides, then the point's varied values.
std::vector<std::string> point_overrides(const RunPlan& plan, std::size_t point);

}  // namespace finsim
