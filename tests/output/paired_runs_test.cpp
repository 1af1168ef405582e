#include "output/paired_runs.h"

#include <catch2/catch.hpp>

#include "output/comparison.h"
#include "run_fixture.h"

using namespace finsim;
using finsim::test::empty_run;

TEST_CASE("paired runs: areas are paired by label, an area in one run only counts as zeros", "[output][compare]") {
  // Base areas A, B; scenario areas A, C (as full coverage removes a non-member area and adds a
  // förbund). 2020 participants: base A 5, B 7; scenario A 6, C 4.
  RunData base = empty_run(1, 2);
  RunData scen = empty_run(1, 2);
  scen.path = "scen.h5";
  scen.forbund[1] = "Förbund C";
  scen.forbund_region[1] = "02";
  scen.forbund_region_name[1] = "Län 02";
  scen.forbund_kind[1] = "synthetic";
  base.unique_participants.values = {0, 0, 5, 7};
  scen.unique_participants.values = {0, 0, 6, 4};
  const PairedRuns runs(base, scen);
  REQUIRE(runs.areas() == 3);
  CHECK(runs.label(0) == "Förbund A");
  CHECK(runs.label(1) == "Förbund B");
  CHECK(runs.label(2) == "Förbund C");
  CHECK(runs.in_both(0));
  CHECK(!runs.in_both(1));
  CHECK(runs.sum3(PairedRuns::Side::base, base.unique_participants, 0, 1, {2}) == 0);
  CHECK(runs.sum3(PairedRuns::Side::scenario, scen.unique_participants, 0, 1, {1}) == 0);
  CHECK(runs.sum3(PairedRuns::Side::scenario, scen.unique_participants, 0, 1, {2}) == 4);

  const auto c = compare_runs(base, scen, {.by_forbund = true, .by_lan = true});
  CHECK(c.only_in_base == std::vector<std::string>{"Förbund B"});
  CHECK(c.only_in_scenario == std::vector<std::string>{"Förbund C"});
  using P = ComparisonRow::Period;
  const auto* national = find_row(c, "unique_participants", "", P::year, 2020);
  REQUIRE(national);
  CHECK(national->difference.mean == -2);
  // National extra participants equal the sum over förbund, and the sum over län.
  double forbund = 0, lan = 0;
  for (const auto& r : c.rows)
    if (r.metric == "unique_participants" && r.period == P::year && r.year == 2020) {
      if (r.level == "forbund") forbund += r.difference.mean;
      if (r.level == "lan") lan += r.difference.mean;
    }
  CHECK(forbund == -2);
  CHECK(lan == -2);
  CHECK(find_row(c, "unique_participants", "", P::year, 2020, "Förbund C", "forbund")->difference.mean == 4);
  CHECK(find_row(c, "unique_participants", "", P::year, 2020, "Län 02", "lan")->synthetic);
}
