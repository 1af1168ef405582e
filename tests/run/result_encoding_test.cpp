// Specification of the result encoding: a real replication (with and without its event log) reads
// back equal field by field, the bytes are a function of the result alone, and a cut encoding is
// refused.
#include "run/result_encoding.h"

#include <catch2/catch.hpp>

#include "run/binary_archive.h"
#include "same_result.h"
#include "tiny_replication.h"

using namespace finsim;

TEST_CASE("result encoding: a real replication reads back equal, with and without events", "[run]") {
  for (const bool events : {false, true}) {
    INFO("events " << events);
    const ReplicationResult r = test::tiny_replication(events, 3);
    // Not a trivial result: areas, months, money, participants and (with events) the log.
    REQUIRE(r.areas.size() > 10);
    REQUIRE(r.months == 12);
    REQUIRE(!r.funding.empty());
    REQUIRE(!r.funding.front().kommun_paid.empty());
    REQUIRE(r.events_recorded == events);
    REQUIRE(r.events.empty() == !events);
    std::string bytes;
    encode_result(r, bytes);
    const ReplicationResult back = decode_result(bytes);
    test::check_same(r, back);
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
  test::check_same(empty, decode_result(bytes));
}
