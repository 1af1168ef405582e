#include "cli/output_path.h"

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "../input_error.h"
#include "../temp_dir.h"

using namespace finsim;
namespace fs = std::filesystem;

TEST_CASE("output_path: a new file or a regular file that is no input may be written", "[cli][output-path]") {
  test::TempDir dir("output-path-ok");
  const std::string input = dir.write("scenario.toml", "x");
  const std::string old = dir.write("old.h5", "y");
  CHECK_NOTHROW(cli::check_output_path(dir / "new.h5", {fs::absolute(input)}));
  CHECK_NOTHROW(cli::check_output_path(old, {fs::absolute(input)}));
}

TEST_CASE("output_path: empty, a directory, a device, a pipe or an input is refused in one line",
          "[cli][output-path]") {
  test::TempDir dir("output-path-bad");
  CHECK(test::input_error([] { cli::check_output_path("", {}); }) == "-o: expected a file name, got an empty one");
  fs::create_directories(dir / "folder.h5");
  const std::string folder = (dir / "folder.h5").string();
  CHECK(test::input_error([&] { cli::check_output_path(folder, {}); }) ==
        folder + ": is a directory; give a file name with -o");
  // A device and a pipe would be replaced by the result's final rename (as root, /dev/null too).
  const std::string expected_device =
      ": is not a regular file (a device, pipe or socket), and the result would "
      "replace it; give a file name with -o";
  CHECK(test::input_error([] { cli::check_output_path("/dev/null", {}); }) == "/dev/null" + expected_device);
  const std::string fifo = (dir / "pipe.h5").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(test::input_error([&] { cli::check_output_path(fifo, {}); }) == fifo + expected_device);
  // An input, however it is spelt (here through a symbolic link and ".").
  const std::string input = dir.write("baseline.toml", "x");
  fs::create_directory_symlink(dir.path, dir / "link");
  const fs::path spelt = dir / "link" / "." / "baseline.toml";
  CHECK(test::input_error([&] { cli::check_output_path(spelt, {fs::absolute(input)}); }) ==
        spelt.string() + ": is one of the run's input files (" + fs::absolute(input).string() +
            "); give the result another name with -o");
}
