// Specification of run/streaming_controller.cpp: every finished unit reaches the sink once, on one
// thread, in the order units finish; never more than max_held units are held (a worker waits in
// done() instead); units of a journal are read back for the sink, encoded ones decoded; the sink's
// first exception comes back from finish().
#include "run/streaming_controller.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "../temp_dir.h"
#include "run/result_encoding.h"

using namespace finsim;

namespace {

JournalHeader streaming_header() {
  JournalHeader h = this_build_header();
  h.point_sha256 = {std::string(64, 'a'), std::string(64, 'b')};
  h.seed = 7;
  h.replications = 50;
  return h;
}

// A small stand-in for a finished unit: what the controller moves, encodes and decodes.
ReplicationResult fake_unit(const Unit& u) {
  ReplicationResult r;
  r.replication = u.replication;
  r.months = static_cast<int>(u.point) + 1;
  r.individual_spent = {static_cast<Sek>(u.point * 1000 + static_cast<std::size_t>(u.replication))};
  return r;
}

}  // namespace

TEST_CASE("StreamingController: every unit reaches the sink once, and never more than max_held are held", "[run]") {
  std::set<std::pair<std::size_t, int>> seen;
  std::atomic<int> in_sink{0};
  bool overlapped = false, wrong = false;
  StreamingController c(
      2, 0, 50,
      [&](const Unit& u, const ReplicationResult& r) {
        if (in_sink.fetch_add(1) != 0) overlapped = true;
        if (r.individual_spent != fake_unit(u).individual_spent) wrong = true;
        seen.insert({u.point, u.replication});
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // slower than the workers
        in_sink.fetch_sub(1);
      },
      nullptr, 3);
  // Catch2's assertions are not thread-safe: the workers count what they would have checked, and the
  // test thread checks the counts (assertions from four threads crashed the reporter now and then).
  std::atomic<int> wanted_before{0}, wanted_after{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t)
    workers.emplace_back([&, t] {
      for (int i = t; i < 100; i += 4) {
        const Unit u{static_cast<std::size_t>(i % 2), i / 2};
        if (c.wants(u)) ++wanted_before;
        if (i % 3 == 0) {
          std::string bytes;
          encode_result(fake_unit(u), bytes);
          c.done_encoded(u, bytes);
        } else {
          c.done(u, fake_unit(u));
        }
        if (c.wants(u)) ++wanted_after;
      }
    });
  for (auto& w : workers) w.join();
  c.finish();
  CHECK(wanted_before == 100);  // every unit was wanted before it was done
  CHECK(wanted_after == 0);     // and none after
  CHECK(seen.size() == 100);
  CHECK_FALSE(overlapped);
  CHECK_FALSE(wrong);
  CHECK(c.peak_held() <= 3);
  CHECK(c.peak_held() >= 2);  // the workers did get ahead of the sink
}

TEST_CASE("StreamingController: a worker waits in done() while max_held units are held", "[run]") {
  std::atomic<bool> release{false};
  StreamingController c(
      1, 0, 4,
      [&](const Unit&, const ReplicationResult&) {
        while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      },
      nullptr, 2);
  c.done({0, 0}, fake_unit({0, 0}));  // taken by the sink, which waits
  c.done({0, 1}, fake_unit({0, 1}));  // waits for it: two held
  std::atomic<bool> returned{false};
  std::thread third([&] {
    c.done({0, 2}, fake_unit({0, 2}));
    returned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(returned.load());
  release = true;
  third.join();
  CHECK(returned.load());
  c.finish();
  CHECK(c.peak_held() == 2);
}

TEST_CASE("StreamingController: units of a journal go to the sink, read back, and their bytes are kept on request",
          "[run]") {
  test::TempDir dir("streaming-journal");
  const auto path = dir / "s.h5.partial";
  {
    auto journal = UnitJournal::create(path, streaming_header());
    REQUIRE(journal);
    journal->append(0, 3, fake_unit({0, 3}));
  }
  UnitJournal journal = UnitJournal::resume(path, streaming_header());
  std::vector<std::pair<Unit, Sek>> sunk;
  {
    StreamingController c(
        2, 0, 50,
        [&](const Unit& u, const ReplicationResult& r) {
          sunk.push_back({u, r.individual_spent.at(0)});
        },
        &journal, 2, dir.path);
    CHECK_FALSE(c.wants({0, 3}));
    CHECK(c.wants({1, 3}));
    std::string bytes;
    encode_result(fake_unit({1, 3}), bytes);
    c.done_encoded({1, 3}, bytes);
    c.finish();
    CHECK(c.journal_error().empty());
    CHECK(c.encoded({1, 3}) == bytes);
    CHECK(decode_result(c.encoded({0, 3})).individual_spent == fake_unit({0, 3}).individual_spent);
  }
  REQUIRE(sunk.size() == 2);
  CHECK(sunk[0] == std::pair<Unit, Sek>{{0, 3}, 3});  // the journal's first
  CHECK(sunk[1] == std::pair<Unit, Sek>{{1, 3}, 1003});
  CHECK(journal.done_count() == 2);  // the new unit journalled too
}

TEST_CASE("StreamingController: the sink's first exception comes back from finish(), and later units are dropped",
          "[run]") {
  int calls = 0;
  StreamingController c(1, 0, 3, [&](const Unit& u, const ReplicationResult&) {
    ++calls;
    if (u.replication == 0) throw std::runtime_error("disk full");
  });
  c.done({0, 0}, fake_unit({0, 0}));
  c.done({0, 1}, fake_unit({0, 1}));
  c.done({0, 2}, fake_unit({0, 2}));
  CHECK_THROWS_WITH(c.finish(), "disk full");
  CHECK(calls == 1);
}
