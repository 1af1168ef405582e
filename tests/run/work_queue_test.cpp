// Specification of the work handed out to lanes and ranks: batches hold exactly the units the
// controller wants, one replication each, in replication order; a fed queue blocks until work or
// close; batches and finished units survive their wire form unchanged.
#include "run/work_queue.h"

#include <catch2/catch.hpp>
#include <thread>

#include "same_result.h"
#include "tiny_replication.h"

using namespace finsim;

namespace {

// Three points, replications 5..8; wants everything but the units listed.
class AllBut : public RunController {
 public:
  explicit AllBut(std::vector<Unit> skip) : skip_(std::move(skip)) {}
  bool wants(const Unit& u) const override { return std::find(skip_.begin(), skip_.end(), u) == skip_.end(); }
  void done(const Unit&, ReplicationResult&&) override {}

 private:
  std::vector<Unit> skip_;
};

PreparedRun three_points() {
  PreparedRun run;
  run.scenarios.resize(3);
  run.first_replication = 5;
  run.replications = 4;
  return run;
}

}  // namespace

TEST_CASE("WorkQueue: one batch per replication with the wanted points, in order", "[run]") {
  // Replication 6 is done entirely (a resume, or another shard's); 7 lacks point 1.
  const AllBut wants({{0, 6}, {1, 6}, {2, 6}, {1, 7}});
  WorkQueue queue(three_points(), wants);
  REQUIRE(queue.units() == 8);
  REQUIRE(queue.next() == Batch{5, {0, 1, 2}});
  REQUIRE(queue.next() == Batch{7, {0, 2}});
  REQUIRE_FALSE(queue.exhausted());
  REQUIRE(queue.next() == Batch{8, {0, 1, 2}});
  REQUIRE(queue.exhausted());
  REQUIRE_FALSE(queue.next());
}

TEST_CASE("WorkQueue: nothing after close, nothing when nothing is wanted", "[run]") {
  WorkQueue queue({{0, {0}}, {1, {0}}});
  REQUIRE(queue.next() == Batch{0, {0}});
  queue.close();
  REQUIRE(queue.exhausted());
  REQUIRE_FALSE(queue.next());
  const AllBut none({{0, 5}, {0, 6}, {0, 7}, {0, 8}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {2, 5}, {2, 6}, {2, 7}, {2, 8}});
  WorkQueue empty(three_points(), none);
  REQUIRE(empty.units() == 0);
  REQUIRE(empty.exhausted());
}

TEST_CASE("FeedQueue: asks at every next(), waits for a push, ends on close", "[run]") {
  std::atomic<int> asked{0};
  FeedQueue feed([&] { ++asked; });
  feed.push({3, {1}});
  REQUIRE(feed.next() == Batch{3, {1}});
  REQUIRE(asked == 1);
  std::optional<Batch> got;
  std::thread taker([&] { got = feed.next(); });
  while (asked < 2) std::this_thread::yield();  // the taker asked and now waits
  feed.push({4, {0, 2}});
  taker.join();
  REQUIRE(got == Batch{4, {0, 2}});
  std::thread waiter([&] { got = feed.next(); });
  while (asked < 3) std::this_thread::yield();
  feed.close();
  waiter.join();
  REQUIRE_FALSE(got);
  feed.push({5, {0}});  // a batch arriving after close is not started
  REQUIRE_FALSE(feed.next());
}

TEST_CASE("batch and unit messages: decoded as encoded, junk refused", "[run]") {
  const Batch b{123456, {0, 7, 41}};
  REQUIRE(decode_batch(encode_batch(b)) == b);
  REQUIRE(decode_batch(encode_batch(Batch{2, {}})) == Batch{2, {}});
  std::string bytes = encode_batch(b);
  REQUIRE_THROWS_AS(decode_batch(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
  REQUIRE_THROWS_AS(decode_batch(bytes + "x"), std::runtime_error);

  const ReplicationResult r = test::tiny_replication(false, 3);
  const auto [unit, back] = decode_unit(encode_unit({4, 3}, r));
  REQUIRE(unit == Unit{4, 3});
  test::check_same(back, r);
  REQUIRE_THROWS_AS(decode_unit("short"), std::runtime_error);
  std::string message = encode_unit({4, 3}, r);
  REQUIRE_THROWS_AS(decode_unit(message.substr(0, message.size() - 5)), std::runtime_error);
}
