// Specification of the shard run's controller: it computes exactly the units of its shard that the
// journal lacks, every unit lands in the journal equal to the whole run's, and a second pass over
// a complete journal computes nothing.
#include "run/journal_controller.h"

#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "../temp_dir.h"
#include "run/execute.h"
#include "same_result.h"

using namespace finsim;

namespace {

// 2 points (the second with a higher state pot from 2020) x 3 replications of a tiny scenario.
RunPlan small_sweep_plan() {
  RunPlan plan;
  plan.scenario_file = std::filesystem::path(FINSIM_SOURCE_DIR) / "scenarios" / "baseline.toml";
  plan.overrides = {"population.scale=0.02", "scenario.end=2020-12", "scenario.burn_in_years=0"};
  plan.replications = 3;
  plan.varied_keys = {"funding.state.allocation_msek.2020"};
  plan.points = {{"339"}, {"678"}};
  return plan;
}

JournalHeader header_of(const PreparedRun& run, Shard shard) {
  JournalHeader h = this_build_header();
  h.point_sha256 = {std::string(64, 'a'), std::string(64, 'b')};
  h.replications = run.replications;
  h.shard_index = shard.index;
  h.shard_count = shard.count;
  return h;
}

// Counts the units a controller is asked to compute.
class Counting : public JournalController {
 public:
  using JournalController::JournalController;
  void done(const Unit& unit, ReplicationResult&& result) override {
    ++computed;
    JournalController::done(unit, std::move(result));
  }
  int computed = 0;
};

}  // namespace

TEST_CASE("journal controller: shards hold exactly their units, equal to the whole run's", "[run]") {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
  test::TempDir dir("journal-controller");
  const PreparedRun run = prepare_run(small_sweep_plan());
  const auto whole = execute_all(run);
  std::vector<int> held(6, 0);
  for (int k = 1; k <= 4; ++k) {
    INFO("shard " << k << "/4");
    const ShardSlice slice({k, 4}, 2, 0, 3);
    const auto path = dir.path / std::to_string(k);
    auto journal = UnitJournal::create(path, header_of(run, slice.shard()));
    REQUIRE(journal);
    Counting controller(*journal, slice);
    execute(run, controller);
    CHECK(controller.computed == static_cast<int>(slice.size()));
    CHECK(journal->done_count() == slice.size());
    for (std::size_t p = 0; p < 2; ++p)
      for (int r = 0; r < 3; ++r) {
        CHECK(journal->done(p, r) == slice.contains({p, r}));
        if (!journal->done(p, r)) continue;
        ++held[p * 3 + static_cast<std::size_t>(r)];
        test::check_same(journal->load(p, r), whole[p][static_cast<std::size_t>(r)]);
      }
    // A complete shard resumed computes nothing.
    Counting again(*journal, slice);
    execute(run, again);
    CHECK(again.computed == 0);
  }
  CHECK(held == std::vector<int>(6, 1));
}
