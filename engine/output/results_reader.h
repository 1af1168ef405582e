// Reading finsim result files back: finds the scenario group, checks that the file is one of ours
// and of a schema we know, and loads coordinates and arrays with their shapes checked.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/hdf5_file.h"

namespace finsim {

// An open result file and its scenario group. Members in this order: the group closes first.
struct ResultsFile {
  std::string path;
  h5::File file;
  h5::Group group;
  std::string scenario;  // group name under scenarios/
};

// Throws InputError naming the file when an open HDF5 file is not a finsim result file or has a
// schema_version this finsim does not read.
void check_result_file(const h5::File& file, const std::string& name);

// Throws InputError (one line, naming the file) if the file is not HDF5, not a finsim result file,
// of an unknown schema_version, or holds no scenario. With several scenarios, `scenario` picks one;
// empty means "the only one".
ResultsFile open_results(const std::filesystem::path& path, const std::string& scenario = "");

// What `finsim compare` needs of one run, in the units of the file (persons, SEK).
struct RunData {
  std::string path;
  std::string scenario;
  std::optional<std::size_t> point;  // the sweep point read, if the file is a sweep
  std::string point_overrides;       // that point's "key=value; ..." (empty for a run)
  std::string description;
  std::string scenario_sha256;  // of a sweep point: point_scenario_sha256
  std::string finsim_version;
  std::string git_commit;
  std::int64_t seed = 0;
  double population_scale = 0;
  std::vector<std::int64_t> replications;
  std::vector<std::string> months;  // "2019-01", ...
  std::vector<std::int64_t> years;
  std::vector<std::string> forbund;
  std::vector<std::string> forbund_kind;    // documented, synthetic or no_forbund
  std::vector<std::string> forbund_region;  // län code of each area ("" when unknown)
  std::vector<std::string> forbund_region_name;
  std::vector<std::string> payers;
  std::vector<std::string> states;  // labels of the state coordinate ("work", "studies", ...)
  // [replication, year, forbund]
  h5::Array<double> unique_participants;
  h5::Array<std::int64_t> state_offer, state_paid, region_paid, kommuner_paid;
  // The förbund's yearly money record: budget split, spending, equity, the offer not taken up.
  h5::Array<std::int64_t> admin, structural, individual_spent, spent, equity_open, equity_close, unused_offer;
  // [replication, month, forbund]
  h5::Array<double> exit_work, exit_studies;
  // [replication, month, forbund, state]: people by state at month end
  h5::Array<double> stock;
  // [replication, month, forbund]: the pension part of employer fees (not state revenue); zeros
  // in files written before it was recorded
  h5::Array<std::int64_t> pension_contribution;
  // [replication, month, forbund, payer]
  h5::Array<std::int64_t> public_cost, public_revenue, finsam_contribution;
};

// Throws InputError when a dataset is missing or its shape does not match the coordinates. A sweep
// file needs `point` (its arrays at that point, read as a slice); a run file must not have one.
RunData read_run(const std::filesystem::path& path, std::optional<std::size_t> point = {});

// A sweep file's points (docs/output.md "Sweep files").
struct SweepInfo {
  std::string path, scenario, description, scenario_sha256;  // the base scenario's digest
  std::vector<std::string> keys;                             // varied keys
  std::vector<bool> numeric;                                 // per key: values stored as numbers
  std::vector<std::vector<std::string>> values;              // [key][point] as labels ("339", "dalarna-cut")
  std::vector<std::vector<double>> numbers;                  // [key][point] when numeric, else empty
  std::vector<std::string> overrides, sha256;                // per point
  std::size_t points() const { return overrides.size(); }
};

// True when the open result file is a sweep (its scenario group has the `point` dimension).
bool is_sweep(const ResultsFile& f);
// Throws InputError when the file is not a sweep.
SweepInfo read_sweep(const std::filesystem::path& path);

}  // namespace finsim
