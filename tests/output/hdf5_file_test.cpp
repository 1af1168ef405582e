// The HDF5 layer through its one include (output/hdf5_file.h): arrays round-trip with their
// dimensions, every handle is closed, and the sample file tests/python/test_hdf5_layer.py reads.
#include "output/hdf5_file.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "h5_sample.h"

namespace fs = std::filesystem;
using namespace finsim;
using finsim::test::H5TempDir;
using finsim::test::iota;
using finsim::test::kForbund;
using finsim::test::write_sample;

TEST_CASE("HDF5 sample file for the Python test", "[hdf5][hdf5-sample]") {
  H5TempDir dir("sample");
  const char* requested = std::getenv("FINSIM_SAMPLE_H5");
  fs::path path = requested ? fs::path(requested) : dir / "sample.h5";
  write_sample(path);

  auto file = h5::File::open_read(path);
  auto g = file.open_group("scenarios/sample");
  CHECK(h5::dimension_names(g, "participants") == std::vector<std::string>{"replication", "month", "forbund"});
  CHECK(h5::read_strings(g, "forbund") == kForbund);
  CHECK(h5::string_attribute(g, "participants", "units") == "people");
  CHECK(h5::dataset_info(g, "participants").bytes < 720 * 8);  // compressed
}

TEST_CASE("int64 and double 3-D arrays round-trip with named dimensions", "[hdf5]") {
  H5TempDir dir("roundtrip");
  const h5::Shape shape = {3, 5, 2};
  const std::vector<std::string> dims = {"replication", "month", "forbund"};
  auto counts = iota<std::int64_t>(30, -7);
  std::vector<double> money(30);
  for (std::size_t i = 0; i < money.size(); ++i) money[i] = 1.0 / static_cast<double>(i + 1);
  {
    auto file = h5::File::create(dir / "r.h5");
    auto g = file.create_group("scenarios/baseline");
    h5::define_dimension(g, "replication", std::span<const std::int64_t>(iota<std::int64_t>(3, 0)));
    h5::define_dimension(g, "month", std::size_t{5});
    h5::define_dimension(g, "forbund", std::span<const std::string>(std::vector<std::string>{"A", "B"}));
    h5::write_array(g, "counts", counts, shape, dims);
    h5::write_array(g, "money", money, shape, dims, {{"units", "SEK"}});
    h5::write_array(g, "small", std::span<const std::int32_t>(std::vector<std::int32_t>{7, 8}), {2}, {"forbund"});
    file.close();
  }
  auto file = h5::File::open_read(dir / "r.h5");
  auto g = file.open_group("scenarios/baseline");

  auto read_counts = h5::read_int64(g, "counts");
  CHECK(read_counts.shape == shape);
  CHECK(read_counts.values == counts);
  auto read_money = h5::read_double(g, "money");
  CHECK(read_money.shape == shape);
  CHECK(read_money.values == money);
  CHECK(h5::read_int64(g, "small").values == std::vector<std::int64_t>{7, 8});
  CHECK(h5::read_double(g, "counts").values.front() == -7.0);  // integers widen to double

  CHECK(h5::dimension_names(g, "money") == dims);
  CHECK(h5::dimension_names(g, "forbund") == std::vector<std::string>{"forbund"});
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{0, 1, 2});

  auto info = h5::dataset_info(g, "money");
  CHECK(info.shape == shape);
  CHECK(info.dtype == "float64");
  CHECK(h5::dataset_info(g, "counts").dtype == "int64");
  CHECK(h5::dataset_info(g, "small").dtype == "int32");
  CHECK(h5::dataset_info(g, "forbund").dtype == "str");
}

TEST_CASE("every HDF5 handle is closed once its owner is gone", "[hdf5]") {
  H5TempDir dir("leaks");
  {
    auto file = h5::File::create(dir / "l.h5");
    auto g = file.create_group("a/b");
    h5::define_dimension(g, "x", std::size_t{2});
    h5::write_array(g, "v", std::vector<double>{1, 2}, {2}, {"x"}, {{"units", "1"}});
    CHECK_THROWS(h5::write_array(g, "w", std::vector<double>{1}, {2}, {"x"}));
  }
  {
    auto file = h5::File::open_read(dir / "l.h5");
    h5::visit(file, [](const h5::Entry&) {});
    CHECK_THROWS(h5::read_strings(file.open_group("a/b"), "v"));
  }
  CHECK(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) == 0);
}
