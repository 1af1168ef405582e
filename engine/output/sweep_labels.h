// The labels of a sweep file's points (docs/output.md "Sweep files"): the `point` coordinate, one
// dataset per varied key, each point's overrides and scenario digest, marked as xarray coordinates.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/read_scenario.h"
#include "output/hdf5_file.h"
#include "sim/replication_result.h"

namespace finsim {

// One point of a sweep: its resolved scenario and the value of each varied key.
struct SweepPoint {
  const Scenario* scenario;
  std::vector<std::string> values;  // one per varied key, TOML value text as given ("339", "\"dalarna-cut\"")
};

// A point with its replications in memory (output/results_writer.h's write_sweep).
struct PointResults {
  const Scenario* scenario;
  std::vector<std::string> values;  // one per varied key, TOML value text as given ("339", "\"dalarna-cut\"")
  const std::vector<ReplicationResult>* replications;  // same replication indices in every point
};

// The number a TOML value text stands for ("339", "1_017.5", "+2e3"); empty for anything else
// (strings, booleans, dates, inf and nan).
std::optional<double> toml_number(std::string_view text);
// A value as a label: a basic TOML string without its quotes, anything else as given.
std::string toml_label(std::string_view text);
// "key=value; key2=value2", values as given.
std::string point_overrides(const std::vector<std::string>& keys, const std::vector<std::string>& values);

// The per-point datasets a sweep file has besides its arrays, in this order: the varied keys,
// point_overrides, point_scenario_sha256 (these are coordinates), point_resolved_scenario.
std::vector<std::string> point_label_names(const std::vector<std::string>& keys);

// Checks that the points can share one file: varied keys that are scenario keys (once each), a
// value per varied key, the base's months, seed, population scale and insats types. Throws
// std::invalid_argument otherwise.
void check_sweep_points(const Scenario& base, const std::vector<std::string>& varied_keys,
                        std::span<const SweepPoint> points);

// The points without their replications.
std::vector<SweepPoint> sweep_points(std::span<const PointResults> points);

// The replications of all points in file order (point by point), after check_sweep_points and
// checking that every point has the same replication indices. Throws std::invalid_argument otherwise.
std::vector<const ReplicationResult*> sweep_replications(const Scenario& base,
                                                         const std::vector<std::string>& varied_keys,
                                                         std::span<const PointResults> points);

// Defines the `point` dimension (0..P−1) and writes the per-point labels (checked by
// check_sweep_points).
void write_sweep_points(const h5::Group& group, const std::vector<std::string>& keys,
                        std::span<const SweepPoint> points);
// Gives every array along `point` the CF `coordinates` attribute naming the point labels, so that
// xarray shows the varied keys as coordinates of `point`.
void mark_point_coordinates(const h5::Group& group, const std::vector<std::string>& keys);

}  // namespace finsim
