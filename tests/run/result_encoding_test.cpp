// Specification of the result encoding: a real replication (with and without its event log) reads
// back equal field by field, the bytes are a function of the result alone, and a cut encoding is
// refused.
#include "run/result_encoding.h"

#include <catch2/catch.hpp>

#include "run/binary_archive.h"
#include "tiny_replication.h"

using namespace finsim;

namespace {

// Every field: a new one fails the static_assert until it is compared here too.
void check_same(const ReplicationResult& a, const ReplicationResult& b) {
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

}  // namespace

TEST_CASE("result encoding: a real replication reads back equal, with and without events", "[run]") {
  for (const bool events : {false, true}) {
    INFO("events " << events);
    const ReplicationResult r = test::tiny_replication(events, 3);
    // Not a trivial result: areas, months, money, participants and (with events) the log.
    REQUIRE(r.areas.size() > 10);
    REQUIRE(r.months == 6);
    REQUIRE(!r.funding.empty());
    REQUIRE(!r.funding.front().kommun_paid.empty());
    REQUIRE(r.events_recorded == events);
    REQUIRE(r.events.empty() == !events);
    std::string bytes;
    encode_result(r, bytes);
    const ReplicationResult back = decode_result(bytes);
    check_same(r, back);
    // The same result, the same bytes (nothing depends on addresses or timing).
    std::string again;
    encode_result(back, again);
    CHECK(again == bytes);
    // A cut or lengthened encoding is refused.
    CHECK_THROWS_AS(decode_result(std::string_view(bytes).substr(0, bytes.size() - 1)), std::runtime_error);
    CHECK_THROWS_AS(decode_result(bytes + '\0'), std::runtime_error);
  }
}

TEST_CASE("result encoding: an empty result encodes", "[run]") {
  const ReplicationResult empty;
  std::string bytes;
  encode_result(empty, bytes);
  check_same(empty, decode_result(bytes));
}
