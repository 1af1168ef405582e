#include "output/h5_attribute.h"

#include <type_traits>

#include "output/h5_handle.h"
#include "output/h5_types.h"
#include "util/text.h"

namespace finsim::h5 {

namespace {

// JSON (strings escaped), so that a list of strings holding quotes, e.g. the overrides
// `scenario.end="2030-12"`, reads back as a list: finsim export's attributes.csv holds these.
struct Render {
  std::string operator()(const std::string& s) const {
    std::string out = "\"";
    for (const char c : s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[(c >> 4) & 0xf];
            out += kHex[c & 0xf];
          } else {
            out += c;  // UTF-8 passes as it is
          }
      }
    }
    return out + "\"";
  }
  std::string operator()(std::int64_t i) const { return std::to_string(i); }
  std::string operator()(double d) const { return shortest_number(d); }
  template <class T>
  std::string operator()(const std::vector<T>& list) const {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + (*this)(list[i]);
    return out + "]";
  }
};

herr_t collect_name(hid_t, const char* name, const H5A_info_t*, void* data) {
  static_cast<std::vector<std::string>*>(data)->emplace_back(name);
  return 0;
}

}  // namespace

std::string to_string(const AttrValue& value) { return std::visit(Render{}, value); }

namespace detail {

bool hidden_attribute(std::string_view name) {
  for (const char* hidden : {"CLASS", "NAME", "REFERENCE_LIST", "DIMENSION_LIST", "_Netcdf4Dimid",
                             "_Netcdf4Coordinates", "_NCProperties", "_nc3_strict", "_Encoding"}) {
    if (name == hidden) return true;
  }
  return false;
}

void write_attribute(hid_t object, const std::string& file, const std::string& path, std::string_view name,
                     const AttrValue& value) {
  std::string attr_name(name);
  if (H5Aexists(object, attr_name.c_str()) > 0) {
    written(H5Adelete(object, attr_name.c_str()), file, path, "replace attribute " + attr_name);
  }
  auto create = [&](hid_t file_type, hid_t space) {
    return Handle(written(H5Acreate2(object, attr_name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT), file, path,
                          "create attribute " + attr_name),
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
  auto write_strings = [&](std::span<const std::string> values, std::optional<std::size_t> n) {
    PackedStrings packed = pack_strings(values);
    Handle type = string_type(packed.width);
    Handle space = space_for(n);
    Handle attr = create(type.get(), space.get());
    if (!values.empty()) {
      written(H5Awrite(attr.get(), type.get(), packed.bytes.data()), file, path, "write attribute " + attr_name);
    }
  };
  auto write_numbers = [&](const auto* data, std::optional<std::size_t> n) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(data)>>;
    Handle space = space_for(n);
    Handle attr = create(Types<T>::file(), space.get());
    if (!n || *n > 0) {
      written(H5Awrite(attr.get(), Types<T>::memory(), data), file, path, "write attribute " + attr_name);
    }
  };
  if (const auto* s = std::get_if<std::string>(&value)) {
    write_strings(std::span<const std::string>(s, 1), std::nullopt);
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    write_numbers(i, std::nullopt);
  } else if (const auto* d = std::get_if<double>(&value)) {
    write_numbers(d, std::nullopt);
  } else if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
    write_strings(*list, list->size());
  } else if (const auto* ints = std::get_if<std::vector<std::int64_t>>(&value)) {
    write_numbers(ints->data(), ints->size());
  } else if (const auto* doubles = std::get_if<std::vector<double>>(&value)) {
    write_numbers(doubles->data(), doubles->size());
  }
}

std::optional<AttrValue> read_attribute(hid_t object, const std::string& file, const std::string& path,
                                        const std::string& name) {
  std::string where = path + " attribute " + name;
  Handle attr(read_ok(H5Aopen(object, name.c_str(), H5P_DEFAULT), file, path, "open attribute " + name), H5Aclose);
  Handle type(read_ok(H5Aget_type(attr.get()), file, where, "read type"), H5Tclose);
  Handle space(read_ok(H5Aget_space(attr.get()), file, where, "read shape"), H5Sclose);
  H5S_class_t space_class = H5Sget_simple_extent_type(space.get());
  std::size_t n = space_class == H5S_NULL ? 0 : static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get()));
  bool scalar = space_class == H5S_SCALAR;
  auto read = [&](hid_t memory_type, void* buffer) {
    read_ok(H5Aread(attr.get(), memory_type, buffer), file, where, "read");
  };
  switch (H5Tget_class(type.get())) {
    case H5T_STRING: {
      auto values = read_string_values(type.get(), n, read, file, where);
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
    default: return std::nullopt;
  }
}

std::vector<std::string> attribute_names(hid_t object, const std::string& file, const std::string& path) {
  std::vector<std::string> names;
  if (H5Aiterate2(object, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr, collect_name, &names) >= 0) return names;
  names.clear();
  read_ok(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect_name, &names), file, path,
          "list attributes");
  return names;
}

}  // namespace detail
}  // namespace finsim::h5
