// HDF5 types of Finsim's values: the memory and file type of each C++ number type, the fixed-length
// UTF-8 string type, numpy-style type names for listings, and reading strings back.
#pragma once
#include <hdf5.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "output/h5_handle.h"

namespace finsim::h5::detail {

// Memory and file (little-endian) types of the numbers Finsim stores.
template <class T>
struct Types;
#define FINSIM_H5_NUMBER_TYPES(T, NATIVE, FILE) \
  template <>                                   \
  struct Types<T> {                             \
    static hid_t memory() { return NATIVE; }    \
    static hid_t file() { return FILE; }        \
  };
FINSIM_H5_NUMBER_TYPES(std::int8_t, H5T_NATIVE_INT8, H5T_STD_I8LE)
FINSIM_H5_NUMBER_TYPES(std::uint8_t, H5T_NATIVE_UINT8, H5T_STD_U8LE)
FINSIM_H5_NUMBER_TYPES(std::int16_t, H5T_NATIVE_INT16, H5T_STD_I16LE)
FINSIM_H5_NUMBER_TYPES(std::uint16_t, H5T_NATIVE_UINT16, H5T_STD_U16LE)
FINSIM_H5_NUMBER_TYPES(std::int32_t, H5T_NATIVE_INT32, H5T_STD_I32LE)
FINSIM_H5_NUMBER_TYPES(std::uint32_t, H5T_NATIVE_UINT32, H5T_STD_U32LE)
FINSIM_H5_NUMBER_TYPES(std::int64_t, H5T_NATIVE_INT64, H5T_STD_I64LE)
FINSIM_H5_NUMBER_TYPES(double, H5T_NATIVE_DOUBLE, H5T_IEEE_F64LE)
#undef FINSIM_H5_NUMBER_TYPES

// Finsim's strings are fixed-length UTF-8, NUL-padded, every element `width` bytes. libhdf5 1.10
// reads variable-length strings through its global heap, and a damaged heap in a corrupt file
// crashes or hangs libhdf5 itself (tests/fuzz/known_libhdf5); fixed-length strings are plain bytes
// in the dataset or attribute. A string's bytes must not contain NUL (it would end it on reading).
Handle string_type(std::size_t width);

// Strings laid out for a fixed-length string type: `width` bytes each, NUL-padded. The width is
// the longest + 1, at least 2: netCDF readers (h5netcdf, xarray) take a 1-byte string type for
// single characters, and the NUL after the longest keeps C readers that expect one safe.
struct PackedStrings {
  std::string bytes;
  std::size_t width = 2;
};
PackedStrings pack_strings(std::span<const std::string> values);

// "int64", "uint8", "float64", "str" or "other", as numpy names them.
std::string dtype_name(hid_t type);

// Reads n fixed-length strings (of `file_type`) through `read(memory_type, buffer)`, without their
// padding (NULs, or spaces where the type says so). A variable-length string type is refused as bad
// input naming `file` and `object`: reading it is what crashes libhdf5 on a damaged file.
template <class Read>
std::vector<std::string> read_string_values(hid_t file_type, std::size_t n, Read read, const std::string& file,
                                            const std::string& object) {
  if (H5Tis_variable_str(file_type) != 0) {
    input_failure(file, object,
                  "variable-length strings are not read (finsim writes fixed-length strings since "
                  "schema_version 2)");
  }
  std::vector<std::string> out;
  out.reserve(n);
  if (n == 0) return out;
  Handle memory(H5Tcopy(file_type), H5Tclose);
  std::size_t width = H5Tget_size(file_type);
  std::vector<char> buffer(n * width);
  read(memory.get(), buffer.data());
  bool space_padded = H5Tget_strpad(file_type) == H5T_STR_SPACEPAD;
  for (std::size_t i = 0; i < n; ++i) {
    std::string s(buffer.data() + i * width, width);
    if (space_padded) {
      s.erase(s.find_last_not_of(' ') + 1);
    } else {
      s.erase(std::min(s.find('\0'), s.size()));
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace finsim::h5::detail
