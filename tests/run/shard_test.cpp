// Specification of the shard slicing: "K/N" parsed strictly; for any plan and N the slices are
// disjoint, cover every unit, differ in size by at most one unit, keep replication-major order in
// contiguous blocks (so at most N − 1 replications are split), and shard_of agrees with contains.
#include "run/shard.h"

#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>

using namespace finsim;

TEST_CASE("shard: K/N is parsed strictly", "[run]") {
  CHECK(parse_shard("1/1") == Shard{1, 1});
  CHECK(parse_shard("3/8") == Shard{3, 8});
  CHECK(parse_shard("1000000/1000000") == Shard{1000000, 1000000});
  for (const char* bad : {"", "3", "0/3", "4/3", "-1/3", "1/0", "a/3", "1/3x", " 1/3", "1/ 3", "1//3", "1.0/3",
                          "1/1000001", "99999999999/3", "/3", "1/"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_shard(bad), std::invalid_argument);
  }
  CHECK_THROWS_WITH(parse_shard("4/3"), Catch::Contains("got '4/3'"));
  CHECK(to_string(Shard{2, 3}) == "2/3");
}

TEST_CASE("shard: hand-checked slices of 2 points x 4 replications in 3 shards", "[run]") {
  // Units replication-major: o = 2r + p; blocks [0, 2), [2, 5), [5, 8) (⌊8k/3⌋).
  const std::vector<std::vector<Unit>> want = {
      {{0, 0}, {1, 0}},
      {{0, 1}, {1, 1}, {0, 2}},
      {{1, 2}, {0, 3}, {1, 3}},
  };
  for (int k = 1; k <= 3; ++k) {
    const ShardSlice s({k, 3}, 2, 0, 4);
    CHECK(s.units() == want[static_cast<std::size_t>(k - 1)]);
    CHECK(s.size() == want[static_cast<std::size_t>(k - 1)].size());
  }
  // A replication range that does not start at 0 (a resume journal's first_replication).
  CHECK(ShardSlice({2, 2}, 1, 10, 4).units() == std::vector<Unit>{{0, 12}, {0, 13}});
}

TEST_CASE("shard: slices are disjoint, covering, balanced and contiguous for many plans", "[run]") {
  for (std::size_t points : {1u, 2u, 3u, 7u}) {
    for (int replications : {1, 2, 5, 20, 37}) {
      const std::size_t total = points * static_cast<std::size_t>(replications);
      for (std::size_t n = 1; n <= total; n += (n < 12 ? 1 : 7)) {
        INFO(points << " points x " << replications << " replications in " << n << " shards");
        std::vector<int> owner(total, 0);
        std::size_t smallest = total, largest = 0;
        std::set<int> split;  // replications that are in more than one shard
        std::vector<int> shard_of_replication(static_cast<std::size_t>(replications), 0);
        for (int k = 1; k <= static_cast<int>(n); ++k) {
          const ShardSlice s({k, static_cast<int>(n)}, points, 3, replications);
          const auto units = s.units();
          REQUIRE(units.size() == s.size());
          smallest = std::min(smallest, units.size());
          largest = std::max(largest, units.size());
          for (const auto& u : units) {
            REQUIRE(u.point < points);
            REQUIRE(u.replication >= 3);
            REQUIRE(u.replication < 3 + replications);
            const std::size_t o = static_cast<std::size_t>(u.replication - 3) * points + u.point;
            ++owner[o];
            CHECK(s.contains(u));
            CHECK(s.shard_of(u) == k);
            int& seen = shard_of_replication[static_cast<std::size_t>(u.replication - 3)];
            if (seen != 0 && seen != k) split.insert(u.replication);
            seen = k;
          }
          // Contiguous in replication-major order.
          for (std::size_t i = 1; i < units.size(); ++i) {
            const auto prev = static_cast<std::size_t>(units[i - 1].replication) * points + units[i - 1].point;
            const auto next = static_cast<std::size_t>(units[i].replication) * points + units[i].point;
            CHECK(next == prev + 1);
          }
        }
        for (std::size_t o = 0; o < total; ++o) REQUIRE(owner[o] == 1);  // disjoint and covering
        CHECK(largest - smallest <= 1);                                  // balanced to one unit
        CHECK(split.size() <= n - 1);
        if (n <= static_cast<std::size_t>(replications) && total % n == 0 && (total / n) % points == 0)
          CHECK(split.empty());  // whole replications per shard when the numbers allow it
      }
    }
  }
}

TEST_CASE("shard: contains() refuses the units of the other shards", "[run]") {
  const ShardSlice a({1, 2}, 3, 0, 2), b({2, 2}, 3, 0, 2);
  for (const auto& u : a.units()) CHECK_FALSE(b.contains(u));
  for (const auto& u : b.units()) CHECK_FALSE(a.contains(u));
}

TEST_CASE("shard: more shards than units, or K outside 1..N, is refused", "[run]") {
  CHECK_THROWS_WITH(ShardSlice({1, 7}, 2, 0, 3), Catch::Contains("7 shards for 6 unit(s)"));
  CHECK_NOTHROW(ShardSlice({6, 6}, 2, 0, 3));
  CHECK_THROWS_AS(ShardSlice({0, 3}, 2, 0, 3), std::invalid_argument);
  CHECK_THROWS_AS(ShardSlice({4, 3}, 2, 0, 3), std::invalid_argument);
}
