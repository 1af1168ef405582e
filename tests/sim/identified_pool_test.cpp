// Specification of sim/identified_pool.h: first identified, first offered among the groups asked
// for; stale entries dropped; unsuited counts; yearly compaction.
#include <catch2/catch.hpp>

#include "sim/identified_pool.h"

using namespace finsim;

namespace {
TypeSet types(std::initializer_list<std::size_t> ts) {
  TypeSet s{};
  for (auto t : ts) add_type(s, t);
  return s;
}
}  // namespace

TEST_CASE("entries leave in identification order among the groups that fit", "[sim][identified_pool]") {
  IdentifiedPool pool;
  pool.add(10, 0, types({0}));     // order 0
  pool.add(11, 0, types({1}));     // order 1
  pool.add(12, 1, types({0, 1}));  // order 2
  pool.add(13, 1, types({100}));   // order 3, a type beyond the first 64
  const auto all_live = [](const PoolEntry&) { return true; };
  PoolEntry e{};
  REQUIRE(pool.take_first(types({1}), all_live, e));
  CHECK(e.person == 11);  // person 10 fits type 0 only
  REQUIRE(pool.take_first(types({0, 1}), all_live, e));
  CHECK(e.person == 10);
  CHECK(pool.unsuited(types({0})) == 1);    // person 13
  CHECK(pool.unsuited(types({100})) == 1);  // person 12
  REQUIRE(pool.take_first(types({100}), all_live, e));
  CHECK(e.person == 13);
  REQUIRE(pool.take_first(types({1}), all_live, e));
  CHECK(e.person == 12);
  CHECK_FALSE(pool.take_first(types({0, 1, 100}), all_live, e));
}

TEST_CASE("stale entries are skipped and compacted away", "[sim][identified_pool]") {
  IdentifiedPool pool;
  for (std::uint32_t p = 0; p < 6; ++p) pool.add(p, 0, types({p % 2}));
  const auto odd_gone = [](const PoolEntry& e) { return e.person % 2 == 0; };
  PoolEntry e{};
  REQUIRE(pool.take_first(types({1}), odd_gone, e) == false);  // all of group {1} are odd: gone
  CHECK(pool.unsuited(types({0})) == 0);                       // the stale ones were dropped on the way
  pool.compact(odd_gone);
  CHECK(pool.unsuited(types({5})) == 3);
  REQUIRE(pool.take_first(types({0}), odd_gone, e));
  CHECK(e.person == 0);
}

TEST_CASE("renumbering keeps the order and drops the people no longer stored", "[sim][identified_pool]") {
  IdentifiedPool pool;
  pool.add(4, 0, types({0}));     // order 0 → person 2
  pool.add(1, 0, types({1}));     // order 1, dropped
  pool.add(7, 1, types({0, 1}));  // order 2 → person 3
  pool.renumber([](std::uint32_t p) {
    switch (p) {
      case 4: return std::uint32_t{2};
      case 7: return std::uint32_t{3};
      default: return IdentifiedPool::kGone;
    }
  });
  const auto all_live = [](const PoolEntry&) { return true; };
  CHECK(pool.unsuited(types({0})) == 0);  // the group {1} is gone with its only entry
  PoolEntry e{};
  REQUIRE(pool.take_first(types({1}), all_live, e));
  CHECK(e.person == 3);
  CHECK(e.identified == 1);
  REQUIRE(pool.take_first(types({0}), all_live, e));
  CHECK(e.person == 2);
  CHECK_FALSE(pool.take_first(types({0, 1}), all_live, e));
}
