#include "output/hdf5_file.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <stdexcept>

#include "util/error.h"
#include "../temp_dir.h"

namespace fs = std::filesystem;
using namespace finsim;

namespace {

struct H5Dir : test::TempDir {
  explicit H5Dir(const std::string& name) : test::TempDir("h5-" + name) {}
};

template <class T>
std::vector<T> iota(std::size_t n, T start) {
  std::vector<T> v(n);
  std::iota(v.begin(), v.end(), start);
  return v;
}

const std::vector<std::string> kForbund = {"Samordningsförbundet Göteborg", "Malmö",
                                           "Östra Skaraborg"};

// The file tests/python/test_hdf5_layer.py checks with h5py and xarray; keep the two in step.
void write_sample(const fs::path& path) {
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
    h5::write_array(g, "participants", std::span<const std::int64_t>(iota<std::int64_t>(720, 0)),
                    shape, dims,
                    {{"units", "people"}, {"long_name", "participants at the end of the month"}});
    std::vector<double> spent(720);
    for (std::size_t i = 0; i < spent.size(); ++i) spent[i] = 0.5 * static_cast<double>(i);
    h5::write_array(g, "spent", std::span<const double>(spent), shape, dims,
                    {{"units", "SEK"}, {"description", "kronor spent in the month"}});
    h5::write_array(g, "share", std::span<const double>(std::vector<double>{0.25, 0.5, 0.25}), {3},
                    {"forbund"}, {{"units", "1"}});
    // A parameter table: labels as the coordinate, values and units as variables along it.
    h5::define_dimension(g, "parameter", std::vector<std::string>{"state_share", "start_rate"});
    h5::write_array(g, "parameter_value", std::vector<double>{0.5, 0.02}, {2}, {"parameter"});
    h5::write_array(g, "parameter_unit", std::vector<std::string>{"1", "1/månad"}, {2},
                    {"parameter"});
  }
  file.close();
}

}  // namespace

TEST_CASE("HDF5 sample file for the Python test", "[hdf5][hdf5-sample]") {
  H5Dir dir("sample");
  const char* requested = std::getenv("FINSIM_SAMPLE_H5");
  fs::path path = requested ? fs::path(requested) : dir / "sample.h5";
  write_sample(path);

  auto file = h5::File::open_read(path);
  auto g = file.open_group("scenarios/sample");
  CHECK(h5::dimension_names(g, "participants") ==
        std::vector<std::string>{"replication", "month", "forbund"});
  CHECK(h5::read_strings(g, "forbund") == kForbund);
  CHECK(h5::string_attribute(g, "participants", "units") == "people");
  CHECK(h5::dataset_info(g, "participants").bytes < 720 * 8);  // compressed
}

TEST_CASE("int64 and double 3-D arrays round-trip with named dimensions", "[hdf5]") {
  H5Dir dir("roundtrip");
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
    h5::define_dimension(g, "forbund",
                         std::span<const std::string>(std::vector<std::string>{"A", "B"}));
    h5::write_array(g, "counts", counts, shape, dims);
    h5::write_array(g, "money", money, shape, dims, {{"units", "SEK"}});
    h5::write_array(g, "small", std::span<const std::int32_t>(std::vector<std::int32_t>{7, 8}), {2},
                    {"forbund"});
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

TEST_CASE("a 5-D array reads back whole and one leading index at a time", "[hdf5]") {
  H5Dir dir("leading");
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

TEST_CASE("every HDF5 handle is closed once its owner is gone", "[hdf5]") {
  H5Dir dir("leaks");
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

TEST_CASE("a dimension with many attributes can label many arrays", "[hdf5]") {
  // Attaching rewrites the scale's REFERENCE_LIST; with dense, creation-ordered attribute storage
  // that is the path where HDF5 has had bugs.
  H5Dir dir("many");
  {
    auto file = h5::File::create(dir / "m.h5");
    auto root = file.root();
    h5::define_dimension(root, "month", std::vector<std::int32_t>{0, 1, 2});
    for (int i = 0; i < 12; ++i)
      root.set_attribute("month", "note" + std::to_string(i), std::int64_t{i});
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
  H5Dir dir("strings");
  const std::vector<std::string> labels = {"Göteborg", "", "Kalix – Överkalix", "emoji 🙂"};
  {
    auto file = h5::File::create(dir / "s.h5");
    h5::define_dimension(file.root(), "forbund", std::span<const std::string>(labels));
    h5::define_dimension(file.root(), "none",
                         std::span<const std::string>(std::vector<std::string>{}));
    file.close();
  }
  auto file = h5::File::open_read(dir / "s.h5");
  CHECK(h5::read_strings(file.root(), "forbund") == labels);
  CHECK(h5::read_strings(file.root(), "none").empty());
}

TEST_CASE("string arrays and long text attributes round-trip", "[hdf5]") {
  H5Dir dir("text");
  const std::string scenario(1 << 20,
                             'x');  // a resolved scenario far above the 64 KiB header limit
  const std::vector<std::string> grid = {"a", "b", "c", "d", "e", "f"};
  {
    auto file = h5::File::create(dir / "t.h5");
    auto root = file.root();
    root.set_attribute("scenario", scenario);
    h5::define_dimension(root, "row", std::size_t{2});
    h5::define_dimension(root, "col", std::size_t{3});
    h5::write_array(root, "grid", grid, {2, 3}, {"row", "col"});
    file.close();
  }
  auto file = h5::File::open_read(dir / "t.h5");
  CHECK(h5::string_attribute(file.root(), ".", "scenario") == scenario);
  CHECK(h5::read_strings(file.root(), "grid") == grid);
  CHECK(h5::dataset_info(file.root(), "grid").shape == h5::Shape{2, 3});
  CHECK(h5::dimension_names(file.root(), "grid") == std::vector<std::string>{"row", "col"});
}

TEST_CASE("attributes round-trip", "[hdf5]") {
  H5Dir dir("attrs");
  {
    auto file = h5::File::create(dir / "a.h5");
    auto root = file.root();
    root.set_attribute("text", std::string("Finsam – lag 2003:1210"));
    root.set_attribute("count", std::int64_t{-42});
    root.set_attribute("rate", 0.125);
    root.set_attribute("list", std::vector<std::string>{"FK", "region", "kommun"});
    root.set_attribute("empty", std::vector<std::string>{});
    root.set_attribute("ints", std::vector<std::int64_t>{1, 2});
    root.set_attribute("doubles", std::vector<double>{0.5});
    root.set_attribute("text", std::string("replaced"));  // overwriting is allowed
    h5::define_dimension(root, "x", std::size_t{2});
    h5::write_array(root, "v", std::span<const double>(std::vector<double>{1, 2}), {2}, {"x"},
                    {{"units", "people"}, {"long_name", "Deltagare"}});
    root.set_attribute("v", "description", std::string("later"));
    file.close();
  }
  auto file = h5::File::open_read(dir / "a.h5");
  auto root = file.root();
  CHECK(h5::string_attribute(root, ".", "text") == "replaced");
  CHECK(h5::int_attribute(root, ".", "count") == -42);
  CHECK(h5::double_attribute(root, ".", "rate") == 0.125);
  CHECK(h5::double_attribute(root, ".", "count") == -42.0);
  CHECK(h5::double_attribute(root, ".", "doubles") == 0.5);
  CHECK(h5::strings_attribute(root, ".", "list") ==
        std::vector<std::string>{"FK", "region", "kommun"});
  CHECK(h5::strings_attribute(root, ".", "empty").empty());
  CHECK(std::get<std::vector<std::int64_t>>(root.attribute(".", "ints")) ==
        std::vector<std::int64_t>{1, 2});
  CHECK(h5::string_attribute(root, "v", "units") == "people");
  CHECK(h5::string_attribute(root, "v", "long_name") == "Deltagare");
  CHECK(h5::string_attribute(root, "v", "description") == "later");
  CHECK(root.has_attribute("v", "units"));
  CHECK_FALSE(root.has_attribute("v", "nope"));

  // Creation order, without the dimension-scale bookkeeping.
  std::vector<std::string> names;
  for (const auto& a : root.attributes()) names.push_back(a.name);
  CHECK(names ==
        std::vector<std::string>{"count", "rate", "list", "empty", "ints", "doubles", "text"});
  std::vector<std::string> v_names;
  for (const auto& a : root.attributes("v")) v_names.push_back(a.name);
  CHECK(v_names == std::vector<std::string>{"units", "long_name", "description"});

  CHECK(h5::to_string(root.attribute(".", "list")) == R"(["FK", "region", "kommun"])");
  CHECK(h5::to_string(root.attribute(".", "rate")) == "0.125");
  CHECK(h5::to_string(root.attribute(".", "count")) == "-42");

  CHECK_THROWS_AS(h5::int_attribute(root, ".", "text"), InputError);
  CHECK_THROWS_WITH(h5::string_attribute(root, ".", "missing"),
                    Catch::Contains("a.h5") && Catch::Contains("missing"));
}

TEST_CASE("reading a file that is not HDF5 names the file", "[hdf5]") {
  H5Dir dir("nothdf5");
  auto path = dir / "results.h5";
  std::ofstream(path) << "this is not HDF5\n";
  CHECK_THROWS_AS(h5::File::open_read(path), InputError);
  CHECK_THROWS_WITH(h5::File::open_read(path), path.string() + ": not an HDF5 file");
  CHECK_THROWS_WITH(h5::File::open_read(dir / "absent.h5"),
                    (dir / "absent.h5").string() + ": no such file");
}

TEST_CASE("missing or mistyped objects are named in InputError", "[hdf5]") {
  H5Dir dir("missing");
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
  CHECK_THROWS_WITH(file.open_group("scenarios/other"),
                    path.string() + ": /scenarios/other: no such group");
  CHECK_THROWS_WITH(h5::read_int64(g, "forbund"),
                    path.string() + ": /scenarios/base/forbund: expected integers, found str");
  CHECK_THROWS_WITH(h5::read_strings(file.root(), "scenarios"),
                    path.string() + ": /scenarios: is not a dataset");
  CHECK_THROWS_AS(file.open_group("scenarios/base/forbund"), InputError);
}

TEST_CASE("write_array rejects shapes that do not match its dimensions", "[hdf5]") {
  H5Dir dir("misuse");
  auto file = h5::File::create(dir / "x.h5");
  auto root = file.root();
  h5::define_dimension(root, "month", std::size_t{3});
  std::vector<double> three = {1, 2, 3};
  CHECK_THROWS_AS(h5::write_array(root, "a", std::span<const double>(three), {4}, {"month"}),
                  std::invalid_argument);
  CHECK_THROWS_AS(h5::write_array(root, "b", std::span<const double>(three), {3}, {"year"}),
                  std::invalid_argument);
  CHECK_THROWS_AS(h5::write_array(root, "c", std::span<const double>(three), {3}, {}),
                  std::invalid_argument);
  CHECK_THROWS_WITH(h5::write_array(root, "d", std::span<const double>(std::vector<double>{1, 2}),
                                    {2}, {"month"}),
                    Catch::Contains("month") && Catch::Contains("length 3"));
  CHECK_FALSE(root.has("a"));
}

TEST_CASE("large arrays are chunked and compressed", "[hdf5]") {
  H5Dir dir("chunks");
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

TEST_CASE("visit lists groups and datasets with their attributes", "[hdf5]") {
  H5Dir dir("visit");
  auto path = dir / "sample.h5";
  write_sample(path);
  std::vector<std::string> paths;
  h5::Entry participants;
  h5::visit(h5::File::open_read(path), [&](const h5::Entry& e) {
    paths.push_back(e.path);
    if (e.path == "/scenarios/sample/participants") participants = e;
  });
  CHECK(paths == std::vector<std::string>{
                     "/", "/scenarios", "/scenarios/sample", "/scenarios/sample/forbund",
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

TEST_CASE("creating a file where it cannot be written gives a clear error", "[hdf5]") {
  H5Dir dir("nodir");
  auto path = dir / "missing-dir" / "out.h5";
  // Root ignores permissions, so a directory that does not exist stands in for a read-only one.
  CHECK_THROWS_AS(h5::File::create(path), std::runtime_error);
  CHECK_THROWS_WITH(h5::File::create(path),
                    path.string() + ": cannot create file: No such file or directory");
  if (fs::exists("/dev/full")) {
    CHECK_THROWS_WITH(h5::File::create("/dev/full"),
                      "/dev/full: disk full while writing the file header");
  }
}

TEST_CASE("a column written in pieces reads back whole and by rows", "[hdf5][column]") {
  H5Dir dir("column");
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
  H5Dir dir("column-misuse");
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

TEST_CASE("reading rows of a 2-D dataset is an input error", "[hdf5][column]") {
  H5Dir dir("rows-2d");
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
