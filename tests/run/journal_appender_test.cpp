// Specification of run/journal_appender.cpp: units enqueued from several threads are all in the
// journal once flushed, byte for byte as given; without a journal nothing is appended.
#include "run/journal_appender.h"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "../temp_dir.h"
#include "run/result_encoding.h"

using namespace finsim;

TEST_CASE("JournalAppender: units from several threads are in the journal once flushed", "[run]") {
  test::TempDir dir("journal-appender");
  JournalHeader h = this_build_header();
  h.point_sha256 = {std::string(64, 'c')};
  h.replications = 8;
  auto journal = UnitJournal::create(dir / "a.h5.partial", h);
  REQUIRE(journal);
  std::vector<std::string> bytes(8);
  for (int r = 0; r < 8; ++r) {
    ReplicationResult unit;
    unit.replication = r;
    unit.months = r;
    encode_result(unit, bytes[static_cast<std::size_t>(r)]);
  }
  {
    JournalAppender appender(&*journal);
    CHECK(appender.active());
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
      threads.emplace_back([&, t] {
        for (int r = t; r < 8; r += 2) appender.enqueue({0, r}, std::string(bytes[static_cast<std::size_t>(r)]));
      });
    for (auto& th : threads) th.join();
    CHECK(appender.error().empty());  // flushes
    CHECK(journal->done_count() == 8);
  }
  for (int r = 0; r < 8; ++r) CHECK(journal->load_encoded(0, r) == bytes[static_cast<std::size_t>(r)]);

  JournalAppender none(nullptr);
  CHECK_FALSE(none.active());
  none.enqueue({0, 0}, std::string("ignored"));
  none.flush();
  CHECK(none.error().empty());
}
