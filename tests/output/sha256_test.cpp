#include "output/sha256.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "util/error.h"

using namespace finsim;

// Vectors from FIPS 180-4 examples and NIST CAVP (SHA256ShortMsg / the million-'a' message).
TEST_CASE("output: sha256 known vectors", "[output][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmno"
                   "pqrstnopqrstu") == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(sha256_hex(std::string(1'000'000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(sha256_hex("The quick brown fox jumps over the lazy dog") ==
        "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592");
}

TEST_CASE("output: sha256 is the same however the input is split", "[output][sha256]") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += static_cast<char>('A' + i % 57);
  const std::string whole = sha256_hex(text);
  // Every length around the 55/56/64-byte padding boundaries, fed in uneven pieces.
  for (std::size_t len : {0u, 1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 128u, 1000u}) {
    Sha256 pieces;
    for (std::size_t i = 0; i < len;) {
      const std::size_t n = std::min<std::size_t>(len - i, 1 + i % 13);
      pieces.update(std::string_view(text).substr(i, n));
      i += n;
    }
    Sha256 once;
    once.update(std::string_view(text).substr(0, len));
    CHECK(pieces.finish() == once.finish());
  }
  CHECK(sha256_hex(text) == whole);
}

TEST_CASE("output: sha256 of a file equals that of its bytes, a missing file is an input error", "[output][sha256]") {
  const auto path = std::filesystem::temp_directory_path() / ("finsim-sha-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << "abc";
  }
  CHECK(sha256_file_hex(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::filesystem::remove(path);
  CHECK_THROWS_AS(sha256_file_hex(path), InputError);
}
