// Test helpers of the HDF5 layer's tests (tests/output/h5_*_test.cpp, hdf5_file_test.cpp): a
// temp directory per test, ranges of numbers, and the sample file the Python test also reads.
#pragma once
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "output/hdf5_file.h"

namespace finsim::test {

// A fresh directory per test, "finsim-h5-<name>-<pid>".
struct H5TempDir : TempDir {
  explicit H5TempDir(const std::string& name) : TempDir("h5-" + name) {}
};

template <class T>
std::vector<T> iota(std::size_t n, T start) {
  std::vector<T> v(n);
  std::iota(v.begin(), v.end(), start);
  return v;
}

inline const std::vector<std::string> kForbund = {"Samordningsförbundet Göteborg", "Malmö", "Östra Skaraborg"};

// The file tests/python/test_hdf5_layer.py checks with h5py and xarray; keep the two in step.
inline void write_sample(const std::filesystem::path& path) {
  auto file = h5::File::create(path);
  auto root = file.root();
  root.set_attribute("finsim_version", std::string("0.1.0"));
  root.set_attribute("schema_version", std::int64_t{1});
  {
    auto g = file.create_group("scenarios/sample");
    g.set_attribute("seed", std::int64_t{20240601});
    g.set_attribute("title", std::string("Prov – åäö"));
    g.set_attribute("discount_rate", 0.035);
    g.set_attribute("sources", std::vector<std::string>{"SFS 2003:1210", "FK årsredovisning"});
    g.set_attribute("no_sources", std::vector<std::string>{});
    h5::define_dimension(g, "replication", std::span<const std::int32_t>(iota<std::int32_t>(4, 0)));
    h5::define_dimension(g, "month", std::size_t{60});
    h5::define_dimension(g, "forbund", kForbund);
    const h5::Shape shape = {4, 60, 3};
    const std::vector<std::string> dims = {"replication", "month", "forbund"};
    h5::write_array(g, "participants", std::span<const std::int64_t>(iota<std::int64_t>(720, 0)), shape, dims,
                    {{"units", "people"}, {"long_name", "participants at the end of the month"}});
    std::vector<double> spent(720);
    for (std::size_t i = 0; i < spent.size(); ++i) spent[i] = 0.5 * static_cast<double>(i);
    h5::write_array(g, "spent", std::span<const double>(spent), shape, dims,
                    {{"units", "SEK"}, {"description", "kronor spent in the month"}});
    h5::write_array(g, "share", std::span<const double>(std::vector<double>{0.25, 0.5, 0.25}), {3}, {"forbund"},
                    {{"units", "1"}});
    // A parameter table: labels as the coordinate, values and units as variables along it.
    h5::define_dimension(g, "parameter", std::vector<std::string>{"state_share", "start_rate"});
    h5::write_array(g, "parameter_value", std::vector<double>{0.5, 0.02}, {2}, {"parameter"});
    h5::write_array(g, "parameter_unit", std::vector<std::string>{"1", "1/månad"}, {2}, {"parameter"});
  }
  file.close();
}

}  // namespace finsim::test
