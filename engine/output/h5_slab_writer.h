// An N-D array created with its full shape and filled one leading-axis slab at a time (one unit of
// a run: one replication, or one point's replication), in any order, so no caller holds it all.
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

// The dataset is attached to its dimensions and given its attributes when created, exactly as
// write_array does; it is chunked with length 1 on the `lead_axes` leading axes, so that a slab is
// whole chunks (compressed once, never read back). Values: 64-bit integers or doubles.
class SlabWriter {
 public:
  template <class T>
  static SlabWriter create(const Group& group, std::string_view name, const Shape& shape,
                           const std::vector<std::string>& dims, std::size_t lead_axes,
                           const std::vector<Attribute>& attrs = {});
  // Writes the slab at flat position `slab` of the lead axes (row-major): the product of the other
  // axes' lengths values, in the type the array was created with. std::invalid_argument otherwise.
  template <class T>
  void write(std::size_t slab, std::span<const T> values);
  // Values in one slab.
  std::size_t slab_size() const { return slab_size_; }
  // Flushes; throws std::runtime_error on a write failure.
  void close();

 private:
  SlabWriter(detail::Handle dataset, hid_t memory_type, std::string file, std::string path, Shape shape,
             std::size_t lead_axes);
  void write_raw(hid_t memory_type, std::size_t slab, const void* values, std::size_t count);
  detail::Handle dataset_;
  hid_t memory_type_;
  std::string file_, path_;
  Shape shape_;
  std::size_t lead_axes_ = 0;
  std::size_t slabs_ = 1, slab_size_ = 1;
};

}  // namespace finsim::h5
