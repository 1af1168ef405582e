// Specification of output/h5_object.cpp: creating and opening files, with errors that name the
// file and say why.
#include "output/h5_object.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "h5_sample.h"
#include "output/hdf5_file.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace finsim;
using finsim::test::H5TempDir;
using finsim::test::iota;
using finsim::test::write_sample;

TEST_CASE("reading a file that is not HDF5 names the file", "[hdf5]") {
  H5TempDir dir("nothdf5");
  auto path = dir / "results.h5";
  std::ofstream(path) << "this is not HDF5\n";
  CHECK_THROWS_AS(h5::File::open_read(path), InputError);
  CHECK_THROWS_WITH(h5::File::open_read(path), path.string() + ": not an HDF5 file");
  CHECK_THROWS_WITH(h5::File::open_read(dir / "absent.h5"), (dir / "absent.h5").string() + ": no such file");
}

TEST_CASE("creating a file where it cannot be written gives a clear error", "[hdf5]") {
  H5TempDir dir("nodir");
  auto path = dir / "missing-dir" / "out.h5";
  // Root ignores permissions, so a directory that does not exist stands in for a read-only one.
  CHECK_THROWS_AS(h5::File::create(path), std::runtime_error);
  CHECK_THROWS_WITH(h5::File::create(path), path.string() + ": cannot create file: No such file or directory");
  if (fs::exists("/dev/full")) {
    CHECK_THROWS_WITH(h5::File::create("/dev/full"), "/dev/full: disk full while writing the file header");
  }
}
