// HDF5 attributes as netCDF sees them: a value is a string, an integer, a double or a list of one
// of these; reading and writing them on any object, and the bookkeeping ones listings leave out.
#pragma once
#include <hdf5.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace finsim::h5 {

// Attribute values as netCDF sees them; strings are stored fixed-length UTF-8 (h5_types.h), which
// h5netcdf and xarray read as str and h5py as bytes. Integers must be std::int64_t: a std::size_t does not convert.
using AttrValue = std::variant<std::string, std::int64_t, double, std::vector<std::string>, std::vector<std::int64_t>,
                               std::vector<double>>;

struct Attribute {
  std::string name;
  AttrValue value;
};

// One line rendering for listings and attributes.csv, as JSON: strings quoted and escaped, lists
// in brackets.
std::string to_string(const AttrValue& value);

namespace detail {

// Bookkeeping attributes of dimension scales and netCDF that listings leave out, like h5netcdf.
bool hidden_attribute(std::string_view name);
// Creates or replaces attribute `name` of `object` (at `path` in `file`, for messages).
void write_attribute(hid_t object, const std::string& file, const std::string& path, std::string_view name,
                     const AttrValue& value);
// Values of types netCDF has no use for (references, compounds) come back empty.
std::optional<AttrValue> read_attribute(hid_t object, const std::string& file, const std::string& path,
                                        const std::string& name);
// Creation order where the file tracks it (ours do), else name order.
std::vector<std::string> attribute_names(hid_t object, const std::string& file, const std::string& path);

}  // namespace detail
}  // namespace finsim::h5
