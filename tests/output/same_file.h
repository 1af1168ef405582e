// Test helper: two HDF5 files hold the same objects in the same listing, with the same attributes
// and the same datasets (shape, dtype, values) — what "bit-identical datasets" means here.
#pragma once
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "output/hdf5_file.h"

namespace finsim::test {

inline void check_same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  const auto fa = h5::File::open_read(a), fb = h5::File::open_read(b);
  std::vector<h5::Entry> ea, eb;
  h5::visit(fa, [&](const h5::Entry& e) { ea.push_back(e); });
  h5::visit(fb, [&](const h5::Entry& e) { eb.push_back(e); });
  REQUIRE(ea.size() == eb.size());
  for (std::size_t i = 0; i < ea.size(); ++i) {
    const auto &x = ea[i], &y = eb[i];
    INFO(x.path);
    REQUIRE(x.path == y.path);
    CHECK(x.kind == y.kind);
    REQUIRE(x.attributes.size() == y.attributes.size());
    for (std::size_t k = 0; k < x.attributes.size(); ++k) {
      CHECK(x.attributes[k].name == y.attributes[k].name);
      CHECK(x.attributes[k].value == y.attributes[k].value);
    }
    if (x.kind != h5::Kind::dataset) continue;
    CHECK(x.info.shape == y.info.shape);
    CHECK(x.info.dtype == y.info.dtype);
    const auto slash = x.path.rfind('/');
    const std::string parent = slash == 0 ? "/" : x.path.substr(0, slash), name = x.path.substr(slash + 1);
    const auto ga = fa.open_group(parent), gb = fb.open_group(parent);
    if (x.info.dtype == "str")
      CHECK(h5::read_strings(ga, name) == h5::read_strings(gb, name));
    else if (x.info.dtype.rfind("float", 0) == 0)
      CHECK(h5::read_double(ga, name).values == h5::read_double(gb, name).values);
    else if (x.info.dtype != "other")
      CHECK(h5::read_int64(ga, name).values == h5::read_int64(gb, name).values);
  }
}

}  // namespace finsim::test
