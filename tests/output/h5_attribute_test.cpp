// Specification of output/h5_attribute.cpp: attributes of every kind on groups and datasets,
// overwritten in place, listed in creation order, long text beyond the object-header limit.
#include "output/h5_attribute.h"

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

TEST_CASE("attributes round-trip", "[hdf5]") {
  H5TempDir dir("attrs");
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
  CHECK(h5::strings_attribute(root, ".", "list") == std::vector<std::string>{"FK", "region", "kommun"});
  CHECK(h5::strings_attribute(root, ".", "empty").empty());
  CHECK(std::get<std::vector<std::int64_t>>(root.attribute(".", "ints")) == std::vector<std::int64_t>{1, 2});
  CHECK(h5::string_attribute(root, "v", "units") == "people");
  CHECK(h5::string_attribute(root, "v", "long_name") == "Deltagare");
  CHECK(h5::string_attribute(root, "v", "description") == "later");
  CHECK(root.has_attribute("v", "units"));
  CHECK_FALSE(root.has_attribute("v", "nope"));

  // Creation order, without the dimension-scale bookkeeping.
  std::vector<std::string> names;
  for (const auto& a : root.attributes()) names.push_back(a.name);
  CHECK(names == std::vector<std::string>{"count", "rate", "list", "empty", "ints", "doubles", "text"});
  std::vector<std::string> v_names;
  for (const auto& a : root.attributes("v")) v_names.push_back(a.name);
  CHECK(v_names == std::vector<std::string>{"units", "long_name", "description"});

  CHECK(h5::to_string(root.attribute(".", "list")) == R"(["FK", "region", "kommun"])");
  CHECK(h5::to_string(root.attribute(".", "rate")) == "0.125");
  CHECK(h5::to_string(root.attribute(".", "count")) == "-42");
  // Rendered as JSON: quotes, backslashes and control characters escaped, UTF-8 as it is.
  CHECK(h5::to_string(h5::AttrValue{std::vector<std::string>{"scenario.end=\"2030-12\"", "a\\b"}}) ==
        R"(["scenario.end=\"2030-12\"", "a\\b"])");
  CHECK(h5::to_string(h5::AttrValue{std::string("[scenario]\nname = \"x\"\t\x01 Försäkringskassan")}) ==
        R"("[scenario]\nname = \"x\"\t\u0001 Försäkringskassan")");

  CHECK_THROWS_AS(h5::int_attribute(root, ".", "text"), InputError);
  CHECK_THROWS_WITH(h5::string_attribute(root, ".", "missing"), Catch::Contains("a.h5") && Catch::Contains("missing"));
}

TEST_CASE("string arrays and long text attributes round-trip", "[hdf5]") {
  H5TempDir dir("text");
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
