// Specification of output/h5_read.cpp: arrays read whole or one leading index at a time, rows of
// a column, the listing of a file, and missing or mistyped objects as input errors naming them.
#include "output/h5_read.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "h5_sample.h"
#include "output/hdf5_file.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace finsim;
using finsim::test::H5TempDir;
using finsim::test::iota;
using finsim::test::write_sample;

TEST_CASE("a 5-D array reads back whole and one leading index at a time", "[hdf5]") {
  H5TempDir dir("leading");
  // A sweep's [point, replication, month, forbund, state], large enough to be chunked.
  const h5::Shape shape = {3, 2, 12, 5, 7};
  const std::vector<std::string> dims = {"point", "replication", "month", "forbund", "state"};
  const std::size_t n = 3 * 2 * 12 * 5 * 7, block = n / 3;
  auto counts = iota<std::int64_t>(n, 1);
  std::vector<double> people(n);
  for (std::size_t i = 0; i < n; ++i) people[i] = 0.5 * static_cast<double>(i);
  std::vector<std::string> labels;
  for (int i = 0; i < 6; ++i) labels.push_back("v" + std::to_string(i));
  {
    auto file = h5::File::create(dir / "l.h5");
    auto g = file.create_group("s");
    for (std::size_t axis = 0; axis < dims.size(); ++axis) h5::define_dimension(g, dims[axis], shape[axis]);
    h5::write_array(g, "counts", counts, shape, dims);
    h5::write_array(g, "people", people, shape, dims);
    h5::write_array(g, "labels", std::span<const std::string>(labels), {3, 2}, {"point", "replication"});
    h5::write_array(g, "flat", std::span<const double>(people.data(), 3), {3}, {"point"});
    file.close();
  }
  auto file = h5::File::open_read(dir / "l.h5");
  auto g = file.open_group("s");
  CHECK(h5::dimension_names(g, "people") == dims);
  CHECK(h5::read_int64(g, "counts").values == counts);
  for (std::size_t p = 0; p < 3; ++p) {
    const auto c = h5::read_int64_at(g, "counts", p);
    CHECK(c.shape == h5::Shape{2, 12, 5, 7});
    CHECK(c.values == std::vector<std::int64_t>(counts.begin() + static_cast<std::ptrdiff_t>(p * block),
                                                counts.begin() + static_cast<std::ptrdiff_t>((p + 1) * block)));
    CHECK(h5::read_double_at(g, "people", p).values.front() == 0.5 * static_cast<double>(p * block));
    CHECK(h5::read_strings_at(g, "labels", p) == std::vector<std::string>{labels[2 * p], labels[2 * p + 1]});
  }
  CHECK_THROWS_WITH(h5::read_int64_at(g, "counts", 3), Catch::Contains("beyond the first axis (length 3)"));
  CHECK_THROWS_AS(h5::read_double_at(g, "flat", 0), InputError);  // 1-D: no block to take
  CHECK_THROWS_AS(h5::read_strings_at(g, "labels", 3), InputError);
}

TEST_CASE("missing or mistyped objects are named in InputError", "[hdf5]") {
  H5TempDir dir("missing");
  auto path = dir / "m.h5";
  {
    auto file = h5::File::create(path);
    auto g = file.create_group("scenarios/base");
    h5::define_dimension(g, "forbund", std::span<const std::string>(std::vector<std::string>{"A"}));
    file.close();
  }
  auto file = h5::File::open_read(path);
  auto g = file.open_group("scenarios/base");
  CHECK_THROWS_AS(h5::read_int64(g, "participants"), InputError);
  CHECK_THROWS_WITH(h5::read_int64(g, "participants"),
                    path.string() + ": /scenarios/base/participants: no such dataset");
  CHECK_THROWS_WITH(file.open_group("scenarios/other"), path.string() + ": /scenarios/other: no such group");
  CHECK_THROWS_WITH(h5::read_int64(g, "forbund"),
                    path.string() + ": /scenarios/base/forbund: expected integers, found str");
  CHECK_THROWS_WITH(h5::read_strings(file.root(), "scenarios"), path.string() + ": /scenarios: is not a dataset");
  CHECK_THROWS_AS(file.open_group("scenarios/base/forbund"), InputError);
}

TEST_CASE("visit lists groups and datasets with their attributes", "[hdf5]") {
  H5TempDir dir("visit");
  auto path = dir / "sample.h5";
  write_sample(path);
  std::vector<std::string> paths;
  h5::Entry participants;
  h5::visit(h5::File::open_read(path), [&](const h5::Entry& e) {
    paths.push_back(e.path);
    if (e.path == "/scenarios/sample/participants") participants = e;
  });
  CHECK(paths == std::vector<std::string>{"/", "/scenarios", "/scenarios/sample", "/scenarios/sample/forbund",
                                          "/scenarios/sample/month", "/scenarios/sample/parameter",
                                          "/scenarios/sample/parameter_unit", "/scenarios/sample/parameter_value",
                                          "/scenarios/sample/participants", "/scenarios/sample/replication",
                                          "/scenarios/sample/share", "/scenarios/sample/spent"});
  CHECK(participants.kind == h5::Kind::dataset);
  CHECK(participants.info.shape == h5::Shape{4, 60, 3});
  CHECK(participants.info.dtype == "int64");
  REQUIRE(participants.attributes.size() == 2);
  CHECK(participants.attributes[0].name == "units");
}

TEST_CASE("reading rows of a 2-D dataset is an input error", "[hdf5][column]") {
  H5TempDir dir("rows-2d");
  {
    auto file = h5::File::create(dir / "two.h5");
    auto root = file.root();
    h5::define_dimension(root, "a", std::size_t{2});
    h5::define_dimension(root, "b", std::size_t{2});
    h5::write_array(root, "x", std::span<const std::int64_t>(iota<std::int64_t>(4, 0)), {2, 2}, {"a", "b"});
    file.close();
  }
  auto file = h5::File::open_read(dir / "two.h5");
  CHECK_THROWS_AS(h5::read_int64_rows(file.root(), "x", 0, 1), InputError);
}
