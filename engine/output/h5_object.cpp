#include "output/h5_object.h"

#include <algorithm>

#include "util/error.h"

namespace finsim::h5 {

using detail::Handle;
using detail::input_failure;
using detail::read_ok;
using detail::written;

namespace detail {

namespace {

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

}  // namespace

std::string join(const std::string& parent, std::string_view child) {
  if (child == "." || child.empty()) return parent;
  return parent == "/" ? "/" + std::string(child) : parent + "/" + std::string(child);
}

std::string last_component(const std::string& path) {
  auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
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
    case H5I_GROUP: return Kind::group;
    case H5I_DATASET: return Kind::dataset;
    default: return Kind::other;
  }
}

Handle open_object(const Group& group, std::string_view name) {
  std::string path = group.path_of(name);
  if (!exists(group.id(), name)) input_failure(group.file_name(), path, "not found");
  std::string relative(name);
  return Handle(read_ok(H5Oopen(group.id(), relative.c_str(), H5P_DEFAULT), group.file_name(), path, "open"), H5Oclose);
}

Handle open_dataset(const Group& group, std::string_view name) {
  std::string path = group.path_of(name);
  if (!exists(group.id(), name)) input_failure(group.file_name(), path, "no such dataset");
  std::string relative(name);
  Handle object(read_ok(H5Oopen(group.id(), relative.c_str(), H5P_DEFAULT), group.file_name(), path, "open"), H5Oclose);
  if (kind_of(object.get()) != Kind::dataset) input_failure(group.file_name(), path, "is not a dataset");
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

}  // namespace detail

// ---- Group ----------------------------------------------------------------------------------

std::string Group::path_of(std::string_view child) const { return detail::join(path_, child); }

Group Group::create_group(std::string_view path) const {
  Handle gcpl(written(H5Pcreate(H5P_GROUP_CREATE), file_, path_, "create property list"), H5Pclose);
  // Creation order lets netCDF readers list dimensions, variables and attributes as written.
  unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  written(H5Pset_link_creation_order(gcpl.get(), order), file_, path_, "set link order");
  written(H5Pset_attr_creation_order(gcpl.get(), order), file_, path_, "set attribute order");
  Handle current(H5Oopen(id_.get(), ".", H5P_DEFAULT), H5Oclose);
  std::string current_path = path_;
  for (const auto& part : detail::components(path)) {
    current_path = detail::join(current_path, part);
    hid_t next = H5Lexists(current.get(), part.c_str(), H5P_DEFAULT) > 0
                     ? H5Gopen2(current.get(), part.c_str(), H5P_DEFAULT)
                     : H5Gcreate2(current.get(), part.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT);
    current = Handle(written(next, file_, current_path, "create group"), H5Gclose);
  }
  return Group(std::move(current), file_, current_path);
}

Group Group::open_group(std::string_view path) const {
  // Normalise "a//b/" so that paths in messages and listings look the same everywhere.
  std::string full = path_;
  for (const auto& part : detail::components(path)) full = detail::join(full, part);
  if (!detail::exists(id_.get(), path)) input_failure(file_, full, "no such group");
  Handle object = detail::open_object(*this, path);
  if (detail::kind_of(object.get()) != Kind::group) input_failure(file_, full, "is not a group");
  return Group(std::move(object), file_, full);
}

bool Group::has(std::string_view name) const { return detail::exists(id_.get(), name); }

std::vector<Child> Group::children() const {
  H5G_info_t info;
  read_ok(H5Gget_info(id_.get(), &info), file_, path_, "list members");
  std::vector<Child> out;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    ssize_t size = H5Lget_name_by_idx(id_.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    read_ok(size, file_, path_, "list members");
    std::string name(static_cast<std::size_t>(size), '\0');
    H5Lget_name_by_idx(id_.get(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
    // Dangling soft or external links cannot be opened; they are listed as "other".
    Handle object(H5Oopen(id_.get(), name.c_str(), H5P_DEFAULT), H5Oclose);
    out.push_back({name, object.get() < 0 ? Kind::other : detail::kind_of(object.get())});
  }
  return out;
}

void Group::set_attribute(std::string_view name, const AttrValue& value) const { set_attribute(".", name, value); }

void Group::set_attribute(std::string_view object, std::string_view name, const AttrValue& value) const {
  Handle target = detail::open_object(*this, object);
  detail::write_attribute(target.get(), file_, path_of(object), name, value);
}

std::vector<Attribute> Group::attributes(std::string_view object) const {
  Handle target = detail::open_object(*this, object);
  std::string path = path_of(object);
  std::vector<Attribute> out;
  for (const auto& name : detail::attribute_names(target.get(), file_, path)) {
    if (detail::hidden_attribute(name)) continue;
    if (auto value = detail::read_attribute(target.get(), file_, path, name)) out.push_back({name, std::move(*value)});
  }
  return out;
}

bool Group::has_attribute(std::string_view object, std::string_view name) const {
  Handle target = detail::open_object(*this, object);
  return H5Aexists(target.get(), std::string(name).c_str()) > 0;
}

AttrValue Group::attribute(std::string_view object, std::string_view name) const {
  Handle target = detail::open_object(*this, object);
  std::string path = path_of(object);
  std::string attr_name(name);
  if (H5Aexists(target.get(), attr_name.c_str()) <= 0) input_failure(file_, path, "no attribute '" + attr_name + "'");
  auto value = detail::read_attribute(target.get(), file_, path, attr_name);
  if (!value) input_failure(file_, path, "attribute '" + attr_name + "' has an unsupported type");
  return std::move(*value);
}

// ---- File -----------------------------------------------------------------------------------

File File::create(const std::filesystem::path& path) {
  detail::prepare_library();
  std::string name = path.string();
  Handle fcpl(written(H5Pcreate(H5P_FILE_CREATE), name, "/", "create property list"), H5Pclose);
  unsigned order = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;
  written(H5Pset_link_creation_order(fcpl.get(), order), name, "/", "set link order");
  written(H5Pset_attr_creation_order(fcpl.get(), order), name, "/", "set attribute order");
  hid_t id = H5Fcreate(name.c_str(), H5F_ACC_TRUNC, fcpl.get(), H5P_DEFAULT);
  if (id < 0) {
    detail::ErrorStack stack = detail::current_stack();
    if (detail::disk_full(stack)) throw std::runtime_error(name + ": disk full while writing the file header");
    throw std::runtime_error(name + ": cannot create file: " + detail::reason(stack));
  }
  File file(Handle(id, H5Fclose), name);
  file.writable_ = true;
  return file;
}

File File::open_read(const std::filesystem::path& path) {
  detail::prepare_library();
  std::string name = path.string();
  detail::ReadFaultGuard guard(name);  // from the first look at the bytes to the close
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw InputError(name + ": no such file");
  if (std::filesystem::is_directory(path, error)) throw InputError(name + ": is a directory");
  // A pipe or device: reading it would wait for a writer (finsim inspect hung on a pipe).
  if (!std::filesystem::is_regular_file(path, error)) throw InputError(name + ": not a regular file");
  htri_t is_hdf5 = H5Fis_hdf5(name.c_str());
  if (is_hdf5 < 0) throw InputError(name + ": cannot open: " + detail::reason(detail::current_stack()));
  if (is_hdf5 == 0) throw InputError(name + ": not an HDF5 file");
  hid_t id = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) {
    detail::ErrorStack stack = detail::current_stack();
    throw InputError(
        name + ": cannot open: " +
        (detail::file_locked(stack) ? "the file is locked (is it still being written?)" : detail::reason(stack)));
  }
  File file(Handle(id, H5Fclose), name);
  file.guard_ = std::move(guard);
  return file;
}

Group File::root() const {
  hid_t id = H5Gopen2(id_.get(), "/", H5P_DEFAULT);
  if (id < 0) {
    // A damaged file opened for reading is bad input (exit 2), like any other reading failure;
    // found by fuzzing (tests/fuzz/fuzz_results).
    const std::string what = name_ + ": cannot open the root group: " + detail::reason(detail::current_stack());
    if (!writable_) throw InputError(what);
    throw std::runtime_error(what);
  }
  return Group(Handle(id, H5Gclose), name_, "/");
}

void File::close() {
  if (id_.get() < 0) return;
  bool flushed = !writable_ || H5Fflush(id_.get(), H5F_SCOPE_LOCAL) >= 0;
  if (flushed && id_.close()) return;
  auto error = detail::write_error(name_, "the file's metadata", flushed ? "close" : "flush");
  id_.reset();
  throw error;
}

}  // namespace finsim::h5
