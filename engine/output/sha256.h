// SHA-256 for the provenance digests of scenario text and input files: a thin wrapper over
// OpenSSL's libcrypto (EVP), so the result files name their inputs with a maintained implementation.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace finsim {

// Incremental hashing, for files read in blocks. Throws std::runtime_error if libcrypto fails.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  void update(std::span<const std::uint8_t> data);
  void update(std::string_view text);
  // The 32-byte digest; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  struct Context;  // EVP_MD_CTX, kept out of this header
  std::unique_ptr<Context> ctx_;
  bool finished_ = false;
};

// Lower-case hex, 64 characters, as sha256sum prints it.
std::string sha256_hex(std::string_view text);
// Throws InputError naming the file when it cannot be read.
std::string sha256_file_hex(const std::filesystem::path& path);

}  // namespace finsim
