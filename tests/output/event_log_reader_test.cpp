// The event log read back from a result file: every record of the run, in order, with its codes
// decoded by the file's own labels; block reads equal one read; a file without a log is an error.
#include "output/event_log_reader.h"

#include <catch2/catch.hpp>
#include <string>

#include "output/results_reader.h"
#include "run_with_events.h"
#include "sim/event_log.h"
#include "util/error.h"

using namespace finsim;
using finsim::test::RunWithEvents;

TEST_CASE("output: the event log reads back record by record with decoded labels", "[output][events]") {
  const RunWithEvents run(true);
  const ResultsFile f = open_results(run.file);
  const EventLogReader log(f.group);

  std::size_t total = 0;
  for (const auto& r : run.results) total += r.events.size();
  REQUIRE(total > 0);
  CHECK(log.size() == total);

  const auto all = log.read(0, log.size());
  REQUIRE(all.size() == total);
  // Replication 0's records come first, in the order the run kept them.
  const auto& first = run.results.front().events.front();
  CHECK(all.front().replication == 0);
  CHECK(all.front().agent == first.agent);
  CHECK(all.front().month == run.scenario.config.meta.start.label());  // month 0 = 2019-01 in this run
  CHECK(all.front().event == kLogEventLabels[first.event]);
  CHECK(all.back().replication == 1);
  for (const auto& r : all) {
    CHECK_FALSE(r.event.empty());
    CHECK_FALSE(r.to_state.empty());
    CHECK(r.month.size() == 7);
  }
  // An entry comes from outside the model; other records name a state they leave.
  for (const auto& r : all) CHECK((r.event == "entry") == (r.from_state == "outside"));

  // Reading in blocks gives the same records; a block past the end is short.
  std::vector<DecodedEvent> blocks;
  for (std::size_t at = 0; at < log.size(); at += 7)
    for (auto& r : log.read(at, 7)) blocks.push_back(std::move(r));
  REQUIRE(blocks.size() == all.size());
  for (std::size_t k = 0; k < all.size(); ++k) {
    CHECK(blocks[k].agent == all[k].agent);
    CHECK(blocks[k].event == all[k].event);
    CHECK(blocks[k].insats == all[k].insats);
  }
}

TEST_CASE("output: a result without an event log says so", "[output][events]") {
  const RunWithEvents run(false);
  const ResultsFile f = open_results(run.file);
  CHECK_THROWS_WITH(EventLogReader(f.group), Catch::Contains("no event log (run with --events)"));
}
