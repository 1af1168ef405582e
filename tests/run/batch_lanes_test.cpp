// Specification of running handed-out batches: any number of lanes gives every unit once and the
// same results as execute(); a failing unit stops the lanes and is reported; cancel stops them.
#include "run/batch_lanes.h"

#include <tbb/global_control.h>

#include <catch2/catch.hpp>

#include "../test_paths.h"
#include "same_result.h"

using namespace finsim;

namespace {

using finsim::test::kBaseline;

// 3 points over the 2020 state pot (two share 2019 with the base), 3 replications, short.
PreparedRun small_sweep() {
  RunPlan plan;
  plan.scenario_file = kBaseline;
  plan.overrides = {"population.scale=0.02", "scenario.end=2020-12", "scenario.burn_in_years=1"};
  plan.replications = 3;
  plan.varied_keys = {"funding.state.allocation_msek.2020"};
  plan.points = {{"339"}, {"678"}, {"1017"}};
  return prepare_run(plan);
}

class Collect : public CollectingController {
 public:
  using CollectingController::CollectingController;
  void done(const Unit& u, ReplicationResult&& r) override {
    ++calls;
    CollectingController::done(u, std::move(r));
  }
  std::atomic<int> calls{0};
};

class FailOn : public RunController {
 public:
  explicit FailOn(Unit u) : unit_(u) {}
  bool wants(const Unit&) const override { return true; }
  void done(const Unit& u, ReplicationResult&&) override {
    if (u == unit_) throw std::runtime_error("unit failed");
  }

 private:
  Unit unit_;
};

}  // namespace

TEST_CASE("run_batches: every wanted unit once, as execute() computes it, for any lane count", "[run][determinism]") {
  const PreparedRun run = small_sweep();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
  const auto reference = execute_all(run);
  for (int lanes : {1, 2, 5}) {
    Collect collect(3, 0, 3);
    collect.done({1, 2}, ReplicationResult(reference[1][2]));  // done already (a resume)
    WorkQueue queue(run, collect);
    REQUIRE(queue.units() == 8);
    run_batches(run, queue, collect, {}, lanes);
    REQUIRE(collect.calls == 9);
    for (std::size_t p = 0; p < 3; ++p)
      for (std::size_t r = 0; r < 3; ++r) test::check_same(collect.results()[p][r], reference[p][r]);
  }
}

TEST_CASE("run_batches: a failing unit closes the source and is rethrown, cancel throws Cancelled", "[run]") {
  const PreparedRun run = small_sweep();
  {
    WorkQueue queue({{0, {0, 1, 2}}, {1, {0, 1, 2}}, {2, {0, 1, 2}}});
    FailOn fail({2, 0});
    REQUIRE_THROWS_WITH(run_batches(run, queue, fail, {}, 1), "unit failed");
    REQUIRE(queue.exhausted());  // closed: the batches left are not started
  }
  {
    WorkQueue queue({{0, {0}}, {1, {0}}});
    std::atomic<bool> cancel{true};
    ExecuteOptions options;
    options.cancel = &cancel;
    Collect collect(3, 0, 3);
    REQUIRE_THROWS_AS(run_batches(run, queue, collect, options, 2), Cancelled);
    REQUIRE(collect.calls == 0);
  }
}
