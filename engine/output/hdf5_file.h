// A small RAII layer over the HDF5 C API that writes netCDF-4-compatible files (named dimensions
// as dimension scales, UTF-8 string labels and attributes) and reads them back for inspect/compare.
#pragma once
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace finsim::h5 {

// Errors: problems with a file the user gave us (not HDF5, missing object, wrong type or shape)
// throw finsim::InputError; failures while writing throw std::runtime_error; misuse by the
// caller (data size not matching the shape, unknown dimension) throws std::invalid_argument.
// Not thread-safe: one thread at a time may use the objects of one file.

namespace detail {
// Owns one HDF5 identifier and closes it with the matching H5?close.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer close) : id_(id), close_(close) {}
  Handle(Handle&& other) noexcept : id_(other.release()), close_(other.close_) {}
  Handle& operator=(Handle&& other) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { reset(); }

  hid_t get() const { return id_; }
  hid_t release() noexcept;
  void reset() noexcept;
  // Closes now and reports whether HDF5 succeeded: closing a dataset or file may flush data.
  bool close() noexcept;

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer close_ = nullptr;
};
}  // namespace detail

using Shape = std::vector<std::size_t>;

// Attribute values as netCDF sees them; a scalar string is stored as variable-length UTF-8 so that
// h5py and xarray read it as str. Integers must be std::int64_t: a std::size_t does not convert.
using AttrValue = std::variant<std::string, std::int64_t, double, std::vector<std::string>,
                               std::vector<std::int64_t>, std::vector<double>>;

struct Attribute {
  std::string name;
  AttrValue value;
};

// One line rendering for listings: strings quoted, lists in brackets.
std::string to_string(const AttrValue& value);

enum class Kind { group, dataset, other };

struct Child {
  std::string name;
  Kind kind = Kind::other;
};

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

class Group {
 public:
  Group(detail::Handle id, std::string file, std::string path)
      : id_(std::move(id)), file_(std::move(file)), path_(std::move(path)) {}

  // Creates missing groups along a relative path such as "scenarios/baseline".
  Group create_group(std::string_view path) const;
  Group open_group(std::string_view path) const;
  bool has(std::string_view name) const;
  std::vector<Child> children() const;

  // "." names the group itself; any other name is a child object (usually a dataset).
  void set_attribute(std::string_view name, const AttrValue& value) const;
  void set_attribute(std::string_view object, std::string_view name, const AttrValue& value) const;
  std::vector<Attribute> attributes(std::string_view object = ".") const;
  AttrValue attribute(std::string_view object, std::string_view name) const;
  bool has_attribute(std::string_view object, std::string_view name) const;

  hid_t id() const { return id_.get(); }
  const std::string& file_name() const { return file_; }
  const std::string& path() const { return path_; }  // absolute, "/" for the root
  std::string path_of(std::string_view child) const;

 private:
  detail::Handle id_;
  std::string file_;
  std::string path_;
};

class File {
 public:
  // Truncates an existing file. The caller usually passes a PartialFile's partial_path().
  static File create(const std::filesystem::path& path);
  static File open_read(const std::filesystem::path& path);

  Group root() const;
  Group create_group(std::string_view path) const { return root().create_group(path); }
  Group open_group(std::string_view path) const { return root().open_group(path); }

  // Flushes and closes, reporting write errors (the destructor has to swallow them).
  // Groups of this file should be destroyed first so that HDF5 really closes the file.
  void close();
  const std::string& name() const { return name_; }

 private:
  File(detail::Handle id, std::string name) : id_(std::move(id)), name_(std::move(name)) {}
  detail::Handle id_;
  std::string name_;
  bool writable_ = false;
};

// ---- Writing ------------------------------------------------------------------------------

// A dimension is a 1-D dimension-scale dataset named after it; its values become the coordinate
// (xarray shows them as the dimension's labels). Strings are variable-length UTF-8.
void define_dimension(const Group& group, std::string_view name,
                      std::span<const std::int32_t> values);
void define_dimension(const Group& group, std::string_view name,
                      std::span<const std::int64_t> values);
void define_dimension(const Group& group, std::string_view name,
                      std::span<const std::string> values);
// A dimension without coordinate values (netCDF's "dimension but not a variable").
void define_dimension(const Group& group, std::string_view name, std::size_t length);

// N-D array (1-5 axes), row-major; axis i is attached to the dimension `dims[i]` of this group,
// which must already be defined with length shape[i]. Large arrays are chunked and compressed.
void write_array(const Group& group, std::string_view name, std::span<const std::int64_t> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs = {});
void write_array(const Group& group, std::string_view name, std::span<const std::int32_t> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs = {});
void write_array(const Group& group, std::string_view name, std::span<const double> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs = {});
// Labels per element, e.g. the unit or source of each parameter; never compressed.
void write_array(const Group& group, std::string_view name, std::span<const std::string> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs = {});

// A 1-D number column of known length written piece by piece (say one replication at a time), so
// a long table such as the event log never has to be assembled in memory. Chunked, compressed and
// attached to the dimension `dim` of the group like write_array. T: an 8- to 64-bit integer.
class ColumnWriter {
 public:
  template <class T>
  static ColumnWriter create(const Group& group, std::string_view name, std::size_t length,
                             const std::string& dim, const std::vector<Attribute>& attrs = {});
  // T must be the type the column was created with.
  template <class T>
  void append(std::span<const T> values);
  // Flushes; throws std::invalid_argument unless exactly `length` values were appended.
  void close();

 private:
  ColumnWriter(detail::Handle dataset, hid_t memory_type, std::string file, std::string path,
               std::size_t length)
      : dataset_(std::move(dataset)), memory_type_(memory_type), file_(std::move(file)),
        path_(std::move(path)), length_(length) {}
  void append_raw(hid_t memory_type, const void* values, std::size_t count);
  detail::Handle dataset_;
  hid_t memory_type_;
  std::string file_, path_;
  std::size_t length_ = 0;
  std::size_t written_ = 0;
};

// ---- Reading ------------------------------------------------------------------------------

DatasetInfo dataset_info(const Group& group, std::string_view name);
// Integer datasets of any width; read_double also accepts integer datasets.
Array<std::int64_t> read_int64(const Group& group, std::string_view name);
Array<double> read_double(const Group& group, std::string_view name);
// Rows [first, first + count) of a 1-D integer dataset, fewer at its end: for columns too long
// to read whole (the event log).
Array<std::int64_t> read_int64_rows(const Group& group, std::string_view name, std::size_t first,
                                    std::size_t count);
// The sub-array at `index` of the first axis of an N-D dataset (N ≥ 2), with that axis dropped:
// one point of a sweep without reading the others.
Array<std::int64_t> read_int64_at(const Group& group, std::string_view name, std::size_t index);
Array<double> read_double_at(const Group& group, std::string_view name, std::size_t index);
std::vector<std::string> read_strings_at(const Group& group, std::string_view name,
                                         std::size_t index);
// A string dataset, variable- or fixed-length, in row-major order (dataset_info has the shape).
std::vector<std::string> read_strings(const Group& group, std::string_view name);
// One name per axis: the dimension scale attached to it, "" where none is. A coordinate dataset
// (itself a scale) has its own name as its dimension, as in netCDF.
std::vector<std::string> dimension_names(const Group& group, std::string_view name);

// Typed attribute getters; a one-element list counts as a scalar (netCDF writes them so).
std::string string_attribute(const Group& group, std::string_view object, std::string_view name);
std::int64_t int_attribute(const Group& group, std::string_view object, std::string_view name);
double double_attribute(const Group& group, std::string_view object, std::string_view name);
std::vector<std::string> strings_attribute(const Group& group, std::string_view object,
                                           std::string_view name);

struct Entry {
  std::string path;  // absolute, "/" for the root
  Kind kind = Kind::other;
  DatasetInfo info;  // empty for groups
  std::vector<Attribute>
      attributes;  // without HDF5/netCDF bookkeeping (CLASS, DIMENSION_LIST, ...)
};

// Depth-first listing in name order, parents before children.
void visit(const File& file, const std::function<void(const Entry&)>& callback);

}  // namespace finsim::h5
