// Round trip: a tiny national run written to HDF5 and read back gives the in-memory aggregates,
// and the reader, the comparison and the provenance see what the writer meant.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "config/read_scenario.h"
#include "output/comparison.h"
#include "output/hdf5_file.h"
#include "output/invariants.h"
#include "output/provenance.h"
#include "output/results_reader.h"
#include "output/results_writer.h"
#include "output/sha256.h"
#include "run/execute.h"
#include "util/error.h"

namespace fs = std::filesystem;
using namespace finsim;

namespace {

struct TinyRun {
  Scenario scenario;
  World world;
  std::vector<ReplicationResult> results;
  fs::path file;

  TinyRun()
      : scenario(load_scenario(std::string(FINSIM_SOURCE_DIR) + "/scenarios/baseline.toml",
                               {"population.scale=0.01", "scenario.end=2020-12", "scenario.replications=2"})),
        world(build_world(scenario.config)),
        results(execute_all(prepare_run(scenario, std::make_shared<const World>(world))).front()),
        file(fs::temp_directory_path() / ("finsim-roundtrip-" + std::to_string(::getpid()) + ".h5")) {
    check_invariants(results, scenario.config.meta.start);
    write_results(file, scenario, world, results, describe_run("finsim run (test)", 2));
  }
  ~TinyRun() {
    std::error_code ignored;
    fs::remove(file, ignored);
  }
};

const TinyRun& tiny() {
  static const TinyRun run;
  return run;
}

}  // namespace

TEST_CASE("results: coordinates and provenance round-trip", "[output][results]") {
  const auto& t = tiny();
  const auto f = open_results(t.file);
  const auto& g = f.group;
  const auto& cfg = t.scenario.config;
  CHECK(f.scenario == "baseline");
  CHECK(h5::read_int64(g, "replication").values == std::vector<std::int64_t>{0, 1});
  const auto months = h5::read_strings(g, "month");
  REQUIRE(months.size() == 24);
  CHECK(months.front() == "2019-01");
  CHECK(months.back() == "2020-12");
  CHECK(h5::read_int64(g, "year").values == std::vector<std::int64_t>{2019, 2020});
  const auto labels = h5::read_strings(g, "forbund");
  REQUIRE(labels.size() == t.results.front().areas.size());
  const auto kinds = h5::read_strings(g, "forbund_kind");
  for (std::size_t a = 0; a < labels.size(); ++a) {
    const auto& info = t.results.front().areas[a];
    CHECK(labels[a] == info.name);
    CHECK(kinds[a] == (info.forbund < 0 ? "no_forbund" : info.synthetic ? "synthetic" : "documented"));
  }
  CHECK(h5::read_strings(g, "state") ==
        std::vector<std::string>{"target", "waiting", "in_insats", "work", "studies", "job_seeking", "gone"});
  CHECK(h5::read_strings(g, "payer") == std::vector<std::string>{"state", "region", "kommun"});
  CHECK(h5::read_strings(g, "insats").size() == cfg.insatser.size());
  CHECK(h5::dimension_names(g, "stock") == std::vector<std::string>{"replication", "month", "forbund", "state"});
  CHECK(h5::dimension_names(g, "flows") == std::vector<std::string>{"replication", "month", "from_state", "to_state"});
  CHECK(h5::dimension_names(g, "budget") == std::vector<std::string>{"replication", "year", "forbund"});
  CHECK(h5::dimension_names(g, "public_cost") == std::vector<std::string>{"replication", "month", "payer"});

  const auto root = f.file.root();
  CHECK(h5::string_attribute(root, ".", "finsim_version") == FINSIM_VERSION);
  CHECK(h5::string_attribute(root, ".", "schema_version") == "2");
  for (const char* name : {"git_commit", "compiler", "hdf5_version", "tbb_version", "boost_version",
                           "tomlplusplus_version", "created", "command_line", "host"})
    CHECK(!h5::string_attribute(root, ".", name).empty());
  CHECK(h5::int_attribute(root, ".", "threads") == 2);
  CHECK(h5::int_attribute(root, ".", "ranks") == 1);
  CHECK(h5::string_attribute(g, ".", "resolved_scenario") == t.scenario.resolved_toml);
  CHECK(h5::string_attribute(g, ".", "scenario_sha256") == sha256_hex(t.scenario.resolved_toml));
  const auto files = h5::strings_attribute(g, ".", "input_files");
  const auto digests = h5::strings_attribute(g, ".", "input_sha256");
  // kommuner.csv, forbund.csv, the need table and the allocation history (both read by the shipped
  // baseline), then the scenario chain.
  REQUIRE(!t.world.need_path.empty());
  REQUIRE(!t.world.allocations_path.empty());
  REQUIRE(files.size() == 4 + t.scenario.chain.size());
  CHECK(files[2] == t.world.need_path);
  CHECK(files[3] == t.world.allocations_path);
  REQUIRE(digests.size() == files.size());
  for (std::size_t i = 0; i < files.size(); ++i) CHECK(digests[i] == sha256_file_hex(files[i]));
  CHECK(h5::int_attribute(g, ".", "seed") == cfg.meta.seed);
  CHECK(h5::int_attribute(g, ".", "replication_first") == 0);
  CHECK(h5::int_attribute(g, ".", "replication_count") == 2);
  CHECK(h5::string_attribute(g, ".", "start_month") == "2019-01");
  CHECK(h5::int_attribute(g, ".", "months") == 24);
  CHECK(h5::double_attribute(g, ".", "population_scale") == 0.01);
  CHECK(h5::strings_attribute(g, ".", "overrides") == t.scenario.overrides);
  CHECK(h5::read_strings(g, "parameter").size() == t.scenario.parameters.size());
  CHECK(h5::string_attribute(g, "participants", "units") == "persons");
  CHECK(h5::string_attribute(g, "budget", "units") == "SEK");
}

TEST_CASE("results: monthly arrays equal the in-memory aggregates in persons", "[output][results]") {
  const auto& t = tiny();
  const auto f = open_results(t.file);
  const double per_person = 1.0 / t.scenario.config.population.scale;
  const auto participants = h5::read_double(f.group, "participants");
  const auto stock = h5::read_double(f.group, "stock");
  const auto target_group = h5::read_double(f.group, "target_group");
  const auto by_insats = h5::read_double(f.group, "participants_by_insats");
  const auto flows = h5::read_double(f.group, "flows");
  const std::size_t A = t.results.front().areas.size(), M = 24, S = kStates, I = t.scenario.config.insatser.size();
  REQUIRE(participants.shape == h5::Shape{2, M, A});
  REQUIRE(stock.shape == h5::Shape{2, M, A, S});
  REQUIRE(flows.shape == h5::Shape{2, M, S, S});
  for (std::size_t r = 0; r < 2; ++r)
    for (std::size_t m = 0; m < M; ++m) {
      std::array<std::array<std::int64_t, kStates>, kStates> national{};
      for (std::size_t a = 0; a < A; ++a) {
        const auto& c = t.results[r].at(static_cast<int>(m), a);
        std::int64_t sum = 0;
        for (std::size_t i = 0; i < I; ++i) {
          sum += c.participants[i];
          CHECK(by_insats.values[((r * M + m) * A + a) * I + i] == static_cast<double>(c.participants[i]) * per_person);
        }
        CHECK(participants.values[(r * M + m) * A + a] == static_cast<double>(sum) * per_person);
        for (std::size_t s = 0; s + 1 < S; ++s)
          CHECK(stock.values[((r * M + m) * A + a) * S + s] == static_cast<double>(c.stock[s]) * per_person);
        CHECK(target_group.values[(r * M + m) * A + a] ==
              static_cast<double>(c.stock[0] + c.stock[1] + c.stock[2]) * per_person);
        for (int s = 0; s < kStates; ++s)
          for (int u = 0; u < kStates; ++u) national[s][u] += c.flow[s][u];
      }
      for (std::size_t s = 0; s < S; ++s)
        for (std::size_t u = 0; u < S; ++u)
          CHECK(flows.values[((r * M + m) * S + s) * S + u] == static_cast<double>(national[s][u]) * per_person);
    }
}

TEST_CASE("results: yearly money and the payer ledger equal the in-memory records in SEK", "[output][results]") {
  const auto& t = tiny();
  const auto f = open_results(t.file);
  const auto budget = h5::read_int64(f.group, "budget");
  const auto state_paid = h5::read_int64(f.group, "state_paid");
  const auto individual_spent = h5::read_int64(f.group, "individual_spent");
  const auto capping = h5::read_strings(f.group, "capping_party");
  const auto cost = h5::read_int64(f.group, "public_cost");
  const auto contribution = h5::read_int64(f.group, "finsam_contribution");
  const auto& areas = t.results.front().areas;
  const std::size_t A = areas.size(), Y = 2, M = 24, P = kPayers;
  std::size_t nf = 0;
  for (const auto& a : areas) nf += a.forbund >= 0;
  const double scale = t.scenario.config.population.scale;
  for (std::size_t r = 0; r < 2; ++r) {
    const auto& res = t.results[r];
    for (std::size_t y = 0; y < Y; ++y) {
      std::array<Sek, kPayers> paid{};
      for (std::size_t a = 0; a < A; ++a) {
        const std::size_t at = (r * Y + y) * A + a;
        if (areas[a].forbund < 0) {
          CHECK(budget.values[at] == 0);
          CHECK(capping[at].empty());
          continue;
        }
        const auto& fy = res.funding[y * nf + static_cast<std::size_t>(areas[a].forbund)];
        CHECK(budget.values[at] == fy.budget);
        CHECK(state_paid.values[at] == fy.state_paid);
        CHECK(capping[at] == fy.capping_party);
        CHECK(individual_spent.values[at] == res.individual_spent[y * nf + static_cast<std::size_t>(areas[a].forbund)]);
        paid[0] += fy.state_paid;
        paid[1] += fy.region_paid;
        paid[2] += fy.kommuner_paid;
      }
      // The monthly contributions of a whole year add up to the year's payments exactly.
      for (std::size_t p = 0; p < P; ++p) {
        Sek sum = 0;
        for (std::size_t m = y * 12; m < y * 12 + 12; ++m) sum += contribution.values[(r * M + m) * P + p];
        CHECK(sum == paid[p]);
      }
    }
    for (std::size_t m = 0; m < M; ++m)
      for (std::size_t p = 0; p < P; ++p) {
        Sek expected = 0;
        for (std::size_t a = 0; a < A; ++a)
          expected += std::llround(static_cast<double>(res.at(static_cast<int>(m), a).public_cost[p]) / scale);
        CHECK(cost.values[(r * M + m) * P + p] == expected);
      }
  }
}

TEST_CASE("results: a run compared with itself differs by exactly zero", "[output][results][compare]") {
  const auto& t = tiny();
  const auto d = read_run(t.file);
  const auto c = compare_runs(d, d, {.by_forbund = true, .by_lan = true});
  CHECK(c.n == 2);
  CHECK(!c.policy_first_year);
  REQUIRE(!c.rows.empty());
  for (const auto& r : c.rows) {
    CHECK(r.difference.mean == 0.0);
    CHECK(r.difference.low == 0.0);
    CHECK(r.difference.high == 0.0);
    CHECK(r.base_mean == r.scenario_mean);
  }
  for (const auto& p : c.payback) CHECK(p.n == 0);
}

TEST_CASE("results: a run without --events has no event log group", "[output][results][events]") {
  const ResultsFile f = open_results(tiny().file);
  CHECK_FALSE(f.group.has("events"));
}
