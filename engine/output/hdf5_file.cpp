#include "output/hdf5_file.h"

#include <hdf5_hl.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "util/error.h"
#include "util/text.h"

namespace finsim::h5 {

namespace detail {

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    reset();
    close_ = other.close_;
    id_ = other.release();
  }
  return *this;
}

hid_t Handle::release() noexcept {
  hid_t id = id_;
  id_ = H5I_INVALID_HID;
  return id;
}

void Handle::reset() noexcept { close(); }

bool Handle::close() noexcept {
  if (id_ < 0) return true;
  bool ok = close_(id_) >= 0;
  id_ = H5I_INVALID_HID;
  return ok;
}

}  // namespace detail

namespace {

using detail::Handle;

// netCDF-C marks a dimension that has no coordinate variable with this NAME (plus its length).
constexpr const char* kDimensionOnly = "This is a netCDF dimension but not a netCDF variable.";
// Arrays above this size are chunked and compressed; below it the filter overhead is not worth it.
constexpr std::size_t kCompressAbove = 4096;
constexpr std::size_t kChunkTarget = 256 * 1024;

// Bookkeeping attributes of dimension scales and netCDF that listings leave out, like h5netcdf.
bool hidden_attribute(std::string_view name) {
  for (const char* hidden : {"CLASS", "NAME", "REFERENCE_LIST", "DIMENSION_LIST", "_Netcdf4Dimid",
                             "_Netcdf4Coordinates", "_NCProperties", "_nc3_strict"}) {
    if (name == hidden) return true;
  }
  return false;
}

// ---- Errors ---------------------------------------------------------------------------------

struct Stack {
  std::vector<std::string> messages;  // outermost (API call) first
};

herr_t collect_error(unsigned, const H5E_error2_t* error, void* data) {
  auto* stack = static_cast<Stack*>(data);
  std::string text = error->desc ? error->desc : "";
  // HDF5 embeds ctime() output, which ends in a newline; messages must stay on one line.
  std::replace(text.begin(), text.end(), '\n', ' ');
  stack->messages.push_back(text);
  return 0;
}

// Must run right after the failing call: the next HDF5 call clears the stack.
Stack current_stack() {
  Stack stack;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect_error, &stack);
  return stack;
}

// The operating system's words if HDF5 recorded them, else HDF5's most specific message.
std::string reason(const Stack& stack) {
  constexpr std::string_view marker = "error message = '";
  for (const auto& message : stack.messages) {
    auto at = message.find(marker);
    if (at != std::string::npos) {
      auto start = at + marker.size();
      return message.substr(start, message.find('\'', start) - start);
    }
  }
  for (auto it = stack.messages.rbegin(); it != stack.messages.rend(); ++it) {
    if (!it->empty()) return *it;
  }
  return "unknown HDF5 error";
}

// From the stack's text, not errno: errno may be left over from an unrelated earlier failure.
bool disk_full(const Stack& stack) {
  return std::any_of(stack.messages.begin(), stack.messages.end(), [](const std::string& m) {
    // ENOSPC, or EDQUOT (a full quota looks the same to the user).
    return m.find("errno = 28,") != std::string::npos ||
           m.find("errno = 122,") != std::string::npos;
  });
}

// Must be built right after the failing call, before another HDF5 call clears the stack.
std::runtime_error write_error(const std::string& file, const std::string& object,
                               std::string_view action) {
  Stack stack = current_stack();
  if (disk_full(stack)) {
    return std::runtime_error(file + ": disk full while writing " + object);
  }
  return std::runtime_error(file + ": " + object + ": cannot " + std::string(action) + ": " +
                            reason(stack));
}

[[noreturn]] void write_failure(const std::string& file, const std::string& object,
                                std::string_view action) {
  throw write_error(file, object, action);
}

[[noreturn]] void input_failure(const std::string& file, const std::string& object,
                                const std::string& what) {
  throw InputError(file + ": " + object + ": " + what);
}

// Checks the result of an HDF5 call made while writing.
template <class T>
T written(T result, const std::string& file, const std::string& object, std::string_view action) {
  if (result < 0) write_failure(file, object, action);
  return result;
}

// Checks the result of an HDF5 call made while reading a user's file.
template <class T>
T read_ok(T result, const std::string& file, const std::string& object, std::string_view action) {
  if (result < 0) {
    std::string why = reason(current_stack());
    input_failure(file, object, "cannot " + std::string(action) + ": " + why);
  }
  return result;
}

// ---- Types ----------------------------------------------------------------------------------

// Memory and file types of attribute values and of what read_int64/read_double return.
template <class T>
struct Types;
template <>
struct Types<std::int64_t> {
  static hid_t memory() { return H5T_NATIVE_INT64; }
  static hid_t file() { return H5T_STD_I64LE; }
};
template <>
struct Types<double> {
  static hid_t memory() { return H5T_NATIVE_DOUBLE; }
  static hid_t file() { return H5T_IEEE_F64LE; }
};
// The narrower integers only ColumnWriter stores.
#define FINSIM_H5_INTEGER_TYPES(T, NATIVE, FILE) \
  template <>                                    \
  struct Types<T> {                              \
    static hid_t memory() { return NATIVE; }     \
    static hid_t file() { return FILE; }         \
  };
FINSIM_H5_INTEGER_TYPES(std::int8_t, H5T_NATIVE_INT8, H5T_STD_I8LE)
FINSIM_H5_INTEGER_TYPES(std::uint8_t, H5T_NATIVE_UINT8, H5T_STD_U8LE)
FINSIM_H5_INTEGER_TYPES(std::int16_t, H5T_NATIVE_INT16, H5T_STD_I16LE)
FINSIM_H5_INTEGER_TYPES(std::uint16_t, H5T_NATIVE_UINT16, H5T_STD_U16LE)
FINSIM_H5_INTEGER_TYPES(std::int32_t, H5T_NATIVE_INT32, H5T_STD_I32LE)
FINSIM_H5_INTEGER_TYPES(std::uint32_t, H5T_NATIVE_UINT32, H5T_STD_U32LE)
#undef FINSIM_H5_INTEGER_TYPES

// Variable-length strings in the given character set; UTF-8 is what netCDF calls NC_STRING.
Handle string_type(H5T_cset_t cset = H5T_CSET_UTF8) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (type.get() < 0 || H5Tset_size(type.get(), H5T_VARIABLE) < 0 ||
      H5Tset_cset(type.get(), cset) < 0) {
    throw std::runtime_error("HDF5: cannot make a string type: " + reason(current_stack()));
  }
  return type;
}

std::string dtype_name(hid_t type) {
  std::size_t bits = H5Tget_size(type) * 8;
  switch (H5Tget_class(type)) {
    case H5T_INTEGER:
      return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(bits);
    case H5T_FLOAT:
      return "float" + std::to_string(bits);
    case H5T_STRING:
      return "str";
    default:
      return "other";
  }
}

// Reads n strings through `read(memory_type, buffer)`, whether stored variable- or fixed-length.
template <class Read>
std::vector<std::string> read_string_values(hid_t file_type, std::size_t n, Read read) {
  std::vector<std::string> out;
  out.reserve(n);
  if (n == 0) return out;
  if (H5Tis_variable_str(file_type) > 0) {
    Handle memory = string_type(H5Tget_cset(file_type));
    std::vector<char*> buffer(n, nullptr);
    read(memory.get(), buffer.data());
    for (char* s : buffer) {
      out.emplace_back(s ? s : "");
      if (s) H5free_memory(s);
    }
    return out;
  }
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

// ---- Objects --------------------------------------------------------------------------------

std::string join(const std::string& parent, std::string_view child) {
  if (child == "." || child.empty()) return parent;
  return parent == "/" ? "/" + std::string(child) : parent + "/" + std::string(child);
}

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = std::min(path.find('/', start), path.size());
    if (end > start) out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// H5Lexists wants every parent to exist, so walk the path one link at a time.
bool exists(hid_t location, std::string_view path) {
  std::string prefix;
  for (const auto& part : components(path)) {
    if (part == ".") continue;
    prefix += prefix.empty() ? part : "/" + part;
    if (H5Lexists(location, prefix.c_str(), H5P_DEFAULT) <= 0) return false;
  }
  return true;
}

Kind kind_of(hid_t object) {
  switch (H5Iget_type(object)) {
    case H5I_GROUP:
      return Kind::group;
    case H5I_DATASET:
      return Kind::dataset;
    default:
      return Kind::other;
  }
}

Handle open_object(const Group& group, std::string_view name) {
  std::string path = group.path_of(name);
  if (!exists(group.id(), name)) input_failure(group.file_name(), path, "not found");
  std::string relative(name);
  return Handle(
      read_ok(H5Oopen(group.id(), relative.c_str(), H5P_DEFAULT), group.file_name(), path, "open"),
      H5Oclose);
}

Handle open_dataset(const Group& group, std::string_view name) {
  std::string path = group.path_of(name);
  if (!exists(group.id(), name)) input_failure(group.file_name(), path, "no such dataset");
  std::string relative(name);
  Handle object(
      read_ok(H5Oopen(group.id(), relative.c_str(), H5P_DEFAULT), group.file_name(), path, "open"),
      H5Oclose);
  if (kind_of(object.get()) != Kind::dataset) {
    input_failure(group.file_name(), path, "is not a dataset");
  }
  return object;
}

Shape shape_of(hid_t dataset) {
  Handle space(H5Dget_space(dataset), H5Sclose);
  int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank <= 0) return {};
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return Shape(dims.begin(), dims.end());
}

std::size_t element_count(const Shape& shape) {
  std::size_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

// Leading axes are split so a chunk holds about kChunkTarget bytes of whole trailing rows: the
// readers take whole replications or months, and chunks above the 1 MiB cache would thrash it.
std::vector<hsize_t> chunk_shape(const Shape& shape, std::size_t element_size) {
  std::vector<hsize_t> chunk(shape.begin(), shape.end());
  for (std::size_t axis = 0; axis < shape.size(); ++axis) {
    std::size_t trailing = element_size;
    for (std::size_t j = axis + 1; j < shape.size(); ++j) trailing *= shape[j];
    if (trailing >= kChunkTarget) {
      chunk[axis] = 1;
      continue;
    }
    chunk[axis] = std::clamp<hsize_t>(kChunkTarget / trailing, 1, shape[axis]);
    break;
  }
  return chunk;
}

Handle create_dataset(const Group& group, std::string_view name, hid_t file_type,
                      const Shape& shape, bool compress) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  std::vector<hsize_t> dims(shape.begin(), shape.end());
  Handle space(written(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), file,
                       path, "create dataspace"),
               H5Sclose);
  Handle dcpl(written(H5Pcreate(H5P_DATASET_CREATE), file, path, "create property list"), H5Pclose);
  written(H5Pset_attr_creation_order(dcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          file, path, "set attribute order");
  std::size_t element_size = H5Tget_size(file_type);
  if (compress && element_count(shape) * element_size > kCompressAbove) {
    auto chunk = chunk_shape(shape, element_size);
    written(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), file, path,
            "set chunking");
    written(H5Pset_shuffle(dcpl.get()), file, path, "set shuffle filter");
    written(H5Pset_deflate(dcpl.get(), 1), file, path, "set deflate filter");
  }
  std::string relative(name);
  return Handle(written(H5Dcreate2(group.id(), relative.c_str(), file_type, space.get(),
                                   H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
                        file, path, "create dataset"),
                H5Dclose);
}

// Closing a dataset writes out its cached chunks, so its failure is a write failure.
void finish(Handle& dataset, const std::string& file, const std::string& path) {
  if (!dataset.close()) write_failure(file, path, "close dataset");
}

void write_attribute(hid_t object, const std::string& file, const std::string& path,
                     std::string_view name, const AttrValue& value) {
  std::string attr_name(name);
  if (H5Aexists(object, attr_name.c_str()) > 0) {
    written(H5Adelete(object, attr_name.c_str()), file, path, "replace attribute " + attr_name);
  }
  auto create = [&](hid_t file_type, hid_t space) {
    return Handle(
        written(H5Acreate2(object, attr_name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT),
                file, path, "create attribute " + attr_name),
        H5Aclose);
  };
  // Empty lists get a null dataspace, which h5py and h5netcdf read as an empty array.
  auto space_for = [&](std::optional<std::size_t> length) {
    hid_t id;
    if (!length) {
      id = H5Screate(H5S_SCALAR);
    } else if (*length == 0) {
      id = H5Screate(H5S_NULL);
    } else {
      hsize_t n = *length;
      id = H5Screate_simple(1, &n, nullptr);
    }
    return Handle(written(id, file, path, "create dataspace"), H5Sclose);
  };
  auto write_strings = [&](const std::vector<const char*>& pointers, std::optional<std::size_t> n) {
    Handle type = string_type();
    Handle space = space_for(n);
    Handle attr = create(type.get(), space.get());
    if (!pointers.empty()) {
      written(H5Awrite(attr.get(), type.get(), pointers.data()), file, path,
              "write attribute " + attr_name);
    }
  };
  auto write_numbers = [&](const auto* data, std::optional<std::size_t> n) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(data)>>;
    Handle space = space_for(n);
    Handle attr = create(Types<T>::file(), space.get());
    if (!n || *n > 0) {
      written(H5Awrite(attr.get(), Types<T>::memory(), data), file, path,
              "write attribute " + attr_name);
    }
  };
  if (const auto* s = std::get_if<std::string>(&value)) {
    write_strings({s->c_str()}, std::nullopt);
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    write_numbers(i, std::nullopt);
  } else if (const auto* d = std::get_if<double>(&value)) {
    write_numbers(d, std::nullopt);
  } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    std::vector<const char*> pointers;
    for (const auto& s : *list) pointers.push_back(s.c_str());
    write_strings(pointers, list->size());
  } else if (const auto* ints = std::get_if<std::vector<std::int64_t>>(&value)) {
    write_numbers(ints->data(), ints->size());
  } else if (const auto* doubles = std::get_if<std::vector<double>>(&value)) {
    write_numbers(doubles->data(), doubles->size());
  }
}

// Values of types netCDF has no use for (references, compounds) come back empty.
std::optional<AttrValue> read_attribute(hid_t object, const std::string& file,
                                        const std::string& path, const std::string& name) {
  std::string where = path + " attribute " + name;
  Handle attr(
      read_ok(H5Aopen(object, name.c_str(), H5P_DEFAULT), file, path, "open attribute " + name),
      H5Aclose);
  Handle type(read_ok(H5Aget_type(attr.get()), file, where, "read type"), H5Tclose);
  Handle space(read_ok(H5Aget_space(attr.get()), file, where, "read shape"), H5Sclose);
  H5S_class_t space_class = H5Sget_simple_extent_type(space.get());
  std::size_t n = space_class == H5S_NULL
                      ? 0
                      : static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  bool scalar = space_class == H5S_SCALAR;
  auto read = [&](hid_t memory_type, void* buffer) {
    read_ok(H5Aread(attr.get(), memory_type, buffer), file, where, "read");
  };
  switch (H5Tget_class(type.get())) {
    case H5T_STRING: {
      auto values = read_string_values(type.get(), n, read);
      if (scalar) return AttrValue(values.empty() ? std::string() : values.front());
      return AttrValue(std::move(values));
    }
    case H5T_INTEGER: {
      std::vector<std::int64_t> values(n);
      if (n > 0) read(H5T_NATIVE_INT64, values.data());
      if (scalar) return AttrValue(values.front());
      return AttrValue(std::move(values));
    }
    case H5T_FLOAT: {
      std::vector<double> values(n);
      if (n > 0) read(H5T_NATIVE_DOUBLE, values.data());
      if (scalar) return AttrValue(values.front());
      return AttrValue(std::move(values));
    }
    default:
      return std::nullopt;
  }
}

herr_t collect_name(hid_t, const char* name, const H5A_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}

// Creation order where the file tracks it (ours do), else name order.
std::vector<std::string> attribute_names(hid_t object, const std::string& file,
                                         const std::string& path) {
  std::vector<std::string> names;
  if (H5Aiterate2(object, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_name, &names) >= 0) {
    return names;
  }
  names.clear();
  read_ok(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_name, &names), file,
          path, "list attributes");
  return names;
}

// A dimension scale of this group, checked against the axis it is to label.
Handle open_scale(const Group& group, std::string_view array, const std::string& dim,
                  std::size_t length) {
  std::string where = "write_array(" + group.path_of(array) + "): dimension '" + dim + "'";
  if (!exists(group.id(), dim)) {
    throw std::invalid_argument(where + " is not defined in " + group.path());
  }
  Handle scale(H5Dopen2(group.id(), dim.c_str(), H5P_DEFAULT), H5Dclose);
  if (scale.get() < 0 || H5DSis_scale(scale.get()) <= 0) {
    throw std::invalid_argument(where + " is not a dimension");
  }
  Shape shape = shape_of(scale.get());
  if (shape.size() != 1 || shape[0] != length) {
    throw std::invalid_argument(where + " has length " +
                                std::to_string(shape.empty() ? 0 : shape[0]) + ", the axis " +
                                std::to_string(length));
  }
  return scale;
}

// The shared part of write_array for numbers and strings; `data` is in `memory_type`.
void write_labelled(const Group& group, std::string_view name, hid_t file_type, hid_t memory_type,
                    const void* data, std::size_t count, const Shape& shape,
                    const std::vector<std::string>& dims, const std::vector<Attribute>& attrs) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  if (shape.empty() || shape.size() > 5 || dims.size() != shape.size()) {
    throw std::invalid_argument("write_array(" + path +
                                "): needs 1-5 axes and one dimension name each");
  }
  if (element_count(shape) != count) {
    throw std::invalid_argument("write_array(" + path + "): " + std::to_string(count) +
                                " values do not fill the shape");
  }
  std::vector<Handle> scales;
  for (std::size_t axis = 0; axis < dims.size(); ++axis) {
    scales.push_back(open_scale(group, name, dims[axis], shape[axis]));
  }
  // Compressing variable-length strings would only compress pointers into the heap.
  bool compress = H5Tget_class(file_type) != H5T_STRING;
  Handle dataset = create_dataset(group, name, file_type, shape, compress);
  if (count > 0) {
    written(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), file, path,
            "write");
  }
  for (std::size_t axis = 0; axis < scales.size(); ++axis) {
    written(H5DSattach_scale(dataset.get(), scales[axis].get(), static_cast<unsigned>(axis)), file,
            path, "attach dimension " + dims[axis]);
  }
  for (const auto& attr : attrs) write_attribute(dataset.get(), file, path, attr.name, attr.value);
  finish(dataset, file, path);
}

// A 1-D dataset made a dimension scale named after itself: netCDF's coordinate variable.
void define_coordinate(const Group& group, std::string_view name, hid_t file_type,
                       hid_t memory_type, const void* data, std::size_t count) {
  std::string path = group.path_of(name);
  Handle dataset = create_dataset(group, name, file_type, {count}, false);
  if (count > 0) {
    written(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
            group.file_name(), path, "write");
  }
  std::string dim(name);
  written(H5DSset_scale(dataset.get(), dim.c_str()), group.file_name(), path, "make dimension");
  finish(dataset, group.file_name(), path);
}

std::vector<const char*> c_strings(std::span<const std::string> values) {
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& s : values) pointers.push_back(s.c_str());
  return pointers;
}

std::string last_component(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

herr_t scale_name(hid_t, unsigned, hid_t scale, void* data) {
  ssize_t size = H5Iget_name(scale, nullptr, 0);
  if (size <= 0) return 0;
  std::string name(static_cast<std::size_t>(size), '\0');
  H5Iget_name(scale, name.data(), name.size() + 1);
  // netCDF names a dimension after its scale dataset; with several scales the last one wins.
  *static_cast<std::string*>(data) = last_component(name);
  return 0;
}

// With `rows`, only rows [first, first + count) of a 1-D dataset (count clipped at the end).
struct Rows {
  std::size_t first = 0, count = 0;
};

template <class T>
Array<T> read_numbers(const Group& group, std::string_view name, bool accept_float,
                      std::optional<Rows> rows = std::nullopt);

// A numeric read accepts integers, and floats only where asked; anything else is bad input.
void check_number_type(const Group& group, const std::string& path, hid_t dataset, bool accept_float) {
  Handle type(H5Dget_type(dataset), H5Tclose);
  H5T_class_t cls = H5Tget_class(type.get());
  if (cls != H5T_INTEGER && !(accept_float && cls == H5T_FLOAT)) {
    input_failure(group.file_name(), path,
                  std::string("expected ") + (accept_float ? "numbers" : "integers") + ", found " +
                      dtype_name(type.get()));
  }
}

// The sub-array at `index` of the first axis (a contiguous block in row-major order).
template <class T>
Array<T> read_leading(const Group& group, std::string_view name, bool accept_float, std::size_t index) {
  std::string path = group.path_of(name);
  Handle dataset = open_dataset(group, name);
  check_number_type(group, path, dataset.get(), accept_float);
  const Shape full = shape_of(dataset.get());
  if (full.size() < 2) {
    input_failure(group.file_name(), path, "expected at least 2 axes, found " + std::to_string(full.size()));
  }
  if (index >= full[0]) {
    input_failure(group.file_name(), path,
                  "index " + std::to_string(index) + " beyond the first axis (length " + std::to_string(full[0]) + ")");
  }
  Array<T> out;
  out.shape.assign(full.begin() + 1, full.end());
  out.values.resize(element_count(out.shape));
  if (out.values.empty()) return out;
  std::vector<hsize_t> start(full.size(), 0), count(full.begin(), full.end());
  start[0] = index;
  count[0] = 1;
  Handle file_space(read_ok(H5Dget_space(dataset.get()), group.file_name(), path, "get dataspace"),
                    H5Sclose);
  read_ok(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(),
                              nullptr),
          group.file_name(), path, "select a slice");
  Handle memory_space(read_ok(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                              group.file_name(), path, "create dataspace"),
                      H5Sclose);
  read_ok(H5Dread(dataset.get(), Types<T>::memory(), memory_space.get(), file_space.get(),
                  H5P_DEFAULT, out.values.data()),
          group.file_name(), path, "read");
  return out;
}

template <class T>
Array<T> read_numbers(const Group& group, std::string_view name, bool accept_float,
                      std::optional<Rows> rows) {
  std::string path = group.path_of(name);
  Handle dataset = open_dataset(group, name);
  check_number_type(group, path, dataset.get(), accept_float);
  Array<T> out;
  out.shape = shape_of(dataset.get());
  if (!rows) {
    out.values.resize(element_count(out.shape));
    if (!out.values.empty()) {
      read_ok(H5Dread(dataset.get(), Types<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT,
                      out.values.data()),
              group.file_name(), path, "read");
    }
    return out;
  }
  if (out.shape.size() != 1) {
    input_failure(group.file_name(), path,
                  "expected a 1-D dataset, found " + std::to_string(out.shape.size()) + " axes");
  }
  const std::size_t first = std::min(rows->first, out.shape[0]);
  const std::size_t count = std::min(rows->count, out.shape[0] - first);
  out.shape = {count};
  out.values.resize(count);
  if (count == 0) return out;
  Handle file_space(read_ok(H5Dget_space(dataset.get()), group.file_name(), path, "get dataspace"),
                    H5Sclose);
  const hsize_t start = first;
  const hsize_t n = count;
  read_ok(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &n, nullptr),
          group.file_name(), path, "select rows");
  Handle memory_space(read_ok(H5Screate_simple(1, &n, nullptr), group.file_name(), path,
                              "create dataspace"),
                      H5Sclose);
  read_ok(H5Dread(dataset.get(), Types<T>::memory(), memory_space.get(), file_space.get(),
                  H5P_DEFAULT, out.values.data()),
          group.file_name(), path, "read");
  return out;
}

struct Render {
  std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
  std::string operator()(std::int64_t i) const { return std::to_string(i); }
  std::string operator()(double d) const { return shortest_number(d); }
  template <class T>
  std::string operator()(const std::vector<T>& list) const {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + (*this)(list[i]);
    return out + "]";
  }
};

void visit_group(const Group& group, const std::function<void(const Entry&)>& callback) {
  callback(Entry{group.path(), Kind::group, {}, group.attributes()});
  for (const auto& child : group.children()) {
    if (child.kind == Kind::group) {
      visit_group(group.open_group(child.name), callback);
    } else if (child.kind == Kind::dataset) {
      callback(Entry{group.path_of(child.name), Kind::dataset, dataset_info(group, child.name),
                     group.attributes(child.name)});
    } else {
      callback(Entry{group.path_of(child.name), Kind::other, {}, {}});
    }
  }
}

}  // namespace

std::string to_string(const AttrValue& value) { return std::visit(Render{}, value); }

// ---- Group ----------------------------------------------------------------------------------

std::string Group::path_of(std::string_view child) const { return join(path_, child); }

Group Group::create_group(std::string_view path) const {
  Handle gcpl(written(H5Pcreate(H5P_GROUP_CREATE), file_, path_, "create property list"), H5Pclose);
  // Creation order lets netCDF readers list dimensions, variables and attributes as written.
  unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  written(H5Pset_link_creation_order(gcpl.get(), order), file_, path_, "set link order");
  written(H5Pset_attr_creation_order(gcpl.get(), order), file_, path_, "set attribute order");
  Handle current(H5Oopen(id_.get(), ".", H5P_DEFAULT), H5Oclose);
  std::string current_path = path_;
  for (const auto& part : components(path)) {
    current_path = join(current_path, part);
    hid_t next =
        H5Lexists(current.get(), part.c_str(), H5P_DEFAULT) > 0
            ? H5Gopen2(current.get(), part.c_str(), H5P_DEFAULT)
            : H5Gcreate2(current.get(), part.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT);
    current = Handle(written(next, file_, current_path, "create group"), H5Gclose);
  }
  return Group(std::move(current), file_, current_path);
}

Group Group::open_group(std::string_view path) const {
  // Normalise "a//b/" so that paths in messages and listings look the same everywhere.
  std::string full = path_;
  for (const auto& part : components(path)) full = join(full, part);
  if (!exists(id_.get(), path)) input_failure(file_, full, "no such group");
  Handle object = open_object(*this, path);
  if (kind_of(object.get()) != Kind::group) input_failure(file_, full, "is not a group");
  return Group(std::move(object), file_, full);
}

bool Group::has(std::string_view name) const { return exists(id_.get(), name); }

std::vector<Child> Group::children() const {
  H5G_info_t info;
  read_ok(H5Gget_info(id_.get(), &info), file_, path_, "list members");
  std::vector<Child> out;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    ssize_t size =
        H5Lget_name_by_idx(id_.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    read_ok(size, file_, path_, "list members");
    std::string name(static_cast<std::size_t>(size), '\0');
    H5Lget_name_by_idx(id_.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size() + 1,
                       H5P_DEFAULT);
    // Dangling soft or external links cannot be opened; they are listed as "other".
    Handle object(H5Oopen(id_.get(), name.c_str(), H5P_DEFAULT), H5Oclose);
    out.push_back({name, object.get() < 0 ? Kind::other : kind_of(object.get())});
  }
  return out;
}

void Group::set_attribute(std::string_view name, const AttrValue& value) const {
  set_attribute(".", name, value);
}

void Group::set_attribute(std::string_view object, std::string_view name,
                          const AttrValue& value) const {
  Handle target = open_object(*this, object);
  write_attribute(target.get(), file_, path_of(object), name, value);
}

std::vector<Attribute> Group::attributes(std::string_view object) const {
  Handle target = open_object(*this, object);
  std::string path = path_of(object);
  std::vector<Attribute> out;
  for (const auto& name : attribute_names(target.get(), file_, path)) {
    if (hidden_attribute(name)) continue;
    if (auto value = read_attribute(target.get(), file_, path, name)) {
      out.push_back({name, std::move(*value)});
    }
  }
  return out;
}

bool Group::has_attribute(std::string_view object, std::string_view name) const {
  Handle target = open_object(*this, object);
  return H5Aexists(target.get(), std::string(name).c_str()) > 0;
}

AttrValue Group::attribute(std::string_view object, std::string_view name) const {
  Handle target = open_object(*this, object);
  std::string path = path_of(object);
  std::string attr_name(name);
  if (H5Aexists(target.get(), attr_name.c_str()) <= 0) {
    input_failure(file_, path, "no attribute '" + attr_name + "'");
  }
  auto value = read_attribute(target.get(), file_, path, attr_name);
  if (!value) input_failure(file_, path, "attribute '" + attr_name + "' has an unsupported type");
  return std::move(*value);
}

// ---- File -----------------------------------------------------------------------------------

namespace {

void prepare_library() {
  // When a write fails (disk full), HDF5 1.10 cannot close the file and keeps its ID; its atexit
  // clean-up then closes that ID again and crashes, turning a clear error into a segfault. Our
  // handles close everything themselves, so the clean-up is not needed. This only takes effect
  // before the library's first use, and later calls are harmless.
  H5dont_atexit();
  // Errors become exceptions with the stack's text; HDF5's own printing to stderr would duplicate
  // them and break the one-line message rule.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

}  // namespace

File File::create(const std::filesystem::path& path) {
  prepare_library();
  std::string name = path.string();
  Handle fcpl(written(H5Pcreate(H5P_FILE_CREATE), name, "/", "create property list"), H5Pclose);
  unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  written(H5Pset_link_creation_order(fcpl.get(), order), name, "/", "set link order");
  written(H5Pset_attr_creation_order(fcpl.get(), order), name, "/", "set attribute order");
  hid_t id = H5Fcreate(name.c_str(), H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT);
  if (id < 0) {
    Stack stack = current_stack();
    if (disk_full(stack)) {
      throw std::runtime_error(name + ": disk full while writing the file header");
    }
    throw std::runtime_error(name + ": cannot create file: " + reason(stack));
  }
  File file(Handle(id, H5Fclose), name);
  file.writable_ = true;
  return file;
}

File File::open_read(const std::filesystem::path& path) {
  prepare_library();
  std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw InputError(name + ": no such file");
  if (std::filesystem::is_directory(path, error)) throw InputError(name + ": is a directory");
  htri_t is_hdf5 = H5Fis_hdf5(name.c_str());
  if (is_hdf5 < 0) throw InputError(name + ": cannot open: " + reason(current_stack()));
  if (is_hdf5 == 0) throw InputError(name + ": not an HDF5 file");
  hid_t id = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) {
    Stack stack = current_stack();
    bool locked = std::any_of(stack.messages.begin(), stack.messages.end(), [](const auto& m) {
      return m.find("unable to lock file") != std::string::npos;
    });
    throw InputError(name + ": cannot open: " +
                     (locked ? "the file is locked (is it still being written?)" : reason(stack)));
  }
  return File(Handle(id, H5Fclose), name);
}

Group File::root() const {
  hid_t id = H5Gopen2(id_.get(), "/", H5P_DEFAULT);
  if (id < 0) {
    // A damaged file opened for reading is bad input (exit 2), like any other reading failure;
    // found by fuzzing (tests/fuzz/fuzz_results).
    const std::string what = name_ + ": cannot open the root group: " + reason(current_stack());
    if (!writable_) throw InputError(what);
    throw std::runtime_error(what);
  }
  return Group(Handle(id, H5Gclose), name_, "/");
}

void File::close() {
  if (id_.get() < 0) return;
  bool flushed = !writable_ || H5Fflush(id_.get(), H5F_SCOPE_LOCAL) >= 0;
  if (flushed && id_.close()) return;
  auto error = write_error(name_, "the file's metadata", flushed ? "close" : "flush");
  id_.reset();
  throw error;
}

// ---- Writing --------------------------------------------------------------------------------

void define_dimension(const Group& group, std::string_view name,
                      std::span<const std::int32_t> values) {
  define_coordinate(group, name, H5T_STD_I32LE, H5T_NATIVE_INT32, values.data(), values.size());
}

void define_dimension(const Group& group, std::string_view name,
                      std::span<const std::int64_t> values) {
  define_coordinate(group, name, H5T_STD_I64LE, H5T_NATIVE_INT64, values.data(), values.size());
}

void define_dimension(const Group& group, std::string_view name,
                      std::span<const std::string> values) {
  Handle type = string_type();
  auto pointers = c_strings(values);
  define_coordinate(group, name, type.get(), type.get(), pointers.data(), pointers.size());
}

void define_dimension(const Group& group, std::string_view name, std::size_t length) {
  std::string path = group.path_of(name);
  // Like netCDF-C: big-endian float placeholder, never written, so it takes no space in the file.
  Handle dataset = create_dataset(group, name, H5T_IEEE_F32BE, {length}, false);
  char label[96];
  std::snprintf(label, sizeof label, "%s%10zu", kDimensionOnly, length);
  written(H5DSset_scale(dataset.get(), label), group.file_name(), path, "make dimension");
  finish(dataset, group.file_name(), path);
}

void write_array(const Group& group, std::string_view name, std::span<const std::int64_t> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs) {
  write_labelled(group, name, H5T_STD_I64LE, H5T_NATIVE_INT64, data.data(), data.size(), shape,
                 dims, attrs);
}

void write_array(const Group& group, std::string_view name, std::span<const std::int32_t> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs) {
  write_labelled(group, name, H5T_STD_I32LE, H5T_NATIVE_INT32, data.data(), data.size(), shape,
                 dims, attrs);
}

void write_array(const Group& group, std::string_view name, std::span<const double> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs) {
  write_labelled(group, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, data.data(), data.size(), shape,
                 dims, attrs);
}

void write_array(const Group& group, std::string_view name, std::span<const std::string> data,
                 const Shape& shape, const std::vector<std::string>& dims,
                 const std::vector<Attribute>& attrs) {
  Handle type = string_type();
  auto pointers = c_strings(data);
  write_labelled(group, name, type.get(), type.get(), pointers.data(), pointers.size(), shape, dims,
                 attrs);
}

// ---- Reading --------------------------------------------------------------------------------

DatasetInfo dataset_info(const Group& group, std::string_view name) {
  Handle dataset = open_dataset(group, name);
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  return DatasetInfo{shape_of(dataset.get()), dtype_name(type.get()),
                     H5Dget_storage_size(dataset.get())};
}

Array<std::int64_t> read_int64(const Group& group, std::string_view name) {
  return read_numbers<std::int64_t>(group, name, false);
}

Array<std::int64_t> read_int64_rows(const Group& group, std::string_view name, std::size_t first,
                                    std::size_t count) {
  return read_numbers<std::int64_t>(group, name, false, Rows{first, count});
}

Array<double> read_double(const Group& group, std::string_view name) {
  return read_numbers<double>(group, name, true);
}

Array<std::int64_t> read_int64_at(const Group& group, std::string_view name, std::size_t index) {
  return read_leading<std::int64_t>(group, name, false, index);
}

Array<double> read_double_at(const Group& group, std::string_view name, std::size_t index) {
  return read_leading<double>(group, name, true, index);
}

std::vector<std::string> read_strings_at(const Group& group, std::string_view name,
                                         std::size_t index) {
  const Shape shape = dataset_info(group, name).shape;
  if (shape.size() < 2 || index >= shape[0]) {
    input_failure(group.file_name(), group.path_of(name),
                  "no index " + std::to_string(index) + " on the first axis");
  }
  // String tables are small (the parameter table): read whole, keep one block.
  auto all = read_strings(group, name);
  const std::size_t block = all.size() / shape[0];
  return std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(index * block),
                                  all.begin() + static_cast<std::ptrdiff_t>((index + 1) * block));
}

std::vector<std::string> read_strings(const Group& group, std::string_view name) {
  std::string path = group.path_of(name);
  Handle dataset = open_dataset(group, name);
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  Shape shape = shape_of(dataset.get());
  if (H5Tget_class(type.get()) != H5T_STRING) {
    input_failure(group.file_name(), path, "expected strings, found " + dtype_name(type.get()));
  }
  return read_string_values(type.get(), element_count(shape), [&](hid_t memory, void* buffer) {
    read_ok(H5Dread(dataset.get(), memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer),
            group.file_name(), path, "read");
  });
}

std::vector<std::string> dimension_names(const Group& group, std::string_view name) {
  Handle dataset = open_dataset(group, name);
  Shape shape = shape_of(dataset.get());
  if (H5DSis_scale(dataset.get()) > 0 && shape.size() == 1) {
    return {last_component(group.path_of(name))};
  }
  std::vector<std::string> names(shape.size());
  for (std::size_t axis = 0; axis < shape.size(); ++axis) {
    auto index = static_cast<unsigned>(axis);
    if (H5DSget_num_scales(dataset.get(), index) > 0) {
      H5DSiterate_scales(dataset.get(), index, nullptr, scale_name, &names[axis]);
    }
  }
  return names;
}

std::string string_attribute(const Group& group, std::string_view object, std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* s = std::get_if<std::string>(&value)) return *s;
  if (auto* list = std::get_if<std::vector<std::string>>(&value); list && list->size() == 1) {
    return list->front();
  }
  input_failure(group.file_name(), group.path_of(object),
                "attribute '" + std::string(name) + "' is not a string");
}

std::int64_t int_attribute(const Group& group, std::string_view object, std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (auto* list = std::get_if<std::vector<std::int64_t>>(&value); list && list->size() == 1) {
    return list->front();
  }
  input_failure(group.file_name(), group.path_of(object),
                "attribute '" + std::string(name) + "' is not an integer");
}

double double_attribute(const Group& group, std::string_view object, std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* d = std::get_if<double>(&value)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (auto* list = std::get_if<std::vector<double>>(&value); list && list->size() == 1) {
    return list->front();
  }
  input_failure(group.file_name(), group.path_of(object),
                "attribute '" + std::string(name) + "' is not a number");
}

std::vector<std::string> strings_attribute(const Group& group, std::string_view object,
                                           std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* list = std::get_if<std::vector<std::string>>(&value)) return *list;
  if (auto* s = std::get_if<std::string>(&value)) return {*s};
  input_failure(group.file_name(), group.path_of(object),
                "attribute '" + std::string(name) + "' is not a list of strings");
}

void visit(const File& file, const std::function<void(const Entry&)>& callback) {
  visit_group(file.root(), callback);
}

// ---- ColumnWriter ---------------------------------------------------------------------------

template <class T>
ColumnWriter ColumnWriter::create(const Group& group, std::string_view name, std::size_t length,
                                  const std::string& dim, const std::vector<Attribute>& attrs) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  Handle scale = open_scale(group, name, dim, length);
  Handle dataset = create_dataset(group, name, Types<T>::file(), {length}, true);
  written(H5DSattach_scale(dataset.get(), scale.get(), 0), file, path, "attach dimension " + dim);
  for (const auto& attr : attrs) write_attribute(dataset.get(), file, path, attr.name, attr.value);
  return ColumnWriter(std::move(dataset), Types<T>::memory(), file, path, length);
}

template <class T>
void ColumnWriter::append(std::span<const T> values) {
  append_raw(Types<T>::memory(), values.data(), values.size());
}

void ColumnWriter::append_raw(hid_t memory_type, const void* values, std::size_t count) {
  if (memory_type != memory_type_) {
    throw std::invalid_argument("ColumnWriter(" + path_ + "): appended values of another type");
  }
  if (written_ + count > length_) {
    throw std::invalid_argument("ColumnWriter(" + path_ + "): more than " +
                                std::to_string(length_) + " values");
  }
  if (count == 0) return;
  Handle file_space(written(H5Dget_space(dataset_.get()), file_, path_, "get dataspace"),
                    H5Sclose);
  const hsize_t start = written_;
  const hsize_t n = count;
  written(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &n, nullptr),
          file_, path_, "select rows");
  Handle memory_space(written(H5Screate_simple(1, &n, nullptr), file_, path_, "create dataspace"),
                      H5Sclose);
  written(H5Dwrite(dataset_.get(), memory_type, memory_space.get(), file_space.get(),
                   H5P_DEFAULT, values),
          file_, path_, "write");
  written_ += count;
}

void ColumnWriter::close() {
  if (written_ != length_) {
    throw std::invalid_argument("ColumnWriter(" + path_ + "): " + std::to_string(written_) +
                                " of " + std::to_string(length_) + " values appended");
  }
  finish(dataset_, file_, path_);
}

#define FINSIM_H5_COLUMN(T)                                                                      \
  template ColumnWriter ColumnWriter::create<T>(const Group&, std::string_view, std::size_t,     \
                                                const std::string&, const std::vector<Attribute>&); \
  template void ColumnWriter::append<T>(std::span<const T>);
FINSIM_H5_COLUMN(std::int8_t)
FINSIM_H5_COLUMN(std::uint8_t)
FINSIM_H5_COLUMN(std::int16_t)
FINSIM_H5_COLUMN(std::uint16_t)
FINSIM_H5_COLUMN(std::int32_t)
FINSIM_H5_COLUMN(std::uint32_t)
FINSIM_H5_COLUMN(std::int64_t)
#undef FINSIM_H5_COLUMN

}  // namespace finsim::h5
