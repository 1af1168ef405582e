// Specification of the collecting controller: a unit passed as its encoded bytes (from another MPI
// rank) is kept and journalled exactly as the same unit passed as a result — the journal files are
// byte for byte the same, and a resume loads it equal field by field; units given from several
// threads are all in the journal once the controller has flushed its appending thread.
#include "run/run_controller.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "../temp_dir.h"
#include "run/result_encoding.h"
#include "same_result.h"
#include "tiny_replication.h"

using namespace finsim;

namespace {

JournalHeader controller_header() {
  JournalHeader h = this_build_header();
  h.point_sha256 = {std::string(64, 'a'), std::string(64, 'b')};
  h.seed = 7;
  h.replications = 2;
  return h;
}

std::string bytes_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Takes only what RunController does by default.
class Plain : public RunController {
 public:
  bool wants(const Unit&) const override { return true; }
  void done(const Unit& u, ReplicationResult&& r) override {
    unit = u;
    result = std::move(r);
  }
  Unit unit;
  ReplicationResult result;
};

}  // namespace

TEST_CASE("CollectingController: a unit given encoded is kept and journalled as one given decoded", "[run]") {
  test::TempDir dir("controller-encoded");
  const ReplicationResult r = test::tiny_replication(false, 1);
  std::string encoded;
  encode_result(r, encoded);
  {
    auto a = UnitJournal::create(dir / "a.h5.partial", controller_header());
    auto b = UnitJournal::create(dir / "b.h5.partial", controller_header());
    REQUIRE(a);
    REQUIRE(b);
    CollectingController by_result(2, 0, 2, &*a), by_bytes(2, 0, 2, &*b);
    by_result.done({1, 1}, ReplicationResult(r));
    by_bytes.done_encoded({1, 1}, encoded);
    REQUIRE(by_bytes.have({1, 1}));
    REQUIRE_FALSE(by_bytes.have({0, 1}));
    test::check_same(by_bytes.results()[1][1], r);
    REQUIRE(by_bytes.journal_error().empty());
  }
  REQUIRE(bytes_of(dir / "a.h5.partial") == bytes_of(dir / "b.h5.partial"));
  UnitJournal resumed = UnitJournal::resume(dir / "b.h5.partial", controller_header());
  CollectingController again(2, 0, 2, &resumed);
  REQUIRE(again.have({1, 1}));
  REQUIRE_FALSE(again.wants({1, 1}));
  test::check_same(again.results()[1][1], r);

  Plain plain;  // the default: decoded, then done()
  plain.done_encoded({0, 1}, encoded);
  REQUIRE(plain.unit == Unit{0, 1});
  test::check_same(plain.result, r);
}

TEST_CASE("CollectingController: units given from several threads are all journalled once flushed", "[run]") {
  test::TempDir dir("controller-threads");
  const ReplicationResult r = test::tiny_replication(false, 1);
  std::string encoded;
  encode_result(r, encoded);
  auto journal = UnitJournal::create(dir / "t.h5.partial", controller_header());
  REQUIRE(journal);
  {
    CollectingController c(2, 0, 2, &*journal);
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
      threads.emplace_back([&, t] {
        c.done({static_cast<std::size_t>(t), 0}, ReplicationResult(r));
        c.done_encoded({static_cast<std::size_t>(t), 1}, encoded);
      });
    for (auto& th : threads) th.join();
    c.flush();
    CHECK(journal->done_count() == 4);
    CHECK(c.journal_error().empty());
    for (std::size_t p = 0; p < 2; ++p)
      for (int rep = 0; rep < 2; ++rep) {
        CHECK(c.have({p, rep}));
        test::check_same(c.results()[p][static_cast<std::size_t>(rep)], r);
      }
  }
  // Every record reads back as the unit it was given.
  for (std::size_t p = 0; p < 2; ++p)
    for (int rep = 0; rep < 2; ++rep) test::check_same(journal->load(p, rep), r);
}
