#include "output/h5_write.h"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "output/h5_types.h"

namespace finsim::h5 {

namespace {

using detail::Handle;
using detail::Types;
using detail::write_failure;
using detail::written;

// netCDF-C marks a dimension that has no coordinate variable with this NAME (plus its length).
constexpr const char* kDimensionOnly = "This is a netCDF dimension but not a netCDF variable.";
// Arrays above this size are chunked and compressed; below it the filter overhead is not worth it.
constexpr std::size_t kCompressAbove = 4096;
constexpr std::size_t kChunkTarget = 256 * 1024;

// Leading axes are split so a chunk holds about kChunkTarget bytes of whole trailing rows: the
// readers take whole replications or months, and chunks above the 1 MiB cache would thrash it.
// The first `lead_axes` axes get chunk length 1: a unit's slab (output/h5_slab_writer.h) is then
// whole chunks, written once and never read back.
std::vector<hsize_t> chunk_shape(const Shape& shape, std::size_t element_size, std::size_t lead_axes) {
  std::vector<hsize_t> chunk(shape.begin(), shape.end());
  for (std::size_t axis = 0; axis < shape.size(); ++axis) {
    if (axis < lead_axes) {
      chunk[axis] = 1;
      continue;
    }
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

}  // namespace

namespace detail {

Handle create_dataset(const Group& group, std::string_view name, hid_t file_type, const Shape& shape, bool compress,
                      std::size_t lead_axes) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  std::vector<hsize_t> dims(shape.begin(), shape.end());
  Handle space(
      written(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), file, path, "create dataspace"),
      H5Sclose);
  Handle dcpl(written(H5Pcreate(H5P_DATASET_CREATE), file, path, "create property list"), H5Pclose);
  written(H5Pset_attr_creation_order(dcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED), file, path,
          "set attribute order");
  std::size_t element_size = H5Tget_size(file_type);
  if (compress && detail::element_count(shape) * element_size > kCompressAbove) {
    auto chunk = chunk_shape(shape, element_size, lead_axes);
    written(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), file, path, "set chunking");
    written(H5Pset_shuffle(dcpl.get()), file, path, "set shuffle filter");
    written(H5Pset_deflate(dcpl.get(), 1), file, path, "set deflate filter");
  }
  Handle dapl(written(H5Pcreate(H5P_DATASET_ACCESS), file, path, "create property list"), H5Pclose);
  // A dataset written in whole chunks (a unit's slab) needs no chunk cache: without one each chunk
  // is compressed and written as it comes, instead of all of them at the close.
  if (lead_axes > 0) written(H5Pset_chunk_cache(dapl.get(), 0, 0, 1.0), file, path, "set chunk cache");
  std::string relative(name);
  return Handle(
      written(H5Dcreate2(group.id(), relative.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), dapl.get()),
              file, path, "create dataset"),
      H5Dclose);
}

void finish(Handle& dataset, const std::string& file, const std::string& path) {
  if (!dataset.close()) write_failure(file, path, "close dataset");
}

Handle open_scale(const Group& group, std::string_view array, const std::string& dim, std::size_t length) {
  std::string where = "write_array(" + group.path_of(array) + "): dimension '" + dim + "'";
  if (!detail::exists(group.id(), dim)) throw std::invalid_argument(where + " is not defined in " + group.path());
  Handle scale(H5Dopen2(group.id(), dim.c_str(), H5P_DEFAULT), H5Dclose);
  if (scale.get() < 0 || H5DSis_scale(scale.get()) <= 0) throw std::invalid_argument(where + " is not a dimension");
  Shape shape = detail::shape_of(scale.get());
  if (shape.size() != 1 || shape[0] != length) {
    throw std::invalid_argument(where + " has length " + std::to_string(shape.empty() ? 0 : shape[0]) + ", the axis " +
                                std::to_string(length));
  }
  return scale;
}

}  // namespace detail

namespace {

using detail::create_dataset;
using detail::finish;
using detail::open_scale;

// The shared part of write_array for numbers and strings; `data` is in `memory_type`.
void write_labelled(const Group& group, std::string_view name, hid_t file_type, hid_t memory_type, const void* data,
                    std::size_t count, const Shape& shape, const std::vector<std::string>& dims,
                    const std::vector<Attribute>& attrs) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  if (shape.empty() || shape.size() > 5 || dims.size() != shape.size()) {
    throw std::invalid_argument("write_array(" + path + "): needs 1-5 axes and one dimension name each");
  }
  if (detail::element_count(shape) != count) {
    throw std::invalid_argument("write_array(" + path + "): " + std::to_string(count) +
                                " values do not fill the shape");
  }
  std::vector<Handle> scales;
  for (std::size_t axis = 0; axis < dims.size(); ++axis) {
    scales.push_back(open_scale(group, name, dims[axis], shape[axis]));
  }
  // Labels are small; compressing them would only cost time.
  bool compress = H5Tget_class(file_type) != H5T_STRING;
  Handle dataset = create_dataset(group, name, file_type, shape, compress);
  if (count > 0) {
    written(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), file, path, "write");
  }
  for (std::size_t axis = 0; axis < scales.size(); ++axis) {
    written(H5DSattach_scale(dataset.get(), scales[axis].get(), static_cast<unsigned>(axis)), file, path,
            "attach dimension " + dims[axis]);
  }
  for (const auto& attr : attrs) detail::write_attribute(dataset.get(), file, path, attr.name, attr.value);
  finish(dataset, file, path);
}

// A 1-D dataset made a dimension scale named after itself: netCDF's coordinate variable.
void define_coordinate(const Group& group, std::string_view name, hid_t file_type, hid_t memory_type, const void* data,
                       std::size_t count, const std::vector<Attribute>& attrs = {}) {
  std::string path = group.path_of(name);
  Handle dataset = create_dataset(group, name, file_type, {count}, false);
  if (count > 0) {
    written(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), group.file_name(), path,
            "write");
  }
  std::string dim(name);
  written(H5DSset_scale(dataset.get(), dim.c_str()), group.file_name(), path, "make dimension");
  for (const auto& attr : attrs) detail::write_attribute(dataset.get(), group.file_name(), path, attr.name, attr.value);
  finish(dataset, group.file_name(), path);
}

// Tells xarray that a fixed-length string dataset holds UTF-8 text (it decodes it to str, as for
// the variable-length strings netCDF-C writes); listings leave it out.
const Attribute kUtf8{"_Encoding", std::string("utf-8")};

}  // namespace

void define_dimension(const Group& group, std::string_view name, std::span<const std::int32_t> values) {
  define_coordinate(group, name, H5T_STD_I32LE, H5T_NATIVE_INT32, values.data(), values.size());
}

void define_dimension(const Group& group, std::string_view name, std::span<const std::int64_t> values) {
  define_coordinate(group, name, H5T_STD_I64LE, H5T_NATIVE_INT64, values.data(), values.size());
}

void define_dimension(const Group& group, std::string_view name, std::span<const std::string> values) {
  auto packed = detail::pack_strings(values);
  Handle type = detail::string_type(packed.width);
  define_coordinate(group, name, type.get(), type.get(), packed.bytes.data(), values.size(), {kUtf8});
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

void write_array(const Group& group, std::string_view name, std::span<const std::int64_t> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs) {
  write_labelled(group, name, H5T_STD_I64LE, H5T_NATIVE_INT64, data.data(), data.size(), shape, dims, attrs);
}

void write_array(const Group& group, std::string_view name, std::span<const std::int32_t> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs) {
  write_labelled(group, name, H5T_STD_I32LE, H5T_NATIVE_INT32, data.data(), data.size(), shape, dims, attrs);
}

void write_array(const Group& group, std::string_view name, std::span<const double> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs) {
  write_labelled(group, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, data.data(), data.size(), shape, dims, attrs);
}

void write_array(const Group& group, std::string_view name, std::span<const std::string> data, const Shape& shape,
                 const std::vector<std::string>& dims, const std::vector<Attribute>& attrs) {
  auto packed = detail::pack_strings(data);
  Handle type = detail::string_type(packed.width);
  std::vector<Attribute> with_encoding = attrs;
  with_encoding.push_back(kUtf8);
  write_labelled(group, name, type.get(), type.get(), packed.bytes.data(), data.size(), shape, dims, with_encoding);
}

// ---- ColumnWriter ---------------------------------------------------------------------------

template <class T>
ColumnWriter ColumnWriter::create(const Group& group, std::string_view name, std::size_t length, const std::string& dim,
                                  const std::vector<Attribute>& attrs) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  Handle scale = open_scale(group, name, dim, length);
  Handle dataset = create_dataset(group, name, Types<T>::file(), {length}, true);
  written(H5DSattach_scale(dataset.get(), scale.get(), 0), file, path, "attach dimension " + dim);
  for (const auto& attr : attrs) detail::write_attribute(dataset.get(), file, path, attr.name, attr.value);
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
    throw std::invalid_argument("ColumnWriter(" + path_ + "): more than " + std::to_string(length_) + " values");
  }
  if (count == 0) return;
  Handle file_space(written(H5Dget_space(dataset_.get()), file_, path_, "get dataspace"), H5Sclose);
  const hsize_t start = written_;
  const hsize_t n = count;
  written(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &n, nullptr), file_, path_,
          "select rows");
  Handle memory_space(written(H5Screate_simple(1, &n, nullptr), file_, path_, "create dataspace"), H5Sclose);
  written(H5Dwrite(dataset_.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, values), file_,
          path_, "write");
  written_ += count;
}

void ColumnWriter::close() {
  if (written_ != length_) {
    throw std::invalid_argument("ColumnWriter(" + path_ + "): " + std::to_string(written_) + " of " +
                                std::to_string(length_) + " values appended");
  }
  finish(dataset_, file_, path_);
}

#define FINSIM_H5_COLUMN(T)                                                                                      \
  template ColumnWriter ColumnWriter::create<T>(const Group&, std::string_view, std::size_t, const std::string&, \
                                                const std::vector<Attribute>&);                                  \
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
