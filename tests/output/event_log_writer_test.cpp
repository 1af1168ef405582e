// Specification of output/event_log_writer.cpp: the event log (finsim run --events) as one column
// per field along `record`, replication after replication, codes labelled by CF flag attributes.
#include "output/event_log_writer.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "../temp_dir.h"
#include "config/read_scenario.h"
#include "output/hdf5_file.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_reader.h"
#include "output/results_writer.h"
#include "run/execute.h"

namespace fs = std::filesystem;
using namespace finsim;
using Catch::Detail::Approx;

namespace {

// Two replications with 2 and 1 records, and one without any.
std::vector<ReplicationResult> hand_written_events() {
  std::vector<ReplicationResult> out(3);
  for (int r = 0; r < 3; ++r) {
    out[static_cast<std::size_t>(r)].replication = 4 + r;
    out[static_cast<std::size_t>(r)].events_recorded = true;
  }
  out[0].events = {{agent_id(2, 5), 0, static_cast<std::uint8_t>(LogEvent::Entry), kOutside, 0, kNoInsats, 1},
                   {agent_id(2, 5), 3, static_cast<std::uint8_t>(LogEvent::Referral), 0, 1, 6, 1}};
  out[2].events = {{agent_id(0, 9), 11, static_cast<std::uint8_t>(LogEvent::Death), 2, 6, 3, 0}};
  return out;
}

}  // namespace

TEST_CASE("results: the event log round-trips column by column, with its codes labelled", "[output][results][events]") {
  const Scenario scenario = load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                                          {"population.scale=0.01", "scenario.end=2019-12", "scenario.replications=2"});
  const World world = build_world(scenario.config);
  const auto results = execute_all(prepare_run(scenario, std::make_shared<const World>(world), true)).front();
  check_invariants(results, scenario.config.meta.start);
  const fs::path file = fs::temp_directory_path() / ("finsim-events-" + std::to_string(::getpid()) + ".h5");
  write_results(file, scenario, world, results, describe_run("finsim run --events (test)", 2));

  {
    const ResultsFile f = open_results(file);
    REQUIRE(f.group.has("events"));
    const auto g = f.group.open_group("events");
    CHECK(h5::double_attribute(g, ".", "persons_per_agent") == Approx(100.0));
    CHECK(h5::string_attribute(g, ".", "start_month") == "2019-01");
    CHECK(h5::string_attribute(g, "event", "flag_meanings").rfind("entry referral wait_expired start completion", 0) ==
          0);
    CHECK(h5::string_attribute(g, "from_state", "flag_meanings") ==
          "target waiting in_insats work studies job_seeking gone outside");
    CHECK(h5::dimension_names(g, "agent") == std::vector<std::string>{"record"});

    std::vector<std::int64_t> rep, month, agent, area, event, from, to, insats;
    for (const auto& r : results)
      for (const auto& e : r.events) {
        rep.push_back(r.replication);
        month.push_back(e.month);
        agent.push_back(e.agent);
        area.push_back(e.area);
        event.push_back(e.event);
        from.push_back(e.from);
        to.push_back(e.to);
        insats.push_back(e.insats);
      }
    REQUIRE(rep.size() > 100);
    CHECK(h5::read_int64(g, "replication").values == rep);
    CHECK(h5::read_int64(g, "month").values == month);
    CHECK(h5::read_int64(g, "agent").values == agent);
    CHECK(h5::read_int64(g, "forbund").values == area);
    CHECK(h5::read_int64(g, "event").values == event);
    CHECK(h5::read_int64(g, "from_state").values == from);
    CHECK(h5::read_int64(g, "to_state").values == to);
    CHECK(h5::read_int64(g, "insats").values == insats);
  }
  std::error_code ignored;
  fs::remove(file, ignored);
}

TEST_CASE("event log writer: one column per field, records of each replication in order", "[output][events]") {
  const test::TempDir dir("event-log-writer");
  const auto results = hand_written_events();
  {
    auto file = h5::File::create(dir / "e.h5");
    write_event_log(file.create_group("s"), results, "2019-01", 20.0);
    file.close();
  }
  const auto file = h5::File::open_read(dir / "e.h5");
  const auto g = file.open_group("s/events");
  CHECK(h5::double_attribute(g, ".", "persons_per_agent") == 20.0);
  CHECK(h5::string_attribute(g, ".", "start_month") == "2019-01");
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{4, 4, 6});
  CHECK(h5::read_int64(g, "month").values == std::vector<std::int64_t>{0, 3, 11});
  CHECK(h5::read_int64(g, "agent").values == std::vector<std::int64_t>{agent_id(2, 5), agent_id(2, 5), agent_id(0, 9)});
  CHECK(h5::read_int64(g, "forbund").values == std::vector<std::int64_t>{1, 1, 0});
  CHECK(h5::read_int64(g, "event").values == std::vector<std::int64_t>{0, 1, 12});
  CHECK(h5::read_int64(g, "from_state").values == std::vector<std::int64_t>{kOutside, 0, 2});
  CHECK(h5::read_int64(g, "to_state").values == std::vector<std::int64_t>{0, 1, 6});
  CHECK(h5::read_int64(g, "insats").values == std::vector<std::int64_t>{-1, 6, 3});
  CHECK(h5::dataset_info(g, "event").dtype == "uint8");
  CHECK(h5::dataset_info(g, "insats").dtype == "int8");
  CHECK(h5::string_attribute(g, "to_state", "flag_meanings") ==
        "target waiting in_insats work studies job_seeking gone");  // never "outside"
}

TEST_CASE("event log writer: nothing without recorded events", "[output][events]") {
  const test::TempDir dir("event-log-none");
  auto results = hand_written_events();
  for (auto& r : results) r.events_recorded = false;
  auto file = h5::File::create(dir / "n.h5");
  const auto g = file.create_group("s");
  write_event_log(g, results, "2019-01", 20.0);
  write_event_log(g, {}, "2019-01", 20.0);
  CHECK_FALSE(g.has("events"));
}
