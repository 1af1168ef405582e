// The points of a sweep from the command line: --vary KEY=V1,V2,… (a list), KEY=FROM:TO:N (N
// evenly spaced values), several --vary as a grid (cartesian product), or a CSV file of points.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace finsim {

struct SweepPoints {
  std::vector<std::string> keys;
  std::vector<std::vector<std::string>> values;  // [point][key]: TOML value text
  std::vector<std::string> origins;              // [point]: "points.csv:3" for --points rows; empty for --vary
};

// One --vary argument: the key and its values. Throws InputError naming the argument.
std::pair<std::string, std::vector<std::string>> parse_vary(const std::string& arg);
// The grid of several --vary arguments: the first key varies slowest. At most `max_points`.
SweepPoints grid_points(const std::vector<std::string>& vary_args, std::size_t max_points = 100000);
// A CSV file: a header of keys, one row per point (file:line in errors).
SweepPoints read_points_csv(const std::filesystem::path& path, std::size_t max_points = 100000);

}  // namespace finsim
