// The event log read back from a result file: every record of the run, in order, with its codes
// decoded by the file's own labels; block reads equal one read; a file without a log is an error.
#include "output/event_log_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/read_scenario.h"
#include "output/csv_export.h"
#include "output/provenance.h"
#include "output/results_reader.h"
#include "output/results_writer.h"
#include "run/execute.h"
#include "sim/event_log.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace finsim;

namespace {

struct RunWithEvents {
  Scenario scenario;
  World world;
  std::vector<ReplicationResult> results;
  fs::path file;

  explicit RunWithEvents(bool events)
      : scenario(load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                               {"population.scale=0.005", "scenario.end=2019-06", "scenario.replications=2"})),
        world(build_world(scenario.config)),
        file(fs::temp_directory_path() /
             ("finsim-eventlog-" + std::to_string(::getpid()) + (events ? "-with" : "-without") + ".h5")) {
    results = execute_all(prepare_run(scenario, std::make_shared<const World>(world), events)).front();
    write_results(file, scenario, world, results, describe_run("finsim run (test)", 1));
  }
  ~RunWithEvents() { fs::remove(file); }
};

}  // namespace

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

TEST_CASE("output: CSV export writes one tidy file per dataset, events.csv and attributes.csv", "[output][csv]") {
  const RunWithEvents run(true);
  const ResultsFile f = open_results(run.file);
  const fs::path dir = fs::temp_directory_path() / ("finsim-export-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::size_t written = export_csv(f, dir);
  CHECK(written > 10);
  auto lines = [](const fs::path& p) {
    std::ifstream in(p);
    std::size_t n = 0;
    for (std::string l; std::getline(in, l);) ++n;
    return n;
  };
  // participants is [replication, month, forbund]: one row per cell plus the header.
  const auto shape = h5::dataset_info(f.group, "participants").shape;
  CHECK(lines(dir / "participants.csv") == shape[0] * shape[1] * shape[2] + 1);
  CHECK(lines(dir / "events.csv") == EventLogReader(f.group).size() + 1);
  std::ifstream attrs(dir / "attributes.csv");
  const std::string text((std::istreambuf_iterator<char>(attrs)), std::istreambuf_iterator<char>());
  CHECK(text.find("/,schema_version,") != std::string::npos);
  fs::remove_all(dir);
}
