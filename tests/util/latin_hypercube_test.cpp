#include "util/latin_hypercube.h"

#include <catch2/catch.hpp>
#include <numeric>
#include <set>
#include <stdexcept>

using finsim::latin_hypercube;
using finsim::name_stream;

namespace {

// Streams 0, 1, …, d − 1.
std::vector<std::uint32_t> streams(std::uint32_t d) {
  std::vector<std::uint32_t> s(d);
  std::iota(s.begin(), s.end(), 0u);
  return s;
}

}  // namespace

TEST_CASE("util: latin_hypercube puts exactly one sample in each stratum of every dimension", "[util][study]") {
  for (const std::size_t n : {1u, 2u, 7u, 50u}) {
    const auto x = latin_hypercube(n, streams(5), 42);
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
  const auto a = latin_hypercube(20, streams(3), 7);
  CHECK(a == latin_hypercube(20, streams(3), 7));
  CHECK(a != latin_hypercube(20, streams(3), 8));
  // A dimension's draws depend on its stream alone: adding a dimension in front, or reordering,
  // leaves every other dimension's draws unchanged (a study that adds a key keeps the others' draws).
  const auto wider = latin_hypercube(20, {99u, 2u, 0u, 1u}, 7);
  for (std::size_t i = 0; i < 20; ++i) {
    CHECK(wider[i][1] == a[i][2]);
    CHECK(wider[i][2] == a[i][0]);
    CHECK(wider[i][3] == a[i][1]);
  }
  // Dimensions are shuffled independently: the strata orders of dimensions 0 and 1 differ.
  bool differ = false;
  for (std::size_t i = 0; i < 20; ++i) differ |= static_cast<int>(a[i][0] * 20) != static_cast<int>(a[i][1] * 20);
  CHECK(differ);
}

TEST_CASE("util: latin_hypercube means are close to 1/2 (stratified)", "[util][study]") {
  // With one point per stratum the mean of n points is within 1/(2n) of 1/2 at worst.
  const auto x = latin_hypercube(100, streams(2), 3);
  for (std::size_t k = 0; k < 2; ++k) {
    double sum = 0;
    for (const auto& row : x) sum += row[k];
    CHECK(std::abs(sum / 100 - 0.5) <= 0.005);
  }
}

TEST_CASE("util: latin_hypercube refuses two dimensions on one stream, and name_stream is FNV-1a", "[util][study]") {
  CHECK_THROWS_AS(latin_hypercube(5, {3u, 4u, 3u}, 1), std::invalid_argument);
  CHECK(latin_hypercube(5, {}, 1) == std::vector<std::vector<double>>(5));
  // Hand-checked 32-bit FNV-1a: the empty string is the offset basis; "a" is (basis ^ 0x61) * prime
  // mod 2^32 = 0xe40c292c (the published test vector).
  CHECK(name_stream("") == 2166136261u);
  CHECK(name_stream("a") == 0xe40c292cu);
  CHECK(name_stream("foobar") == 0xbf9cf968u);
}

TEST_CASE("util: latin_hypercube's draws are pinned (a change of them changes every study)", "[util][study]") {
  // Computed with this code on 2026-11-27: a study's sets must not change silently between
  // versions. Each column has one value in each quarter.
  const auto x = latin_hypercube(4, {name_stream("referral.max_wait_months"), name_stream("costs.wage_sek_per_month")}, 1);
  const std::vector<std::vector<double>> pinned = {{0.54084095632815299, 0.31871485865427607},
                                                   {0.14768761134387542, 0.67792878278733981},
                                                   {0.42644430451320403, 0.043133503310333832},
                                                   {0.97104558781000272, 0.96985464150295864}};
  CHECK(x == pinned);
}
