// Test helper for tests/run: two replication results compared field by field (a readable failure
// names the field), with static_asserts that fail when ReplicationResult or AreaInfo gains a field.
#pragma once
#include <catch2/catch.hpp>

#include "run/binary_archive.h"
#include "sim/replication_result.h"

namespace finsim::test {

// Every field: a new one fails the static_assert until it is compared here too.
inline void check_same(const ReplicationResult& a, const ReplicationResult& b) {
  static_assert(kFieldCount<ReplicationResult> == 12, "ReplicationResult changed: compare the new field below");
  static_assert(kFieldCount<AreaInfo> == 5, "AreaInfo changed: compare the new field below");
  CHECK(a.replication == b.replication);
  CHECK(a.months == b.months);
  REQUIRE(a.areas.size() == b.areas.size());
  for (std::size_t i = 0; i < a.areas.size(); ++i) {
    CHECK(a.areas[i].name == b.areas[i].name);
    CHECK(a.areas[i].forbund == b.areas[i].forbund);
    CHECK(a.areas[i].region == b.areas[i].region);
    CHECK(a.areas[i].synthetic == b.areas[i].synthetic);
    CHECK(a.areas[i].population_16_64 == b.areas[i].population_16_64);
  }
  CHECK(a.monthly == b.monthly);
  CHECK(a.initial_stock == b.initial_stock);
  CHECK(a.initial_participants == b.initial_participants);
  CHECK(a.funding == b.funding);
  CHECK(a.individual_spent == b.individual_spent);
  CHECK(a.events == b.events);
  CHECK(a.events_recorded == b.events_recorded);
  CHECK(a.peak_agents == b.peak_agents);
  CHECK(a.bytes_per_agent == b.bytes_per_agent);
}

}  // namespace finsim::test
