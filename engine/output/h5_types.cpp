#include "output/h5_types.h"

namespace finsim::h5::detail {

Handle string_type(std::size_t width) {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (type.get() < 0 || H5Tset_size(type.get(), width) < 0 || H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0 ||
      H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0) {
    throw std::runtime_error("HDF5: cannot make a string type: " + reason(current_stack()));
  }
  return type;
}

PackedStrings pack_strings(std::span<const std::string> values) {
  PackedStrings packed;
  for (const auto& s : values) packed.width = std::max(packed.width, s.size() + 1);
  packed.bytes.assign(values.size() * packed.width, '\0');
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i].copy(packed.bytes.data() + i * packed.width, values[i].size());
  return packed;
}

std::string dtype_name(hid_t type) {
  std::size_t bits = H5Tget_size(type) * 8;
  switch (H5Tget_class(type)) {
    case H5T_INTEGER: return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(bits);
    case H5T_FLOAT: return "float" + std::to_string(bits);
    case H5T_STRING: return "str";
    default: return "other";
  }
}

}  // namespace finsim::h5::detail
