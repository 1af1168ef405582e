// Specification of the binary archive: the bytes of each kind of value as the format describes
// them (hand-written), one field list read back equal, and bytes that are not an encoding refused.
#include "run/binary_archive.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace finsim;

namespace {

enum class Colour : std::uint8_t { Red = 1, Blue = 7 };

struct Sample {
  int a = 0;
  bool b = false;
  double c = 0;
  std::string d;
  std::array<std::int16_t, 2> e{};
  std::vector<std::uint32_t> f;
  Colour g = Colour::Red;
  bool operator==(const Sample&) const = default;
};

template <class Ar>
void serialize(Ar& ar, Sample& s) {
  ar(s.a, s.b, s.c, s.d, s.e, s.f, s.g);
}

std::string bytes(std::initializer_list<int> list) {
  std::string out;
  for (int b : list) out += static_cast<char>(b);
  return out;
}

}  // namespace

TEST_CASE("binary archive: each value has its documented bytes", "[run]") {
  Sample s{-2, true, 1.0, "hi", {{258, -1}}, {5}, Colour::Blue};
  std::string out;
  ArchiveWriter w(out);
  w(s);
  const std::string expected =
      bytes({0xfe, 0xff, 0xff, 0xff,                                          // int -2, 4 bytes LE
             0x01,                                                            // bool
             0,    0,    0,    0,    0,    0,    0xf0, 0x3f,                  // 1.0 as IEEE-754 bits
             2,    0,    0,    0,    0,    0,    0,    0,    'h', 'i',        // string: u64 length, bytes
             2,    0,    0,    0,    0x02, 0x01, 0xff, 0xff,                  // array: u32 N, int16 LE
             1,    0,    0,    0,    0,    0,    0,    0,    5,   0,   0, 0,  // vector: u64 length, u32
             7});                                                             // enum: its underlying type
  CHECK(out == expected);
  CHECK(kFieldCount<Sample> == 7);

  Sample back;
  ArchiveReader r(out);
  r(back);
  CHECK(back == s);
  CHECK(r.remaining() == 0);
}

TEST_CASE("binary archive: bytes that are not an encoding are refused, never read past", "[run]") {
  Sample s{1, false, 2.5, "abc", {{1, 2}}, {1, 2, 3}, Colour::Red};
  std::string out;
  ArchiveWriter w(out);
  w(s);
  for (std::size_t cut = 0; cut < out.size(); ++cut) {
    Sample back;
    ArchiveReader r(std::string_view(out).substr(0, cut));
    CHECK_THROWS_AS(r(back), std::runtime_error);
  }
  std::string bad_bool = out;
  bad_bool[4] = 2;
  Sample back;
  ArchiveReader r1(bad_bool);
  CHECK_THROWS_WITH(r1(back), Catch::Contains("bool"));
  std::string bad_array = out;
  bad_array[4 + 1 + 8 + 8 + 3] = 3;  // the array's length: 3 where 2 are expected
  ArchiveReader r2(bad_array);
  CHECK_THROWS_WITH(r2(back), Catch::Contains("array of 3 where 2"));
  std::string huge = out;
  huge[4 + 1 + 8 + 7] = 0x7f;  // the string's length: beyond the data, refused before allocating
  ArchiveReader r3(huge);
  CHECK_THROWS_WITH(r3(back), Catch::Contains("length beyond the data"));
}

TEST_CASE("binary archive: the varint form writes integers and lengths as zigzag LEB128", "[run]") {
  Sample s{-2, true, 1.0, "hi", {{258, -1}}, {5}, Colour::Blue};
  std::string out;
  VarintArchiveWriter w(out);
  w(s);
  const std::string expected = bytes({0x03,                                      // int −2 → zigzag 3
                                      0x01,                                      // bool
                                      0,    0,    0,    0,    0, 0, 0xf0, 0x3f,  // 1.0 as IEEE-754 bits
                                      0x02, 'h',  'i',                           // string: varint length, bytes
                                      0x02, 0x84, 0x04, 0x01,                    // array: N 2; 258 → 516; −1 → 1
                                      0x01, 0x05,                                // vector: length 1, u32 5
                                      7});                                       // enum: one byte as before
  CHECK(out == expected);
  Sample back;
  VarintArchiveReader r(out);
  r(back);
  CHECK(back == s);
  CHECK(r.remaining() == 0);

  // The extremes of each width read back, in at most ⌈bits / 7⌉ bytes.
  std::int64_t lo = INT64_MIN, hi = INT64_MAX, lo_back = 0, hi_back = 0;
  std::uint64_t top = UINT64_MAX, top_back = 0;
  std::int16_t small = INT16_MIN, small_back = 0;
  std::string ext;
  VarintArchiveWriter we(ext);
  we(lo, hi, top, small);
  CHECK(ext.size() == 10 + 10 + 10 + 3);
  VarintArchiveReader re(ext);
  re(lo_back, hi_back, top_back, small_back);
  CHECK(lo_back == lo);
  CHECK(hi_back == hi);
  CHECK(top_back == top);
  CHECK(small_back == small);

  // A varint longer than its integer is refused (bits beyond 16, or a fourth byte for an int16).
  for (const std::string& bad : {bytes({0xff, 0xff, 0x7f}), bytes({0x80, 0x80, 0x80, 0x00})}) {
    std::int16_t v = 0;
    VarintArchiveReader rb(bad);
    CHECK_THROWS_WITH(rb(v), Catch::Contains("varint beyond"));
  }
  // Cut anywhere: refused, never read past.
  for (std::size_t cut = 0; cut < out.size(); ++cut) {
    Sample b;
    VarintArchiveReader rc(std::string_view(out).substr(0, cut));
    CHECK_THROWS_AS(rc(b), std::runtime_error);
  }
}
