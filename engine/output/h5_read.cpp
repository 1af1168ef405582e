#include "output/h5_read.h"

#include <hdf5_hl.h>

#include <algorithm>
#include <optional>

#include "output/h5_types.h"

namespace finsim::h5 {

namespace {

using detail::element_count;
using detail::Handle;
using detail::input_failure;
using detail::read_ok;
using detail::shape_of;
using detail::Types;

herr_t scale_name(hid_t, unsigned, hid_t scale, void* data) {
  ssize_t size = H5Iget_name(scale, nullptr, 0);
  if (size <= 0) return 0;
  std::string name(static_cast<std::size_t>(size), '\0');
  H5Iget_name(scale, name.data(), name.size() + 1);
  // netCDF names a dimension after its scale dataset; with several scales the last one wins.
  *static_cast<std::string*>(data) = detail::last_component(name);
  return 0;
}

// With `rows`, only rows [first, first + count) of a 1-D dataset (count clipped at the end).
struct Rows {
  std::size_t first = 0, count = 0;
};

// A numeric read accepts integers, and floats only where asked; anything else is bad input.
void check_number_type(const Group& group, const std::string& path, hid_t dataset, bool accept_float) {
  Handle type(H5Dget_type(dataset), H5Tclose);
  H5T_class_t cls = H5Tget_class(type.get());
  if (cls != H5T_INTEGER && !(accept_float && cls == H5T_FLOAT)) {
    input_failure(group.file_name(), path,
                  std::string("expected ") + (accept_float ? "numbers" : "integers") + ", found " +
                      detail::dtype_name(type.get()));
  }
}

// Reads the hyperslab start/count of `dataset` into `out` (sized to hold it).
template <class T>
void read_slab(const Group& group, const std::string& path, hid_t dataset, const std::vector<hsize_t>& start,
               const std::vector<hsize_t>& count, T* out) {
  const std::string& file = group.file_name();
  Handle file_space(read_ok(H5Dget_space(dataset), file, path, "get dataspace"), H5Sclose);
  read_ok(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr), file,
          path, count.size() == 1 ? "select rows" : "select a slice");
  Handle memory_space(
      read_ok(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr), file, path, "create dataspace"),
      H5Sclose);
  read_ok(H5Dread(dataset, Types<T>::memory(), memory_space.get(), file_space.get(), H5P_DEFAULT, out), file, path,
          "read");
}

// The sub-array at `index` of the first axis (a contiguous block in row-major order).
template <class T>
Array<T> read_leading(const Group& group, std::string_view name, bool accept_float, std::size_t index) {
  std::string path = group.path_of(name);
  Handle dataset = detail::open_dataset(group, name);
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
  read_slab(group, path, dataset.get(), start, count, out.values.data());
  return out;
}

template <class T>
Array<T> read_numbers(const Group& group, std::string_view name, bool accept_float,
                      std::optional<Rows> rows = std::nullopt) {
  std::string path = group.path_of(name);
  Handle dataset = detail::open_dataset(group, name);
  check_number_type(group, path, dataset.get(), accept_float);
  Array<T> out;
  out.shape = shape_of(dataset.get());
  if (!rows) {
    out.values.resize(element_count(out.shape));
    if (!out.values.empty()) {
      read_ok(H5Dread(dataset.get(), Types<T>::memory(), H5S_ALL, H5S_ALL, H5P_DEFAULT, out.values.data()),
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
  read_slab(group, path, dataset.get(), {first}, {count}, out.values.data());
  return out;
}

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

DatasetInfo dataset_info(const Group& group, std::string_view name) {
  Handle dataset = detail::open_dataset(group, name);
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  return DatasetInfo{shape_of(dataset.get()), detail::dtype_name(type.get()), H5Dget_storage_size(dataset.get())};
}

Array<std::int64_t> read_int64(const Group& group, std::string_view name) {
  return read_numbers<std::int64_t>(group, name, false);
}

Array<std::int64_t> read_int64_rows(const Group& group, std::string_view name, std::size_t first, std::size_t count) {
  return read_numbers<std::int64_t>(group, name, false, Rows{first, count});
}

Array<double> read_double(const Group& group, std::string_view name) { return read_numbers<double>(group, name, true); }

Array<std::int64_t> read_int64_at(const Group& group, std::string_view name, std::size_t index) {
  return read_leading<std::int64_t>(group, name, false, index);
}

Array<double> read_double_at(const Group& group, std::string_view name, std::size_t index) {
  return read_leading<double>(group, name, true, index);
}

std::vector<std::string> read_strings_at(const Group& group, std::string_view name, std::size_t index) {
  const Shape shape = dataset_info(group, name).shape;
  if (shape.size() < 2 || index >= shape[0]) {
    input_failure(group.file_name(), group.path_of(name), "no index " + std::to_string(index) + " on the first axis");
  }
  // String tables are small (the parameter table): read whole, keep one block.
  auto all = read_strings(group, name);
  const std::size_t block = all.size() / shape[0];
  return std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(index * block),
                                  all.begin() + static_cast<std::ptrdiff_t>((index + 1) * block));
}

std::vector<std::string> read_strings(const Group& group, std::string_view name) {
  std::string path = group.path_of(name);
  Handle dataset = detail::open_dataset(group, name);
  Handle type(H5Dget_type(dataset.get()), H5Tclose);
  Shape shape = shape_of(dataset.get());
  if (H5Tget_class(type.get()) != H5T_STRING) {
    input_failure(group.file_name(), path, "expected strings, found " + detail::dtype_name(type.get()));
  }
  return detail::read_string_values(
      type.get(), element_count(shape),
      [&](hid_t memory, void* buffer) {
        read_ok(H5Dread(dataset.get(), memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer), group.file_name(), path, "read");
      },
      group.file_name(), path);
}

std::vector<std::string> dimension_names(const Group& group, std::string_view name) {
  Handle dataset = detail::open_dataset(group, name);
  Shape shape = shape_of(dataset.get());
  if (H5DSis_scale(dataset.get()) > 0 && shape.size() == 1) return {detail::last_component(group.path_of(name))};
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
  if (auto* list = std::get_if<std::vector<std::string>>(&value); list && list->size() == 1) return list->front();
  input_failure(group.file_name(), group.path_of(object), "attribute '" + std::string(name) + "' is not a string");
}

std::int64_t int_attribute(const Group& group, std::string_view object, std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* i = std::get_if<std::int64_t>(&value)) return *i;
  if (auto* list = std::get_if<std::vector<std::int64_t>>(&value); list && list->size() == 1) return list->front();
  input_failure(group.file_name(), group.path_of(object), "attribute '" + std::string(name) + "' is not an integer");
}

double double_attribute(const Group& group, std::string_view object, std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* d = std::get_if<double>(&value)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (auto* list = std::get_if<std::vector<double>>(&value); list && list->size() == 1) return list->front();
  input_failure(group.file_name(), group.path_of(object), "attribute '" + std::string(name) + "' is not a number");
}

std::vector<std::string> strings_attribute(const Group& group, std::string_view object, std::string_view name) {
  AttrValue value = group.attribute(object, name);
  if (auto* list = std::get_if<std::vector<std::string>>(&value)) return *list;
  if (auto* s = std::get_if<std::string>(&value)) return {*s};
  input_failure(group.file_name(), group.path_of(object),
                "attribute '" + std::string(name) + "' is not a list of strings");
}

bool is_variable_length_string(const Group& group, std::string_view object, std::string_view name) {
  Handle target = detail::open_object(group, object);
  const std::string attr_name(name);
  if (H5Aexists(target.get(), attr_name.c_str()) <= 0) return false;
  Handle attr(H5Aopen(target.get(), attr_name.c_str(), H5P_DEFAULT), H5Aclose);
  if (attr.get() < 0) return false;
  Handle type(H5Aget_type(attr.get()), H5Tclose);
  return type.get() >= 0 && H5Tget_class(type.get()) == H5T_STRING && H5Tis_variable_str(type.get()) > 0;
}

void visit(const File& file, const std::function<void(const Entry&)>& callback) { visit_group(file.root(), callback); }

}  // namespace finsim::h5
