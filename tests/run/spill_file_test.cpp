// Specification of run/spill_file.cpp: bytes kept under a key come back unchanged, from many
// threads at once; the file has no name in its directory (nothing is left behind); without a
// directory the bytes stay in memory; a key never kept is an error.
#include "run/spill_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "../temp_dir.h"

using namespace finsim;

namespace {

// Distinct bytes per key, of a length that varies with it (0 included), with zero bytes inside.
std::string payload(std::size_t key) {
  std::string s(key * 37 % 5000, '\0');
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>((key * 131 + i * 7) % 251);
  return s;
}

void keeps_and_returns(SpillFile& spill) {
  constexpr std::size_t kKeys = 400;
  std::vector<std::thread> writers;
  for (std::size_t t = 0; t < 4; ++t)
    writers.emplace_back([&spill, t] {
      for (std::size_t k = t; k < kKeys; k += 4) spill.put(k, payload(k));
    });
  for (auto& w : writers) w.join();
  for (std::size_t k = 0; k < kKeys; ++k) REQUIRE(spill.get(k) == payload(k));
  spill.put(7, "again");  // replaced
  CHECK(spill.get(7) == "again");
  CHECK_THROWS_AS(spill.get(kKeys), std::out_of_range);
}

std::size_t entries(const std::filesystem::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

}  // namespace

TEST_CASE("SpillFile: in an unnamed file beside the result, from four threads at once", "[run][spill]") {
  test::TempDir dir("spill");
  {
    SpillFile spill(dir.path);
    CHECK(spill.on_disk());
    keeps_and_returns(spill);
    CHECK(entries(dir.path) == 0);  // no name in the directory while it is in use
  }
  CHECK(entries(dir.path) == 0);
}

TEST_CASE("SpillFile: in memory without a directory, or when no file can be made there", "[run][spill]") {
  SpillFile memory;
  CHECK_FALSE(memory.on_disk());
  keeps_and_returns(memory);
  SpillFile nowhere(std::filesystem::path("/nonexistent-finsim-directory"));
  CHECK_FALSE(nowhere.on_disk());
  keeps_and_returns(nowhere);
}
