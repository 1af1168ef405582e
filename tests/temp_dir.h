// Test helper: a fresh directory under the system's temp folder, named after the test and this
// process (so ctest may run cases in parallel), removed with everything in it at scope exit.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace finsim::test {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("finsim-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path operator/(const std::string& file) const { return path / file; }
  // Writes `text` to `file` (folders created) and returns its path.
  std::string write(const std::string& file, const std::string& text) const {
    const std::filesystem::path p = path / file;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
};

}  // namespace finsim::test
