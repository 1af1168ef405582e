// Writing netCDF-4-compatible arrays: named dimensions as dimension scales (with coordinate values
// or without), N-D arrays attached to them, and long 1-D columns appended piece by piece.
#pragma once
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "output/h5_object.h"

namespace finsim::h5 {

// A dimension is a 1-D dimension-scale dataset named after it; its values become the coordinate
// (xarray shows them as the dimension's labels). Strings are fixed-length UTF-8 (h5_types.h).
void define_dimension(const Group& group, std::string_view name, std::span<const std::int32_t> values);
void define_dimension(const Group& group, std::string_view name, std::span<const std::int64_t> values);
void define_dimension(const Group& group, std::string_view name, std::span<const std::string> values);
// A dimension without coordinate values (netCDF's "dimension but not a variable").
void define_dimension(const Group& group, std::string_view name, std::size_t length);

// N-D array (1-5 axes), row-major; axis i is attached to the dimension `dims[i]` of this group,
// which must already be defined with length shape[i]. Large arrays are chunked and compressed.
void write_array(const Group& group, std::string_view name, std::span<const std::int64_t> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs = {});
void write_array(const Group& group, std::string_view name, std::span<const std::int32_t> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs = {});
void write_array(const Group& group, std::string_view name, std::span<const double> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs = {});
// Labels per element, e.g. the unit or source of each parameter; never compressed.
void write_array(const Group& group, std::string_view name, std::span<const std::string> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs = {});

// A 1-D number column of known length written piece by piece (say one replication at a time), so
// a long table such as the event log never has to be assembled in memory. Chunked, compressed and
// attached to the dimension `dim` of the group like write_array. T: an 8- to 64-bit integer.
class ColumnWriter {
 public:
  template <class T>
  static ColumnWriter create(const Group& group, std::string_view name, std::size_t length, const std::string& dim,
                             const std::vector<Attribute>& attrs = {});
  // T must be the type the column was created with.
  template <class T>
  void append(std::span<const T> values);
  // Flushes; throws std::invalid_argument unless exactly `length` values were appended.
  void close();

 private:
  ColumnWriter(detail::Handle dataset, hid_t memory_type, std::string file, std::string path, std::size_t length)
      : dataset_(std::move(dataset)),
        memory_type_(memory_type),
        file_(std::move(file)),
        path_(std::move(path)),
        length_(length) {}
  void append_raw(hid_t memory_type, const void* values, std::size_t count);
  detail::Handle dataset_;
  hid_t memory_type_;
  std::string file_, path_;
  std::size_t length_ = 0;
  std::size_t written_ = 0;
};

namespace detail {

// The dataset `name` of `group`, chunked, shuffled and deflated when `compress` and it is larger
// than a few KiB (chunk length 1 on the first `lead_axes` axes), contiguous otherwise.
Handle create_dataset(const Group& group, std::string_view name, hid_t file_type, const Shape& shape, bool compress,
                      std::size_t lead_axes = 0);
// A dimension scale of `group`, checked against the axis of `array` it is to label.
Handle open_scale(const Group& group, std::string_view array, const std::string& dim, std::size_t length);
// Closes a dataset, which writes out its cached chunks: a failure is a write failure.
void finish(Handle& dataset, const std::string& file, const std::string& path);

}  // namespace detail
}  // namespace finsim::h5
