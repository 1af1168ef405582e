#include "output/h5_slab_writer.h"

#include <hdf5_hl.h>

#include <stdexcept>

#include "output/h5_types.h"
#include "output/h5_write.h"

namespace finsim::h5 {

using detail::Handle;
using detail::written;

SlabWriter::SlabWriter(Handle dataset, hid_t memory_type, std::string file, std::string path, Shape shape,
                       std::size_t lead_axes)
    : dataset_(std::move(dataset)),
      memory_type_(memory_type),
      file_(std::move(file)),
      path_(std::move(path)),
      shape_(std::move(shape)),
      lead_axes_(lead_axes) {
  for (std::size_t axis = 0; axis < shape_.size(); ++axis) (axis < lead_axes_ ? slabs_ : slab_size_) *= shape_[axis];
}

template <class T>
SlabWriter SlabWriter::create(const Group& group, std::string_view name, const Shape& shape,
                              const std::vector<std::string>& dims, std::size_t lead_axes,
                              const std::vector<Attribute>& attrs) {
  const std::string& file = group.file_name();
  std::string path = group.path_of(name);
  if (shape.empty() || shape.size() > 5 || dims.size() != shape.size() || lead_axes > shape.size())
    throw std::invalid_argument("SlabWriter(" + path + "): needs 1-5 axes, one dimension name each");
  std::vector<Handle> scales;
  for (std::size_t axis = 0; axis < dims.size(); ++axis)
    scales.push_back(detail::open_scale(group, name, dims[axis], shape[axis]));
  Handle dataset = detail::create_dataset(group, name, detail::Types<T>::file(), shape, true, lead_axes);
  for (std::size_t axis = 0; axis < scales.size(); ++axis)
    written(H5DSattach_scale(dataset.get(), scales[axis].get(), static_cast<unsigned>(axis)), file, path,
            "attach dimension " + dims[axis]);
  for (const auto& attr : attrs) detail::write_attribute(dataset.get(), file, path, attr.name, attr.value);
  return SlabWriter(std::move(dataset), detail::Types<T>::memory(), file, path, shape, lead_axes);
}

template <class T>
void SlabWriter::write(std::size_t slab, std::span<const T> values) {
  write_raw(detail::Types<T>::memory(), slab, values.data(), values.size());
}

void SlabWriter::write_raw(hid_t memory_type, std::size_t slab, const void* values, std::size_t count) {
  if (memory_type != memory_type_) throw std::invalid_argument("SlabWriter(" + path_ + "): values of another type");
  if (slab >= slabs_ || count != slab_size_)
    throw std::invalid_argument("SlabWriter(" + path_ + "): slab " + std::to_string(slab) + " of " +
                                std::to_string(slabs_) + " with " + std::to_string(count) + " values, expected " +
                                std::to_string(slab_size_));
  if (count == 0) return;
  std::vector<hsize_t> start(shape_.size(), 0), extent(shape_.begin(), shape_.end());
  for (std::size_t axis = lead_axes_, rest = slab; axis-- > 0;) {  // the slab's position on the lead axes
    start[axis] = rest % shape_[axis];
    rest /= shape_[axis];
    extent[axis] = 1;
  }
  Handle file_space(written(H5Dget_space(dataset_.get()), file_, path_, "get dataspace"), H5Sclose);
  written(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, extent.data(), nullptr), file_,
          path_, "select slab");
  // The memory space has the slab's own shape: with the file selection's shape HDF5 copies whole
  // rows, where a 1-D memory space makes it walk the selection element by element.
  Handle memory_space(written(H5Screate_simple(static_cast<int>(extent.size()), extent.data(), nullptr), file_, path_,
                              "create dataspace"),
                      H5Sclose);
  written(H5Dwrite(dataset_.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, values), file_,
          path_, "write");
}

void SlabWriter::close() { detail::finish(dataset_, file_, path_); }

#define FINSIM_H5_SLAB(T)                                                                 \
  template SlabWriter SlabWriter::create<T>(const Group&, std::string_view, const Shape&, \
                                            const std::vector<std::string>&, std::size_t, \
                                            const std::vector<Attribute>&);               \
  template void SlabWriter::write<T>(std::size_t, std::span<const T>);
FINSIM_H5_SLAB(std::int64_t)
FINSIM_H5_SLAB(double)
#undef FINSIM_H5_SLAB

}  // namespace finsim::h5
