// Specification of sim/identification_clock.cpp: clocks filed far ahead wait in their block's list
// and reach their buckets when the reading comes near; no clock is lost or misfiled on the way.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "sim/identification_clock.h"

using namespace finsim;

namespace {

std::size_t bucket_of(double level) { return static_cast<std::size_t>(level / kClockBucketWidth); }

std::size_t stored(IdentificationClocks& clocks) {
  std::size_t n = 0;
  for_each_clock_list(clocks, [&](const auto& list) { n += list.size(); });
  return n;
}

}  // namespace

TEST_CASE("identification clocks: near clocks go to their bucket, far ones to their block", "[sim][identification]") {
  IdentificationClocks clocks;
  const double near = 3.5 * kClockBucketWidth;                            // bucket 3, block 0
  const double far = (5 * kClockBlockBuckets + 2.5) * kClockBucketWidth;  // bucket 82, block 5
  file_clock(clocks, {near, 1, 0});
  file_clock(clocks, {far, 2, 0});
  REQUIRE(clocks.buckets.size() == 4);
  CHECK(clocks.buckets[3].size() == 1);
  REQUIRE(clocks.blocks.size() == 6);
  CHECK(clocks.blocks[5].size() == 1);
  CHECK(stored(clocks) == 2);
  // Opening up to a bucket before block 5 leaves the far clock where it is.
  open_clocks_through(clocks, 4 * kClockBlockBuckets);
  CHECK(clocks.blocks[5].size() == 1);
  CHECK(stored(clocks) == 2);
  // Opening its block spreads it to its own bucket.
  open_clocks_through(clocks, 5 * kClockBlockBuckets);
  REQUIRE(clocks.buckets.size() >= 83);
  REQUIRE(clocks.buckets[82].size() == 1);
  CHECK(clocks.buckets[82][0].person == 2);
  CHECK(clocks.blocks[5].empty());
  CHECK(stored(clocks) == 2);
  // Later clocks of an opened block go straight to their bucket.
  file_clock(clocks, {far, 3, 0});
  CHECK(clocks.buckets[82].size() == 2);
}

TEST_CASE("identification clocks: a level Λ has passed is filed in the first unread bucket", "[sim][identification]") {
  IdentificationClocks clocks;
  clocks.first = 7;
  file_clock(clocks, {2 * kClockBucketWidth, 4, 0});
  REQUIRE(clocks.buckets.size() == 8);
  CHECK(clocks.buckets[7].size() == 1);
}

TEST_CASE("identification clocks: many random clocks all reach the bucket of their level", "[sim][identification]") {
  IdentificationClocks clocks;
  std::vector<double> levels;
  for (std::uint32_t k = 0; k < 2000; ++k) {
    const double level = std::fmod(k * 0.618033988749895, 1.0) * 20.0;  // spread over 1280 buckets
    levels.push_back(level);
    file_clock(clocks, {level, k, 0});
  }
  CHECK(stored(clocks) == 2000);
  open_clocks_through(clocks, bucket_of(20.0));
  std::size_t seen = 0;
  for (std::size_t b = 0; b < clocks.buckets.size(); ++b)
    for (const IdentificationClock& c : clocks.buckets[b]) {
      CHECK(bucket_of(c.level) == b);
      CHECK(c.level == levels[c.person]);
      ++seen;
    }
  CHECK(seen == 2000);
  CHECK(std::all_of(clocks.blocks.begin(), clocks.blocks.end(), [](const auto& b) { return b.empty(); }));
}
