#include "util/latin_hypercube.h"

#include <catch2/catch.hpp>
#include <set>

using finsim::latin_hypercube;

TEST_CASE("util: latin_hypercube puts exactly one sample in each stratum of every dimension", "[util][study]") {
  for (const std::size_t n : {1u, 2u, 7u, 50u}) {
    const auto x = latin_hypercube(n, 5, 42);
    REQUIRE(x.size() == n);
    for (std::size_t k = 0; k < 5; ++k) {
      std::set<std::size_t> strata;
      for (const auto& row : x) {
        REQUIRE(row.size() == 5);
        CHECK(row[k] >= 0.0);
        CHECK(row[k] < 1.0);
        strata.insert(static_cast<std::size_t>(row[k] * static_cast<double>(n)));
      }
      INFO("n = " << n << ", dimension " << k);
      CHECK(strata.size() == n);  // n distinct strata among n samples: each exactly once
      CHECK(*strata.rbegin() == n - 1);
    }
  }
}

TEST_CASE("util: latin_hypercube is reproducible from the seed, and the seed matters", "[util][study]") {
  const auto a = latin_hypercube(20, 3, 7);
  CHECK(a == latin_hypercube(20, 3, 7));
  CHECK(a != latin_hypercube(20, 3, 8));
  // Adding a dimension leaves the earlier ones unchanged (a study that adds a key keeps its draws).
  const auto wider = latin_hypercube(20, 4, 7);
  for (std::size_t i = 0; i < 20; ++i)
    for (std::size_t k = 0; k < 3; ++k) CHECK(wider[i][k] == a[i][k]);
  // Dimensions are shuffled independently: the strata orders of dimensions 0 and 1 differ.
  bool differ = false;
  for (std::size_t i = 0; i < 20; ++i) differ |= static_cast<int>(a[i][0] * 20) != static_cast<int>(a[i][1] * 20);
  CHECK(differ);
}

TEST_CASE("util: latin_hypercube means are close to 1/2 (stratified)", "[util][study]") {
  // With one point per stratum the mean of n points is within 1/(2n) of 1/2 at worst.
  const auto x = latin_hypercube(100, 2, 3);
  for (std::size_t k = 0; k < 2; ++k) {
    double sum = 0;
    for (const auto& row : x) sum += row[k];
    CHECK(std::abs(sum / 100 - 0.5) <= 0.005);
  }
}
