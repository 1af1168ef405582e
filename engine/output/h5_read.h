// Reading arrays and attributes back from any HDF5 file (a user's file is bad input when it does
// not hold what is asked for): typed whole or partial reads, dimension names, a full listing.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "output/h5_object.h"

namespace finsim::h5 {

struct DatasetInfo {
  Shape shape;
  std::string dtype;        // numpy-style: "int64", "int32", "float64", "str", ... or "other"
  std::uint64_t bytes = 0;  // storage used in the file (after compression)
};

template <class T>
struct Array {
  std::vector<T> values;  // row-major (C order)
  Shape shape;
};

DatasetInfo dataset_info(const Group& group, std::string_view name);
// Integer datasets of any width; read_double also accepts integer datasets.
Array<std::int64_t> read_int64(const Group& group, std::string_view name);
Array<double> read_double(const Group& group, std::string_view name);
// Rows [first, first + count) of a 1-D integer dataset, fewer at its end: for columns too long
// to read whole (the event log).
Array<std::int64_t> read_int64_rows(const Group& group, std::string_view name, std::size_t first, std::size_t count);
// The sub-array at `index` of the first axis of an N-D dataset (N ≥ 2), with that axis dropped:
// one point of a sweep without reading the others.
Array<std::int64_t> read_int64_at(const Group& group, std::string_view name, std::size_t index);
Array<double> read_double_at(const Group& group, std::string_view name, std::size_t index);
std::vector<std::string> read_strings_at(const Group& group, std::string_view name, std::size_t index);
// A fixed-length string dataset in row-major order (dataset_info has the shape); variable-length
// strings are refused (h5_types.h says why).
std::vector<std::string> read_strings(const Group& group, std::string_view name);
// One name per axis: the dimension scale attached to it, "" where none is. A coordinate dataset
// (itself a scale) has its own name as its dimension, as in netCDF.
std::vector<std::string> dimension_names(const Group& group, std::string_view name);

// Typed attribute getters; a one-element list counts as a scalar (netCDF writes them so).
std::string string_attribute(const Group& group, std::string_view object, std::string_view name);
std::int64_t int_attribute(const Group& group, std::string_view object, std::string_view name);
double double_attribute(const Group& group, std::string_view object, std::string_view name);
std::vector<std::string> strings_attribute(const Group& group, std::string_view object, std::string_view name);

// Whether the attribute is a variable-length string (as finsim wrote them before schema_version 2),
// found from its type alone: its value is not read.
bool is_variable_length_string(const Group& group, std::string_view object, std::string_view name);

struct Entry {
  std::string path;  // absolute, "/" for the root
  Kind kind = Kind::other;
  DatasetInfo info;                   // empty for groups
  std::vector<Attribute> attributes;  // without HDF5/netCDF bookkeeping (CLASS, DIMENSION_LIST, ...)
};

// Depth-first listing in name order, parents before children.
void visit(const File& file, const std::function<void(const Entry&)>& callback);

}  // namespace finsim::h5
