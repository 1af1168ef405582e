// SHA-256 (FIPS 180-4) for the provenance digests of scenario text and input files, written here
// so the result files can name their inputs without another dependency.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace finsim {

// Incremental hashing, for files read in blocks.
class Sha256 {
 public:
  Sha256();
  void update(std::span<const std::uint8_t> data);
  void update(std::string_view text);
  // The 32-byte digest; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes hashed so far
  bool finished_ = false;
};

// Lower-case hex, 64 characters, as sha256sum prints it.
std::string sha256_hex(std::string_view text);
// Throws InputError naming the file when it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

}  // namespace finsim
