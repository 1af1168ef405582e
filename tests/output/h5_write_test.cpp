// Specification of output/h5_write.cpp: dimensions with or without labels, N-D arrays attached to
// them (shapes checked, large ones chunked and compressed), columns written piece by piece.
#include "output/h5_write.h"

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

TEST_CASE("a dimension with many attributes can label many arrays", "[hdf5]") {
  // Attaching rewrites the scale's REFERENCE_LIST; with dense, creation-ordered attribute storage
  // that is the path where HDF5 has had bugs.
  H5TempDir dir("many");
  {
    auto file = h5::File::create(dir / "m.h5");
    auto root = file.root();
    h5::define_dimension(root, "month", std::vector<std::int32_t>{0, 1, 2});
    for (int i = 0; i < 12; ++i) root.set_attribute("month", "note" + std::to_string(i), std::int64_t{i});
    for (int i = 0; i < 30; ++i) {
      h5::write_array(root, "v" + std::to_string(i), std::vector<double>{1, 2, 3}, {3}, {"month"},
                      {{"units", "SEK"},
                       {"long_name", "value"},
                       {"a", 1.0},
                       {"b", 2.0},
                       {"c", 3.0},
                       {"d", 4.0},
                       {"e", 5.0},
                       {"f", 6.0},
                       {"g", 7.0},
                       {"h", 8.0}});
    }
    file.close();
  }
  auto file = h5::File::open_read(dir / "m.h5");
  auto root = file.root();
  CHECK(h5::dimension_names(root, "v29") == std::vector<std::string>{"month"});
  CHECK(h5::double_attribute(root, "v29", "h") == 8.0);
  CHECK(h5::int_attribute(root, "month", "note11") == 11);
}

TEST_CASE("string coordinates round-trip as UTF-8", "[hdf5]") {
  H5TempDir dir("strings");
  const std::vector<std::string> labels = {"Göteborg", "", "Kalix – Överkalix", "emoji 🙂"};
  {
    auto file = h5::File::create(dir / "s.h5");
    h5::define_dimension(file.root(), "forbund", std::span<const std::string>(labels));
    h5::define_dimension(file.root(), "none", std::span<const std::string>(std::vector<std::string>{}));
    file.close();
  }
  auto file = h5::File::open_read(dir / "s.h5");
  CHECK(h5::read_strings(file.root(), "forbund") == labels);
  CHECK(h5::read_strings(file.root(), "none").empty());
}

TEST_CASE("write_array rejects shapes that do not match its dimensions", "[hdf5]") {
  H5TempDir dir("misuse");
  auto file = h5::File::create(dir / "x.h5");
  auto root = file.root();
  h5::define_dimension(root, "month", std::size_t{3});
  std::vector<double> three = {1, 2, 3};
  CHECK_THROWS_AS(h5::write_array(root, "a", std::span<const double>(three), {4}, {"month"}), std::invalid_argument);
  CHECK_THROWS_AS(h5::write_array(root, "b", std::span<const double>(three), {3}, {"year"}), std::invalid_argument);
  CHECK_THROWS_AS(h5::write_array(root, "c", std::span<const double>(three), {3}, {}), std::invalid_argument);
  CHECK_THROWS_WITH(h5::write_array(root, "d", std::span<const double>(std::vector<double>{1, 2}), {2}, {"month"}),
                    Catch::Contains("month") && Catch::Contains("length 3"));
  CHECK_FALSE(root.has("a"));
}

TEST_CASE("large arrays are chunked and compressed", "[hdf5]") {
  H5TempDir dir("chunks");
  std::vector<std::int64_t> zeros(100 * 120 * 40, 0);
  {
    auto file = h5::File::create(dir / "c.h5");
    auto root = file.root();
    h5::define_dimension(root, "replication", std::size_t{100});
    h5::define_dimension(root, "month", std::size_t{120});
    h5::define_dimension(root, "forbund", std::size_t{40});
    h5::write_array(root, "zeros", std::span<const std::int64_t>(zeros), {100, 120, 40},
                    {"replication", "month", "forbund"});
    file.close();
  }
  auto file = h5::File::open_read(dir / "c.h5");
  auto info = h5::dataset_info(file.root(), "zeros");
  CHECK(info.bytes < zeros.size() * 8 / 20);
  CHECK(h5::read_int64(file.root(), "zeros").values == zeros);
}

TEST_CASE("a column written in pieces reads back whole and by rows", "[hdf5][column]") {
  H5TempDir dir("column");
  const auto months = iota<std::int32_t>(70000, -5);  // more than one chunk (65 536 values)
  {
    auto file = h5::File::create(dir / "col.h5");
    auto root = file.root();
    h5::define_dimension(root, "record", months.size());
    auto column = h5::ColumnWriter::create<std::int32_t>(root, "month", months.size(), "record",
                                                         {{"units", std::string("months")}});
    const std::span<const std::int32_t> all(months);
    column.append(all.subspan(0, 1));
    column.append(all.subspan(1, 0));  // an empty piece (a replication without events) is fine
    column.append(all.subspan(1, 40000));
    column.append(all.subspan(40001));
    column.close();
    file.close();
  }
  auto file = h5::File::open_read(dir / "col.h5");
  const auto root = file.root();
  CHECK(h5::dataset_info(root, "month").dtype == "int32");
  CHECK(h5::dimension_names(root, "month") == std::vector<std::string>{"record"});
  CHECK(h5::string_attribute(root, "month", "units") == "months");
  const auto whole = h5::read_int64(root, "month").values;
  CHECK(whole == std::vector<std::int64_t>(months.begin(), months.end()));
  SECTION("rows: a middle block, and a block clipped at the end") {
    const auto block = h5::read_int64_rows(root, "month", 100, 3);
    CHECK(block.values == std::vector<std::int64_t>{95, 96, 97});
    CHECK(block.shape == h5::Shape{3});
    CHECK(h5::read_int64_rows(root, "month", 69998, 10).values == std::vector<std::int64_t>{69993, 69994});
    CHECK(h5::read_int64_rows(root, "month", 80000, 10).values.empty());
  }
}

TEST_CASE("a column refuses too many, too few or mistyped values", "[hdf5][column]") {
  H5TempDir dir("column-misuse");
  auto file = h5::File::create(dir / "bad.h5");
  auto root = file.root();
  h5::define_dimension(root, "record", std::size_t{3});
  const std::vector<std::uint8_t> four = {1, 2, 3, 4};
  auto column = h5::ColumnWriter::create<std::uint8_t>(root, "event", 3, "record");
  CHECK_THROWS_AS(column.append(std::span<const std::uint8_t>(four)), std::invalid_argument);
  const std::vector<std::int8_t> signed_values = {1};
  CHECK_THROWS_AS(column.append(std::span<const std::int8_t>(signed_values)), std::invalid_argument);
  column.append(std::span<const std::uint8_t>(four).first(2));
  CHECK_THROWS_WITH(column.close(), Catch::Contains("2 of 3 values"));
  CHECK_THROWS_AS(h5::ColumnWriter::create<std::uint8_t>(root, "other", 4, "record"), std::invalid_argument);
}
