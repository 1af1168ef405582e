// Specification of output/h5_slab_writer.cpp: an array created whole and filled one leading-axis
// slab at a time, in any order, reads back as the array written at once; its chunks never span two
// slabs; a slab of the wrong size, type or position is refused.
#include "output/h5_slab_writer.h"

#include <hdf5.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "h5_sample.h"
#include "output/hdf5_file.h"

using namespace finsim;
using finsim::test::H5TempDir;

TEST_CASE("slab writer: slabs in any order read back as the whole array", "[hdf5][slab]") {
  H5TempDir dir("slabs");
  // [point 3, replication 2, month 40, forbund 30] doubles: 9.6 kB a slab, chunked and compressed.
  const h5::Shape shape = {3, 2, 40, 30};
  const std::size_t slab = 40 * 30;
  auto value = [&](std::size_t s, std::size_t i) { return static_cast<double>(s * 100000 + i) / 4; };
  {
    auto file = h5::File::create(dir / "s.h5");
    auto root = file.root();
    h5::define_dimension(root, "point", std::size_t{3});
    h5::define_dimension(root, "replication", std::size_t{2});
    h5::define_dimension(root, "month", std::size_t{40});
    h5::define_dimension(root, "forbund", std::size_t{30});
    auto w = h5::SlabWriter::create<double>(root, "x", shape, {"point", "replication", "month", "forbund"}, 2,
                                            {{"units", std::string("persons")}});
    CHECK(w.slab_size() == slab);
    for (const std::size_t s : {4, 1, 5, 0, 3, 2}) {
      std::vector<double> values(slab);
      for (std::size_t i = 0; i < slab; ++i) values[i] = value(s, i);
      w.write(s, std::span<const double>(values));
    }
    std::vector<double> short_slab(slab - 1);
    CHECK_THROWS_AS(w.write(0, std::span<const double>(short_slab)), std::invalid_argument);
    std::vector<double> full(slab);
    CHECK_THROWS_AS(w.write(6, std::span<const double>(full)), std::invalid_argument);
    std::vector<std::int64_t> integers(slab);
    CHECK_THROWS_AS(w.write(0, std::span<const std::int64_t>(integers)), std::invalid_argument);
    w.close();
    file.close();
  }
  const auto file = h5::File::open_read(dir / "s.h5");
  const auto x = h5::read_double(file.root(), "x");
  REQUIRE(x.shape == shape);
  for (std::size_t s = 0; s < 6; ++s)
    for (std::size_t i = 0; i < slab; ++i) REQUIRE(x.values[s * slab + i] == value(s, i));
  CHECK(h5::dimension_names(file.root(), "x") == std::vector<std::string>{"point", "replication", "month", "forbund"});
  CHECK(h5::string_attribute(file.root(), "x", "units") == "persons");
  // One chunk never spans two slabs: length 1 on the two leading axes.
  hid_t d = H5Dopen2(file.root().id(), "x", H5P_DEFAULT);
  hid_t plist = H5Dget_create_plist(d);
  hsize_t chunk[4] = {};
  REQUIRE(H5Pget_chunk(plist, 4, chunk) == 4);
  CHECK(chunk[0] == 1);
  CHECK(chunk[1] == 1);
  H5Pclose(plist);
  H5Dclose(d);
}
