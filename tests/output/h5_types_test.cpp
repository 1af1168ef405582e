// Specification of Finsim's HDF5 types (engine/output/h5_types.h): strings are stored fixed-length,
// UTF-8, NUL-padded, one byte wider than the longest; variable-length strings are refused on reading.
#include "output/h5_types.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "../temp_dir.h"
#include "output/hdf5_file.h"
#include "util/error.h"

using namespace finsim;
using finsim::h5::detail::Handle;

TEST_CASE("strings pack into one buffer, one byte wider than the longest", "[hdf5][h5_types]") {
  const std::vector<std::string> labels = {"ab", "", "Malmö"};  // "Malmö" is 6 bytes in UTF-8
  const auto packed = h5::detail::pack_strings(labels);
  CHECK(packed.width == 7);
  REQUIRE(packed.bytes.size() == 21);
  CHECK(packed.bytes.substr(0, 7) == std::string("ab\0\0\0\0\0", 7));
  CHECK(packed.bytes.substr(7, 7) == std::string(7, '\0'));
  CHECK(packed.bytes.substr(14, 7) == std::string("Malm\xc3\xb6\0", 7));
  // Never narrower than 2: netCDF readers take a 1-byte string type for single characters.
  CHECK(h5::detail::pack_strings(std::vector<std::string>{"1"}).width == 2);
  CHECK(h5::detail::pack_strings(std::vector<std::string>{}).width == 2);
  CHECK(h5::detail::pack_strings(std::vector<std::string>{}).bytes.empty());
}

TEST_CASE("the string type is fixed-length UTF-8, NUL-padded", "[hdf5][h5_types]") {
  Handle type = h5::detail::string_type(7);
  CHECK(H5Tget_class(type.get()) == H5T_STRING);
  CHECK(H5Tis_variable_str(type.get()) == 0);
  CHECK(H5Tget_size(type.get()) == 7);
  CHECK(H5Tget_cset(type.get()) == H5T_CSET_UTF8);
  CHECK(H5Tget_strpad(type.get()) == H5T_STR_NULLPAD);
  CHECK(h5::detail::dtype_name(type.get()) == "str");
  CHECK(h5::detail::dtype_name(H5T_STD_I32LE) == "int32");
  CHECK(h5::detail::dtype_name(H5T_STD_U8LE) == "uint8");
  CHECK(h5::detail::dtype_name(H5T_IEEE_F64LE) == "float64");
}

TEST_CASE("labels and string attributes are written fixed-length and read back", "[hdf5][h5_types]") {
  test::TempDir dir("h5-types-fixed");
  const auto path = dir / "s.h5";
  const std::vector<std::string> labels = {"Samordningsförbundet Göteborg", "Ö", ""};
  {
    auto file = h5::File::create(path);
    auto root = file.root();
    h5::define_dimension(root, "forbund", std::span<const std::string>(labels));
    h5::write_array(root, "unit", std::span<const std::string>(labels), {3}, {"forbund"}, {{"units", "1"}});
    root.set_attribute("title", std::string("Prov – åäö"));
    root.set_attribute("list", std::vector<std::string>{"a", "bb"});
    file.close();
  }
  auto file = h5::File::open_read(path);
  auto root = file.root();
  CHECK(h5::read_strings(root, "forbund") == labels);
  CHECK(h5::read_strings(root, "unit") == labels);
  CHECK(h5::string_attribute(root, ".", "title") == "Prov – åäö");
  CHECK(h5::strings_attribute(root, ".", "list") == std::vector<std::string>{"a", "bb"});
  CHECK(h5::string_attribute(root, "unit", "units") == "1");
  CHECK_FALSE(h5::is_variable_length_string(root, ".", "title"));
  // xarray decodes a fixed-length string dataset to str when it says its encoding; listings hide it.
  CHECK(h5::string_attribute(root, "unit", "_Encoding") == "utf-8");
  CHECK(h5::string_attribute(root, "forbund", "_Encoding") == "utf-8");
  for (const auto& a : root.attributes("unit")) CHECK(a.name != "_Encoding");
  Handle dataset(H5Dopen2(root.id(), "forbund", H5P_DEFAULT), H5Dclose);
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  CHECK(H5Tis_variable_str(type.get()) == 0);
  CHECK(H5Tget_size(type.get()) == std::string("Samordningsförbundet Göteborg").size() + 1);
}

TEST_CASE("variable-length strings are refused as bad input naming the file and object", "[hdf5][h5_types]") {
  test::TempDir dir("h5-types-vlen");
  const auto path = dir / "v.h5";
  {
    // What finsim wrote before schema_version 2 (and h5py writes for str by default).
    auto file = h5::File::create(path);
    auto root = file.root();
    Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(type.get(), H5T_VARIABLE);
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    const hsize_t n = 2;
    const char* values[] = {"a", "b"};
    Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
    Handle dataset(H5Dcreate2(root.id(), "labels", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                   H5Dclose);
    REQUIRE(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values) >= 0);
    Handle scalar(H5Screate(H5S_SCALAR), H5Sclose);
    Handle attr(H5Acreate2(root.id(), "schema_version", type.get(), scalar.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    const char* one[] = {"1"};
    REQUIRE(H5Awrite(attr.get(), type.get(), one) >= 0);
  }
  auto file = h5::File::open_read(path);
  auto root = file.root();
  CHECK(h5::is_variable_length_string(root, ".", "schema_version"));
  CHECK_FALSE(h5::is_variable_length_string(root, ".", "absent"));
  CHECK_THROWS_AS(h5::read_strings(root, "labels"), InputError);
  CHECK_THROWS_WITH(h5::read_strings(root, "labels"),
                    path.string() +
                        ": /labels: variable-length strings are not read (finsim writes fixed-length "
                        "strings since schema_version 2)");
  CHECK_THROWS_WITH(h5::string_attribute(root, ".", "schema_version"),
                    Catch::StartsWith(path.string() + ": / attribute schema_version: variable-length strings"));
  // A listing (finsim inspect) stops at the same place with the same kind of message.
  CHECK_THROWS_AS(h5::visit(file, [](const h5::Entry&) {}), InputError);
}
