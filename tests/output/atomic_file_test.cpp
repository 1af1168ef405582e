#include "output/atomic_file.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace fs = std::filesystem;
using finsim::PartialFile;

namespace {

struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name)
      : path(fs::temp_directory_path() /
             ("finsim-atomic-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string contents(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("PartialFile commit renames the partial file over the final one", "[hdf5][atomic]") {
  TempDir dir("commit");
  auto final_path = dir.path / "run.h5";
  std::ofstream(final_path) << "old";
  {
    PartialFile partial(final_path);
    CHECK(partial.partial_path() == dir.path / "run.h5.partial");
    std::ofstream(partial.partial_path()) << "new";
    CHECK(contents(final_path) == "old");
    partial.commit();
    CHECK(partial.committed());
    partial.commit();  // a second commit is a no-op
  }
  CHECK(contents(final_path) == "new");
  CHECK_FALSE(fs::exists(dir.path / "run.h5.partial"));
}

TEST_CASE("PartialFile without commit leaves neither file", "[hdf5][atomic]") {
  TempDir dir("abandon");
  auto final_path = dir.path / "run.h5";
  {
    PartialFile partial(final_path);
    std::ofstream(partial.partial_path()) << "half";
    partial.discard();
    partial.discard();  // safe to repeat, e.g. from a signal path and then the destructor
    std::ofstream(partial.partial_path()) << "half again";
  }
  CHECK_FALSE(fs::exists(final_path));
  CHECK_FALSE(fs::exists(dir.path / "run.h5.partial"));
}

TEST_CASE("PartialFile moves hand over the partial file", "[hdf5][atomic]") {
  TempDir dir("move");
  auto final_path = dir.path / "run.h5";
  PartialFile outer(dir.path / "other.h5");
  {
    PartialFile inner(final_path);
    std::ofstream(inner.partial_path()) << "x";
    outer = std::move(inner);
  }  // the moved-from inner must not delete what outer now owns
  CHECK(fs::exists(outer.partial_path()));
  outer.commit();
  CHECK(contents(final_path) == "x");
}

TEST_CASE("PartialFile commit without a partial file names the file", "[hdf5][atomic]") {
  TempDir dir("nofile");
  PartialFile partial(dir.path / "run.h5");
  CHECK_THROWS_AS(partial.commit(), std::runtime_error);
  CHECK_THROWS_WITH(partial.commit(), Catch::Contains((dir.path / "run.h5").string()) &&
                                          Catch::Contains("No such file or directory"));
  CHECK_FALSE(partial.committed());
}
